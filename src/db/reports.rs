//! Shoppers' reports: filed without an account (rate-limited per address, the address kept
//! only for the limit's window), queued for the site's clerks, resolved by counting or by
//! marking them wrong.

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AssertSqlSafe, FromRow};

use super::Db;
use super::audit::{self, AuditEntry};
use super::batch::Batch;
use super::changes::{self, Changed};
use crate::domain::report::{REPORTS_PER_WINDOW, ReportKind, Resolution, WINDOW_SECONDS};
use crate::domain::stock::DISPUTED_AFTER_REPORTS;

/// A report as staff see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: i64,
    pub site_id: i64,
    /// `None` when it is about the site itself.
    pub product_id: Option<i64>,
    pub kind: ReportKind,
    pub note: String,
    pub created_at: DateTime<Utc>,
}

#[derive(FromRow)]
struct ReportRow {
    id: i64,
    site_id: i64,
    product_id: i64,
    kind: String,
    note: String,
    created_at: i64,
}

impl ReportRow {
    fn into_report(self) -> Option<Report> {
        Some(Report {
            id: self.id,
            site_id: self.site_id,
            product_id: (self.product_id != 0).then_some(self.product_id),
            kind: ReportKind::parse(&self.kind)?,
            note: self.note,
            created_at: DateTime::from_timestamp(self.created_at, 0)?,
        })
    }
}

/// Why a report was not filed.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("too many reports from this address")]
    RateLimited,
    #[error(transparent)]
    Database(#[from] anyhow::Error),
}

impl From<sqlx::Error> for ReportError {
    fn from(error: sqlx::Error) -> ReportError {
        ReportError::Database(error.into())
    }
}

/// A report to file.
pub struct NewReport<'a> {
    pub site_id: i64,
    pub product_id: Option<i64>,
    pub kind: ReportKind,
    pub note: &'a str,
}

