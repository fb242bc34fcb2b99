//! Showrooms and design centres: the named ones, the 16 design centres and invented showrooms
//! up to 110, each placed at a random point inside its ward.

use std::collections::HashSet;

use super::catalogue::{Catalogue, Slugs};
use super::names::{self, Brands};
use super::places::Places;
use super::real::Named;
use super::{centres, sites_real};
use crate::domain::rng::SeededRng;
use crate::domain::text::{SearchTerms, fold};
use crate::domain::{Category, DistrictKind, OpeningHours, Site, SiteKind, Stars, StockRow};

/// Searches that must find exactly one site each (the named showrooms of the reports).
pub(super) const RESERVED_SEARCHES: [&str; 3] = ["202 Hồ Tùng Mậu", "HTX Nông lâm nghiệp Bắc Sơn", "mỹ nghệ Phú Lợi"];

/// What a site stocks; the stock generator follows it.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// Number of products; 40–120 at random when not set.
    pub size: Option<usize>,
    /// Products that must be on the shelf (indexes), in stock and freshly counted.
    pub must: Vec<usize>,
    /// A craft village whose products fill about half the shelf.
    pub village: Option<usize>,
    /// A category that fills this share of the shelf.
    pub focus: Option<(Category, f64)>,
    /// Highest star rating stocked.
    pub max_stars: Option<u8>,
    /// Share of the other products drawn from the site's own former district.
    pub district_share: f64,
}

impl Default for Plan {
    fn default() -> Plan {
        Plan { size: None, must: Vec::new(), village: None, focus: None, max_stars: None, district_share: 0.55 }
    }
}

/// A site before it gets its id, slug and coordinates.
pub(super) struct Spec {
    pub kind: SiteKind,
    pub name: String,
    pub address: String,
    pub district: usize,
    pub ward: usize,
    pub operator: Option<String>,
    pub phone: Option<String>,
    /// None: written from the stock once it is known.
    pub description: Option<String>,
    pub stars: Option<Stars>,
    pub hours: &'static str,
    pub plan: Plan,
}

/// Closed showrooms kept in the data besides the 110 operating ones.
pub(super) const CLOSED_SHOWROOMS: usize = 3;

/// Operating showrooms per former district (ASCII name), named ones included: 110 in all.
const SHOWROOMS: [(&str, usize); 30] = [
    ("Ba Dinh", 5),
    ("Hoan Kiem", 5),
    ("Tay Ho", 3),
    ("Long Bien", 4),
    ("Cau Giay", 3),
    ("Dong Da", 5),
    ("Hai Ba Trung", 3),
    ("Hoang Mai", 4),
    ("Thanh Xuan", 3),
    ("Nam Tu Liem", 3),
    ("Bac Tu Liem", 2),
    ("Ha Dong", 5),
    ("Son Tay", 3),
    ("Ba Vi", 4),
    ("Chuong My", 5),
    ("Dan Phuong", 2),
    ("Dong Anh", 3),
    ("Gia Lam", 6),
    ("Hoai Duc", 3),
    ("Me Linh", 2),
    ("My Duc", 3),
    ("Phu Xuyen", 5),
    ("Phuc Tho", 2),
    ("Quoc Oai", 3),
    ("Soc Son", 8),
    ("Thach That", 2),
    ("Thanh Oai", 3),
    ("Thanh Tri", 3),
    ("Thuong Tin", 6),
    ("Ung Hoa", 2),
];

pub(super) const HOURS: [&str; 9] = [
    "Mo-Su 08:00-21:00",
    "Mo-Su 07:30-20:30",
    "Mo-Fr 08:00-17:30; Sa 08:00-12:00",
    "Mo-Sa 08:00-18:00",
    "Mo-Su 08:00-11:30,13:30-17:30",
    "Mo-Sa 07:30-11:30,13:30-17:00",
    "Mo-Fr 08:00-17:00; Sa,Su 08:00-12:00",
    "Mo-Su 09:00-22:00",
    "Mo-Su 07:00-19:00",
];

