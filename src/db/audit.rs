//! The audit trail: one append-only row per change, written in the change's own transaction
//! (so a change and its record commit or vanish together).

use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AssertSqlSafe};

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
        let values: Vec<String> = (0..chunk.len())
            .map(|i| {
                let p = 8 * i;
                format!("(${}, ${}, ${}, ${}, ${}, ${}, ${}, ${})", p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8)
            })
            .collect();
        let sql =
            format!("INSERT INTO audit_log (at, actor, action, site_id, product_id, subject, before, after) VALUES {}", values.join(", "));
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for e in chunk {
            query = query
                .bind(e.at.timestamp())
                .bind(e.actor.clone())
                .bind(e.action)
                .bind(e.site_id)
                .bind(e.product_id)
                .bind(e.subject.clone())
                .bind(e.before.clone())
                .bind(e.after.clone());
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}
