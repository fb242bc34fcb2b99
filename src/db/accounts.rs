//! Staff accounts, their sites, and the failed sign-in counters every instance shares.

use chrono::{DateTime, Duration, Utc};
use sqlx::{AnyConnection, FromRow};

use super::Db;
use super::audit::{self, AuditEntry};
use crate::domain::account::{Account, FAILURE_WINDOW_MINUTES, Failures, LOCK_MINUTES, Role};
use crate::error::AppError;

#[derive(FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    password_hash: String,
    role: String,
    active: i64,
    session_epoch: i64,
}

const ACCOUNT_COLUMNS: &str = "id, username, password_hash, role, active, session_epoch";

impl AccountRow {
    fn into_account(self, site_ids: Vec<i64>) -> anyhow::Result<(Account, String)> {
        let role = Role::parse(&self.role).ok_or_else(|| anyhow::anyhow!("account {} has unknown role {}", self.id, self.role))?;
        let account =
            Account { id: self.id, username: self.username, role, active: self.active == 1, session_epoch: self.session_epoch, site_ids };
        Ok((account, self.password_hash))
    }
}

/// A new account, its password already hashed.
pub struct NewAccount<'a> {
    pub username: &'a str,
    pub password_hash: &'a str,
    pub role: Role,
    pub site_ids: &'a [i64],
}

/// Creates an account; a taken username is a `Validation` error on `username`.
#[tracing::instrument(skip_all, fields(username = new.username))]
pub async fn create(db: &Db, new: &NewAccount<'_>, actor: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accounts (username, password_hash, role, active, session_epoch, created_at) VALUES ($1, $2, $3, 1, 0, $4) RETURNING id",
    )
    .bind(new.username)
    .bind(new.password_hash)
    .bind(new.role.key())
    .bind(now.timestamp())
    .fetch_one(&mut *tx)
    .await
    .map_err(|e| AppError::on_unique_violation(e, "username"))?;
    set_sites(&mut tx, id, new.site_ids).await?;
    let after = format!("{} {}", new.role.key(), site_list(new.site_ids));
    audit::record(&mut tx, &[AuditEntry::account(now, actor, "account.create", new.username, "", &after)]).await?;
    tx.commit().await?;
    Ok(id)
}

fn site_list(site_ids: &[i64]) -> String {
    site_ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

async fn set_sites(conn: &mut AnyConnection, account_id: i64, site_ids: &[i64]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM account_sites WHERE account_id = $1").bind(account_id).execute(&mut *conn).await?;
    for site_id in site_ids {
        sqlx::query("INSERT INTO account_sites (account_id, site_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(account_id)
            .bind(site_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

async fn sites_of(db: &Db, account_id: i64) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT site_id FROM account_sites WHERE account_id = $1 ORDER BY site_id")
        .bind(account_id)
        .fetch_all(&db.pool)
        .await?)
}

/// The account with this (lowercased) username and its password hash.
#[tracing::instrument(skip_all)]
pub async fn find_by_username(db: &Db, username: &str) -> anyhow::Result<Option<(Account, String)>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = $1");
    let Some(row) = sqlx::query_as::<_, AccountRow>(sqlx::AssertSqlSafe(sql)).bind(username).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let sites = sites_of(db, row.id).await?;
    row.into_account(sites).map(Some)
}

/// The account with this id and its password hash.
#[tracing::instrument(skip_all)]
pub async fn find(db: &Db, id: i64) -> anyhow::Result<Option<(Account, String)>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
    let Some(row) = sqlx::query_as::<_, AccountRow>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&db.pool).await? else {
        return Ok(None);
    };
    let sites = sites_of(db, row.id).await?;
    row.into_account(sites).map(Some)
}

/// Every account, by username.
#[tracing::instrument(skip_all)]
pub async fn list(db: &Db) -> anyhow::Result<Vec<Account>> {
    let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY username");
    let rows = sqlx::query_as::<_, AccountRow>(sqlx::AssertSqlSafe(sql)).fetch_all(&db.pool).await?;
    let links: Vec<(i64, i64)> =
        sqlx::query_as("SELECT account_id, site_id FROM account_sites ORDER BY account_id, site_id").fetch_all(&db.pool).await?;
    rows.into_iter()
        .map(|row| {
            let sites = links.iter().filter(|(account, _)| *account == row.id).map(|(_, site)| *site).collect();
            row.into_account(sites).map(|(account, _)| account)
        })
        .collect()
}

/// Whether any active admin exists.
pub async fn has_admin(db: &Db) -> anyhow::Result<bool> {
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE role = 'admin' AND active = 1").fetch_one(&db.pool).await?;
    Ok(count > 0)
}

