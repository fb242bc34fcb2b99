//! Reading the whole catalogue, which the app serves from memory (see `crate::catalog`).

use anyhow::{Context, anyhow};
use chrono::NaiveDate;
use sqlx::{AnyConnection, FromRow, Row};

use super::Db;
use super::stock::{STOCK_COLUMNS, StockDbRow};
use crate::domain::{
    Category, Closure, CraftVillage, Dataset, District, DistrictKind, OpeningHours, PhotoRef, Producer, Product, Site, SiteKind, Stars,
    StockRow, Ward, WardKind,
};

/// The stored catalogue together with its version and whether it is sample data.
#[derive(Debug, Clone)]
pub struct StoredCatalogue {
    pub dataset: Dataset,
    pub version: i64,
    pub is_demo: bool,
}

/// The version the database is at; cheap enough to poll.
#[tracing::instrument(skip_all)]
pub async fn current_version(db: &Db) -> anyhow::Result<i64> {
    let mut conn = db.pool.acquire().await.context("Failed to get a connection")?;
    read_version(&mut conn).await
}

async fn read_version(conn: &mut AnyConnection) -> anyhow::Result<i64> {
    let row = sqlx::query("SELECT version FROM catalogue_version WHERE id = 1")
        .fetch_one(conn)
        .await
        .context("Failed to read the catalogue version")?;
    Ok(row.try_get("version")?)
}

/// Loads every table in one transaction, so the snapshot is consistent.
#[tracing::instrument(skip_all)]
pub async fn load(db: &Db) -> anyhow::Result<StoredCatalogue> {
    read(db, true).await
}

/// Loads every table but the stock (`dataset.stock` is empty): what an edit of a place, maker,
/// product or site needs, without the million rows a national catalogue holds.
#[tracing::instrument(skip_all)]
pub async fn load_reference(db: &Db) -> anyhow::Result<StoredCatalogue> {
    read(db, false).await
}

async fn read(db: &Db, with_stock: bool) -> anyhow::Result<StoredCatalogue> {
    let mut tx = db.pool.begin().await.context("Failed to start reading the catalogue")?;
    let version = read_version(&mut tx).await?;
    let is_demo = sqlx::query("SELECT value FROM app_meta WHERE key = 'data_source'")
        .fetch_optional(&mut *tx)
        .await?
        .map(|row| row.try_get::<String, _>("value"))
        .transpose()?
        .is_some_and(|source| source == "demo");

    let districts =
        sqlx::query_as::<_, DistrictRow>("SELECT id, slug, name, name_ascii, kind, gso_code, lat, lon FROM districts ORDER BY id")
            .fetch_all(&mut *tx)
            .await
            .context("Failed to load districts")?;
    let wards = sqlx::query_as::<_, WardRow>("SELECT id, code, slug, name, name_ascii, kind, district_id, lat, lon FROM wards ORDER BY id")
        .fetch_all(&mut *tx)
        .await
        .context("Failed to load wards")?;
    let villages = sqlx::query_as::<_, VillageRow>("SELECT id, slug, name, name_ascii, craft_vi, craft_en, ward_id, district_id, lat, lon, description, description_en, active FROM craft_villages ORDER BY id")
        .fetch_all(&mut *tx)
        .await
        .context("Failed to load craft villages")?;
    let producers =
        sqlx::query_as::<_, ProducerRow>("SELECT id, slug, name, ward_id, district_id, village_id, active FROM producers ORDER BY id")
            .fetch_all(&mut *tx)
            .await
            .context("Failed to load producers")?;
    let products = sqlx::query_as::<_, ProductRow>("SELECT id, slug, name, producer_id, category, stars, five_star_potential, certified_on, description, description_en, unit, price_vnd, barcode, active, photo_version, photo_aspect FROM products ORDER BY id")
        .fetch_all(&mut *tx)
        .await
        .context("Failed to load products")?;
    let sites = sqlx::query_as::<_, SiteRow>(
        "SELECT id, slug, kind, name, address, ward_id, district_id, lat, lon, phone, operator, opening_hours, description, description_en, stars, active, zalo, closed_until, closure_note FROM sites ORDER BY id",
    )
    .fetch_all(&mut *tx)
    .await
    .context("Failed to load sites")?;
    let stock = if with_stock {
        sqlx::query_as::<_, StockDbRow>(sqlx::AssertSqlSafe(format!("SELECT {STOCK_COLUMNS} FROM stock ORDER BY site_id, product_id")))
            .fetch_all(&mut *tx)
            .await
            .context("Failed to load stock")?
    } else {
        Vec::new()
    };
    tx.commit().await?;

    let dataset = Dataset {
        districts: districts.into_iter().map(District::try_from).collect::<anyhow::Result<_>>()?,
        wards: wards.into_iter().map(Ward::try_from).collect::<anyhow::Result<_>>()?,
        villages: villages.into_iter().map(CraftVillage::from).collect(),
        producers: producers.into_iter().map(Producer::from).collect(),
        products: products.into_iter().map(Product::try_from).collect::<anyhow::Result<_>>()?,
        sites: sites.into_iter().map(Site::try_from).collect::<anyhow::Result<_>>()?,
        stock: stock.into_iter().map(StockRow::try_from).collect::<anyhow::Result<_>>()?,
    };
    Ok(StoredCatalogue { dataset, version, is_demo })
}

