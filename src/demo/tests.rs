//! Checks of the demo data set: table sizes, star and category mix, ids, slugs, geography, shelves and dates.

use std::collections::HashSet;
use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, Duration, TimeZone, Utc};

use super::{STAR_TARGETS, TOTAL_PRODUCTS, category_targets, generate};
use crate::domain::boundaries::{parse_units, unit_containing};
use crate::domain::stock::age_in_days;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{CertificateStatus, Dataset, Product, Site, SiteKind, Stars, StockRow, hanoi_date};

/// The fixed clock of the tests.
pub(super) fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).single().expect("valid time")
}

/// One data set shared by the tests (generation is deterministic).
pub(super) fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| generate(now()))
}

/// Id of the former district with this short name.
pub(super) fn district(name: &str) -> i64 {
    data().districts.iter().find(|d| d.name == name).map(|d| d.id).expect("district exists")
}

/// A product's maker.
pub(super) fn maker(p: &Product) -> &'static crate::domain::Producer {
    &data().producers[p.producer_id as usize - 1]
}

/// The app's site search: name, address, ward, district and operator.
pub(super) fn site_search(query: &str) -> Vec<&'static Site> {
    let d = data();
    let terms = SearchTerms::new(query);
    d.sites
        .iter()
        .filter(|s| {
            let ward = &d.wards[s.ward_id as usize - 1].name;
            let district = &d.districts[s.district_id as usize - 1].name;
            terms.matches(&fold(&format!("{} {} {ward} {district} {}", s.name, s.address, s.operator.as_deref().unwrap_or(""))))
        })
        .collect()
}

/// The app's product search: name, maker, district and village.
pub(super) fn product_search(query: &str) -> Vec<&'static Product> {
    let d = data();
    let terms = SearchTerms::new(query);
    d.products
        .iter()
        .filter(|p| {
            let m = maker(p);
            let district = &d.districts[m.district_id as usize - 1].name;
            let village = m.village_id.map_or("", |v| d.villages[v as usize - 1].name.as_str());
            terms.matches(&fold(&format!("{} {} {district} {village}", p.name, m.name)))
        })
        .collect()
}

/// The one site a search finds (fails when it finds none or several).
pub(super) fn only_site(query: &str) -> &'static Site {
    let found = site_search(query);
    assert_eq!(found.len(), 1, "{query}: {:?}", found.iter().map(|s| &s.name).collect::<Vec<_>>());
    found[0]
}

/// A site's stock rows.
pub(super) fn rows_of(site: &Site) -> Vec<&'static StockRow> {
    data().stock.iter().filter(|r| r.site_id == site.id).collect()
}

/// The products on a site's shelf.
pub(super) fn stocked(site: &Site) -> Vec<&'static Product> {
    rows_of(site).iter().map(|r| &data().products[r.product_id as usize - 1]).collect()
}

/// Operating showrooms in the former district with this short name.
pub(super) fn showrooms_in(name: &str) -> usize {
    data().sites.iter().filter(|s| s.kind == SiteKind::Showroom && s.active && s.district_id == district(name)).count()
}

#[test]
fn generation_is_fast_and_deterministic() {
    let started = Instant::now();
    let first = generate(now());
    let elapsed = started.elapsed();
    eprintln!("demo::generate took {elapsed:?}");
    let second = generate(now());
    assert_eq!(first.districts, second.districts);
    assert_eq!(first.wards, second.wards);
    assert_eq!(first.villages, second.villages);
    assert_eq!(first.producers, second.producers);
    assert_eq!(first.products, second.products);
    assert_eq!(first.sites, second.sites);
    assert_eq!(first.stock, second.stock);
    // Dates move with `now`; nothing else does (a leap day and a Hanoi midnight included).
    let leap = Utc.with_ymd_and_hms(2028, 2, 28, 17, 0, 0).single().expect("valid time");
    for other in [leap, now() + Duration::days(40)] {
        let later = generate(other);
        assert_eq!(first.sites, later.sites);
        assert_eq!(first.producers, later.producers);
        let strip = |d: &Dataset| d.products.iter().map(|p| (p.name.clone(), p.stars, p.category, p.price_vnd)).collect::<Vec<_>>();
        assert_eq!(strip(&first), strip(&later));
        let pairs = |d: &Dataset| d.stock.iter().map(|r| (r.site_id, r.product_id, r.quantity)).collect::<Vec<_>>();
        assert_eq!(pairs(&first), pairs(&later));
        assert!(later.products.iter().all(|p| p.certified_on <= hanoi_date(other)));
        assert!(later.stock.iter().all(|r| r.updated_at <= other));
    }
}

