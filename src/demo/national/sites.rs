//! The national showrooms and design centres: shared out over the provinces by weight, each
//! scattered around a ward or commune centre, so shops cluster in the towns.

use super::provinces::{Region, normal, offset};
use crate::demo::allocation::{largest_remainder, weighted};
use crate::demo::catalogue::Slugs;
use crate::demo::centres::CENTRE_HOURS;
use crate::demo::names::any_brand;
use crate::demo::sites::HOURS;
use crate::domain::rng::SeededRng;
use crate::domain::{Dataset, OpeningHours, Site, SiteKind, Stars, WardKind};

/// Streets found in nearly every Vietnamese town.
const STREETS: [&str; 16] = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Huệ",
    "Quang Trung",
    "Hùng Vương",
    "Lý Thường Kiệt",
    "Nguyễn Trãi",
    "Hai Bà Trưng",
    "Trần Phú",
    "Lê Duẩn",
    "Nguyễn Văn Cừ",
    "Phạm Văn Đồng",
    "Võ Nguyên Giáp",
    "Điện Biên Phủ",
    "Hoàng Văn Thụ",
    "Ngô Quyền",
];

/// Share of a province's sites that are design centres (at least one per province).
const CENTRE_SHARE: f64 = 0.03;
/// Chance that a national showroom has closed.
const CLOSED: f64 = 0.015;
/// Scatter (degrees of latitude, one standard deviation) around a ward and a commune centre.
const SCATTER_WARD: f64 = 0.008;
const SCATTER_COMMUNE: f64 = 0.02;

/// Adds sites until the table holds `total`; returns each site's region (0 = Hanoi, p + 1 =
/// `regions[p]`), for every site of the table.
pub(super) fn add(data: &mut Dataset, regions: &[Region], total: usize, rng: &mut SeededRng) -> Vec<u8> {
    let extra = total.checked_sub(data.sites.len()).expect("national total smaller than Hanoi's sites");
    let mut region_of = vec![0u8; data.sites.len()];
    let mut slugs = Slugs::taken(data.sites.iter().map(|s| s.slug.as_str()));
    let weights: Vec<f64> = regions.iter().map(|r| r.province.weight).collect();
    for (p, (region, n)) in regions.iter().zip(largest_remainder(extra, &weights)).enumerate() {
        let centres = ((n as f64 * CENTRE_SHARE).round() as usize).clamp(1, n.max(1));
        for i in 0..n {
            let site = if i < centres { centre(data, region, i, rng) } else { showroom(data, region, rng) };
            let site = Site { id: data.sites.len() as i64 + 1, slug: slugs.make(&site.name), ..site };
            data.sites.push(site);
            region_of.push(p as u8 + 1);
        }
    }
    region_of
}

/// The `k`-th innovation and design centre of a province, in one of its towns.
fn centre(data: &Dataset, region: &Region, k: usize, rng: &mut SeededRng) -> Site {
    let ward = region.wards[rng.below(region.urban)];
    let base = format!("Trung tâm thiết kế sáng tạo và giới thiệu sản phẩm OCOP {}", region.in_text());
    let name = if k == 0 { base } else { format!("{base} - cơ sở {}", k + 1) };
    let stars = rng.chance(0.3).then(|| if rng.chance(0.5) { Stars::THREE } else { Stars::FOUR });
    let operator = format!("Sở Công Thương {}", region.in_text());
    let hours = CENTRE_HOURS[rng.below(CENTRE_HOURS.len())];
    placed(data, region, ward, rng, Draft { kind: SiteKind::DesignCentre, name, operator, hours, stars, active: true })
}

/// An invented showroom: a shop, a cooperative's counter, a supermarket corner or a market stall.
fn showroom(data: &Dataset, region: &Region, rng: &mut SeededRng) -> Site {
    let scores: Vec<f64> = (0..region.wards.len()).map(|i| if region.is_urban(i) { 3.0 } else { 1.0 }).collect();
    let ward = region.wards[weighted(rng, &scores)];
    let ward_full = data.wards[ward].full_name();
    let brand = any_brand(rng);
    let town = data.wards[ward].kind == WardKind::Ward;
    let template = if town { *rng.pick(&[1, 3, 4, 0, 1]) } else { *rng.pick(&[0, 2, 5, 2, 1]) };
    let province = region.province.name;
    let (name, operator) = match template {
        0 => (format!("Điểm giới thiệu và bán sản phẩm OCOP {ward_full}, {province}"), format!("HTX Dịch vụ nông nghiệp {brand}")),
        1 => (format!("Cửa hàng OCOP {brand}"), format!("Công ty TNHH Thương mại {brand}")),
        2 => (format!("Điểm OCOP - HTX Nông nghiệp {brand}"), format!("HTX Nông nghiệp {brand}")),
        3 => (format!("Điểm OCOP - Siêu thị {brand}"), format!("Công ty CP Siêu thị {brand}")),
        4 => (format!("Cửa hàng nông sản sạch và sản phẩm OCOP {brand}"), format!("Công ty TNHH Nông sản sạch {brand}")),
        _ => (format!("Điểm OCOP chợ {ward_full}, {province}"), format!("Ban quản lý chợ {ward_full}")),
    };
    let hours = *rng.pick(&HOURS);
    let active = !rng.chance(CLOSED);
    placed(data, region, ward, rng, Draft { kind: SiteKind::Showroom, name, operator, hours, stars: None, active })
}

/// What a site is before it is placed.
struct Draft {
    kind: SiteKind,
    name: String,
    operator: String,
    hours: &'static str,
    stars: Option<Stars>,
    active: bool,
}

/// A site at a scattered point around its ward's centre, with an address and a phone number.
/// Its id and slug are set by the caller; its description once its shelf is known.
fn placed(data: &Dataset, region: &Region, ward: usize, rng: &mut SeededRng, draft: Draft) -> Site {
    let Draft { kind, name, operator, hours, stars, active } = draft;
    let w = &data.wards[ward];
    let town = w.kind == WardKind::Ward;
    let scatter = if town { SCATTER_WARD } else { SCATTER_COMMUNE };
    let (dlat, dlon) = (normal(rng) * scatter, normal(rng) * scatter);
    let (lat, lon) = offset(w.lat, w.lon, dlat.hypot(dlon), dlon.atan2(dlat));
    let place = format!("{} {}, {}", w.kind.prefix_vi().to_lowercase(), w.name, region.in_text());
    let address = if town {
        format!("Số {} đường {}, {place}", rng.range(2, 400), rng.pick(&STREETS))
    } else {
        // Hamlets are "thôn" in the north and centre, "ấp" in the south.
        let hamlet = if w.lat < 12.5 { "Ấp" } else { "Thôn" };
        format!("{hamlet} {}, {place}", rng.range(1, 15))
    };
    let phone = rng.chance(0.95).then(|| {
        let prefix = *rng.pick(&["0912", "0913", "0983", "0904", "0936", "0977", "0868", "0965", "0915", "0989", "0903", "0909"]);
        format!("{prefix} {:03} {:03}", rng.below(1000), rng.below(1000))
    });
    Site {
        id: 0,
        slug: String::new(),
        kind,
        name,
        address,
        ward_id: ward as i64 + 1,
        district_id: region.district as i64 + 1,
        lat,
        lon,
        phone,
        zalo: None,
        closure: None,
        operator: Some(operator),
        hours: OpeningHours::parse(hours).expect("built-in opening hours parse"),
        description: if active { String::new() } else { "Điểm bán đã tạm ngừng hoạt động.".to_owned() },
        description_en: String::new(),
        stars,
        active,
    }
}
