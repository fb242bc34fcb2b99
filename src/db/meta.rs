//! Settings the app keeps for itself in `app_meta`.

use super::Db;

/// The value stored under `key`, or `candidate` stored there now if there was none. Instances
/// racing on a fresh database all end up with whichever value was stored first.
#[tracing::instrument(skip_all, fields(key))]
pub async fn get_or_store(db: &Db, key: &str, candidate: &str) -> anyhow::Result<String> {
    sqlx::query("INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(key)
        .bind(candidate)
        .execute(&db.pool)
        .await?;
    Ok(sqlx::query_scalar("SELECT value FROM app_meta WHERE key = $1").bind(key).fetch_one(&db.pool).await?)
}
