//! Producers and craft villages, as city staff edit them: each save one transaction, audited
//! field by field, logged so every instance reloads.

use chrono::{DateTime, Utc};
use sqlx::{FromRow, Row};

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
use super::edits;
use crate::domain::text::ascii;
use crate::error::AppError;

/// A producer's editable fields (0 for "no village").
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct ProducerFields {
    pub name: String,
    pub district_id: i64,
    pub village_id: i64,
}

/// A craft village's editable fields.
#[derive(Debug, Clone, PartialEq, FromRow)]
pub struct VillageFields {
    pub name: String,
    pub craft_vi: String,
    pub craft_en: String,
    pub district_id: i64,
    pub lat: f64,
    pub lon: f64,
    pub description: String,
    pub description_en: String,
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Which table: its name, the audit action prefix and its editable columns.
pub trait Maker: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin + std::fmt::Debug + PartialEq {
    const TABLE: &'static str;
    /// The audit log's subject ("producer #7") and actions ("producer.edit", …).
    const NOUN: &'static str;
    const CREATE: &'static str;
    const EDIT: &'static str;
    const ACTIVE: &'static str;
    /// Deactivating one deactivates its products (a producer's, not a village's).
    const OWNS_PRODUCTS: bool;
    const COLUMNS: &'static str;
    /// The columns `bind_all` binds, in order: every column a new row needs besides its slug.
    const SET: &'static [&'static str];
    /// (column, value as text) in `COLUMNS` order, for the audit log.
    fn values(&self) -> Vec<(&'static str, String)>;
    fn bind_all<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q>;

    fn fingerprint(&self) -> String {
        crate::domain::text::fingerprint(&format!("{self:?}"))
    }
}

impl Maker for ProducerFields {
    const TABLE: &'static str = "producers";
    const NOUN: &'static str = "producer";
    const CREATE: &'static str = "producer.create";
    const EDIT: &'static str = "producer.edit";
    const ACTIVE: &'static str = "producer.active";
    const OWNS_PRODUCTS: bool = true;
    const COLUMNS: &'static str = "name, district_id, COALESCE(village_id, 0) AS village_id";
    const SET: &'static [&'static str] = &["name", "district_id", "village_id"];
    fn values(&self) -> Vec<(&'static str, String)> {
        vec![("name", self.name.clone()), ("district", self.district_id.to_string()), ("village", self.village_id.to_string())]
    }
    fn bind_all<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query.bind(&self.name).bind(self.district_id).bind((self.village_id != 0).then_some(self.village_id))
    }
}

impl Maker for VillageFields {
    const TABLE: &'static str = "craft_villages";
    const NOUN: &'static str = "village";
    const CREATE: &'static str = "village.create";
    const EDIT: &'static str = "village.edit";
    const ACTIVE: &'static str = "village.active";
    const OWNS_PRODUCTS: bool = false;
    const COLUMNS: &'static str = "name, craft_vi, craft_en, district_id, lat, lon, description, description_en";
    const SET: &'static [&'static str] =
        &["name", "name_ascii", "craft_vi", "craft_en", "district_id", "lat", "lon", "description", "description_en"];
    fn values(&self) -> Vec<(&'static str, String)> {
        vec![
            ("name", self.name.clone()),
            ("craft_vi", self.craft_vi.clone()),
            ("craft_en", self.craft_en.clone()),
            ("district", self.district_id.to_string()),
            ("coordinates", format!("{:.6}, {:.6}", self.lat, self.lon)),
            ("description", self.description.clone()),
            ("description_en", self.description_en.clone()),
        ]
    }
    fn bind_all<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query
            .bind(&self.name)
            .bind(ascii(&self.name))
            .bind(&self.craft_vi)
            .bind(&self.craft_en)
            .bind(self.district_id)
            .bind(self.lat)
            .bind(self.lon)
            .bind(&self.description)
            .bind(&self.description_en)
    }
}

/// The SET list with placeholders from `$2` on ("name = $2, …").
fn assignments<M: Maker>() -> String {
    M::SET.iter().enumerate().map(|(i, c)| format!("{c} = ${}", i + 2)).collect::<Vec<_>>().join(", ")
}

/// The fields of one row as stored now.
pub async fn fields<M: Maker>(db: &Db, id: i64) -> anyhow::Result<Option<M>> {
    let sql = format!("SELECT {} FROM {} WHERE id = $1", M::COLUMNS, M::TABLE);
    Ok(sqlx::query_as::<_, M>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await?)
}