/// All sites in id order with their stock plans; `described[i]` is false when site `i` still
/// needs a description written from its stock.
pub(super) fn build(
    places: &Places,
    catalogue: &Catalogue,
    named: &Named,
    brands: &mut Brands,
    rng: &mut SeededRng,
) -> (Vec<Site>, Vec<Plan>, Vec<bool>) {
    let ba_vi = places.district("Ba Vì") as i64 + 1;
    let dairy: Vec<usize> = (0..catalogue.products.len())
        .filter(|&i| {
            let p = &catalogue.products[i];
            p.name.to_lowercase().contains("sữa") && catalogue.producers[p.producer_id as usize - 1].district_id == ba_vi
        })
        .take(8)
        .collect();
    let mut specs = sites_real::specs(places, named, &dairy);
    let mut names: HashSet<String> = specs.iter().map(|s| s.name.clone()).collect();
    for &(ascii, total) in &SHOWROOMS {
        let d = by_ascii(places, ascii);
        let named_here = specs.iter().filter(|s| s.district == d).count();
        for _ in named_here..total {
            specs.push(invented_showroom(places, brands, rng, d, &mut names));
        }
    }
    specs.extend(centres::specs(places, rng));
    // Closed showrooms, on top of the 110 that operate: listed nowhere, kept for their history.
    let busy: Vec<usize> = SHOWROOMS.iter().filter(|&&(_, n)| n >= 4).map(|&(ascii, _)| by_ascii(places, ascii)).collect();
    let mut closed_in: Vec<usize> = Vec::new();
    while closed_in.len() < CLOSED_SHOWROOMS {
        let d = *rng.pick(&busy);
        if !closed_in.contains(&d) && !["Bac Tu Liem", "Phu Xuyen", "Soc Son"].contains(&places.districts[d].name_ascii.as_str()) {
            closed_in.push(d);
        }
    }
    let inactive: Vec<usize> = (specs.len()..specs.len() + CLOSED_SHOWROOMS).collect();
    for d in closed_in {
        specs.push(invented_showroom(places, brands, rng, d, &mut names));
    }

    let mut slugs = Slugs::default();
    let mut sites = Vec::with_capacity(specs.len());
    let mut plans = Vec::with_capacity(specs.len());
    let mut described = Vec::with_capacity(specs.len());
    for (i, spec) in specs.into_iter().enumerate() {
        let (lat, lon) = places.point_in_ward(spec.ward, rng);
        let active = !inactive.contains(&i);
        described.push(spec.description.is_some() || !active);
        let description = match spec.description {
            Some(text) => text,
            None if !active => "Điểm bán đã tạm ngừng hoạt động.".to_owned(),
            None => String::new(),
        };
        sites.push(Site {
            id: i as i64 + 1,
            slug: slugs.make(&spec.name),
            kind: spec.kind,
            name: spec.name,
            address: spec.address,
            ward_id: spec.ward as i64 + 1,
            district_id: spec.district as i64 + 1,
            lat,
            lon,
            phone: spec.phone,
            zalo: None,
            closure: None,
            operator: spec.operator,
            hours: OpeningHours::parse(spec.hours).expect("built-in opening hours parse"),
            description,
            description_en: if active { String::new() } else { "This sales point has closed for now.".to_owned() },
            stars: spec.stars,
            active,
        });
        plans.push(spec.plan);
    }
    (sites, plans, described)
}

fn by_ascii(places: &Places, ascii: &str) -> usize {
    places.districts.iter().position(|x| x.name_ascii == ascii).unwrap_or_else(|| panic!("no district {ascii}"))
}

