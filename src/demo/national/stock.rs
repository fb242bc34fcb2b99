//! The national shelves: every active national site lists 30–250 products, mostly from its own
//! province and the nearest ones, counted like Hanoi's shelves; then its description.

use chrono::{DateTime, Utc};

use super::provinces::Region;
use crate::demo::allocation::cat_index;
use crate::demo::sites::category_words;
use crate::demo::stock::{count, floor_stock};
use crate::domain::rng::SeededRng;
use crate::domain::{Category, Dataset, SiteKind, Stars, StockRow};

/// Fewest and most products on one national shelf.
pub(super) const SHELF_MIN: usize = 30;
pub(super) const SHELF_MAX: usize = 250;
/// Hanoi's centre, for the distances between regions.
const HANOI: (f64, f64) = (21.0285, 105.8542);
/// Regions a shelf draws its "nearby" products from.
const NEIGHBOURS: usize = 3;

/// Where a site's products come from.
struct Pools {
    /// Stockable product indexes by region (0 = Hanoi, p + 1 = `regions[p]`).
    by_region: Vec<Vec<u32>>,
    /// The nearest other regions of each region.
    nearby: Vec<Vec<usize>>,
    /// Five-star and five-star-potential products, sold all over the country.
    favourites: Vec<u32>,
    all: Vec<u32>,
}

impl Pools {
    fn new(data: &Dataset, regions: &[Region], product_region: &[u8]) -> Pools {
        let mut by_region = vec![Vec::new(); regions.len() + 1];
        let (mut favourites, mut all) = (Vec::new(), Vec::new());
        for (i, product) in data.products.iter().enumerate() {
            if product.category.is_service() {
                continue;
            }
            by_region[usize::from(product_region[i])].push(i as u32);
            all.push(i as u32);
            if product.stars == Stars::FIVE || product.five_star_potential {
                favourites.push(i as u32);
            }
        }
        let centres: Vec<(f64, f64)> =
            std::iter::once(HANOI).chain(regions.iter().map(|r| (r.province.anchors[0].1, r.province.anchors[0].2))).collect();
        let distance = |a: usize, b: usize| {
            let ((lat1, lon1), (lat2, lon2)) = (centres[a], centres[b]);
            (lat1 - lat2).powi(2) + ((lon1 - lon2) * lat1.to_radians().cos()).powi(2)
        };
        let nearby = (0..centres.len())
            .map(|a| {
                let mut others: Vec<usize> = (0..centres.len()).filter(|&b| b != a && !by_region[b].is_empty()).collect();
                others.sort_by(|&x, &y| distance(a, x).total_cmp(&distance(a, y)).then(x.cmp(&y)));
                others.truncate(NEIGHBOURS);
                others
            })
            .collect();
        Pools { by_region, nearby, favourites, all }
    }

    /// One product index for a shelf in region `r`: 55% its own region, 20% a nearby one,
    /// 10% the country's favourites, 15% anything.
    fn draw(&self, r: usize, rng: &mut SeededRng) -> Option<u32> {
        let pool = match rng.unit() {
            u if u < 0.55 => &self.by_region[r],
            u if u < 0.75 && !self.nearby[r].is_empty() => &self.by_region[*rng.pick(&self.nearby[r])],
            u if u < 0.85 => &self.favourites,
            _ => &self.all,
        };
        (!pool.is_empty()).then(|| *rng.pick(pool))
    }
}

/// Where every site and product is from: a region index (0 = Hanoi, p + 1 = `regions[p]`).
pub(super) struct Homes<'a> {
    pub regions: &'a [Region],
    pub of_site: &'a [u8],
    pub of_product: &'a [u8],
}

