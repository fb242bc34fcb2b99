//! Checks of the national network: exact totals, ids, unique slugs and codes, geography, the
//! Hanoi demo kept as it is, determinism, and the star, category and shelf mixes. Most run on a
//! scaled-down network through the same code; the last one builds the full network (~1 s).

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;
use std::time::Instant;

use chrono::Duration;

use super::provinces::{PROVINCES, VIETNAM};
use super::stock::{SHELF_MAX, SHELF_MIN};
use super::{NationalSize, generate_national, generate_national_sized};
use crate::demo::REGISTERED_2023;
use crate::demo::allocation::largest_remainder;
use crate::demo::tests::now;
use crate::domain::stock::age_in_days;
use crate::domain::{Category, Dataset, SiteKind, Stars};

/// Small enough for a debug build, large enough for every province to get shops and makers.
const SMALL: NationalSize = NationalSize { sites: 700, products: 5_000, stock: 60_000 };

/// The scaled-down network shared by the tests (generation is deterministic).
fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| generate_national_sized(now(), SMALL))
}

/// The Hanoi demo the national network starts from.
fn hanoi() -> &'static Dataset {
    crate::demo::tests::data()
}

/// A digest of every table; with `dates` false, certificate and count dates are left out.
fn digest(d: &Dataset, dates: bool) -> u64 {
    let mut h = DefaultHasher::new();
    for x in &d.districts {
        (x.id, &x.slug, &x.name, &x.gso_code, x.kind.key(), x.lat.to_bits(), x.lon.to_bits()).hash(&mut h);
    }
    for x in &d.wards {
        (x.id, &x.code, &x.slug, &x.name, x.district_id, x.lat.to_bits(), x.lon.to_bits()).hash(&mut h);
    }
    for x in &d.producers {
        (x.id, &x.slug, &x.name, x.ward_id, x.district_id, x.village_id).hash(&mut h);
    }
    for x in &d.products {
        (x.id, &x.slug, &x.name, x.producer_id, x.category, x.stars, x.five_star_potential, &x.description, &x.unit, x.price_vnd)
            .hash(&mut h);
        if dates {
            x.certified_on.hash(&mut h);
        }
    }
    for x in &d.sites {
        (x.id, &x.slug, x.kind, &x.name, &x.address, x.ward_id, x.lat.to_bits(), x.lon.to_bits(), &x.phone, &x.operator).hash(&mut h);
        (x.hours.to_string(), &x.description, x.stars, x.active).hash(&mut h);
    }
    for x in &d.stock {
        (x.site_id, x.product_id, x.quantity, &x.updated_by, x.version).hash(&mut h);
        if dates {
            x.updated_at.hash(&mut h);
        }
    }
    h.finish()
}

/// The checks every national network must pass, whatever its size.
fn check_network(d: &Dataset, size: NationalSize) {
    assert_eq!(d.sites.len(), size.sites);
    assert_eq!(d.products.len(), size.products);
    assert_eq!(d.stock.len(), size.stock);
    assert_eq!(d.districts.len(), 30 + PROVINCES.len());
    let ordered = |ids: &mut dyn Iterator<Item = i64>| ids.enumerate().all(|(i, id)| id == i as i64 + 1);
    assert!(ordered(&mut d.districts.iter().map(|x| x.id)));
    assert!(ordered(&mut d.wards.iter().map(|x| x.id)));
    assert!(ordered(&mut d.villages.iter().map(|x| x.id)));
    assert!(ordered(&mut d.producers.iter().map(|x| x.id)));
    assert!(ordered(&mut d.products.iter().map(|x| x.id)));
    assert!(ordered(&mut d.sites.iter().map(|x| x.id)));

    let mut pairs = HashSet::with_capacity(d.stock.len());
    for row in &d.stock {
        assert!(pairs.insert((row.site_id, row.product_id)), "duplicate row {row:?}");
        let site = &d.sites[row.site_id as usize - 1];
        assert!(site.active, "{} is closed but stocked", site.name);
        let product = &d.products[row.product_id as usize - 1];
        assert!(!product.category.is_service(), "{} is a service", product.name);
        assert!(row.quantity >= 0 && row.version == 1 && row.updated_by == "demo" && row.updated_at <= now());
    }
    for p in &d.products {
        assert!((1..=d.producers.len() as i64).contains(&p.producer_id), "{}", p.name);
    }
    for m in &d.producers {
        let ward = m.ward_id.expect("every maker has a ward");
        assert_eq!(d.wards[ward as usize - 1].district_id, m.district_id, "{}", m.name);
    }
    for s in &d.sites {
        assert_eq!(d.wards[s.ward_id as usize - 1].district_id, s.district_id, "{}", s.name);
    }
}

