//! Product photos: stored in the database (every instance serves them), replaced whole.

use chrono::{DateTime, Utc};

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
use crate::domain::photo::Variant;

/// Replaces a product's photo with these sizes; returns the new photo version.
#[tracing::instrument(skip_all, fields(product_id))]
pub async fn store(db: &Db, product_id: i64, variants: &[Variant], by: &str, now: DateTime<Utc>) -> anyhow::Result<i64> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    sqlx::query("DELETE FROM product_photos WHERE product_id = $1").bind(product_id).execute(&mut *tx).await?;
    for v in variants {
        sqlx::query("INSERT INTO product_photos (product_id, width, height, bytes) VALUES ($1, $2, $3, $4)")
            .bind(product_id)
            .bind(i64::from(v.width))
            .bind(i64::from(v.height))
            .bind(v.jpeg.clone())
            .execute(&mut *tx)
            .await?;
    }
    let aspect = variants.first().map_or(0, |v| i64::from(v.height) * 1000 / i64::from(v.width.max(1)));
    let version: i64 = sqlx::query_scalar(
        "UPDATE products SET photo_version = photo_version + 1, photo_aspect = $2 WHERE id = $1 RETURNING photo_version",
    )
    .bind(product_id)
    .bind(aspect)
    .fetch_one(&mut *tx)
    .await?;
    let sizes = variants.iter().map(|v| format!("{}×{}", v.width, v.height)).collect::<Vec<_>>().join(", ");
    let entry = AuditEntry {
        at: now,
        actor: by.to_owned(),
        action: "product.photo",
        site_id: None,
        product_id: Some(product_id),
        subject: format!("photo v{version}"),
        before: String::new(),
        after: sizes,
    };
    audit::record(&mut tx, &[entry]).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::Product(product_id)], now.timestamp()).await?;
    tx.commit().await?;
    Ok(version)
}

/// The current photo in the narrowest stored width at least `width` wide (the widest when
/// none is): a small original is stored in fewer widths than pages ask for.
#[tracing::instrument(skip_all, fields(product_id, width))]
pub async fn variant(db: &Db, product_id: i64, version: i64, width: i64) -> anyhow::Result<Option<Vec<u8>>> {
    Ok(sqlx::query_scalar(
        "SELECT p.bytes FROM product_photos p JOIN products r ON r.id = p.product_id \
         WHERE p.product_id = $1 AND r.photo_version = $2 \
         ORDER BY CASE WHEN p.width >= $3 THEN 0 ELSE 1 END, CASE WHEN p.width >= $3 THEN p.width ELSE -p.width END LIMIT 1",
    )
    .bind(product_id)
    .bind(version)
    .bind(width)
    .fetch_optional(&db.pool)
    .await?)
}

/// The widths stored for a product's photo, narrowest first.
pub async fn widths(db: &Db, product_id: i64) -> anyhow::Result<Vec<i64>> {
    Ok(sqlx::query_scalar("SELECT width FROM product_photos WHERE product_id = $1 ORDER BY width")
        .bind(product_id)
        .fetch_all(&db.pool)
        .await?)
}
