//! sites.csv: one row per showroom or design centre, keyed by its code (the slug in its URL).

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{CsvProblem, Problems, Record};
use crate::catalog::Reference;
use crate::db::import::SiteImport;
use crate::db::sites::SiteFields;
use crate::domain::OpeningHours;
use crate::domain::input::FieldProblem;

pub const COLUMNS: &[&str] = &[
    "code",
    "kind",
    "name",
    "address",
    "ward",
    "lat",
    "lon",
    "phone",
    "zalo",
    "operator",
    "hours",
    "closed_until",
    "closure_note",
    "description",
    "description_en",
    "stars",
    "active",
];

pub fn read(records: &[Record], reference: &Reference) -> Result<Vec<SiteImport>, Vec<CsvProblem>> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in records {
        let mut p = Problems { list: &mut problems, line: record.line };
        let code = p.code(record, "code");
        if !code.is_empty() && !seen.insert(code.clone()) {
            p.add("code", FieldProblem::Repeated);
        }
        let kind = record.get("kind").to_owned();
        if !matches!(kind.as_str(), "showroom" | "design_centre") {
            p.add("kind", FieldProblem::Malformed);
        }
        let name = p.text(record, "name", 120, true);
        let address = p.text(record, "address", 200, true);
        let ward = reference.wards.iter().find(|w| w.code == record.get("ward") || w.slug == record.get("ward"));
        if ward.is_none() {
            p.add("ward", if record.get("ward").is_empty() { FieldProblem::Required } else { FieldProblem::NotFound });
        }
        let lat = p.number(record, "lat", 8.0..=23.5, true);
        let lon = p.number(record, "lon", 102.0..=110.0, true);
        let hours = match OpeningHours::parse(record.get("hours")) {
            Ok(h) => h.to_string(),
            Err(_) => {
                p.add("hours", FieldProblem::Malformed);
                String::new()
            }
        };
        let closed_until = record.get("closed_until").to_owned();
        if !closed_until.is_empty() && NaiveDate::parse_from_str(&closed_until, "%Y-%m-%d").is_err() {
            p.add("closed_until", FieldProblem::Malformed);
        }
        let stars = p.number(record, "stars", 3..=5, false).unwrap_or(0);
        let fields = SiteFields {
            name,
            kind,
            address,
            ward_id: ward.map_or(0, |w| w.id),
            district_id: ward.map_or(0, |w| w.district_id),
            lat: lat.unwrap_or(0.0),
            lon: lon.unwrap_or(0.0),
            phone: p.text(record, "phone", 30, false),
            zalo: p.text(record, "zalo", 30, false),
            operator: p.text(record, "operator", 120, false),
            opening_hours: hours,
            closed_until,
            closure_note: p.text(record, "closure_note", 200, false),
            description: p.text(record, "description", 2000, false),
            description_en: p.text(record, "description_en", 2000, false),
            stars,
        };
        let active = p.flag(record, "active", true);
        rows.push(SiteImport { code, fields, active });
    }
    if problems.is_empty() { Ok(rows) } else { Err(problems) }
}

pub fn write(out: &mut csv::Writer<Vec<u8>>, reference: &Reference) -> anyhow::Result<()> {
    for s in &reference.sites {
        let ward = reference.ward(s.ward_id).map(|w| w.code.clone()).unwrap_or_default();
        let (closed_until, closure_note) = s.closure.as_ref().map(|c| (c.reopens_on.to_string(), c.note.clone())).unwrap_or_default();
        out.write_record([
            s.slug.clone(),
            s.kind.key().to_owned(),
            s.name.clone(),
            s.address.clone(),
            ward,
            format!("{}", s.lat),
            format!("{}", s.lon),
            s.phone.clone().unwrap_or_default(),
            s.zalo.clone().unwrap_or_default(),
            s.operator.clone().unwrap_or_default(),
            s.hours.to_string(),
            closed_until,
            closure_note,
            s.description.clone(),
            s.description_en.clone(),
            s.stars.map(|st| st.get().to_string()).unwrap_or_default(),
            if s.active { "1" } else { "0" }.to_owned(),
        ])?;
    }
    Ok(())
}
