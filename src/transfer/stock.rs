//! stock.csv: one row per product at a site: its count, and when it was counted.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::{CsvProblem, Problems, Record};
use crate::catalog::Reference;
use crate::db::import::StockImport;
use crate::domain::StockRow;
use crate::domain::input::FieldProblem;
use crate::domain::stock::MAX_QUANTITY;

pub const COLUMNS: &[&str] = &["site", "product", "quantity", "counted_at"];

pub fn read(records: &[Record], reference: &Reference) -> Result<Vec<StockImport>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let mut p = Problems { list: &mut problems, line: record.line };
        let site = reference.site_by_slug(record.get("site"));
        if site.is_none() {
            p.add("site", if record.get("site").is_empty() { FieldProblem::Required } else { FieldProblem::NotFound });
        }
        let product = reference.product_by_slug(record.get("product"));
        if product.is_none() {
            p.add("product", if record.get("product").is_empty() { FieldProblem::Required } else { FieldProblem::NotFound });
        }
        let quantity = p.number(record, "quantity", 0..=MAX_QUANTITY, true).unwrap_or(0);
        let counted_at = match record.get("counted_at") {
            "" => None,
            text => match DateTime::parse_from_rfc3339(text) {
                Ok(at) => Some(at.with_timezone(&Utc)),
                Err(_) => {
                    p.add("counted_at", FieldProblem::Malformed);
                    None
                }
            },
        };
        if let (Some(site), Some(product)) = (site, product) {
            if !seen.insert((site.id, product.id)) {
                p.add("product", FieldProblem::Repeated);
            }
            rows.push(StockImport { site_id: site.id, product_id: product.id, quantity, counted_at });
        }
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

pub fn write(out: &mut csv::Writer<Vec<u8>>, reference: &Reference, stock: &[StockRow]) -> anyhow::Result<()> {
    for row in stock {
        let (Some(site), Some(product)) = (reference.site(row.site_id), reference.product(row.product_id)) else { continue };
        out.write_record([site.slug.clone(), product.slug.clone(), row.quantity.to_string(), row.updated_at.to_rfc3339()])?;
    }
    Ok(())
}
