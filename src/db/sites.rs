//! Site writes by staff: each edit one transaction, logged for the other instances and audited
//! field by field (before → after).

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, FromRow};

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
use super::edits;
use crate::error::AppError;

/// Every field of a site staff can edit, as stored.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct SiteFields {
    pub name: String,
    pub kind: String,
    pub address: String,
    pub ward_id: i64,
    pub district_id: i64,
    pub lat: f64,
    pub lon: f64,
    pub phone: String,
    pub zalo: String,
    pub operator: String,
    pub opening_hours: String,
    pub closed_until: String,
    pub closure_note: String,
    pub description: String,
    pub description_en: String,
    /// 0 for none.
    pub stars: i64,
}

const FIELDS: &str = "name, kind, address, ward_id, district_id, lat, lon, COALESCE(phone, '') AS phone, zalo, \
                      COALESCE(operator, '') AS operator, opening_hours, closed_until, closure_note, description, description_en, COALESCE(stars, 0) AS stars";

/// The site's editable fields as stored now.
#[tracing::instrument(skip_all, fields(site_id))]
pub async fn fields(db: &Db, site_id: i64) -> anyhow::Result<Option<SiteFields>> {
    let sql = format!("SELECT {FIELDS} FROM sites WHERE id = $1");
    Ok(sqlx::query_as::<_, SiteFields>(sqlx::AssertSqlSafe(sql)).bind(site_id).fetch_optional(&db.pool).await?)
}

impl SiteFields {
    /// Changes whenever any field does: the edit form carries it to detect a stale save.
    pub fn fingerprint(&self) -> String {
        crate::domain::text::fingerprint(&format!("{self:?}"))
    }

    /// (column, before, after) for each field that differs.
    fn changes(&self, new: &SiteFields) -> Vec<(&'static str, String, String)> {
        let mut changed = Vec::new();
        let mut check = |name: &'static str, a: String, b: String| {
            if a != b {
                changed.push((name, a, b));
            }
        };
        check("name", self.name.clone(), new.name.clone());
        check("kind", self.kind.clone(), new.kind.clone());
        check("address", self.address.clone(), new.address.clone());
        check("ward", self.ward_id.to_string(), new.ward_id.to_string());
        check("coordinates", format!("{:.6}, {:.6}", self.lat, self.lon), format!("{:.6}, {:.6}", new.lat, new.lon));
        check("phone", self.phone.clone(), new.phone.clone());
        check("zalo", self.zalo.clone(), new.zalo.clone());
        check("operator", self.operator.clone(), new.operator.clone());
        check("hours", self.opening_hours.clone(), new.opening_hours.clone());
        check("closed_until", self.closed_until.clone(), new.closed_until.clone());
        check("closure_note", self.closure_note.clone(), new.closure_note.clone());
        check("description", self.description.clone(), new.description.clone());
        check("description_en", self.description_en.clone(), new.description_en.clone());
        check("stars", self.stars.to_string(), new.stars.to_string());
        changed
    }
}

/// Saves a site's fields if they still are as the editor saw them (`seen`, a fingerprint):
/// otherwise `Conflict`, nothing written. Returns whether anything changed.
#[tracing::instrument(skip_all, fields(site_id))]
pub async fn update(db: &Db, site_id: i64, seen: &str, new: &SiteFields, by: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let current =
        edits::as_seen(&mut tx, format!("SELECT {FIELDS} FROM sites WHERE id = $1"), site_id, seen, SiteFields::fingerprint).await?;
    let changed = current.changes(new);
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(false);
    }
    write(&mut tx, site_id, new).await?;
    audit::record(&mut tx, &AuditEntry::fields(now, by, "site.edit", (Some(site_id), None), changed)).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Site(site_id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(true)
}

async fn write(conn: &mut AnyConnection, site_id: i64, f: &SiteFields) -> anyhow::Result<()> {
    let optional = |text: &str| Some(text.to_owned()).filter(|t| !t.is_empty());
    sqlx::query(
        "UPDATE sites SET name = $2, kind = $3, address = $4, ward_id = $5, district_id = $6, lat = $7, lon = $8, phone = $9, \
         zalo = $10, operator = $11, opening_hours = $12, closed_until = $13, closure_note = $14, description = $15, stars = $16, \
         description_en = $17 WHERE id = $1",
    )
    .bind(site_id)
    .bind(&f.name)
    .bind(&f.kind)
    .bind(&f.address)
    .bind(f.ward_id)
    .bind(f.district_id)
    .bind(f.lat)
    .bind(f.lon)
    .bind(optional(&f.phone))
    .bind(&f.zalo)
    .bind(optional(&f.operator))
    .bind(&f.opening_hours)
    .bind(&f.closed_until)
    .bind(&f.closure_note)
    .bind(&f.description)
    .bind((f.stars != 0).then_some(f.stars))
    .bind(&f.description_en)
    .persistent(false)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Creates a site (active); a taken slug is a `Validation` error on `name`.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, slug: &str, f: &SiteFields, by: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sites (slug, kind, name, address, ward_id, district_id, lat, lon, opening_hours, description, active) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id",
    )
    .bind(slug)
    .bind(&f.kind)
    .bind(&f.name)
    .bind(&f.address)
    .bind(f.ward_id)
    .bind(f.district_id)
    .bind(f.lat)
    .bind(f.lon)
    .bind(&f.opening_hours)
    .bind(&f.description)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| AppError::on_unique_violation(e, "name"))?;
    write(&mut tx, id, f).await?;
    let entry = AuditEntry {
        at: now,
        actor: by.to_owned(),
        action: "site.create",
        site_id: Some(id),
        product_id: None,
        subject: slug.to_owned(),
        before: String::new(),
        after: f.name.clone(),
    };
    audit::record(&mut tx, &[entry]).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Site(id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Activates or deactivates a site (a deactivated site leaves the public lists).
#[tracing::instrument(skip_all, fields(site_id, active))]
pub async fn set_active(db: &Db, site_id: i64, active: bool, by: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let updated = sqlx::query("UPDATE sites SET active = $2 WHERE id = $1").bind(site_id).bind(i64::from(active)).execute(&mut *tx).await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let (before, after) = if active { ("inactive", "active") } else { ("active", "inactive") };
    let entry = AuditEntry {
        at: now,
        actor: by.to_owned(),
        action: "site.active",
        site_id: Some(site_id),
        product_id: None,
        subject: String::new(),
        before: before.into(),
        after: after.into(),
    };
    audit::record(&mut tx, &[entry]).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Site(site_id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(())
}
