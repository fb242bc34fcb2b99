//! Product writes by city staff: each one transaction, logged for the other instances, every
//! changed field audited.

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, FromRow};

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
use super::edits;
use crate::domain::input::{FieldError, FieldProblem};
use crate::error::AppError;

/// Every field of a product staff can edit, as stored.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct ProductFields {
    pub name: String,
    pub producer_id: i64,
    pub category: String,
    pub stars: i64,
    pub five_star_potential: i64,
    /// YYYY-MM-DD.
    pub certified_on: String,
    pub description: String,
    pub description_en: String,
    pub unit: String,
    /// 0 for none.
    pub price_vnd: i64,
    pub barcode: String,
}

const FIELDS: &str = "name, producer_id, category, stars, five_star_potential, certified_on, description, description_en, unit, COALESCE(price_vnd, 0) AS price_vnd, barcode";

impl ProductFields {
    /// Changes whenever any field does: the edit form carries it to detect a stale save.
    pub fn fingerprint(&self) -> String {
        crate::domain::text::fingerprint(&format!("{self:?}"))
    }

    fn changes(&self, new: &ProductFields) -> Vec<(&'static str, String, String)> {
        let pairs = [
            ("name", self.name.clone(), new.name.clone()),
            ("producer", self.producer_id.to_string(), new.producer_id.to_string()),
            ("category", self.category.clone(), new.category.clone()),
            ("stars", self.stars.to_string(), new.stars.to_string()),
            ("five_star_potential", self.five_star_potential.to_string(), new.five_star_potential.to_string()),
            ("certified_on", self.certified_on.clone(), new.certified_on.clone()),
            ("description", self.description.clone(), new.description.clone()),
            ("description_en", self.description_en.clone(), new.description_en.clone()),
            ("unit", self.unit.clone(), new.unit.clone()),
            ("price_vnd", self.price_vnd.to_string(), new.price_vnd.to_string()),
            ("barcode", self.barcode.clone(), new.barcode.clone()),
        ];
        pairs.into_iter().filter(|(_, a, b)| a != b).collect()
    }
}

/// The product's editable fields as stored now, and whether it is active.
#[tracing::instrument(skip_all, fields(product_id))]
pub async fn fields(db: &Db, product_id: i64) -> anyhow::Result<Option<(ProductFields, bool)>> {
    let sql = format!("SELECT {FIELDS} FROM products WHERE id = $1");
    let Some(fields) = sqlx::query_as::<_, ProductFields>(sqlx::AssertSqlSafe(sql)).bind(product_id).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let active: i64 = sqlx::query_scalar("SELECT active FROM products WHERE id = $1").bind(product_id).fetch_one(&db.pool).await?;
    Ok(Some((fields, active != 0)))
}

/// Every product (active or not): id, slug, name, active; by name.
pub async fn list(db: &Db) -> anyhow::Result<Vec<(i64, String, String, bool)>> {
    let rows: Vec<(i64, String, String, i64)> =
        sqlx::query_as("SELECT id, slug, name, active FROM products ORDER BY name").fetch_all(&db.pool).await?;
    Ok(rows.into_iter().map(|(id, slug, name, active)| (id, slug, name, active != 0)).collect())
}

async fn write(conn: &mut AnyConnection, product_id: i64, f: &ProductFields) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE products SET name = $2, producer_id = $3, category = $4, stars = $5, five_star_potential = $6, certified_on = $7, \
         description = $8, unit = $9, price_vnd = $10, barcode = $11, description_en = $12 WHERE id = $1",
    )
    .bind(product_id)
    .bind(&f.name)
    .bind(f.producer_id)
    .bind(&f.category)
    .bind(f.stars)
    .bind(f.five_star_potential)
    .bind(&f.certified_on)
    .bind(&f.description)
    .bind(&f.unit)
    .bind((f.price_vnd != 0).then_some(f.price_vnd))
    .bind(&f.barcode)
    .bind(&f.description_en)
    .persistent(false)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Saves a product's fields if they are still as the editor saw them (`seen`, a fingerprint).