#[derive(FromRow)]
struct DistrictRow {
    id: i64,
    slug: String,
    name: String,
    name_ascii: String,
    kind: String,
    gso_code: String,
    lat: f64,
    lon: f64,
}

impl TryFrom<DistrictRow> for District {
    type Error = anyhow::Error;
    fn try_from(r: DistrictRow) -> anyhow::Result<District> {
        let kind = DistrictKind::parse(&r.kind).ok_or_else(|| anyhow!("district {} has unknown kind {:?}", r.id, r.kind))?;
        Ok(District { id: r.id, slug: r.slug, name: r.name, name_ascii: r.name_ascii, kind, gso_code: r.gso_code, lat: r.lat, lon: r.lon })
    }
}

#[derive(FromRow)]
struct WardRow {
    id: i64,
    code: String,
    slug: String,
    name: String,
    name_ascii: String,
    kind: String,
    district_id: i64,
    lat: f64,
    lon: f64,
}

impl TryFrom<WardRow> for Ward {
    type Error = anyhow::Error;
    fn try_from(r: WardRow) -> anyhow::Result<Ward> {
        let kind = WardKind::parse(&r.kind).ok_or_else(|| anyhow!("ward {} has unknown kind {:?}", r.id, r.kind))?;
        Ok(Ward {
            id: r.id,
            code: r.code,
            slug: r.slug,
            name: r.name,
            name_ascii: r.name_ascii,
            kind,
            district_id: r.district_id,
            lat: r.lat,
            lon: r.lon,
        })
    }
}

#[derive(FromRow)]
struct VillageRow {
    id: i64,
    slug: String,
    name: String,
    name_ascii: String,
    craft_vi: String,
    craft_en: String,
    ward_id: Option<i64>,
    district_id: i64,
    lat: f64,
    lon: f64,
    description: String,
    description_en: String,
    active: i64,
}

impl From<VillageRow> for CraftVillage {
    fn from(r: VillageRow) -> CraftVillage {
        CraftVillage {
            id: r.id,
            slug: r.slug,
            name: r.name,
            name_ascii: r.name_ascii,
            craft_vi: r.craft_vi,
            craft_en: r.craft_en,
            ward_id: r.ward_id,
            district_id: r.district_id,
            lat: r.lat,
            lon: r.lon,
            description: r.description,
            description_en: r.description_en,
            active: r.active != 0,
        }
    }
}

