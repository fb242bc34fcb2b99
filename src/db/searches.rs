//! Search counts: how often each folded query was searched per Hanoi day, and what it found.

use chrono::NaiveDate;
use sqlx::FromRow;

use super::Db;

/// One query's count for one day.
#[derive(Debug, Clone, PartialEq, Eq, FromRow)]
pub struct SearchCount {
    pub query: String,
    pub results: i64,
    pub searches: i64,
}

/// Adds `searches` to each query's count for `day`, recording what it found now.
#[tracing::instrument(skip_all, fields(queries = counts.len()))]
pub async fn add(db: &Db, day: NaiveDate, counts: &[(String, i64, i64)]) -> anyhow::Result<()> {
    let day = day.to_string();
    let (_turn, mut tx) = db.begin_write().await?;
    for (query, results, searches) in counts {
        sqlx::query(
            "INSERT INTO search_counts (day, query, results, searches) VALUES ($1, $2, $3, $4)
             ON CONFLICT (day, query) DO UPDATE SET results = excluded.results, searches = search_counts.searches + excluded.searches",
        )
        .bind(&day)
        .bind(query)
        .bind(results)
        .bind(searches)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The most searched queries since `from` (inclusive) that found nothing, most searched first.
#[tracing::instrument(skip_all)]
pub async fn fruitless_since(db: &Db, from: NaiveDate, limit: i64) -> anyhow::Result<Vec<SearchCount>> {
    Ok(sqlx::query_as::<_, SearchCount>(
        "SELECT query, MIN(results) AS results, CAST(SUM(searches) AS BIGINT) AS searches FROM search_counts
         WHERE day >= $1 GROUP BY query HAVING MIN(results) = 0 ORDER BY SUM(searches) DESC, query LIMIT $2",
    )
    .bind(from.to_string())
    .bind(limit)
    .fetch_all(&db.pool)
    .await?)
}

/// The most searched queries since `from`, with what they found last.
#[tracing::instrument(skip_all)]
pub async fn top_since(db: &Db, from: NaiveDate, limit: i64) -> anyhow::Result<Vec<SearchCount>> {
    Ok(sqlx::query_as::<_, SearchCount>(
        "SELECT query, MIN(results) AS results, CAST(SUM(searches) AS BIGINT) AS searches FROM search_counts
         WHERE day >= $1 GROUP BY query ORDER BY SUM(searches) DESC, query LIMIT $2",
    )
    .bind(from.to_string())
    .bind(limit)
    .fetch_all(&db.pool)
    .await?)
}
