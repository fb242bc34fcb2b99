//! The invented makers and products that fill the catalogue up to Hanoi's reported totals:
//! 3,317 products with the reported star mix and the 2023 category shares, spread over the
//! former districts and their craft villages.

use super::allocation::{AVERAGE, DISTRICT_WEIGHTS, cap, cat_index, fit_makers, largest_remainder, weight, weighted};
use super::catalogue::{Catalogue, Certificate, NewProduct, price};
use super::lines::{self, CRAFT_TOURISM, Line};
use super::names::Brands;
use super::places::Places;
use super::villages::{self, TOURISM_VILLAGES};
use super::{PHU_XUYEN_PRODUCERS, PHU_XUYEN_PRODUCTS, SOC_SON_PRODUCTS, STAR_TARGETS, category_targets};
use crate::domain::rng::SeededRng;
use crate::domain::text::fold;
use crate::domain::{Category, Stars};

/// Categories placed before food, which takes whatever room each district has left.
const PLACED_FIRST: [Category; 5] =
    [Category::Handicrafts, Category::FabricsGarments, Category::RuralTourism, Category::Herbal, Category::Beverages];

/// One invented maker before it is written: where, what and how many products.
struct Group {
    district: usize,
    category: Category,
    village: Option<usize>,
    line: Option<&'static Line>,
    products: usize,
}

/// Adds the invented makers and products so the totals reach the reported ones.
pub(super) fn add(places: &Places, catalogue: &mut Catalogue, brands: &mut Brands, rng: &mut SeededRng) {
    let mut per_category: Vec<usize> = category_targets().iter().map(|&(_, n)| n).collect();
    let mut per_district = vec![0usize; places.districts.len()];
    for p in &catalogue.products {
        per_category[cat_index(p.category)] -= 1;
    }
    let real_in =
        |d: usize| catalogue.producers.iter().filter(|m| m.district_id as usize == d + 1).fold(0, |n, m| n + products_of(catalogue, m.id));
    let (phu_xuyen, soc_son) = (places.district("Phú Xuyên"), places.district("Sóc Sơn"));
    per_district[phu_xuyen] = PHU_XUYEN_PRODUCTS - real_in(phu_xuyen);
    per_district[soc_son] = SOC_SON_PRODUCTS - real_in(soc_son);
    let rest = per_category.iter().sum::<usize>() - per_district[phu_xuyen] - per_district[soc_son];
    let weights: Vec<(usize, u32)> = DISTRICT_WEIGHTS.iter().map(|&(ascii, w)| (by_ascii(places, ascii), w)).collect();
    for (d, n) in largest_remainder(rest, &weights.iter().map(|&(_, w)| f64::from(w)).collect::<Vec<_>>()).into_iter().enumerate() {
        per_district[weights[d].0] += n;
    }

    // Every craft village gets a maker of its main line first.
    let mut groups: Vec<Group> = Vec::new();
    for v in 0..places.villages.len() {
        let line = villages::lines(&places.villages[v].name_ascii)[0];
        let d = places.district_of_village(v);
        per_district[d] -= 3;
        per_category[cat_index(line.category)] -= 3;
        groups.push(Group { district: d, category: line.category, village: Some(v), line: Some(line), products: 3 });
    }

    // Share out the other categories, weighted by the district's trades and its room left.
    let mut cells = vec![[0usize; 6]; places.districts.len()];
    for category in PLACED_FIRST {
        let w: Vec<f64> = (0..places.districts.len()).map(|d| weight(places, d, category)).collect();
        for _ in 0..per_category[cat_index(category)] {
            let scores: Vec<f64> = (0..w.len()).map(|d| w[d] * per_district[d] as f64).collect();
            let d = weighted(rng, &scores);
            per_district[d] -= 1;
            cells[d][cat_index(category)] += 1;
        }
    }
    for (d, room) in per_district.iter().enumerate() {
        cells[d][cat_index(Category::Food)] += room;
    }

    // Group each cell's products into makers; Phú Xuyên has a reported number of makers.
    let mut makers: Vec<Vec<usize>> = vec![Vec::new(); places.districts.len()];
    for (d, row) in cells.iter().enumerate() {
        for (c, &n) in row.iter().enumerate() {
            makers[d].push(if n == 0 { 0 } else { ((n as f64 / AVERAGE[c]).round() as usize).clamp(n.div_ceil(cap(c)), n) });
        }
    }
    let real_px = catalogue.producers.iter().filter(|m| m.district_id as usize == phu_xuyen + 1).count();
    let seeded_px = groups.iter().filter(|g| g.district == phu_xuyen).count();
    fit_makers(&mut makers[phu_xuyen], &cells[phu_xuyen], PHU_XUYEN_PRODUCERS - real_px - seeded_px);
    for (d, row) in cells.iter().enumerate() {
        for (c, &n) in row.iter().enumerate() {
            let k = makers[d][c];
            let mut counts = vec![1usize; k];
            for _ in k..n {
                let open: Vec<usize> = (0..k).filter(|&i| counts[i] < cap(c)).collect();
                counts[*rng.pick(&open)] += 1;
            }
            for products in counts {
                groups.push(Group { district: d, category: Category::ALL[c], village: None, line: None, products });
            }
        }
    }

    let mut stars = star_labels(catalogue, groups.iter().map(|g| g.products).sum());
    rng.shuffle(&mut stars);
    let mut stars = stars.into_iter();
    for group in groups {
        write_group(places, catalogue, brands, rng, group, &mut stars);
    }
}

fn by_ascii(places: &Places, ascii: &str) -> usize {
    places.districts.iter().position(|d| d.name_ascii == ascii).unwrap_or_else(|| panic!("no district {ascii}"))
}