/// Files a report, counting it against the address's limit. The report that brings a row's
/// open "not in stock" reports to `DISPUTED_AFTER_REPORTS` marks the row disputed (a logged
/// stock change, so every instance shows it unconfirmed).
#[tracing::instrument(skip_all, fields(site_id = new.site_id))]
pub async fn file(db: &Db, new: &NewReport<'_>, address: &str, now: DateTime<Utc>) -> Result<i64, ReportError> {
    let now_s = now.timestamp();
    let (_turn, mut tx) = db.begin_write().await?;
    // Forget addresses whose window is over, then count this one.
    sqlx::query("DELETE FROM report_limits WHERE window_start <= $1").bind(now_s - WINDOW_SECONDS).execute(&mut *tx).await?;
    let reports: i64 = sqlx::query_scalar(
        "INSERT INTO report_limits (address, reports, window_start) VALUES ($1, 1, $2) \
         ON CONFLICT (address) DO UPDATE SET reports = report_limits.reports + 1 RETURNING reports",
    )
    .bind(address)
    .bind(now_s)
    .fetch_one(&mut *tx)
    .await?;
    if reports > REPORTS_PER_WINDOW {
        tx.commit().await?;
        return Err(ReportError::RateLimited);
    }
    let id: i64 =
        sqlx::query_scalar("INSERT INTO reports (site_id, product_id, kind, note, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id")
            .bind(new.site_id)
            .bind(new.product_id.unwrap_or(0))
            .bind(new.kind.key())
            .bind(new.note)
            .bind(now_s)
            .fetch_one(&mut *tx)
            .await?;
    if let (ReportKind::NotInStock, Some(product_id)) = (new.kind, new.product_id) {
        set_disputed(&mut tx, db.backend, new.site_id, product_id, now).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Makes a row's `disputed` flag agree with its open "not in stock" reports, logging a change
/// when it flips.
async fn set_disputed(
    conn: &mut AnyConnection,
    backend: super::Backend,
    site_id: i64,
    product_id: i64,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let open: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM reports WHERE site_id = $1 AND product_id = $2 AND kind = 'not_in_stock' AND resolution = ''",
    )
    .bind(site_id)
    .bind(product_id)
    .fetch_one(&mut *conn)
    .await?;
    let disputed = i64::from(open >= DISPUTED_AFTER_REPORTS);
    let current: Option<i64> = sqlx::query_scalar("SELECT disputed FROM stock WHERE site_id = $1 AND product_id = $2")
        .bind(site_id)
        .bind(product_id)
        .fetch_optional(&mut *conn)
        .await?;
    if current.is_none_or(|c| c == disputed) {
        return Ok(());
    }
    // Take the writers' turn before touching the row (see changes::next_seq).
    let seq = changes::next_seq(&mut *conn).await?;
    sqlx::query("UPDATE stock SET disputed = $3 WHERE site_id = $1 AND product_id = $2")
        .bind(site_id)
        .bind(product_id)
        .bind(disputed)
        .execute(&mut *conn)
        .await?;
    changes::log(&mut *conn, backend, seq, &[Changed::Stock { site_id, product_id }], now.timestamp()).await?;
    Ok(())
}

/// The open reports of these sites, newest first.
#[tracing::instrument(skip_all)]
pub async fn open_at(db: &Db, site_ids: &[i64]) -> anyhow::Result<Vec<Report>> {
    if site_ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (1..=site_ids.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, site_id, product_id, kind, note, created_at FROM reports WHERE resolution = '' AND site_id IN ({}) ORDER BY created_at DESC, id DESC",
        placeholders.join(", ")
    );
    let mut query = sqlx::query_as::<_, ReportRow>(AssertSqlSafe(sql));
    for id in site_ids {
        query = query.bind(*id);
    }
    Ok(query.fetch_all(&db.pool).await?.into_iter().filter_map(ReportRow::into_report).collect())
}

/// Open reports per site: (site id, count).
pub async fn open_counts(db: &Db) -> anyhow::Result<Vec<(i64, i64)>> {
    Ok(sqlx::query_as("SELECT site_id, COUNT(*) FROM reports WHERE resolution = '' GROUP BY site_id").fetch_all(&db.pool).await?)
}

/// Closes an open report of `site_id`; `false` when there is no such open report there.
#[tracing::instrument(skip_all, fields(report_id, site_id))]
pub async fn resolve(db: &Db, report_id: i64, site_id: i64, resolution: Resolution, by: &str, now: DateTime<Utc>) -> anyhow::Result<bool> {
    let (_turn, mut tx) = db.begin_write().await?;
    let closed: Option<(String, i64)> = sqlx::query_as(
        "UPDATE reports SET resolution = $3, resolved_at = $4, resolved_by = $5 \
         WHERE id = $1 AND site_id = $2 AND resolution = '' RETURNING kind, product_id",
    )
    .bind(report_id)
    .bind(site_id)
    .bind(resolution.key())
    .bind(now.timestamp())
    .bind(by)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((kind, product_id)) = closed else { return Ok(false) };
    if kind == ReportKind::NotInStock.key() && product_id != 0 {
        set_disputed(&mut tx, db.backend, site_id, product_id, now).await?;
    }
    let entry = AuditEntry {
        at: now,
        actor: by.to_owned(),
        action: "report.resolve",
        site_id: Some(site_id),
        product_id: (product_id != 0).then_some(product_id),
        subject: format!("{kind} #{report_id}"),
        before: "open".to_owned(),
        after: resolution.key().to_owned(),
    };
    audit::record(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(true)
}

/// Within a stock-take's transaction: counting a product answers its "not in stock" reports.
pub(super) fn push_resolve_counted(
    batch: &mut Batch,
    site_id: i64,
    product_ids: &[i64],
    by: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    for chunk in product_ids.chunks(500) {
        let (site, at, by) = (batch.arg(site_id)?, batch.arg(now.timestamp())?, batch.arg(by.to_owned())?);
        let ids: Vec<String> = chunk.iter().map(|id| batch.arg(*id)).collect::<anyhow::Result<_>>()?;
        batch.push(format!(
            "UPDATE reports SET resolution = 'counted', resolved_at = {at}, resolved_by = {by} \
             WHERE site_id = {site} AND resolution = '' AND kind = 'not_in_stock' AND product_id IN ({})",
            ids.join(", ")
        ));
    }
    Ok(())
}
