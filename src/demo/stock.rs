//! What every active site has on its shelf: its district's and craft villages' products plus
//! city-wide favourites, with counts and count dates spread over the last 60 days.

use chrono::{DateTime, Days, Duration, NaiveTime, Utc};

use super::catalogue::Catalogue;
use super::places::Places;
use super::sites::Plan;
use crate::domain::rng::SeededRng;
use crate::domain::{Category, Site, Stars, StockRow, hanoi_date, hanoi_offset};

/// Product indexes grouped the ways a shelf is filled. Services are never stocked.
struct Pools {
    all: Vec<usize>,
    by_district: Vec<Vec<usize>>,
    by_village: Vec<Vec<usize>>,
    by_category: Vec<Vec<usize>>,
    by_district_category: Vec<Vec<Vec<usize>>>,
    /// Five-star, potential five-star and some well-known four-star products.
    favourites: Vec<usize>,
}

impl Pools {
    fn new(places: &Places, catalogue: &Catalogue, rng: &mut SeededRng) -> Pools {
        let mut pools = Pools {
            all: Vec::new(),
            by_district: vec![Vec::new(); places.districts.len()],
            by_village: vec![Vec::new(); places.villages.len()],
            by_category: vec![Vec::new(); 6],
            by_district_category: vec![vec![Vec::new(); 6]; places.districts.len()],
            favourites: Vec::new(),
        };
        let mut four_stars = Vec::new();
        for (i, product) in catalogue.products.iter().enumerate() {
            if product.category.is_service() {
                continue;
            }
            let producer = &catalogue.producers[product.producer_id as usize - 1];
            let d = producer.district_id as usize - 1;
            let c = category_index(product.category);
            pools.all.push(i);
            pools.by_district[d].push(i);
            pools.by_category[c].push(i);
            pools.by_district_category[d][c].push(i);
            if let Some(v) = producer.village_id {
                pools.by_village[v as usize - 1].push(i);
            }
            if product.stars == Stars::FIVE || product.five_star_potential {
                pools.favourites.push(i);
            } else if product.stars == Stars::FOUR {
                four_stars.push(i);
            }
        }
        rng.shuffle(&mut four_stars);
        pools.favourites.extend(four_stars.into_iter().take(40));
        pools
    }
}

fn category_index(category: Category) -> usize {
    Category::ALL.iter().position(|&c| c == category).unwrap_or(0)
}

/// Stock rows for every active site, ordered by site and product. `clock` draws the count times
/// apart from `rng`, so moving `now` changes only the times.
pub(super) fn build(
    places: &Places,
    catalogue: &Catalogue,
    sites: &[Site],
    plans: &[Plan],
    now: DateTime<Utc>,
    rng: &mut SeededRng,
    clock: &mut SeededRng,
) -> Vec<StockRow> {
    let pools = Pools::new(places, catalogue, rng);
    let mut taken = vec![usize::MAX; catalogue.products.len()];
    let mut rows = Vec::new();
    for (s, (site, plan)) in sites.iter().zip(plans).enumerate() {
        if !site.active {
            continue;
        }
        let d = site.district_id as usize - 1;
        let allowed = |i: usize| plan.max_stars.is_none_or(|max| catalogue.products[i].stars.get() <= max);
        let size = plan.size.unwrap_or_else(|| rng.range(40, 120) as usize).max(plan.must.len());
        let mut shelf: Vec<(usize, bool)> = Vec::with_capacity(size);
        for &i in &plan.must {
            if taken[i] != s {
                taken[i] = s;
                shelf.push((i, true));
            }
        }
        let mut attempts = 0;
        while shelf.len() < size && attempts < size * 200 {
            attempts += 1;
            let pool: &[usize] = match plan.village {
                Some(v) if rng.chance(0.45) && !pools.by_village[v].is_empty() => &pools.by_village[v],
                _ => match plan.focus {
                    Some((c, share)) if rng.chance(share) => {
                        let local = &pools.by_district_category[d][category_index(c)];
                        if rng.chance(0.5) && !local.is_empty() { local } else { &pools.by_category[category_index(c)] }
                    }
                    _ if rng.chance(plan.district_share) && !pools.by_district[d].is_empty() => &pools.by_district[d],
                    _ if rng.chance(0.3) => &pools.favourites,
                    _ => &pools.all,
                },
            };
            let i = *rng.pick(pool);
            if taken[i] != s && allowed(i) {
                taken[i] = s;
                shelf.push((i, false));
            }
        }
        shelf.sort_unstable();
        for (i, must) in shelf {
            let (quantity, updated_at) = if must { (rng.range(3, 40), counted_at(clock, now, 0, 10)) } else { count(rng, clock, now) };
            let quantity = floor_stock(rng, catalogue.products[i].price_vnd, quantity);
            rows.push(StockRow {
                site_id: site.id,
                product_id: catalogue.products[i].id,
                quantity,
                updated_at,
                updated_by: "demo".to_owned(),
                version: 1,
                disputed: false,
            });
        }
    }
    rows
}

/// Furniture and paintings stand on the floor one or two at a time: dear goods get small counts.
pub(super) fn floor_stock(rng: &mut SeededRng, price_vnd: Option<i64>, quantity: i64) -> i64 {
    match price_vnd.unwrap_or(0) {
        p if p >= 5_000_000 => quantity.min(rng.range(3, 6)),
        p if p >= 1_000_000 => quantity.min(rng.range(3, 15)),
        _ => quantity,
    }
}

/// A shelf count: ~75% three or more, ~12% one or two, ~13% none; ~22% counted over 30 days ago.
pub(super) fn count(rng: &mut SeededRng, clock: &mut SeededRng, now: DateTime<Utc>) -> (i64, DateTime<Utc>) {
    let quantity = match rng.unit() {
        u if u < 0.13 => 0,
        u if u < 0.25 => rng.range(1, 2),
        u if u < 0.63 => rng.range(3, 8),
        u if u < 0.93 => rng.range(9, 30),
        _ => rng.range(31, 120),
    };
    let updated_at = if rng.chance(0.22) { counted_at(clock, now, 32, 60) } else { counted_at(clock, now, 0, 29) };
    (quantity, updated_at)
}

/// A time during Hanoi's working day `min..=max` days before today, never after `now`.
fn counted_at(rng: &mut SeededRng, now: DateTime<Utc>, min: i64, max: i64) -> DateTime<Utc> {
    let day = hanoi_date(now) - Days::new(rng.range(min, max) as u64);
    let time = NaiveTime::from_hms_opt(7, 0, 0).expect("07:00 is a time") + Duration::minutes(rng.range(0, 13 * 60));
    let local = day.and_time(time).and_local_timezone(hanoi_offset()).single().expect("a fixed offset has no gaps");
    let at = local.with_timezone(&Utc);
    if at > now { now - Duration::minutes(rng.range(1, 120)) } else { at }
}