fn products_of(catalogue: &Catalogue, producer_id: i64) -> usize {
    catalogue.products.iter().filter(|p| p.producer_id == producer_id).count()
}

/// The star ratings still needed after the named products: (stars, potential) labels.
fn star_labels(catalogue: &Catalogue, total: usize) -> Vec<(Stars, bool)> {
    let mut labels = Vec::with_capacity(total);
    for &(stars, potential, target) in &STAR_TARGETS {
        let have = catalogue.products.iter().filter(|p| p.stars == stars && p.five_star_potential == potential).count();
        labels.extend(std::iter::repeat_n((stars, potential), target - have));
    }
    assert_eq!(labels.len(), total, "star targets and category targets disagree");
    labels
}

/// Writes one invented maker and its products.
fn write_group(
    places: &Places,
    catalogue: &mut Catalogue,
    brands: &mut Brands,
    rng: &mut SeededRng,
    group: Group,
    stars: &mut impl Iterator<Item = (Stars, bool)>,
) {
    let d = group.district;
    let ascii = places.districts[d].name_ascii.as_str();
    let (village, line) = match (group.village, group.line) {
        (Some(v), Some(line)) => (Some(v), line),
        _ => choose_line(places, rng, d, group.category),
    };
    let ward = match village {
        Some(v) => places.ward_of_village(v),
        None => *rng.pick(places.wards_of(d)),
    };
    let village_name = village.map(|v| places.village_short(v).to_owned());
    let (name, brand) = loop {
        let (name, brand) = super::producers::maker_name(rng, brands, line, village_name.as_deref());
        let haystack = fold(&format!("{name} {} {}", places.districts[d].name, village.map_or("", |v| places.villages[v].name.as_str())));
        // Keep "Vũ Văn Định" searches to the real workshop.
        if !(haystack.contains("vu") && haystack.contains("dinh")) && catalogue.producer_name_is_free(&name) {
            break (name, brand);
        }
    };
    let producer = catalogue.add_producer(places, &name, d, Some(ward), village);
    let mut items: Vec<usize> = (0..line.items.len()).collect();
    rng.shuffle(&mut items);
    let place = places.ward_in_text(ward);
    let district = places.district_in_text(d);
    let mut written = 0;
    for &i in &items {
        if written == group.products {
            break;
        }
        let item = line.items[i];
        let base = item.name.replace("{v}", village_name.as_deref().unwrap_or(&places.districts[d].name));
        let mut product_name = match &village_name {
            Some(v) if !base.contains(v.as_str()) && rng.chance(0.35) => format!("{base} {v} {brand}"),
            Some(v) if base.contains(v.as_str()) => format!("{base} - {brand}"),
            _ => format!("{base} {brand}"),
        };
        if !catalogue.name_is_free(&product_name) {
            product_name = format!("{product_name} {}", places.wards[ward].name);
            if !catalogue.name_is_free(&product_name) {
                continue;
            }
        }
        let (stars, potential) = stars.next().expect("one star label per product");
        let description = super::producers::describe(rng, line.category, &base, &name, village_name.as_deref(), &place, &district);
        let new = NewProduct {
            name: product_name,
            producer,
            category: line.category,
            stars,
            five_star_potential: potential,
            description,
            description_en: super::producers::describe_en(line.category, &name, village_name.as_deref(), &place, &district),
            unit: item.unit.to_owned(),
            price_vnd: Some(price(rng, item.lo, item.hi)),
        };
        catalogue.add_product(new, if potential { Certificate::Valid } else { Certificate::Spread });
        written += 1;
    }
    assert_eq!(written, group.products, "{ascii}: line too short for {name}");
}

/// Picks a maker's line: often its district's craft village, else a line usual for the district.
fn choose_line(places: &Places, rng: &mut SeededRng, d: usize, category: Category) -> (Option<usize>, &'static Line) {
    let ascii = places.districts[d].name_ascii.as_str();
    let in_d: Vec<usize> = (0..places.villages.len()).filter(|&v| places.district_of_village(v) == d).collect();
    if category == Category::RuralTourism {
        let visited: Vec<usize> =
            in_d.iter().copied().filter(|&v| TOURISM_VILLAGES.contains(&places.villages[v].name_ascii.as_str())).collect();
        if !visited.is_empty() && rng.chance(0.6) {
            return (Some(*rng.pick(&visited)), &CRAFT_TOURISM);
        }
        return (None, &lines::ECO_TOURISM);
    }
    let p = match category {
        Category::Handicrafts | Category::FabricsGarments => 0.85,
        Category::Beverages => 0.8,
        Category::Food => 0.25,
        _ => 0.0,
    };
    let options: Vec<(usize, &'static Line)> = in_d
        .iter()
        .flat_map(|&v| villages::lines(&places.villages[v].name_ascii).iter().filter(|l| l.category == category).map(move |l| (v, *l)))
        .collect();
    if !options.is_empty() && rng.chance(p) {
        let (v, line) = *rng.pick(&options);
        return (Some(v), line);
    }
    let lines =
        if category == Category::Food && rng.chance(0.6) { lines::food_lines_of(ascii) } else { lines::general_lines(category, ascii) };
    (None, *rng.pick(lines))
}

#[cfg(test)]
mod tests {
    use super::super::names::person;
    use super::*;

    #[test]
    fn person_names_are_never_the_real_workshop() {
        let mut rng = SeededRng::new(1);
        for _ in 0..2000 {
            assert_ne!(person(&mut rng).full, "Vũ Văn Định");
        }
    }
}
