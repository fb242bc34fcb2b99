//! Producers and craft villages, as city staff edit them: each save one transaction, audited
//! field by field, logged so every instance reloads.

use chrono::{DateTime, Utc};
use sqlx::FromRow;

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
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
}

type AnyQuery<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>;

/// Which table: its name, the audit action prefix and its editable columns.
pub trait Maker: for<'r> FromRow<'r, sqlx::any::AnyRow> + Send + Unpin + std::fmt::Debug + PartialEq {
    const TABLE: &'static str;
    const ACTION: &'static str;
    const COLUMNS: &'static str;
    /// The columns `bind_all` binds, in order.
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
    const ACTION: &'static str = "producer";
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
    const ACTION: &'static str = "village";
    const COLUMNS: &'static str = "name, craft_vi, craft_en, district_id, lat, lon, description";
    const SET: &'static [&'static str] = &["name", "craft_vi", "craft_en", "district_id", "lat", "lon", "description"];
    fn values(&self) -> Vec<(&'static str, String)> {
        vec![
            ("name", self.name.clone()),
            ("craft_vi", self.craft_vi.clone()),
            ("craft_en", self.craft_en.clone()),
            ("district", self.district_id.to_string()),
            ("coordinates", format!("{:.6}, {:.6}", self.lat, self.lon)),
            ("description", self.description.clone()),
        ]
    }
    fn bind_all<'q>(&'q self, query: AnyQuery<'q>) -> AnyQuery<'q> {
        query
            .bind(&self.name)
            .bind(&self.craft_vi)
            .bind(&self.craft_en)
            .bind(self.district_id)
            .bind(self.lat)
            .bind(self.lon)
            .bind(&self.description)
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
    let mut tx = db.pool.begin().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let sql = format!("SELECT {} FROM {} WHERE id = $1", M::COLUMNS, M::TABLE);
    let current = sqlx::query_as::<_, M>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *tx).await?.ok_or(AppError::NotFound)?;
    if current.fingerprint() != seen {
        return Err(AppError::Conflict);
    }
    let changed: Vec<AuditEntry> = current
        .values()
        .into_iter()
        .zip(new.values())
        .filter(|((_, before), (_, after))| before != after)
        .map(|((field, before), (_, after))| AuditEntry {
            at: now,
            actor: by.to_owned(),
            action: if M::ACTION == "producer" { "producer.edit" } else { "village.edit" },
            site_id: None,
            product_id: None,
            subject: format!("{} #{id} {field}", M::ACTION),
            before,
            after,
        })
        .collect();
    if changed.is_empty() {
        tx.rollback().await?;
        return Ok(());
    }
    let sql = format!("UPDATE {} SET {} WHERE id = $1", M::TABLE, assignments::<M>());
    new.bind_all(sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id)).persistent(false).execute(&mut *tx).await?;
    audit::record(&mut tx, &changed).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::All], now.timestamp()).await?;
    tx.commit().await?;
    Ok(())
}

/// Creates a producer; a taken code is a `Validation` error on `name`.
#[tracing::instrument(skip_all)]
pub async fn create_producer(db: &Db, slug: &str, f: &ProducerFields, by: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let mut tx = db.pool.begin().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let id: i64 = sqlx::query_scalar("INSERT INTO producers (slug, name, district_id, village_id) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(slug)
        .bind(&f.name)
        .bind(f.district_id)
        .bind((f.village_id != 0).then_some(f.village_id))
        .persistent(false)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| AppError::on_unique_violation(e, "name"))?;
    let entry = AuditEntry {
        at: now,
        actor: by.to_owned(),
        action: "producer.create",
        site_id: None,
        product_id: None,
        subject: format!("producer #{id}"),
        before: String::new(),
        after: f.name.clone(),
    };
    audit::record(&mut tx, &[entry]).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::All], now.timestamp()).await?;
    tx.commit().await?;
    Ok(id)
}
