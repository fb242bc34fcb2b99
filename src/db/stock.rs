//! Stock rows: the writes clerks make (each one transaction, logged in the change log) and the
//! reads the read model uses to pick them up.

use anyhow::anyhow;
use chrono::{DateTime, Utc};
use sqlx::{AnyConnection, AssertSqlSafe, FromRow};

use std::collections::HashMap;

use super::Db;
use super::audit::{self, AuditEntry};
use super::batch::Batch;
use super::changes::{self, Changed};
use crate::domain::StockRow;
use crate::domain::input::FieldProblem;
use crate::domain::stock::{MAX_QUANTITY, check_quantity};

/// The stock columns in `StockDbRow` order, written once.
pub(super) const STOCK_COLUMNS: &str = "site_id, product_id, quantity, updated_at, updated_by, version, disputed";

#[derive(FromRow)]
pub(super) struct StockDbRow {
    site_id: i64,
    product_id: i64,
    quantity: i64,
    updated_at: i64,
    updated_by: String,
    version: i64,
    disputed: i64,
}

impl TryFrom<StockDbRow> for StockRow {
    type Error = anyhow::Error;
    fn try_from(r: StockDbRow) -> anyhow::Result<StockRow> {
        let updated_at = DateTime::from_timestamp(r.updated_at, 0)
            .ok_or_else(|| anyhow!("stock ({}, {}) has a bad timestamp", r.site_id, r.product_id))?;
        Ok(StockRow {
            site_id: r.site_id,
            product_id: r.product_id,
            quantity: r.quantity,
            updated_at,
            updated_by: r.updated_by,
            version: r.version,
            disputed: r.disputed != 0,
        })
    }
}

/// One line of a stock-take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StockEdit {
    /// Set the count, if the row is still at the version the clerk saw.
    Set { product_id: i64, quantity: i64, seen_version: i64 },
    /// Add (or with a negative delta, take away) units, whatever the count is now: "sold 2".
    /// The result is kept within 0..=MAX_QUANTITY.
    Adjust { product_id: i64, delta: i64 },
    /// The count is right as it stands: refresh its date, if the row is still as seen.
    Confirm { product_id: i64, seen_version: i64 },
}

impl StockEdit {
    pub fn product_id(&self) -> i64 {
        match *self {
            StockEdit::Set { product_id, .. } | StockEdit::Adjust { product_id, .. } | StockEdit::Confirm { product_id, .. } => product_id,
        }
    }
}

/// An edit not applied because the row changed (or went) since the clerk loaded it.
#[derive(Debug, Clone, PartialEq)]
pub struct StockConflict {
    pub edit: StockEdit,
    /// The row as it is now; `None` when the product is no longer listed at the site.
    pub current: Option<StockRow>,
}

/// What a stock-take did: the rows it changed and the edits it left for the clerk to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct StockTakeOutcome {
    /// The change-log sequence number of the write; `None` when nothing was applied.
    pub seq: Option<i64>,
    pub applied: Vec<StockRow>,
    pub conflicts: Vec<StockConflict>,
}