/// An invented showroom in district `d`, sometimes at one of its craft villages.
fn invented_showroom(places: &Places, brands: &mut Brands, rng: &mut SeededRng, d: usize, names: &mut HashSet<String>) -> Spec {
    let district = &places.districts[d];
    let urban = district.kind != DistrictKind::Rural;
    let villages: Vec<usize> = (0..places.villages.len()).filter(|&v| places.district_of_village(v) == d).collect();
    loop {
        let village = (!villages.is_empty() && rng.chance(0.4)).then(|| *rng.pick(&villages));
        let ward = village.map_or_else(|| *rng.pick(places.wards_of(d)), |v| places.ward_of_village(v));
        let ward_name = &places.wards[ward].name;
        let brand = brands.company(rng);
        let template = if urban { *rng.pick(&[1, 3, 4, 0, 1]) } else { *rng.pick(&[0, 2, 5, 2, 1]) };
        let (name, operator) = match template {
            0 => (format!("Điểm giới thiệu và bán sản phẩm OCOP {ward_name}"), format!("HTX Dịch vụ nông nghiệp {brand}")),
            1 => (format!("Cửa hàng OCOP {brand}"), format!("Công ty TNHH Thương mại {brand}")),
            2 => (format!("Điểm OCOP - HTX Nông nghiệp {brand}"), format!("HTX Nông nghiệp {brand}")),
            3 => (format!("Điểm OCOP - Siêu thị {brand}"), format!("Công ty CP Siêu thị {brand}")),
            4 => (format!("Cửa hàng nông sản sạch và sản phẩm OCOP {brand}"), format!("Công ty TNHH Nông sản sạch {brand}")),
            _ => (format!("Điểm OCOP chợ {ward_name}"), format!("Ban quản lý chợ {ward_name}")),
        };
        let address = match village {
            Some(v) => format!("Làng nghề {}, {}", places.village_short(v), places.ward_in_text(ward)),
            None => names::street_address(rng, &district.name_ascii, &places.ward_in_text(ward)),
        };
        let haystack = fold(&format!("{name} {address} {ward_name} {} {operator}", district.name));
        if names.contains(&name) || RESERVED_SEARCHES.iter().any(|q| SearchTerms::new(q).matches(&haystack)) {
            continue;
        }
        names.insert(name.clone());
        let hours = *rng.pick(&HOURS);
        let plan = Plan { village, ..Plan::default() };
        let phone = rng.chance(0.95).then(|| names::phone(rng, urban));
        return Spec {
            kind: SiteKind::Showroom,
            name,
            address,
            district: d,
            ward,
            operator: Some(operator),
            phone,
            description: None,
            stars: None,
            hours,
            plan,
        };
    }
}

/// Writes the descriptions still missing, from what each site stocks most.
pub(super) fn describe_from_stock(places: &Places, catalogue: &Catalogue, sites: &mut [Site], described: &[bool], stock: &[StockRow]) {
    let mut counts = vec![[0usize; 6]; sites.len()];
    for row in stock {
        let category = catalogue.products[row.product_id as usize - 1].category;
        counts[row.site_id as usize - 1][Category::ALL.iter().position(|&c| c == category).unwrap_or(0)] += 1;
    }
    for (i, site) in sites.iter_mut().enumerate() {
        if described[i] {
            continue;
        }
        let mut order: Vec<usize> = (0..6).collect();
        order.sort_by_key(|&c| std::cmp::Reverse(counts[i][c]));
        let (a, b) = (category_words(Category::ALL[order[0]]), category_words(Category::ALL[order[1]]));
        let district = places.district_in_text(site.district_id as usize - 1);
        let (a_en, b_en) = (category_words_en(Category::ALL[order[0]]), category_words_en(Category::ALL[order[1]]));
        let district_en = &places.districts[site.district_id as usize - 1].name;
        site.description_en = match site.kind {
            SiteKind::Showroom => format!("OCOP products of {district_en} and elsewhere, most of all {a_en} and {b_en}."),
            SiteKind::DesignCentre => {
                format!("Design, display and sale of OCOP and craft-village products of {district_en}; most of all {a_en} and {b_en}.")
            }
        };
        site.description = match (site.kind, i % 3) {
            (SiteKind::Showroom, 0) => {
                format!("Giới thiệu và bán sản phẩm OCOP của {district} và các địa phương khác, nhiều nhất là {a} và {b}.")
            }
            (SiteKind::Showroom, 1) => format!("Bán {a}, {b} và các sản phẩm OCOP khác, phần lớn của các chủ thể ở {district}."),
            (SiteKind::Showroom, _) => format!("Cửa hàng sản phẩm OCOP của {district}: {a}, {b} và nhiều nhóm hàng khác."),
            (SiteKind::DesignCentre, _) => {
                format!("Thiết kế, trưng bày và bán sản phẩm OCOP, sản phẩm làng nghề của {district}; nhiều nhất là {a} và {b}.")
            }
        };
    }
}

fn category_words_en(category: Category) -> &'static str {
    match category {
        Category::Food => "food",
        Category::Beverages => "drinks",
        Category::Herbal => "herbal products",
        Category::FabricsGarments => "textiles",
        Category::Handicrafts => "handicrafts",
        Category::RuralTourism => "tourism services",
    }
}

pub(super) fn category_words(category: Category) -> &'static str {
    match category {
        Category::Food => "thực phẩm",
        Category::Beverages => "đồ uống",
        Category::Herbal => "sản phẩm thảo dược",
        Category::FabricsGarments => "hàng dệt may",
        Category::Handicrafts => "đồ thủ công mỹ nghệ",
        Category::RuralTourism => "dịch vụ du lịch",
    }
}