#[test]
fn tables_have_the_reported_sizes() {
    let d = data();
    assert_eq!(d.districts.len(), 30);
    assert_eq!(d.wards.len(), 126);
    assert_eq!(d.villages.len(), 31);
    // The reported 110 showrooms and 16 centres all operate; 2–3 closed showrooms come on top.
    assert_eq!(d.sites.iter().filter(|s| s.active && s.kind == SiteKind::Showroom).count(), 110);
    assert_eq!(d.sites.iter().filter(|s| s.active && s.kind == SiteKind::DesignCentre).count(), 16);
    assert_eq!(d.sites.iter().filter(|s| s.kind == SiteKind::DesignCentre).count(), 16);
    assert_eq!(d.products.len(), TOTAL_PRODUCTS);
    assert!((900..=1000).contains(&d.producers.len()), "{} producers", d.producers.len());
    let inactive = d.sites.iter().filter(|s| !s.active).count();
    assert!((2..=3).contains(&inactive), "{inactive} inactive sites");
    assert!(d.sites.iter().all(|s| s.active || s.kind == SiteKind::Showroom));
}

#[test]
fn star_mix_is_exact() {
    for (stars, potential, count) in STAR_TARGETS {
        let n = data().products.iter().filter(|p| p.stars == stars && p.five_star_potential == potential).count();
        assert_eq!(n, count, "{stars:?} potential={potential}");
    }
    assert!(data().products.iter().all(|p| !p.five_star_potential || p.stars == Stars::FOUR));
}

#[test]
fn category_mix_follows_the_2023_registrations() {
    let targets = category_targets();
    let expected = [2046, 136, 136, 95, 877, 27];
    for (i, (category, target)) in targets.iter().enumerate() {
        assert_eq!(*target, expected[i], "{category:?}");
        let n = data().products.iter().filter(|p| p.category == *category).count();
        assert!(n.abs_diff(*target) <= 1, "{category:?}: {n} vs {target}");
    }
}

#[test]
fn ids_run_in_order_and_references_hold() {
    let d = data();
    let ordered = |ids: Vec<i64>| ids.iter().enumerate().all(|(i, id)| *id == i as i64 + 1);
    assert!(ordered(d.districts.iter().map(|x| x.id).collect()));
    assert!(ordered(d.wards.iter().map(|x| x.id).collect()));
    assert!(ordered(d.villages.iter().map(|x| x.id).collect()));
    assert!(ordered(d.producers.iter().map(|x| x.id).collect()));
    assert!(ordered(d.products.iter().map(|x| x.id).collect()));
    assert!(ordered(d.sites.iter().map(|x| x.id).collect()));
    for m in &d.producers {
        let ward = m.ward_id.expect("every maker has a ward");
        assert_eq!(d.wards[ward as usize - 1].district_id, m.district_id, "{}", m.name);
    }
    assert!(d.products.iter().all(|p| (p.producer_id as usize) <= d.producers.len()));
    assert!(d.stock.iter().all(|r| (r.site_id as usize) <= d.sites.len() && (r.product_id as usize) <= d.products.len()));
}

#[test]
fn slugs_and_product_names_are_unique() {
    let d = data();
    let unique = |slugs: Vec<&String>| {
        let n = slugs.len();
        slugs.iter().all(|s| !s.is_empty() && s.is_ascii()) && slugs.into_iter().collect::<HashSet<_>>().len() == n
    };
    assert!(unique(d.districts.iter().map(|x| &x.slug).collect()));
    assert!(unique(d.wards.iter().map(|x| &x.slug).collect()));
    assert!(unique(d.villages.iter().map(|x| &x.slug).collect()));
    assert!(unique(d.producers.iter().map(|x| &x.slug).collect()));
    assert!(unique(d.products.iter().map(|x| &x.slug).collect()));
    assert!(unique(d.sites.iter().map(|x| &x.slug).collect()));
    assert_eq!(d.products.iter().map(|p| &p.name).collect::<HashSet<_>>().len(), d.products.len());
    assert!(d.districts.iter().any(|x| x.slug == "gia-lam"));
    assert!(d.wards.iter().any(|x| x.slug == "phuong-bo-de"));
    assert!(d.wards.iter().any(|x| x.slug == "xa-bat-trang"));
}