/// Why a stock write changed nothing at all.
#[derive(Debug, thiserror::Error)]
pub enum StockWriteError {
    /// An edit's number is out of range; nothing of the submission was written.
    #[error("product {product_id}: {problem:?}")]
    Invalid { product_id: i64, problem: FieldProblem },
    #[error("the product is already listed at this site")]
    AlreadyListed,
    #[error("the product is not listed at this site")]
    NotListed,
    /// The site or product does not exist.
    #[error("no such site or product")]
    Unknown,
    #[error(transparent)]
    Database(#[from] anyhow::Error),
}

impl From<sqlx::Error> for StockWriteError {
    fn from(error: sqlx::Error) -> StockWriteError {
        StockWriteError::Database(error.into())
    }
}

/// Each product once per submission: two numbers for one shelf row cannot both be right.
fn check_repeats(edits: &[StockEdit]) -> Result<(), StockWriteError> {
    let mut seen = std::collections::HashSet::new();
    match edits.iter().find(|e| !seen.insert(e.product_id())) {
        Some(repeated) => Err(StockWriteError::Invalid { product_id: repeated.product_id(), problem: FieldProblem::Repeated }),
        None => Ok(()),
    }
}

fn validate(edit: &StockEdit) -> Result<(), StockWriteError> {
    let invalid = |problem| StockWriteError::Invalid { product_id: edit.product_id(), problem };
    match *edit {
        StockEdit::Set { quantity, .. } => check_quantity(quantity).map(drop).map_err(invalid),
        StockEdit::Adjust { delta, .. } if delta.abs() > MAX_QUANTITY => {
            Err(invalid(FieldProblem::OutOfRange { min: -MAX_QUANTITY, max: MAX_QUANTITY }))
        }
        StockEdit::Adjust { .. } | StockEdit::Confirm { .. } => Ok(()),
    }
}

/// Applies a stock-take at one site in one transaction. Edits over rows changed since the
/// clerk saw them come back as conflicts; the others are applied. An invalid number anywhere
/// refuses the whole submission before anything is written.
#[tracing::instrument(skip_all, fields(site_id, edits = edits.len()))]
pub async fn save_stock_take(
    db: &Db,
    site_id: i64,
    edits: &[StockEdit],
    by: &str,
    now: DateTime<Utc>,
) -> Result<StockTakeOutcome, StockWriteError> {
    edits.iter().try_for_each(validate)?;
    check_repeats(edits)?;
    let (_turn, mut tx) = db.begin_write().await?;
    // First: writers take turns from here, so no two stock-takes can deadlock over rows.
    let seq = changes::next_seq(&mut tx).await?;
    // Each applied row with the count it replaced (for the audit log).
    let mut written: Vec<(StockRow, i64)> = Vec::with_capacity(edits.len());
    let versioned: Vec<(i64, i64, i64)> = edits
        .iter()
        .filter_map(|e| match *e {
            StockEdit::Set { product_id, quantity, seen_version } => Some((product_id, quantity, seen_version)),
            StockEdit::Confirm { product_id, seen_version } => Some((product_id, KEEP_QUANTITY, seen_version)),
            StockEdit::Adjust { .. } => None,
        })
        .collect();
    for chunk in versioned.chunks(EDITS_PER_STATEMENT) {
        written.extend(set_versioned(&mut tx, site_id, chunk, by, now).await?);
    }
    for edit in edits.iter().filter(|e| matches!(e, StockEdit::Adjust { .. })) {
        written.extend(adjust(&mut tx, site_id, edit, by, now).await?);
    }
    let before: HashMap<i64, i64> = written.iter().map(|(row, previous)| (row.product_id, *previous)).collect();
    let applied: Vec<StockRow> = written.into_iter().map(|(row, _)| row).collect();
    let mut conflicts = Vec::new();
    for edit in edits.iter().filter(|e| !applied.iter().any(|r| r.product_id == e.product_id())) {
        conflicts.push(StockConflict { edit: *edit, current: find(&mut tx, site_id, edit.product_id()).await? });
    }
    if applied.is_empty() {
        tx.rollback().await?;
        return Ok(StockTakeOutcome { seq: None, applied, conflicts });
    }
    let changed: Vec<Changed> = applied.iter().map(|r| Changed::Stock { site_id, product_id: r.product_id }).collect();
    // The log, the audit trail, the reports a count answers and the notification: one round
    // trip, so a save under load waits for the database as few times as possible.
    let entries = audit_entries(site_id, edits, &applied, &before, by, now);
    let counted: Vec<i64> = applied.iter().map(|r| r.product_id).collect();
    let chunks = applied.len().div_ceil(ROWS_PER_BATCH);
    for i in 0..chunks {
        let rows = i * ROWS_PER_BATCH..((i + 1) * ROWS_PER_BATCH).min(applied.len());
        let mut batch = Batch::new();
        changes::push(&mut batch, seq, &changed[rows.clone()], now.timestamp())?;
        audit::push(&mut batch, entries.get(rows.clone()).unwrap_or(&[]))?;
        super::reports::push_resolve_counted(&mut batch, site_id, &counted[rows], by, now)?;
        let last = if i + 1 == chunks { changes::notify_in(&mut batch, db.backend, seq)? } else { None };
        batch.run(&mut tx, db.backend, last).await?;
    }
    tx.commit().await?;
    Ok(StockTakeOutcome { seq: Some(seq), applied, conflicts })
}

/// One audit entry per applied edit: the count before and after.
fn audit_entries(
    site_id: i64,
    edits: &[StockEdit],
    applied: &[StockRow],
    before: &HashMap<i64, i64>,
    by: &str,
    now: DateTime<Utc>,
) -> Vec<AuditEntry> {
    applied
        .iter()
        .filter_map(|row| {
            let edit = edits.iter().find(|e| e.product_id() == row.product_id)?;
            let action = match edit {
                StockEdit::Set { .. } => "stock.set",
                StockEdit::Adjust { .. } => "stock.adjust",
                StockEdit::Confirm { .. } => "stock.confirm",
            };
            let was = before.get(&row.product_id).map(i64::to_string).unwrap_or_default();
            Some(AuditEntry::stock(now, by, action, site_id, row.product_id, was, row.quantity.to_string()))
        })
        .collect()
}

/// Applied rows whose log, audit and report writes go in one batch: 12 parameters each, well
/// under both backends' limits.
const ROWS_PER_BATCH: usize = 1_000;
/// Sets and confirmations per UPDATE: 3 parameters each.
const EDITS_PER_STATEMENT: usize = 200;
/// The new quantity of a confirmation: keep the count, refresh its date.
const KEEP_QUANTITY: i64 = -1;

/// Applies (product, new quantity or KEEP_QUANTITY, seen version) edits in one statement;
/// returns the rows that were still at the version their clerk saw.
async fn set_versioned(
    conn: &mut AnyConnection,
    site_id: i64,
    edits: &[(i64, i64, i64)],
    by: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<(StockRow, i64)>> {
    // VALUES columns are column1.. on both backends: product, new quantity, seen version.
    let values: Vec<String> = (0..edits.len()).map(|i| format!("(${}, ${}, ${})", 3 * i + 4, 3 * i + 5, 3 * i + 6)).collect();
    let returning = STOCK_COLUMNS.split(", ").map(|c| format!("stock.{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "UPDATE stock SET quantity = CASE WHEN v.column2 < 0 THEN stock.quantity ELSE v.column2 END, \
         previous_quantity = stock.quantity, updated_at = $2, updated_by = $3, version = stock.version + 1, disputed = 0 \
         FROM (VALUES {}) AS v WHERE stock.site_id = $1 AND stock.product_id = v.column1 AND stock.version = v.column3 \
         RETURNING {returning}, stock.previous_quantity",
        values.join(", ")
    );
    let mut query = sqlx::query_as::<_, WrittenRow>(AssertSqlSafe(sql)).bind(site_id).bind(now.timestamp()).bind(by);
    for &(product_id, quantity, seen_version) in edits {
        query = query.bind(product_id).bind(quantity).bind(seen_version);
    }
    query.fetch_all(conn).await?.into_iter().map(WrittenRow::split).collect()
}

/// A row as an UPDATE returned it, with the count it replaced.
#[derive(FromRow)]
struct WrittenRow {
    #[sqlx(flatten)]
    row: StockDbRow,
    previous_quantity: i64,
}

impl WrittenRow {
    fn split(self) -> anyhow::Result<(StockRow, i64)> {
        Ok((StockRow::try_from(self.row)?, self.previous_quantity))
    }
}

/// Applies a delta whatever the count is now, kept within 0..=MAX_QUANTITY; `None` when the
/// product is not listed.
async fn adjust(
    conn: &mut AnyConnection,
    site_id: i64,
    edit: &StockEdit,
    by: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Option<(StockRow, i64)>> {
    let StockEdit::Adjust { product_id, delta } = *edit else { return Ok(None) };
    let sql = format!(
        "UPDATE stock SET quantity = CASE WHEN quantity + $5 < 0 THEN 0 WHEN quantity + $5 > $6 THEN $6 ELSE quantity + $5 END, \
         previous_quantity = quantity, updated_at = $3, updated_by = $4, version = version + 1, disputed = 0 \
         WHERE site_id = $1 AND product_id = $2 RETURNING {STOCK_COLUMNS}, previous_quantity"
    );
    let query = sqlx::query_as::<_, WrittenRow>(AssertSqlSafe(sql)).bind(site_id).bind(product_id).bind(now.timestamp()).bind(by);
    query.bind(delta).bind(MAX_QUANTITY).fetch_optional(conn).await?.map(WrittenRow::split).transpose()
}

async fn find(conn: &mut AnyConnection, site_id: i64, product_id: i64) -> anyhow::Result<Option<StockRow>> {
    sqlx::query_as::<_, StockDbRow>(AssertSqlSafe(format!("SELECT {STOCK_COLUMNS} FROM stock WHERE site_id = $1 AND product_id = $2")))
        .bind(site_id)
        .bind(product_id)
        .fetch_optional(conn)
        .await?
        .map(StockRow::try_from)
        .transpose()
}

/// Adds a product to a site's assortment with a first count.
#[tracing::instrument(skip_all, fields(site_id, product_id))]
pub async fn add_product(
    db: &Db,
    site_id: i64,
    product_id: i64,
    quantity: i64,
    by: &str,
    now: DateTime<Utc>,
) -> Result<StockRow, StockWriteError> {
    check_quantity(quantity).map_err(|problem| StockWriteError::Invalid { product_id, problem })?;
    let (_turn, mut tx) = db.begin_write().await?;
    let sql = format!(
        "INSERT INTO stock ({STOCK_COLUMNS}) VALUES ($1, $2, $3, $4, $5, 1, 0) ON CONFLICT (site_id, product_id) DO NOTHING RETURNING {STOCK_COLUMNS}"
    );
    let inserted = sqlx::query_as::<_, StockDbRow>(AssertSqlSafe(sql))
        .bind(site_id)
        .bind(product_id)
        .bind(quantity)
        .bind(now.timestamp())
        .bind(by)
        .fetch_optional(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.is_foreign_key_violation() => StockWriteError::Unknown,
            _ => e.into(),
        })?;
    let row = StockRow::try_from(inserted.ok_or(StockWriteError::AlreadyListed)?)?;
    changes::record(&mut tx, db.backend, &[Changed::Stock { site_id, product_id }], now.timestamp()).await?;
    let entry = AuditEntry::stock(now, by, "stock.add", site_id, product_id, String::new(), quantity.to_string());
    audit::record(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(row)
}

/// Takes a product out of a site's assortment. Returns the change's sequence number.
#[tracing::instrument(skip_all, fields(site_id, product_id))]
pub async fn remove_product(db: &Db, site_id: i64, product_id: i64, by: &str, now: DateTime<Utc>) -> Result<i64, StockWriteError> {
    let (_turn, mut tx) = db.begin_write().await?;
    let removed: Option<i64> = sqlx::query_scalar("DELETE FROM stock WHERE site_id = $1 AND product_id = $2 RETURNING quantity")
        .bind(site_id)
        .bind(product_id)
        .fetch_optional(&mut *tx)
        .await?;
    let Some(quantity) = removed else {
        return Err(StockWriteError::NotListed);
    };
    let seq = changes::record(&mut tx, db.backend, &[Changed::Stock { site_id, product_id }], now.timestamp()).await?;
    let entry = AuditEntry::stock(now, by, "stock.remove", site_id, product_id, quantity.to_string(), String::new());
    audit::record(&mut tx, &[entry]).await?;
    tx.commit().await?;
    Ok(seq)
}

/// Every stock row of one site, by product id: what the read model swaps in after a change.
#[tracing::instrument(skip_all, fields(site_id))]
pub async fn shelf(db: &Db, site_id: i64) -> anyhow::Result<Vec<StockRow>> {
    sqlx::query_as::<_, StockDbRow>(AssertSqlSafe(format!("SELECT {STOCK_COLUMNS} FROM stock WHERE site_id = $1 ORDER BY product_id")))
        .bind(site_id)
        .fetch_all(&db.pool)
        .await?
        .into_iter()
        .map(StockRow::try_from)
        .collect()
}
