//! The CSV formats staff load and download: sites, products and stock (UTF-8, a header row,
//! described in the README). Reading checks every row and reports every problem with its line
//! and column before anything is written; writing produces files that read back to the same
//! data.

mod products;
mod sites;
mod stock;

use crate::catalog::Reference;
use crate::db::import::ImportRows;
use crate::domain::input::FieldProblem;

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Table {
    Sites,
    Products,
    Stock,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Sites, Table::Products, Table::Stock];

    pub fn key(self) -> &'static str {
        match self {
            Table::Sites => "sites",
            Table::Products => "products",
            Table::Stock => "stock",
        }
    }

    pub fn parse(key: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The header row, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Sites => sites::COLUMNS,
            Table::Products => products::COLUMNS,
            Table::Stock => stock::COLUMNS,
        }
    }
}

/// One thing wrong with a file: where (a 1-based line, a column name; line 1 is the header)
/// and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    pub line: u64,
    pub column: String,
    pub problem: FieldProblem,
}

/// Reads a whole file, checking every row against the catalogue as it is.
pub fn read(table: Table, bytes: &[u8], reference: &Reference) -> Result<ImportRows, Vec<CsvProblem>> {
    let records = records(table, bytes)?;
    match table {
        Table::Sites => sites::read(&records, reference).map(ImportRows::Sites),
        Table::Products => products::read(&records, reference).map(ImportRows::Products),
        Table::Stock => stock::read(&records, reference).map(ImportRows::Stock),
    }
}

/// Writes the catalogue's current rows of `table`.
pub fn write(table: Table, reference: &Reference, stock: &[crate::domain::StockRow]) -> anyhow::Result<Vec<u8>> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(table.columns())?;
    match table {
        Table::Sites => sites::write(&mut out, reference)?,
        Table::Products => products::write(&mut out, reference)?,
        Table::Stock => stock::write(&mut out, reference, stock)?,
    }
    out.into_inner().map_err(|e| anyhow::anyhow!("csv: {e}"))
}

/// A data row: its line and its fields by column name.
pub(crate) struct Record {
    pub line: u64,
    fields: Vec<(String, String)>,
}

impl Record {
    /// The trimmed value of `column` ("" when the column is optional and absent).
    pub fn get(&self, column: &str) -> &str {
        self.fields.iter().find(|(name, _)| name == column).map_or("", |(_, value)| value.trim())
    }
}

/// Collects problems of one row.
pub(crate) struct Problems<'a> {
    pub list: &'a mut Vec<CsvProblem>,
    pub line: u64,
}

impl Problems<'_> {
    pub fn add(&mut self, column: &str, problem: FieldProblem) {
        self.list.push(CsvProblem { line: self.line, column: column.to_owned(), problem });
    }

    /// A required text of at most `max` characters.
    pub fn text(&mut self, record: &Record, column: &str, max: usize, required: bool) -> String {
        let (value, problem) = crate::domain::input::check_text(record.get(column), max, required);
        if let Some(problem) = problem {
            self.add(column, problem);
        }
        value
    }

    /// A code: a–z, 0–9 and hyphens, as in the site's URLs.
    pub fn code(&mut self, record: &Record, column: &str) -> String {
        let value = self.text(record, column, 200, true);
        if !value.is_empty() && !value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            self.add(column, FieldProblem::Malformed);
        }
        value
    }

    /// `1`/`0` (also yes/no, true/false); empty is `default`.
    pub fn flag(&mut self, record: &Record, column: &str, default: bool) -> bool {
        match record.get(column).to_lowercase().as_str() {
            "" => default,
            "1" | "yes" | "true" | "có" => true,
            "0" | "no" | "false" | "không" => false,
            _ => {
                self.add(column, FieldProblem::Malformed);
                default
            }
        }
    }

    /// A number within `range`; empty is `None` unless required.
    pub fn number<T: std::str::FromStr + PartialOrd + Copy>(
        &mut self,
        record: &Record,
        column: &str,
        range: std::ops::RangeInclusive<T>,
        required: bool,
    ) -> Option<T> {
        let value = record.get(column);
        if value.is_empty() {
            if required {
                self.add(column, FieldProblem::Required);
            }
            return None;
        }
        match value.parse::<T>() {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                self.add(column, FieldProblem::Malformed);
                None
            }
        }
    }
}

/// Splits a file into records, checking the header: every column known, the required ones
/// present. Excel's CRLF line ends are read as LF so that line numbers are right.
fn records(table: Table, bytes: &[u8]) -> Result<Vec<Record>, Vec<CsvProblem>> {
    let header_problem = |column: &str, problem| vec![CsvProblem { line: 1, column: column.to_owned(), problem }];
    let Ok(text) = std::str::from_utf8(bytes) else { return Err(header_problem("", FieldProblem::NotUtf8)) };
    let text = text.replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(_) => return Err(header_problem("", FieldProblem::Malformed)),
    };
    let mut problems = Vec::new();
    for column in &header {
        if !table.columns().contains(&column.as_str()) {
            problems.push(CsvProblem { line: 1, column: column.clone(), problem: FieldProblem::Unexpected });
        }
    }
    for required in required_columns(table) {
        if !header.iter().any(|c| c == required) {
            problems.push(CsvProblem { line: 1, column: (*required).to_owned(), problem: FieldProblem::Required });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut records = Vec::new();
    for result in reader.records() {
        match result {
            Ok(row) => {
                let line = row.position().map_or(0, |p| p.line());
                records.push(Record { line, fields: header.iter().cloned().zip(row.iter().map(str::to_owned)).collect() });
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| p.line());
                problems.push(CsvProblem { line, column: String::new(), problem: FieldProblem::Malformed });
            }
        }
    }
    if problems.is_empty() { Ok(records) } else { Err(problems) }
}

fn required_columns(table: Table) -> &'static [&'static str] {
    match table {
        Table::Sites => &["code", "kind", "name", "address", "ward", "lat", "lon"],
        Table::Products => &["code", "name", "producer", "producer_district", "category", "stars", "certified_on"],
        Table::Stock => &["site", "product", "quantity"],
    }
}