/// Saves a row's fields if they are still as the editor saw them (`seen`, a fingerprint).
#[tracing::instrument(skip_all, fields(table = M::TABLE, id))]
pub async fn update<M: Maker>(db: &Db, id: i64, seen: &str, new: &M, by: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let sql = format!("SELECT {} FROM {} WHERE id = $1", M::COLUMNS, M::TABLE);
    let current: M = edits::as_seen(&mut tx, sql, id, seen, M::fingerprint).await?;
    let changed: Vec<AuditEntry> = current
        .values()
        .into_iter()
        .zip(new.values())
        .filter(|((_, before), (_, after))| before != after)
        .map(|((field, before), (_, after))| entry(now, by, M::EDIT, format!("{} #{id} {field}", M::NOUN), before, after))
        .collect();
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(());
    }
    let sql = format!("UPDATE {} SET {} WHERE id = $1", M::TABLE, assignments::<M>());
    new.bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id)).persistent(false).execute(&mut *tx).await?;
    audit::record(&mut tx, &changed).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Maker], now.timestamp()).await?;
    tx.commit().await?;
    Ok(())
}

/// Creates an active row; a taken slug is a `Validation` error on `name`.
#[tracing::instrument(skip_all, fields(table = M::TABLE))]
pub async fn create<M: Maker>(db: &Db, slug: &str, new: &M, by: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let placeholders: Vec<String> = (2..=M::SET.len() + 1).map(|i| format!("${i}")).collect();
    let sql = format!("INSERT INTO {} (slug, {}) VALUES ($1, {}) RETURNING id", M::TABLE, M::SET.join(", "), placeholders.join(", "));
    let id: i64 = new
        .bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(slug))
        .persistent(false)
        .fetch_one(&mut *tx)
        .await
        .and_then(|row| row.try_get(0))
        .map_err(|e| AppError::on_unique_violation(e, "name"))?;
    let name = new.values().into_iter().next().map(|(_, name)| name).unwrap_or_default();
    let entry = entry(now, by, M::CREATE, format!("{} #{id}", M::NOUN), String::new(), name);
    audit::record(&mut tx, &[entry]).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Maker], now.timestamp()).await?;
    tx.commit().await?;
    Ok(id)
}

/// Activates or deactivates a row. Deactivating a producer deactivates its products too (each
/// audited, each taken off every shelf); reactivating it leaves them for staff to reactivate one
/// by one, since some may have been deactivated on their own.
#[tracing::instrument(skip_all, fields(table = M::TABLE, id, active))]
pub async fn set_active<M: Maker>(db: &Db, id: i64, active: bool, by: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let sql = format!("UPDATE {} SET active = $2 WHERE id = $1 AND active <> $2", M::TABLE);
    let updated = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id).bind(i64::from(active)).execute(&mut *tx).await?;
    if updated.rows_affected() == 0 {
        let sql = format!("SELECT id FROM {} WHERE id = $1", M::TABLE);
        let exists: Option<i64> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *tx).await?;
        tx.rollback().await?;
        // Already as asked (a repeated click): nothing to do.
        return if exists.is_some() { Ok(()) } else { Err(AppError::NotFound) };
    }
    let (before, after) = if active { ("inactive", "active") } else { ("active", "inactive") };
    let mut entries = vec![entry(now, by, M::ACTIVE, format!("{} #{id} active", M::NOUN), before.into(), after.into())];
    let mut changed = vec![Changed::Maker];
    if M::OWNS_PRODUCTS && !active {
        let products: Vec<i64> = sqlx::query_scalar("SELECT id FROM products WHERE producer_id = $1 AND active = 1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
        for product_id in products {
            let switched = super::products::switch(&mut tx, product_id, false, by, now).await?;
            changed.extend(switched.changed(product_id));
            entries.extend(switched.audit);
        }
    }
    audit::record(&mut tx, &entries).await?;
    changes::log(&mut tx, db.backend, seq, &changed, now.timestamp()).await?;
    tx.commit().await?;
    Ok(())
}

fn entry(at: DateTime<Utc>, by: &str, action: &'static str, subject: String, before: String, after: String) -> AuditEntry {
    AuditEntry { at, actor: by.to_owned(), action, site_id: None, product_id: None, subject, before, after }
}
