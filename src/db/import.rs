//! Applying a checked CSV import: every row in one transaction (all or nothing), each row
//! audited, one change-log entry that makes every instance reload.

use chrono::{DateTime, Utc};
use sqlx::AnyConnection;

use super::Db;
use super::audit::{self, AuditEntry};
use super::changes::{self, Changed};
use super::products::ProductFields;
use super::seed::LoadProgress;
use super::sites::SiteFields;
use crate::domain::text::slugify;

/// A site row: created, or updated when its code exists.
#[derive(Debug, Clone)]
pub struct SiteImport {
    pub code: String,
    pub fields: SiteFields,
    pub active: bool,
}

/// A producer named by an imported product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProducerRef {
    Existing(i64),
    /// Not known yet: created with this name in this (former) district.
    New {
        name: String,
        district_id: i64,
    },
}

/// A product row: created, or updated when its code exists.
#[derive(Debug, Clone)]
pub struct ProductImport {
    pub code: String,
    pub producer: ProducerRef,
    /// `producer_id` is filled in when the row is written.
    pub fields: ProductFields,
    pub active: bool,
}

/// A count: set (or the row created) whatever it was.
#[derive(Debug, Clone)]
pub struct StockImport {
    pub site_id: i64,
    pub product_id: i64,
    pub quantity: i64,
    /// When it was counted; the import's time when the file does not say.
    pub counted_at: Option<DateTime<Utc>>,
}

/// A whole checked file.
#[derive(Debug, Clone)]
pub enum ImportRows {
    Sites(Vec<SiteImport>),
    Products(Vec<ProductImport>),
    Stock(Vec<StockImport>),
}