#[tracing::instrument(skip_all, fields(product_id))]
pub async fn update(db: &Db, product_id: i64, seen: &str, new: &ProductFields, by: &str, now: DateTime<Utc>) -> Result<bool, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let current =
        edits::as_seen(&mut tx, format!("SELECT {FIELDS} FROM products WHERE id = $1"), product_id, seen, ProductFields::fingerprint)
            .await?;
    let changed = current.changes(new);
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(false);
    }
    write(&mut tx, product_id, new).await?;
    audit::record(&mut tx, &AuditEntry::fields(now, by, "product.edit", (None, Some(product_id)), changed)).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Product(product_id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(true)
}

/// Creates an active product; a taken slug is a `Validation` error on `name`.
#[tracing::instrument(skip_all)]
pub async fn create(db: &Db, slug: &str, f: &ProductFields, by: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO products (slug, name, producer_id, category, stars, five_star_potential, certified_on, description, unit) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(slug)
    .bind(&f.name)
    .bind(f.producer_id)
    .bind(&f.category)
    .bind(f.stars)
    .bind(f.five_star_potential)
    .bind(&f.certified_on)
    .bind(&f.description)
    .bind(&f.unit)
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| AppError::on_unique_violation(e, "name"))?;
    write(&mut tx, id, f).await?;
    audit::record(&mut tx, &AuditEntry::fields(now, by, "product.create", (None, Some(id)), vec![("name", String::new(), f.name.clone())]))
        .await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Product(id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Activates or deactivates a product. Deactivating also takes it off every shelf (each removal
/// audited), so it leaves every public page at once; a product of a deactivated producer cannot be
/// activated.
#[tracing::instrument(skip_all, fields(product_id, active))]
pub async fn set_active(db: &Db, product_id: i64, active: bool, by: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let producer_active: i64 =
        sqlx::query_scalar("SELECT pr.active FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = $1")
            .bind(product_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(AppError::NotFound)?;
    if active && producer_active == 0 {
        return Err(AppError::Validation(vec![FieldError::new("producer", FieldProblem::Inactive)]));
    }
    let switched = switch(&mut tx, product_id, active, by, now).await?;
    audit::record(&mut tx, &switched.audit).await?;
    changes::log(&mut tx, db.backend, seq, &switched.changed(product_id), now.timestamp()).await?;
    tx.commit().await?;
    Ok(())
}

/// What `switch` did: what to audit, and the sites whose shelves lost the product.
pub(super) struct Switched {
    pub audit: Vec<AuditEntry>,
    pub emptied_sites: Vec<i64>,
}

impl Switched {
    /// What to log: the product and each emptied shelf, so that other instances re-read
    /// those shelves.
    pub fn changed(&self, product_id: i64) -> Vec<Changed> {
        let emptied = self.emptied_sites.iter().map(|&site_id| Changed::Stock { site_id, product_id });
        std::iter::once(Changed::Product(product_id)).chain(emptied).collect()
    }
}

/// Within a transaction: sets the flag and, when deactivating, empties the product's shelves.
pub(super) async fn switch(
    conn: &mut AnyConnection,
    product_id: i64,
    active: bool,
    by: &str,
    now: DateTime<Utc>,
) -> Result<Switched, AppError> {
    let updated =
        sqlx::query("UPDATE products SET active = $2 WHERE id = $1").bind(product_id).bind(i64::from(active)).execute(&mut *conn).await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::NotFound);
    }
    let (before, after) = if active { ("inactive", "active") } else { ("active", "inactive") };
    let mut audit_entries =
        AuditEntry::fields(now, by, "product.active", (None, Some(product_id)), vec![("active", before.into(), after.into())]);
    let mut emptied_sites = Vec::new();
    if !active {
        let removed: Vec<(i64, i64)> = sqlx::query_as("DELETE FROM stock WHERE product_id = $1 RETURNING site_id, quantity")
            .bind(product_id)
            .fetch_all(&mut *conn)
            .await?;
        for (site_id, quantity) in removed {
            audit_entries.push(AuditEntry::stock(now, by, "stock.remove", site_id, product_id, quantity.to_string(), String::new()));
            emptied_sites.push(site_id);
        }
    }
    Ok(Switched { audit: audit_entries, emptied_sites })
}
