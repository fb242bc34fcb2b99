//! Writing a whole data set: the demo generator's output or, later, an import.

use anyhow::Context;
use sqlx::{AnyConnection, Row};

use super::bulk::{Value, insert_rows};
use super::{Backend, Db};
use crate::domain::Dataset;

/// Where the loaded catalogue came from; `Demo` makes every page show the sample-data notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSource {
    Demo,
    Import,
}

impl DataSource {
    fn key(self) -> &'static str {
        match self {
            DataSource::Demo => "demo",
            DataSource::Import => "import",
        }
    }
}

/// True when no site and no product is stored yet.
#[tracing::instrument(skip_all)]
pub async fn catalogue_is_empty(db: &Db) -> anyhow::Result<bool> {
    let row = sqlx::query("SELECT (SELECT COUNT(*) FROM sites) + (SELECT COUNT(*) FROM products) AS n")
        .fetch_one(&db.pool)
        .await
        .context("Failed to count sites and products")?;
    Ok(row.try_get::<i64, _>("n")? == 0)
}

/// Replaces the whole catalogue with `dataset` in one transaction: readers see the old data
/// or the new, never a mix, and a failure leaves the old data untouched.
#[tracing::instrument(skip_all, fields(source = source.key()))]
pub async fn replace_catalogue(db: &Db, dataset: &Dataset, source: DataSource) -> anyhow::Result<()> {
    let mut tx = db.pool.begin().await.context("Failed to start the catalogue transaction")?;
    for table in ["stock", "sites", "products", "producers", "craft_villages", "wards", "districts"] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
            .execute(&mut *tx)
            .await
            .with_context(|| format!("Failed to clear {table}"))?;
    }
    insert_dataset(&mut tx, dataset).await.context("Failed to insert the data set")?;
    if db.backend == Backend::Postgres {
        // Rows came with their ids; move each identity sequence past them for later inserts.
        for table in ["districts", "wards", "craft_villages", "producers", "products", "sites"] {
            let sql =
                format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)");
            sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut *tx)
                .await
                .with_context(|| format!("Failed to reset the {table} id sequence"))?;
        }
    }
    sqlx::query("DELETE FROM app_meta WHERE key = 'data_source'").execute(&mut *tx).await?;
    sqlx::query("INSERT INTO app_meta (key, value) VALUES ('data_source', $1)").bind(source.key()).execute(&mut *tx).await?;
    bump_version(&mut tx).await?;
    tx.commit().await.context("Failed to commit the catalogue")?;
    Ok(())
}

/// Marks the catalogue as changed so every app instance reloads its read model.
pub async fn bump_version(conn: &mut AnyConnection) -> anyhow::Result<()> {
    sqlx::query("UPDATE catalogue_version SET version = version + 1 WHERE id = 1")
        .execute(conn)
        .await
        .context("Failed to bump the catalogue version")?;
    Ok(())
}

async fn insert_dataset(conn: &mut AnyConnection, data: &Dataset) -> Result<(), sqlx::Error> {
    use Value::{Int, OptInt, OptText, Real, Text};
    let rows = data
        .districts
        .iter()
        .map(|d| {
            vec![
                Int(d.id),
                Text(d.slug.clone()),
                Text(d.name.clone()),
                Text(d.name_ascii.clone()),
                Text(d.kind.key().into()),
                Text(d.gso_code.clone()),
                Real(d.lat),
                Real(d.lon),
            ]
        })
        .collect();
    insert_rows(conn, "districts", &["id", "slug", "name", "name_ascii", "kind", "gso_code", "lat", "lon"], rows).await?;

    let rows = data
        .wards
        .iter()
        .map(|w| {
            vec![
                Int(w.id),
                Text(w.code.clone()),
                Text(w.slug.clone()),
                Text(w.name.clone()),
                Text(w.name_ascii.clone()),
                Text(w.kind.key().into()),
                Int(w.district_id),
                Real(w.lat),
                Real(w.lon),
            ]
        })
        .collect();
    insert_rows(conn, "wards", &["id", "code", "slug", "name", "name_ascii", "kind", "district_id", "lat", "lon"], rows).await?;

    let rows = data
        .villages
        .iter()
        .map(|v| {
            vec![
                Int(v.id),
                Text(v.slug.clone()),
                Text(v.name.clone()),
                Text(v.name_ascii.clone()),
                Text(v.craft_vi.clone()),
                Text(v.craft_en.clone()),
                OptInt(v.ward_id),
                Int(v.district_id),
                Real(v.lat),
                Real(v.lon),
                Text(v.description.clone()),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "craft_villages",
        &["id", "slug", "name", "name_ascii", "craft_vi", "craft_en", "ward_id", "district_id", "lat", "lon", "description"],
        rows,
    )
    .await?;

    let rows = data
        .producers
        .iter()
        .map(|p| vec![Int(p.id), Text(p.slug.clone()), Text(p.name.clone()), OptInt(p.ward_id), Int(p.district_id), OptInt(p.village_id)])
        .collect();
    insert_rows(conn, "producers", &["id", "slug", "name", "ward_id", "district_id", "village_id"], rows).await?;

    let rows = data
        .products
        .iter()
        .map(|p| {
            vec![
                Int(p.id),
                Text(p.slug.clone()),
                Text(p.name.clone()),
                Int(p.producer_id),
                Text(p.category.key().into()),
                Int(i64::from(p.stars.get())),
                Int(i64::from(p.five_star_potential)),
                Text(p.certified_on.format("%Y-%m-%d").to_string()),
                Text(p.description.clone()),
                Text(p.unit.clone()),
                OptInt(p.price_vnd),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "products",
        &[
            "id",
            "slug",
            "name",
            "producer_id",
            "category",
            "stars",
            "five_star_potential",
            "certified_on",
            "description",
            "unit",
            "price_vnd",
        ],
        rows,
    )
    .await?;

    let rows = data
        .sites
        .iter()
        .map(|s| {
            vec![
                Int(s.id),
                Text(s.slug.clone()),
                Text(s.kind.key().into()),
                Text(s.name.clone()),
                Text(s.address.clone()),
                Int(s.ward_id),
                Int(s.district_id),
                Real(s.lat),
                Real(s.lon),
                OptText(s.phone.clone()),
                OptText(s.operator.clone()),
                Text(s.hours.to_string()),
                Text(s.description.clone()),
                OptInt(s.stars.map(|st| i64::from(st.get()))),
                Int(i64::from(s.active)),
            ]
        })
        .collect();
    insert_rows(
        conn,
        "sites",
        &[
            "id",
            "slug",
            "kind",
            "name",
            "address",
            "ward_id",
            "district_id",
            "lat",
            "lon",
            "phone",
            "operator",
            "opening_hours",
            "description",
            "stars",
            "active",
        ],
        rows,
    )
    .await?;

    let rows = data
        .stock
        .iter()
        .map(|r| {
            vec![
                Int(r.site_id),
                Int(r.product_id),
                Int(r.quantity),
                Int(r.updated_at.timestamp()),
                Text(r.updated_by.clone()),
                Int(r.version),
            ]
        })
        .collect();
    insert_rows(conn, "stock", &["site_id", "product_id", "quantity", "updated_at", "updated_by", "version"], rows).await?;
    Ok(())
}
