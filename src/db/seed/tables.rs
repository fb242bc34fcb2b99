//! The INSERTs of a whole data set, table by table in foreign-key order.

use sqlx::AnyConnection;

use super::LoadProgress;
use crate::db::bulk::{Value, insert_all};
use crate::domain::Dataset;

/// Inserts every table of `data` (the tables must be empty).
pub(super) async fn insert_dataset(conn: &mut AnyConnection, data: &Dataset, progress: &dyn LoadProgress) -> Result<(), sqlx::Error> {
    use Value::{Int, OptInt, OptText, Real, Text};
    let columns = ["id", "slug", "name", "name_ascii", "kind", "gso_code", "lat", "lon"];
    insert_all(
        conn,
        "districts",
        columns,
        &data.districts,
        |d| {
            [
                Int(d.id),
                Text(d.slug.clone()),
                Text(d.name.clone()),
                Text(d.name_ascii.clone()),
                Text(d.kind.key().into()),
                Text(d.gso_code.clone()),
                Real(d.lat),
                Real(d.lon),
            ]
        },
        progress,
    )
    .await?;

    let columns = ["id", "code", "slug", "name", "name_ascii", "kind", "district_id", "lat", "lon"];
    insert_all(
        conn,
        "wards",
        columns,
        &data.wards,
        |w| {
            [
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
        },
        progress,
    )
    .await?;

    let columns = [
        "id",
        "slug",
        "name",
        "name_ascii",
        "craft_vi",
        "craft_en",
        "ward_id",
        "district_id",
        "lat",
        "lon",
        "description",
        "description_en",
        "active",
    ];
    insert_all(
        conn,
        "craft_villages",
        columns,
        &data.villages,
        |v| {
            [
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
                Text(v.description_en.clone()),
                Int(i64::from(v.active)),
            ]
        },
        progress,
    )
    .await?;

    let columns = ["id", "slug", "name", "ward_id", "district_id", "village_id", "active"];
    insert_all(
        conn,
        "producers",
        columns,
        &data.producers,
        |p| {
            [
                Int(p.id),
                Text(p.slug.clone()),
                Text(p.name.clone()),
                OptInt(p.ward_id),
                Int(p.district_id),
                OptInt(p.village_id),
                Int(i64::from(p.active)),
            ]
        },
        progress,
    )
    .await?;

    let columns = [
        "id",
        "slug",
        "name",
        "producer_id",
        "category",
        "stars",
        "five_star_potential",
        "certified_on",
        "description",
        "description_en",
        "unit",
        "price_vnd",
    ];
    insert_all(
        conn,
        "products",
        columns,
        &data.products,
        |p| {
            [
                Int(p.id),
                Text(p.slug.clone()),
                Text(p.name.clone()),
                Int(p.producer_id),
                Text(p.category.key().into()),
                Int(i64::from(p.stars.get())),
                Int(i64::from(p.five_star_potential)),
                Text(p.certified_on.format("%Y-%m-%d").to_string()),
                Text(p.description.clone()),
                Text(p.description_en.clone()),
                Text(p.unit.clone()),
                OptInt(p.price_vnd),
            ]
        },
        progress,
    )
    .await?;

    let columns = [
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
        "description_en",
        "stars",
        "active",
    ];
    insert_all(
        conn,
        "sites",
        columns,
        &data.sites,
        |s| {
            [
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
                Text(s.description_en.clone()),
                OptInt(s.stars.map(|st| i64::from(st.get()))),
                Int(i64::from(s.active)),
            ]
        },
        progress,
    )
    .await?;

    let columns = ["site_id", "product_id", "quantity", "updated_at", "updated_by", "version", "disputed"];
    insert_all(
        conn,
        "stock",
        columns,
        &data.stock,
        |r| {
            [
                Int(r.site_id),
                Int(r.product_id),
                Int(r.quantity),
                Int(r.updated_at.timestamp()),
                Text(r.updated_by.clone()),
                Int(r.version),
                Int(i64::from(r.disputed)),
            ]
        },
        progress,
    )
    .await?;
    Ok(())
}