/// Replaces an account's password and voids its sessions (the epoch grows); returns the new
/// epoch.
#[tracing::instrument(skip_all, fields(account_id))]
pub async fn set_password(db: &Db, account_id: i64, password_hash: &str, actor: &str, now: DateTime<Utc>) -> Result<i64, AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let updated: Option<(String, i64)> = sqlx::query_as(
        "UPDATE accounts SET password_hash = $2, session_epoch = session_epoch + 1 WHERE id = $1 RETURNING username, session_epoch",
    )
    .bind(account_id)
    .bind(password_hash)
    .fetch_optional(&mut *tx)
    .await?;
    let (username, epoch) = updated.ok_or(AppError::NotFound)?;
    audit::record(&mut tx, &[AuditEntry::account(now, actor, "account.password", &username, "", "")]).await?;
    tx.commit().await?;
    Ok(epoch)
}

/// Activates or deactivates an account (deactivation also voids its sessions).
#[tracing::instrument(skip_all, fields(account_id, active))]
pub async fn set_active(db: &Db, account_id: i64, active: bool, actor: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let username: Option<String> =
        sqlx::query_scalar("UPDATE accounts SET active = $2, session_epoch = session_epoch + 1 WHERE id = $1 RETURNING username")
            .bind(account_id)
            .bind(i64::from(active))
            .fetch_optional(&mut *tx)
            .await?;
    let username = username.ok_or(AppError::NotFound)?;
    let (before, after) = if active { ("inactive", "active") } else { ("active", "inactive") };
    audit::record(&mut tx, &[AuditEntry::account(now, actor, "account.active", &username, before, after)]).await?;
    tx.commit().await?;
    Ok(())
}

/// Ends every session of an account (its epoch grows).
#[tracing::instrument(skip_all, fields(account_id))]
pub async fn end_sessions(db: &Db, account_id: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE accounts SET session_epoch = session_epoch + 1 WHERE id = $1").bind(account_id).execute(&db.pool).await?;
    Ok(())
}

/// The failed sign-ins counted for a subject (`account:NAME`, `address:IP`).
#[tracing::instrument(skip_all)]
pub async fn failures(db: &Db, subject: &str) -> anyhow::Result<Option<Failures>> {
    let row: Option<(i64, i64, i64)> = sqlx::query_as("SELECT failures, first_failed, last_failed FROM login_failures WHERE subject = $1")
        .bind(subject)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(|(count, first, last)| {
        Some(Failures { count, first: DateTime::from_timestamp(first, 0)?, last: DateTime::from_timestamp(last, 0)? })
    }))
}

/// Counts one failure, in one atomic statement so that instances failing at once all count.
/// A failure after the window (or after a served lock-out) starts a new count: the same rule
/// as `Throttle::of`.
#[tracing::instrument(skip_all)]
pub async fn record_failure(db: &Db, subject: &str, lock_after: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
    let now_s = now.timestamp();
    let (window, lock) = (Duration::minutes(FAILURE_WINDOW_MINUTES).num_seconds(), Duration::minutes(LOCK_MINUTES).num_seconds());
    let fresh = "((login_failures.failures < $3 AND $2 - login_failures.first_failed > $4) \
                 OR (login_failures.failures >= $3 AND $2 >= login_failures.last_failed + $5))";
    let sql = format!(
        "INSERT INTO login_failures (subject, failures, first_failed, last_failed) VALUES ($1, 1, $2, $2) \
         ON CONFLICT (subject) DO UPDATE SET \
         failures = CASE WHEN {fresh} THEN 1 ELSE login_failures.failures + 1 END, \
         first_failed = CASE WHEN {fresh} THEN $2 ELSE login_failures.first_failed END, \
         last_failed = $2"
    );
    let (_turn, mut tx) = db.begin_write().await?;
    sqlx::query(sqlx::AssertSqlSafe(sql)).bind(subject).bind(now_s).bind(lock_after).bind(window).bind(lock).execute(&mut *tx).await?;
    // Nothing about a failure is kept longer than a day.
    sqlx::query("DELETE FROM login_failures WHERE last_failed < $1").bind(now_s - 86_400).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Forgets a subject's failures (after a successful sign-in).
pub async fn clear_failures(db: &Db, subject: &str) -> anyhow::Result<()> {
    sqlx::query("DELETE FROM login_failures WHERE subject = $1").bind(subject).execute(&db.pool).await?;
    Ok(())
}

/// The id of the site with this slug (for the command line, which has no catalogue loaded).
pub async fn site_id(db: &Db, slug: &str) -> anyhow::Result<Option<i64>> {
    Ok(sqlx::query_scalar("SELECT id FROM sites WHERE slug = $1").bind(slug).fetch_optional(&db.pool).await?)
}
