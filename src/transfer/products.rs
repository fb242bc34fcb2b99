//! products.csv: one row per product, keyed by its code (the slug in its URL). A producer is
//! named with its former district; a producer not yet known is created.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{CsvProblem, Problems, Record};
use crate::catalog::Reference;
use crate::db::import::{ProducerRef, ProductImport};
use crate::db::products::ProductFields;
use crate::domain::Category;
use crate::domain::input::FieldProblem;
use crate::domain::text::fold;

pub const COLUMNS: &[&str] = &[
    "code",
    "name",
    "producer",
    "producer_district",
    "category",
    "stars",
    "five_star_potential",
    "certified_on",
    "unit",
    "price_vnd",
    "barcode",
    "description",
    "description_en",
    "active",
];

pub fn read(records: &[Record], reference: &Reference) -> Result<Vec<ProductImport>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let mut p = Problems { list: &mut problems, line: record.line };
        let code = p.code(record, "code");
        if !code.is_empty() && !seen.insert(code.clone()) {
            p.add("code", FieldProblem::Repeated);
        }
        let name = p.text(record, "name", 160, true);
        let producer_name = p.text(record, "producer", 160, true);
        let district_text = fold(record.get("producer_district"));
        let district = reference.districts.iter().find(|d| d.slug == district_text || fold(&d.name) == district_text);
        if district.is_none() {
            p.add("producer_district", if district_text.is_empty() { FieldProblem::Required } else { FieldProblem::NotFound });
        }
        let known = reference
            .producers
            .iter()
            .find(|pr| fold(&pr.name) == fold(&producer_name) && district.is_some_and(|d| d.id == pr.district_id));
        let producer = match (known, district) {
            (Some(pr), _) => ProducerRef::Existing(pr.id),
            (None, Some(d)) => ProducerRef::New { name: producer_name, district_id: d.id },
            (None, None) => ProducerRef::Existing(0),
        };
        let category = record.get("category").to_owned();
        if Category::parse(&category).is_none() {
            p.add("category", FieldProblem::Malformed);
        }
        let stars = p.number(record, "stars", 3..=5, true).unwrap_or(3);
        let certified_on = record.get("certified_on").to_owned();
        if NaiveDate::parse_from_str(&certified_on, "%Y-%m-%d").is_err() {
            p.add("certified_on", FieldProblem::Malformed);
        }
        let barcode = p.text(record, "barcode", 32, false);
        if !barcode.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            p.add("barcode", FieldProblem::Malformed);
        }
        let fields = ProductFields {
            name,
            producer_id: 0,
            category,
            stars,
            five_star_potential: i64::from(p.flag(record, "five_star_potential", false) && stars == 4),
            certified_on,
            description: p.text(record, "description", 4000, false),
            description_en: p.text(record, "description_en", 4000, false),
            unit: p.text(record, "unit", 60, false),
            price_vnd: p.number(record, "price_vnd", 0..=1_000_000_000, false).unwrap_or(0),
            barcode,
        };
        let active = p.flag(record, "active", true);
        rows.push(ProductImport { code, producer, fields, active });
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

pub fn write(out: &mut csv::Writer<Vec<u8>>, reference: &Reference) -> anyhow::Result<()> {
    for pr in &reference.products {
        let producer = reference.producer(pr.producer_id);
        let district = producer.and_then(|p| reference.district(p.district_id)).map(|d| d.slug.clone()).unwrap_or_default();
        out.write_record([
            pr.slug.clone(),
            pr.name.clone(),
            producer.map(|p| p.name.clone()).unwrap_or_default(),
            district,
            pr.category.key().to_owned(),
            pr.stars.get().to_string(),
            if pr.five_star_potential { "1" } else { "0" }.to_owned(),
            pr.certified_on.to_string(),
            pr.unit.clone(),
            pr.price_vnd.map(|v| v.to_string()).unwrap_or_default(),
            pr.barcode.clone().unwrap_or_default(),
            pr.description.clone(),
            pr.description_en.clone(),
            if pr.active { "1" } else { "0" }.to_owned(),
        ])?;
    }
    Ok(())
}
