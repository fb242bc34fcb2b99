//! Multi-row INSERTs for loading whole data sets in few round trips.
//!
//! sqlx's QueryBuilder writes `?` placeholders for `Any`, which PostgreSQL rejects, so this
//! writes `$n` itself. Only column names from our own code reach the SQL text; every value is
//! bound.

use sqlx::{AnyConnection, AssertSqlSafe};

/// A value bound into an INSERT.
#[derive(Debug, Clone)]
pub enum Value {
    Int(i64),
    Real(f64),
    Text(String),
    OptInt(Option<i64>),
    OptText(Option<String>),
}

/// Rows per statement. Statements of one size are prepared once and reused; far larger ones
/// (thousands of parameters) cost more to parse than they save in round trips.
const ROWS_PER_STATEMENT: usize = 100;

/// Inserts `rows` (each with one value per column) in as few statements as the limits allow.
pub async fn insert_rows(conn: &mut AnyConnection, table: &str, columns: &[&str], rows: Vec<Vec<Value>>) -> Result<(), sqlx::Error> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<Vec<Value>> = rows.by_ref().take(ROWS_PER_STATEMENT).collect();
        let sql = insert_sql(table, columns, chunk.len());
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for value in chunk.into_iter().flatten() {
            query = match value {
                Value::Int(v) => query.bind(v),
                Value::Real(v) => query.bind(v),
                Value::Text(v) => query.bind(v),
                Value::OptInt(v) => query.bind(v),
                Value::OptText(v) => query.bind(v),
            };
        }
        query.execute(&mut *conn).await?;
    }
    Ok(())
}

fn insert_sql(table: &str, columns: &[&str], row_count: usize) -> String {
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
            sql.push('$');
            sql.push_str(&n.to_string());
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
        assert_eq!(insert_sql("t", &["a", "b"], 2), "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)");
    }
}
