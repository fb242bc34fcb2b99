//! Multi-row INSERTs for loading whole data sets in few round trips.
//!
//! sqlx's QueryBuilder writes `?` placeholders for `Any`, which PostgreSQL rejects, so this
//! writes them itself: `$n` for PostgreSQL, plain `?` for SQLite, where sqlx looks up the name
//! of every numbered parameter with a linear scan (`sqlite3_bind_parameter_name`), which makes
//! a statement of n `$n` parameters cost O(n²): a million stock rows in statements of 1,000
//! rows took 50 s with `$n`, 5 s with `?`. Only column names from our own code reach the SQL
//! text; every value is bound.

use std::sync::Arc;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, AssertSqlSafe};

use super::seed::LoadProgress;

/// A value bound into an INSERT.
#[derive(Debug, Clone)]
pub enum Value {
    Int(i64),
    Real(f64),
    Text(String),
    OptInt(Option<i64>),
    OptText(Option<String>),
}

/// Parameters one statement may carry: SQLite allows 32,766 and PostgreSQL 65,535.
const MAX_PARAMETERS: usize = 30_000;
/// Rows one statement carries at most, however narrow the table. Every full statement of a
/// table has the same text, so it is prepared once and reused. The national seed (a million
/// stock rows) took 6.2 s / 5.1 s / 4.7 s on SQLite at 100 / 1,000 / 5,000 rows per statement;
/// on PostgreSQL the size made no difference (its foreign-key checks dominate).
const MAX_ROWS: usize = 1_000;

/// Rows per statement for a table of `columns` columns: as many as the parameter limit allows,
/// up to `MAX_ROWS`.
pub fn rows_per_statement(columns: usize) -> usize {
    (MAX_PARAMETERS / columns.max(1)).clamp(1, MAX_ROWS)
}

/// Inserts one row per item of `items` (`row` gives its values in column order) and tells
/// `progress` about the table and then about every statement.
pub async fn insert_all<T, const N: usize>(
    conn: &mut AnyConnection,
    table: &str,
    columns: [&str; N],
    items: &[T],
    row: impl Fn(&T) -> [Value; N],
    progress: &dyn LoadProgress,
) -> Result<(), sqlx::Error> {
    progress.table(table, items.len());
    let numbered = conn.backend_name() != "SQLite";
    let per_statement = rows_per_statement(N);
    let full: Arc<str> = insert_sql(table, &columns, per_statement, numbered).into();
    for chunk in items.chunks(per_statement) {
        let sql = if chunk.len() == per_statement { Arc::clone(&full) } else { insert_sql(table, &columns, chunk.len(), numbered).into() };
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for item in chunk {
            for value in row(item) {
                query = bind(query, value);
            }
        }
        query.execute(&mut *conn).await?;
        progress.inserted(chunk.len());
    }
    Ok(())
}

fn bind(query: Query<'_, Any, AnyArguments>, value: Value) -> Query<'_, Any, AnyArguments> {
    match value {
        Value::Int(v) => query.bind(v),
        Value::Real(v) => query.bind(v),
        Value::Text(v) => query.bind(v),
        Value::OptInt(v) => query.bind(v),
        Value::OptText(v) => query.bind(v),
    }
}

/// The INSERT of `row_count` rows, with `$1, $2, …` placeholders when `numbered`, else `?`.
fn insert_sql(table: &str, columns: &[&str], row_count: usize, numbered: bool) -> String {
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
    let mut n = 0;
    for row in 0..row_count {
        if row > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for column in 0..columns.len() {
            if column > 0 {
                sql.push_str(", ");
            }
            n += 1;
            if numbered {
                sql.push('$');
                sql.push_str(&n.to_string());
            } else {
                sql.push('?');
            }
        }
        sql.push(')');
    }
    sql
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_placeholders_across_rows() {
        assert_eq!(insert_sql("t", &["a", "b"], 2, true), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
        assert_eq!(insert_sql("t", &["a", "b"], 2, false), "INSERT INTO t (a, b) VALUES (?, ?), (?, ?)");
    }

    #[test]
    fn rows_per_statement_stays_under_both_parameter_limits() {
        for columns in 1..=40 {
            let rows = rows_per_statement(columns);
            assert!(rows >= 1 && rows * columns <= 32_766, "{columns} columns: {rows} rows");
        }
        assert_eq!(rows_per_statement(6), MAX_ROWS.min(5_000));
        assert_eq!(rows_per_statement(15), MAX_ROWS.min(2_000));
    }
}
