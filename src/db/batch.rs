//! Several writes sent to the database as one statement, so a transaction under load waits for
//! one round trip instead of one per write: on PostgreSQL as data-modifying `WITH` parts of a
//! single query, on SQLite as statements separated by `;` (sqlx binds `$n` in each of them from
//! the one argument list).

use sqlx::any::AnyArguments;
use sqlx::{Any, AnyConnection, Arguments, AssertSqlSafe, Encode, Type};

use super::Backend;

#[derive(Default)]
pub struct Batch {
    parts: Vec<String>,
    args: AnyArguments,
    count: usize,
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Adds a value and returns its placeholder (`$7`).
    pub fn arg<T>(&mut self, value: T) -> anyhow::Result<String>
    where
        T: for<'t> Encode<'t, Any> + Type<Any>,
    {
        self.args.add(value).map_err(|e| anyhow::anyhow!("cannot bind a value: {e}"))?;
        self.count += 1;
        Ok(format!("${}", self.count))
    }

    /// Adds one write (an INSERT, UPDATE or DELETE whose placeholders came from `arg`).
    pub fn push(&mut self, sql: String) {
        self.parts.push(sql);
    }

    /// Runs a batch of exactly one write: the same SQL on both backends.
    pub async fn run_one(self, conn: &mut AnyConnection) -> anyhow::Result<()> {
        anyhow::ensure!(self.parts.len() == 1, "run_one with {} writes", self.parts.len());
        let sql = self.parts.into_iter().next().unwrap_or_default();
        sqlx::query_with(AssertSqlSafe(sql), self.args).execute(&mut *conn).await?;
        Ok(())
    }

    /// Runs every write, in order on SQLite; PostgreSQL runs `WITH` parts on one snapshot, so
    /// the parts must not depend on each other's effects. `last` is an optional final query
    /// (such as `SELECT pg_notify(…)` on PostgreSQL).
    pub async fn run(self, conn: &mut AnyConnection, backend: Backend, last: Option<String>) -> anyhow::Result<()> {
        if self.parts.is_empty() && last.is_none() {
            return Ok(());
        }
        let sql = match backend {
            Backend::Sqlite => self.parts.into_iter().chain(last).collect::<Vec<_>>().join(";\n"),
            Backend::Postgres => {
                let with: Vec<String> = self.parts.iter().enumerate().map(|(i, part)| format!("w{i} AS ({part})")).collect();
                let tail = last.unwrap_or_else(|| "SELECT 1".to_owned());
                if with.is_empty() { tail } else { format!("WITH {} {tail}", with.join(", ")) }
            }
        };
        sqlx::query_with(AssertSqlSafe(sql), self.args).execute(&mut *conn).await?;
        Ok(())
    }
}