/// Empty or duplicated values in a column.
fn assert_unique<'a>(what: &str, values: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for v in values {
        assert!(!v.is_empty() && seen.insert(v), "{what}: {v:?} empty or repeated");
    }
}

#[test]
fn scaled_down_network_has_the_exact_totals_and_sound_references() {
    check_network(data(), SMALL);
}

#[test]
fn slugs_codes_and_product_names_are_unique() {
    let d = data();
    assert_unique("district slug", d.districts.iter().map(|x| x.slug.as_str()));
    assert_unique("district code", d.districts.iter().map(|x| x.gso_code.as_str()));
    assert_unique("ward slug", d.wards.iter().map(|x| x.slug.as_str()));
    assert_unique("ward code", d.wards.iter().map(|x| x.code.as_str()));
    assert_unique("producer slug", d.producers.iter().map(|x| x.slug.as_str()));
    assert_unique("product slug", d.products.iter().map(|x| x.slug.as_str()));
    assert_unique("product name", d.products.iter().map(|x| x.name.as_str()));
    assert_unique("site slug", d.sites.iter().map(|x| x.slug.as_str()));
    assert!(d.sites.iter().all(|s| s.slug.is_ascii()) && d.products.iter().all(|p| p.slug.is_ascii()));
    assert!(d.districts.iter().any(|x| x.slug == "thanh-pho-ho-chi-minh" && x.gso_code == "P79"));
}

#[test]
fn every_place_lies_inside_vietnam() {
    let (min_lat, max_lat, min_lon, max_lon) = VIETNAM;
    let inside = |lat: f64, lon: f64| (min_lat..=max_lat).contains(&lat) && (min_lon..=max_lon).contains(&lon);
    let d = data();
    assert!(d.districts.iter().all(|x| inside(x.lat, x.lon)));
    assert!(d.wards.iter().all(|x| inside(x.lat, x.lon)));
    for s in &d.sites {
        assert!(inside(s.lat, s.lon), "{} at {}, {}", s.name, s.lat, s.lon);
        // Scattered around its own ward: never further than ~40 km.
        let ward = &d.wards[s.ward_id as usize - 1];
        assert!((s.lat - ward.lat).abs() < 0.4 && (s.lon - ward.lon).abs() < 0.4, "{} far from {}", s.name, ward.name);
    }
}

#[test]
fn the_hanoi_demo_comes_first_unchanged() {
    let (d, h) = (data(), hanoi());
    assert_eq!(d.districts[..h.districts.len()], h.districts[..]);
    assert_eq!(d.wards[..h.wards.len()], h.wards[..]);
    assert_eq!(d.villages, h.villages);
    assert_eq!(d.producers[..h.producers.len()], h.producers[..]);
    assert_eq!(d.products[..h.products.len()], h.products[..]);
    assert_eq!(d.sites[..h.sites.len()], h.sites[..]);
    assert_eq!(d.stock[..h.stock.len()], h.stock[..]);
}

#[test]
fn generation_is_deterministic_and_only_dates_follow_now() {
    let again = generate_national_sized(now(), SMALL);
    assert_eq!(digest(data(), true), digest(&again, true));
    let later = generate_national_sized(now() + Duration::days(40), SMALL);
    assert_eq!(digest(data(), false), digest(&later, false));
    assert_ne!(digest(data(), true), digest(&later, true));
}

