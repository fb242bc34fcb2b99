//! The audit trail: one append-only row per change, written in the change's own transaction
//! (so a change and its record commit or vanish together).

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AssertSqlSafe, FromRow};

use super::batch::Batch;

/// One change: who, when, what, before → after (as short texts a person reads).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: DateTime<Utc>,
    pub actor: String,
    /// `stock.set`, `stock.adjust`, `stock.confirm`, `stock.add`, `stock.remove`,
    /// `account.create`, `account.password`, `account.active`, …
    pub action: &'static str,
    pub site_id: Option<i64>,
    pub product_id: Option<i64>,
    /// What was changed, named for a reader (an account's username, say); empty for stock,
    /// whose site and product say it.
    pub subject: String,
    pub before: String,
    pub after: String,
}

impl AuditEntry {
    /// A change to one site's stock of one product.
    pub fn stock(
        at: DateTime<Utc>,
        actor: &str,
        action: &'static str,
        site_id: i64,
        product_id: i64,
        before: String,
        after: String,
    ) -> AuditEntry {
        AuditEntry {
            at,
            actor: actor.to_owned(),
            action,
            site_id: Some(site_id),
            product_id: Some(product_id),
            subject: String::new(),
            before,
            after,
        }
    }

    /// An edit of a site's or a product's fields: one entry per field, (field, before, after).
    pub fn fields(
        at: DateTime<Utc>,
        actor: &str,
        action: &'static str,
        (site_id, product_id): (Option<i64>, Option<i64>),
        changed: Vec<(&'static str, String, String)>,
    ) -> Vec<AuditEntry> {
        changed
            .into_iter()
            .map(|(field, before, after)| AuditEntry {
                at,
                actor: actor.to_owned(),
                action,
                site_id,
                product_id,
                subject: field.to_owned(),
                before,
                after,
            })
            .collect()
    }

    /// A change to an account.
    pub fn account(at: DateTime<Utc>, actor: &str, action: &'static str, username: &str, before: &str, after: &str) -> AuditEntry {
        AuditEntry {
            at,
            actor: actor.to_owned(),
            action,
            site_id: None,
            product_id: None,
            subject: username.to_owned(),
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }
}

/// Rows per INSERT: 8 parameters each, well under SQLite's limit.
const ENTRIES_PER_STATEMENT: usize = 100;

/// Appends entries within the caller's transaction.
pub async fn record(conn: &mut AnyConnection, entries: &[AuditEntry]) -> anyhow::Result<()> {
    for chunk in entries.chunks(ENTRIES_PER_STATEMENT) {
        let mut batch = Batch::new();
        push(&mut batch, chunk)?;
        batch.run_one(conn).await?;
    }
    Ok(())
}

/// Adds the INSERTs of these entries to a batch.
pub(super) fn push(batch: &mut Batch, entries: &[AuditEntry]) -> anyhow::Result<()> {
    for chunk in entries.chunks(ENTRIES_PER_STATEMENT) {
        let mut rows = Vec::with_capacity(chunk.len());
        for e in chunk {
            let values = [
                batch.arg(e.at.timestamp())?,
                batch.arg(e.actor.clone())?,
                batch.arg(e.action.to_owned())?,
                batch.arg(e.site_id)?,
                batch.arg(e.product_id)?,
                batch.arg(e.subject.clone())?,
                batch.arg(e.before.clone())?,
                batch.arg(e.after.clone())?,
            ];
            rows.push(format!("({})", values.join(", ")));
        }
        batch.push(format!(
            "INSERT INTO audit_log (at, actor, action, site_id, product_id, subject, before, after) VALUES {}",
            rows.join(", ")
        ));
    }
    Ok(())
}

/// Which entries to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub site_id: Option<i64>,
    pub actor: Option<String>,
    /// Unix seconds, inclusive.
    pub from: Option<i64>,
    /// Unix seconds, exclusive.
    pub until: Option<i64>,
}

#[derive(FromRow)]
struct AuditRow {
    at: i64,
    actor: String,
    action: String,
    site_id: Option<i64>,
    product_id: Option<i64>,
    subject: String,
    before: String,
    after: String,
}

/// An entry as read back (the action as stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub actor: String,
    pub action: String,
    pub site_id: Option<i64>,
    pub product_id: Option<i64>,
    pub subject: String,
    pub before: String,
    pub after: String,
}

const FILTER: &str = "WHERE ($1 = 0 OR site_id = $1) AND ($2 = '' OR actor = $2) AND at >= $3 AND at < $4";

/// Entries matching `filter`, newest first, `limit` from `offset`; and how many match in all.
#[tracing::instrument(skip_all)]
pub async fn list(db: &super::Db, filter: &AuditFilter, limit: i64, offset: i64) -> anyhow::Result<(Vec<AuditRecord>, i64)> {
    let bind = |sql: String| {
        sqlx::query_as::<_, AuditRow>(AssertSqlSafe(sql))
            .bind(filter.site_id.unwrap_or(0))
            .bind(filter.actor.clone().unwrap_or_default())
            .bind(filter.from.unwrap_or(i64::MIN))
            .bind(filter.until.unwrap_or(i64::MAX))
    };
    let sql = format!(
        "SELECT at, actor, action, site_id, product_id, subject, before, after FROM audit_log {FILTER} ORDER BY id DESC LIMIT $5 OFFSET $6"
    );
    let rows = bind(sql).bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let total: i64 = sqlx::query_scalar(AssertSqlSafe(format!("SELECT COUNT(*) FROM audit_log {FILTER}")))
        .bind(filter.site_id.unwrap_or(0))
        .bind(filter.actor.clone().unwrap_or_default())
        .bind(filter.from.unwrap_or(i64::MIN))
        .bind(filter.until.unwrap_or(i64::MAX))
        .fetch_one(&db.pool)
        .await?;
    let records = rows
        .into_iter()
        .filter_map(|r| {
            Some(AuditRecord {
                at: DateTime::from_timestamp(r.at, 0)?,
                actor: r.actor,
                action: r.action,
                site_id: r.site_id,
                product_id: r.product_id,
                subject: r.subject,
                before: r.before,
                after: r.after,
            })
        })
        .collect();
    Ok((records, total))
}

/// Everyone who ever changed something, for the filter's choices.
pub async fn actors(db: &super::Db) -> anyhow::Result<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT DISTINCT actor FROM audit_log ORDER BY actor").fetch_all(&db.pool).await?)
}