/// Adds shelves to every active national site until the stock table holds `total` rows.
/// `clock` draws the count times apart from `rng`, so moving `now` changes only the times.
pub(super) fn add(data: &mut Dataset, homes: &Homes, total: usize, now: DateTime<Utc>, rng: &mut SeededRng, clock: &mut SeededRng) {
    let Homes { regions, of_site: site_region, of_product: product_region } = *homes;
    let pools = Pools::new(data, regions, product_region);
    let national: Vec<usize> = (0..data.sites.len()).filter(|&s| site_region[s] != 0 && data.sites[s].active).collect();
    let rows = total.checked_sub(data.stock.len()).expect("national total smaller than Hanoi's stock");
    let sizes = shelf_sizes(data, &national, rows, pools.all.len(), rng);
    data.stock.reserve_exact(rows);
    let mut taken = vec![u32::MAX; data.products.len()];
    let mut shelf: Vec<u32> = Vec::with_capacity(SHELF_MAX);
    for (&s, size) in national.iter().zip(sizes) {
        let r = usize::from(site_region[s]);
        shelf.clear();
        let mut attempts = 0;
        while shelf.len() < size && attempts < size * 20 {
            attempts += 1;
            if let Some(i) = pools.draw(r, rng).filter(|&i| taken[i as usize] != s as u32) {
                taken[i as usize] = s as u32;
                shelf.push(i);
            }
        }
        // A small province runs out of products of its own: top up from the whole country.
        let start = rng.below(pools.all.len());
        for &i in pools.all[start..].iter().chain(&pools.all[..start]) {
            if shelf.len() == size {
                break;
            }
            if taken[i as usize] != s as u32 {
                taken[i as usize] = s as u32;
                shelf.push(i);
            }
        }
        shelf.sort_unstable();
        let mut counts = [0usize; 6];
        for &i in &shelf {
            let product = &data.products[i as usize];
            counts[cat_index(product.category)] += 1;
            let (quantity, updated_at) = count(rng, clock, now);
            let quantity = floor_stock(rng, product.price_vnd, quantity);
            let row = StockRow {
                site_id: s as i64 + 1,
                product_id: product.id,
                quantity,
                updated_at,
                updated_by: "demo".to_owned(),
                version: 1,
                disputed: false,
            };
            data.stock.push(row);
        }
        let text = describe(s, data.sites[s].kind, &regions[r - 1], counts);
        data.sites[s].description = text;
    }
}

/// Shelf sizes for `sites` adding up to exactly `rows`: skewed towards small shops, larger
/// for design centres, each within `SHELF_MIN..=SHELF_MAX` and never more than `stockable`.
fn shelf_sizes(data: &Dataset, sites: &[usize], rows: usize, stockable: usize, rng: &mut SeededRng) -> Vec<usize> {
    let max = SHELF_MAX.min(stockable);
    assert!(
        (SHELF_MIN * sites.len()..=max * sites.len()).contains(&rows),
        "{rows} stock rows do not fit {} shelves of {SHELF_MIN}–{max} products",
        sites.len()
    );
    let raw: Vec<f64> = sites
        .iter()
        .map(|&s| {
            let big = if data.sites[s].kind == SiteKind::DesignCentre { 1.4 } else { 1.0 };
            big * (SHELF_MIN as f64 + (SHELF_MAX - SHELF_MIN) as f64 * rng.unit().powf(1.8))
        })
        .collect();
    let scale = rows as f64 / raw.iter().sum::<f64>();
    let mut sizes: Vec<usize> = raw.iter().map(|x| ((x * scale).round() as usize).clamp(SHELF_MIN, max)).collect();
    let mut sum: usize = sizes.iter().sum();
    while sum != rows {
        let i = rng.below(sizes.len());
        if sum < rows && sizes[i] < max {
            sizes[i] += 1;
            sum += 1;
        } else if sum > rows && sizes[i] > SHELF_MIN {
            sizes[i] -= 1;
            sum -= 1;
        }
    }
    sizes
}

/// A site's description from the two categories it stocks most; `s` varies the wording.
fn describe(s: usize, kind: SiteKind, region: &Region, counts: [usize; 6]) -> String {
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(counts[c]));
    let (a, b) = (category_words(Category::ALL[order[0]]), category_words(Category::ALL[order[1]]));
    let province = region.in_text();
    match (kind, s % 3) {
        (SiteKind::Showroom, 0) => {
            format!("Giới thiệu và bán sản phẩm OCOP của {province} và các địa phương khác, nhiều nhất là {a} và {b}.")
        }
        (SiteKind::Showroom, 1) => format!("Bán {a}, {b} và các sản phẩm OCOP khác, phần lớn của các chủ thể ở {province}."),
        (SiteKind::Showroom, _) => format!("Cửa hàng sản phẩm OCOP của {province}: {a}, {b} và nhiều nhóm hàng khác."),
        (SiteKind::DesignCentre, _) => {
            format!("Thiết kế, trưng bày và bán sản phẩm OCOP của {province} và cả nước; nhiều nhất là {a} và {b}.")
        }
    }
}
