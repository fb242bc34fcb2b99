//! The rule every form that edits a record keeps: it saves only over what the editor saw.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, FromRow};

use crate::error::AppError;

/// The row `sql` selects by id (`$1`) as stored now, read inside the saving transaction so that
/// nothing changes it in between: `NotFound` when it is gone, `Conflict` when its fingerprint
/// is no longer the one the editor's form carried (`seen`).
pub(super) async fn as_seen<F>(
    conn: &mut AnyConnection,
    sql: String,
    id: i64,
    seen: &str,
    fingerprint: impl Fn(&F) -> String,
) -> Result<F, AppError>
where
    F: for<'r> FromRow<'r, AnyRow> + Send + Unpin,
{
    let current = sqlx::query_as::<_, F>(sqlx::AssertSqlSafe(sql)).bind(id).fetch_optional(&mut *conn).await?.ok_or(AppError::NotFound)?;
    if fingerprint(&current) != seen {
        return Err(AppError::Conflict);
    }
    Ok(current)
}