#[test]
fn every_district_has_an_active_site() {
    for district in &data().districts {
        assert!(data().sites.iter().any(|s| s.active && s.district_id == district.id), "{}", district.name);
    }
}

#[test]
fn sites_lie_inside_their_ward_which_lies_in_their_district() {
    let units = parse_units(include_str!("../../data/hanoi-units-2025.geojson")).expect("polygons parse");
    for site in &data().sites {
        let ward = &data().wards[site.ward_id as usize - 1];
        assert_eq!(ward.district_id, site.district_id, "{}", site.name);
        let unit = unit_containing(&units, site.lat, site.lon).map(|u| u.code.as_str());
        assert_eq!(unit, Some(ward.code.as_str()), "{} at {}, {}", site.name, site.lat, site.lon);
    }
}

#[test]
fn shelves_have_the_stated_sizes_and_no_services() {
    let d = data();
    let mut pairs = HashSet::new();
    for site in &d.sites {
        let n = rows_of(site).len();
        if !site.active {
            assert_eq!(n, 0, "{}", site.name);
        } else if site.name.contains("Trung tâm Xúc tiến thương mại nông nghiệp") {
            assert!(n > 400, "{n}");
        } else {
            assert!((40..=120).contains(&n), "{}: {n}", site.name);
        }
    }
    for row in &d.stock {
        assert!(pairs.insert((row.site_id, row.product_id)), "duplicate row {row:?}");
        assert!(!d.products[row.product_id as usize - 1].category.is_service());
        assert!(row.updated_by == "demo" && row.version == 1 && row.updated_at <= now());
        assert!(row.quantity >= 0 && age_in_days(row.updated_at, now()) <= 61);
    }
    let share = |f: &dyn Fn(&StockRow) -> bool| d.stock.iter().filter(|r| f(r)).count() as f64 / d.stock.len() as f64;
    let (many, few, none) = (share(&|r| r.quantity >= 3), share(&|r| (1..=2).contains(&r.quantity)), share(&|r| r.quantity == 0));
    let stale = share(&|r| age_in_days(r.updated_at, now()) > 30);
    eprintln!("stock rows {}: ≥3 {many:.3}, 1–2 {few:.3}, 0 {none:.3}, stale {stale:.3}", d.stock.len());
    assert!((0.70..0.80).contains(&many) && (0.09..0.15).contains(&few) && (0.10..0.16).contains(&none));
    assert!((0.18..0.27).contains(&stale));
}

#[test]
fn certificates_are_mostly_valid_and_never_dated_in_the_future() {
    let today = hanoi_date(now());
    let products = &data().products;
    assert!(products.iter().all(|p| p.certified_on <= today));
    let share = |status| products.iter().filter(|p| p.certificate_status(today) == status).count() as f64 / products.len() as f64;
    let (valid, soon, expired) =
        (share(CertificateStatus::Valid), share(CertificateStatus::ExpiringSoon), share(CertificateStatus::Expired));
    eprintln!("certificates: valid {valid:.3}, expiring {soon:.3}, expired {expired:.3}");
    assert!((0.87..0.93).contains(&valid) && (0.025..0.055).contains(&soon) && (0.045..0.075).contains(&expired));
    let top = products.iter().filter(|p| p.stars == Stars::FIVE || p.five_star_potential);
    assert!(top.into_iter().all(|p| p.certificate_status(today) == CertificateStatus::Valid));
}

#[test]
fn records_are_filled_in() {
    let d = data();
    assert!(d.products.iter().all(|p| !p.unit.is_empty() && p.price_vnd.is_some_and(|v| v > 0) && p.description.ends_with('.')));
    assert!(d.sites.iter().all(|s| !s.description.is_empty() && !s.address.is_empty() && !s.hours.is_always_closed()));
    assert!(d.villages.iter().all(|v| !v.description.is_empty() && !v.craft_vi.is_empty()));
    assert_eq!(d.villages.iter().filter(|v| v.ward_id.is_none()).count(), 5, "villages whose 2025 unit is unknown");
    let sunday = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a Sunday").and_hms_opt(10, 0, 0).expect("10:00");
    assert!(d.sites.iter().any(|s| !s.hours.is_open_at(sunday)), "some sites close on Sundays");
}