#[derive(FromRow)]
struct ProducerRow {
    id: i64,
    slug: String,
    name: String,
    ward_id: Option<i64>,
    district_id: i64,
    village_id: Option<i64>,
    active: i64,
}

impl From<ProducerRow> for Producer {
    fn from(r: ProducerRow) -> Producer {
        Producer {
            id: r.id,
            slug: r.slug,
            name: r.name,
            ward_id: r.ward_id,
            district_id: r.district_id,
            village_id: r.village_id,
            active: r.active != 0,
        }
    }
}

#[derive(FromRow)]
struct ProductRow {
    id: i64,
    slug: String,
    name: String,
    producer_id: i64,
    category: String,
    stars: i64,
    five_star_potential: i64,
    certified_on: String,
    description: String,
    description_en: String,
    unit: String,
    price_vnd: Option<i64>,
    barcode: String,
    active: i64,
    photo_version: i64,
    photo_aspect: i64,
}

impl TryFrom<ProductRow> for Product {
    type Error = anyhow::Error;
    fn try_from(r: ProductRow) -> anyhow::Result<Product> {
        let category = Category::parse(&r.category).ok_or_else(|| anyhow!("product {} has unknown category {:?}", r.id, r.category))?;
        let stars = Stars::new(r.stars).ok_or_else(|| anyhow!("product {} has {} stars", r.id, r.stars))?;
        let certified_on = NaiveDate::parse_from_str(&r.certified_on, "%Y-%m-%d")
            .with_context(|| format!("product {} has a bad certificate date", r.id))?;
        Ok(Product {
            id: r.id,
            slug: r.slug,
            name: r.name,
            producer_id: r.producer_id,
            category,
            stars,
            five_star_potential: r.five_star_potential != 0,
            certified_on,
            description: r.description,
            description_en: r.description_en,
            unit: r.unit,
            price_vnd: r.price_vnd,
            barcode: Some(r.barcode).filter(|b| !b.is_empty()),
            active: r.active != 0,
            photo: (r.photo_version > 0).then_some(PhotoRef { version: r.photo_version, aspect: r.photo_aspect }),
        })
    }
}

#[derive(FromRow)]
struct SiteRow {
    id: i64,
    slug: String,
    kind: String,
    name: String,
    address: String,
    ward_id: i64,
    district_id: i64,
    lat: f64,
    lon: f64,
    phone: Option<String>,
    operator: Option<String>,
    opening_hours: String,
    description: String,
    description_en: String,
    stars: Option<i64>,
    active: i64,
    zalo: String,
    closed_until: String,
    closure_note: String,
}

impl TryFrom<SiteRow> for Site {
    type Error = anyhow::Error;
    fn try_from(r: SiteRow) -> anyhow::Result<Site> {
        let kind = SiteKind::parse(&r.kind).ok_or_else(|| anyhow!("site {} has unknown kind {:?}", r.id, r.kind))?;
        let hours = OpeningHours::parse(&r.opening_hours).with_context(|| format!("site {} has bad opening hours", r.id))?;
        let stars = r.stars.map(|s| Stars::new(s).ok_or_else(|| anyhow!("site {} has {s} stars", r.id))).transpose()?;
        Ok(Site {
            id: r.id,
            slug: r.slug,
            kind,
            name: r.name,
            address: r.address,
            ward_id: r.ward_id,
            district_id: r.district_id,
            lat: r.lat,
            lon: r.lon,
            phone: r.phone,
            zalo: Some(r.zalo).filter(|z| !z.is_empty()),
            closure: match r.closed_until.as_str() {
                "" => None,
                date => Some(Closure {
                    reopens_on: NaiveDate::parse_from_str(date, "%Y-%m-%d")
                        .with_context(|| format!("site {} has a bad reopening date", r.id))?,
                    note: r.closure_note,
                }),
            },
            operator: r.operator,
            hours,
            description: r.description,
            description_en: r.description_en,
            stars,
            active: r.active != 0,
        })
    }
}