#[test]
fn sites_cluster_in_the_big_cities_and_every_province_has_a_design_centre() {
    let d = data();
    let in_province = |name: &str| {
        let id = d.districts.iter().find(|x| x.name == name).map(|x| x.id).expect("province exists");
        d.sites.iter().filter(move |s| s.district_id == id)
    };
    let most = PROVINCES.iter().map(|p| in_province(p.name).count()).max();
    assert_eq!(most, Some(in_province("Hồ Chí Minh").count()));
    for p in &PROVINCES {
        assert!(in_province(p.name).any(|s| s.kind == SiteKind::DesignCentre && s.active), "{}", p.name);
    }
    let national = &d.sites[hanoi().sites.len()..];
    let closed = national.iter().filter(|s| !s.active).count() as f64 / national.len() as f64;
    assert!(closed < 0.04, "{closed:.3} closed");
    // Shops crowd the town wards (phường) rather than the communes.
    let town = national.iter().filter(|s| d.wards[s.ward_id as usize - 1].kind == crate::domain::WardKind::Ward).count();
    assert!(town * 2 > national.len(), "{town} of {} in town wards", national.len());
}

#[test]
fn categories_follow_the_2023_shares_and_stars_the_usual_mix() {
    let d = data();
    let targets = largest_remainder(SMALL.products, &REGISTERED_2023.map(|n| n as f64));
    for (i, category) in Category::ALL.iter().enumerate() {
        assert_eq!(d.products.iter().filter(|p| p.category == *category).count(), targets[i], "{category:?}");
    }
    let national = &d.products[hanoi().products.len()..];
    let share = |stars: Stars| national.iter().filter(|p| p.stars == stars).count() as f64 / national.len() as f64;
    let (three, four, five) = (share(Stars::THREE), share(Stars::FOUR), share(Stars::FIVE));
    eprintln!("national stars: 3★ {three:.3}, 4★ {four:.3}, 5★ {five:.4}");
    assert!((0.45..0.60).contains(&three) && (0.40..0.55).contains(&four) && (0.0..0.02).contains(&five));
    assert!(national.iter().all(|p| p.price_vnd.is_some_and(|v| v > 0) && !p.unit.is_empty() && p.description.ends_with('.')));
}

#[test]
fn national_shelves_are_local_sized_and_counted_like_hanoi() {
    // Small provinces of the scaled-down network run out of products of their own.
    check_shelves(data(), 0.3);
}

/// National shelves: 30–250 products, closed sites empty, Hanoi's count mix, mostly local.
fn check_shelves(d: &Dataset, min_local: f64) {
    let first = hanoi().stock.len();
    let rows = &d.stock[first..];
    let mut per_site = vec![0usize; d.sites.len()];
    let mut local = 0;
    for r in rows {
        per_site[r.site_id as usize - 1] += 1;
        let maker = &d.producers[d.products[r.product_id as usize - 1].producer_id as usize - 1];
        local += usize::from(maker.district_id == d.sites[r.site_id as usize - 1].district_id);
    }
    for s in &d.sites[hanoi().sites.len()..] {
        let n = per_site[s.id as usize - 1];
        assert!(if s.active { (SHELF_MIN..=SHELF_MAX).contains(&n) } else { n == 0 }, "{}: {n}", s.name);
        assert!(!s.description.is_empty());
    }
    let share = |f: &dyn Fn(&crate::domain::StockRow) -> bool| rows.iter().filter(|r| f(r)).count() as f64 / rows.len() as f64;
    let (many, none) = (share(&|r| r.quantity >= 3), share(&|r| r.quantity == 0));
    let stale = share(&|r| age_in_days(r.updated_at, now()) > 30);
    let local = local as f64 / rows.len() as f64;
    eprintln!("national stock: ≥3 {many:.3}, 0 {none:.3}, stale {stale:.3}, own province {local:.3}");
    assert!((0.68..0.80).contains(&many) && (0.10..0.16).contains(&none) && (0.18..0.27).contains(&stale));
    assert!(local > min_local, "{local:.3} from the site's own province");
}

#[test]
fn full_national_network_has_the_benchmark_totals() {
    let started = Instant::now();
    let full = generate_national(now());
    eprintln!("demo::generate_national took {:?}", started.elapsed());
    check_network(&full, NationalSize::FULL);
    assert_eq!(full.sites.len(), 10_000);
    assert_eq!(full.products.len(), 15_000);
    assert_eq!(full.stock.len(), 1_000_000);
    assert_eq!(full.stock[..hanoi().stock.len()], hanoi().stock[..]);
    check_shelves(&full, 0.45);
    assert_eq!(digest(&full, true), digest(&generate_national(now()), true));
}