impl ImportRows {
    pub fn len(&self) -> usize {
        match self {
            ImportRows::Sites(rows) => rows.len(),
            ImportRows::Products(rows) => rows.len(),
            ImportRows::Stock(rows) => rows.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Rows between progress reports.
const REPORT_EVERY: usize = 200;

/// Writes every row in one transaction; returns how many.
#[tracing::instrument(skip_all, fields(rows = rows.len()))]
pub async fn apply(db: &Db, rows: &ImportRows, by: &str, now: DateTime<Utc>, progress: &dyn LoadProgress) -> anyhow::Result<usize> {
    let (_turn, mut tx) = db.begin_write().await?;
    let seq = changes::next_seq(&mut tx).await?;
    let mut entries = Vec::with_capacity(rows.len());
    let table = match rows {
        ImportRows::Sites(_) => "sites",
        ImportRows::Products(_) => "products",
        ImportRows::Stock(_) => "stock",
    };
    progress.table(table, rows.len());
    let entry = |action: &'static str, site_id: Option<i64>, product_id: Option<i64>, subject: String, after: String| AuditEntry {
        at: now,
        actor: by.to_owned(),
        action,
        site_id,
        product_id,
        subject,
        before: String::new(),
        after,
    };
    match rows {
        ImportRows::Sites(sites) => {
            for (i, site) in sites.iter().enumerate() {
                let id = upsert_site(&mut tx, site).await?;
                entries.push(entry("import.site", Some(id), None, site.code.clone(), site.fields.name.clone()));
                report(progress, i, sites.len());
            }
        }
        ImportRows::Products(products) => {
            for (i, product) in products.iter().enumerate() {
                let producer_id = producer(&mut tx, &product.producer).await?;
                let id = upsert_product(&mut tx, product, producer_id).await?;
                entries.push(entry("import.product", None, Some(id), product.code.clone(), product.fields.name.clone()));
                report(progress, i, products.len());
            }
        }
        ImportRows::Stock(stock) => {
            for (i, row) in stock.iter().enumerate() {
                upsert_stock(&mut tx, row, by, now).await?;
                entries.push(entry("import.stock", Some(row.site_id), Some(row.product_id), String::new(), row.quantity.to_string()));
                report(progress, i, stock.len());
            }
        }
    }
    progress.step("committing");
    audit::record(&mut tx, &entries).await?;
    changes::log(&mut tx, db.backend, seq, &[Changed::All], now.timestamp()).await?;
    tx.commit().await?;
    progress.finished();
    Ok(rows.len())
}

/// Tells `progress` of every `REPORT_EVERY` rows done, and of the last few.
fn report(progress: &dyn LoadProgress, i: usize, total: usize) {
    let done = i + 1;
    if done.is_multiple_of(REPORT_EVERY) {
        progress.inserted(REPORT_EVERY);
    } else if done == total {
        progress.inserted(done % REPORT_EVERY);
    }
}

async fn upsert_site(conn: &mut AnyConnection, site: &SiteImport) -> anyhow::Result<i64> {
    let f = &site.fields;
    let optional = |text: &str| Some(text.to_owned()).filter(|t| !t.is_empty());
    Ok(sqlx::query_scalar(
        "INSERT INTO sites (slug, kind, name, address, ward_id, district_id, lat, lon, phone, zalo, operator, opening_hours, \
         closed_until, closure_note, description, stars, active, description_en) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) \
         ON CONFLICT (slug) DO UPDATE SET kind = excluded.kind, name = excluded.name, address = excluded.address, \
         ward_id = excluded.ward_id, district_id = excluded.district_id, lat = excluded.lat, lon = excluded.lon, \
         phone = excluded.phone, zalo = excluded.zalo, operator = excluded.operator, opening_hours = excluded.opening_hours, \
         closed_until = excluded.closed_until, closure_note = excluded.closure_note, description = excluded.description, \
         stars = excluded.stars, active = excluded.active, description_en = excluded.description_en RETURNING id",
    )
    .bind(&site.code)
    .bind(&f.kind)
    .bind(&f.name)
    .bind(&f.address)
    .bind(f.ward_id)
    .bind(f.district_id)
    .bind(f.lat)
    .bind(f.lon)
    .bind(optional(&f.phone))
    .bind(&f.zalo)
    .bind(optional(&f.operator))
    .bind(&f.opening_hours)
    .bind(&f.closed_until)
    .bind(&f.closure_note)
    .bind(&f.description)
    .bind((f.stars != 0).then_some(f.stars))
    .bind(i64::from(site.active))
    .bind(&f.description_en)
    .persistent(false)
    .fetch_one(&mut *conn)
    .await?)
}

/// The producer's id, creating it when new (its slug from its name, made unique by the
/// district when another producer has it).
async fn producer(conn: &mut AnyConnection, producer: &ProducerRef) -> anyhow::Result<i64> {
    let (name, district_id) = match producer {
        ProducerRef::Existing(id) => return Ok(*id),
        ProducerRef::New { name, district_id } => (name, *district_id),
    };
    let found: Option<i64> = sqlx::query_scalar("SELECT id FROM producers WHERE name = $1 AND district_id = $2")
        .bind(name)
        .bind(district_id)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some(id) = found {
        return Ok(id);
    }
    for slug in [slugify(name), format!("{}-{district_id}", slugify(name))] {
        let inserted: Option<i64> = sqlx::query_scalar(
            "INSERT INTO producers (slug, name, district_id) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING RETURNING id",
        )
        .bind(&slug)
        .bind(name)
        .bind(district_id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(id) = inserted {
            return Ok(id);
        }
    }
    anyhow::bail!("no free code for producer {name}")
}

async fn upsert_product(conn: &mut AnyConnection, product: &ProductImport, producer_id: i64) -> anyhow::Result<i64> {
    let f = &product.fields;
    Ok(sqlx::query_scalar(
        "INSERT INTO products (slug, name, producer_id, category, stars, five_star_potential, certified_on, description, unit, \
         price_vnd, barcode, active, description_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) \
         ON CONFLICT (slug) DO UPDATE SET name = excluded.name, producer_id = excluded.producer_id, category = excluded.category, \
         stars = excluded.stars, five_star_potential = excluded.five_star_potential, certified_on = excluded.certified_on, \
         description = excluded.description, unit = excluded.unit, price_vnd = excluded.price_vnd, barcode = excluded.barcode, \
         active = excluded.active, description_en = excluded.description_en RETURNING id",
    )
    .bind(&product.code)
    .bind(&f.name)
    .bind(producer_id)
    .bind(&f.category)
    .bind(f.stars)
    .bind(f.five_star_potential)
    .bind(&f.certified_on)
    .bind(&f.description)
    .bind(&f.unit)
    .bind((f.price_vnd != 0).then_some(f.price_vnd))
    .bind(&f.barcode)
    .bind(i64::from(product.active))
    .bind(&f.description_en)
    .persistent(false)
    .fetch_one(&mut *conn)
    .await?)
}

async fn upsert_stock(conn: &mut AnyConnection, row: &StockImport, by: &str, now: DateTime<Utc>) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO stock (site_id, product_id, quantity, updated_at, updated_by, version, disputed) VALUES ($1, $2, $3, $4, $5, 1, 0) \
         ON CONFLICT (site_id, product_id) DO UPDATE SET quantity = excluded.quantity, updated_at = excluded.updated_at, \
         updated_by = excluded.updated_by, version = stock.version + 1, disputed = 0",
    )
    .bind(row.site_id)
    .bind(row.product_id)
    .bind(row.quantity)
    .bind(row.counted_at.unwrap_or(now).timestamp())
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
