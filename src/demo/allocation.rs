//! How the invented products are shared out: per former district, per category within a
//! district, and into makers.

use super::places::Places;
use super::villages::{self, TOURISM_VILLAGES};
use crate::domain::rng::SeededRng;
use crate::domain::{Category, DistrictKind};

/// Relative share of the invented products per former district (ASCII name); Phú Xuyên and
/// Sóc Sơn have reported totals instead.
pub(super) const DISTRICT_WEIGHTS: [(&str, u32); 28] = [
    ("Ba Dinh", 2),
    ("Hoan Kiem", 2),
    ("Tay Ho", 2),
    ("Long Bien", 3),
    ("Cau Giay", 2),
    ("Dong Da", 2),
    ("Hai Ba Trung", 2),
    ("Hoang Mai", 3),
    ("Thanh Xuan", 2),
    ("Nam Tu Liem", 3),
    ("Bac Tu Liem", 4),
    ("Ha Dong", 5),
    ("Son Tay", 5),
    ("Ba Vi", 9),
    ("Chuong My", 9),
    ("Dan Phuong", 5),
    ("Dong Anh", 6),
    ("Gia Lam", 8),
    ("Hoai Duc", 7),
    ("Me Linh", 5),
    ("My Duc", 6),
    ("Phuc Tho", 5),
    ("Quoc Oai", 6),
    ("Thach That", 6),
    ("Thanh Oai", 6),
    ("Thanh Tri", 5),
    ("Thuong Tin", 8),
    ("Ung Hoa", 6),
];

/// Average products per maker and the most one maker gets, by category index.
pub(super) const AVERAGE: [f64; 6] = [3.9, 2.8, 2.8, 3.0, 3.6, 1.15];
/// The most products one maker of category index `c` gets.
pub(super) fn cap(c: usize) -> usize {
    if c == 5 { 2 } else { 7 }
}

/// Position of a category in `Category::ALL`.
pub(super) fn cat_index(category: Category) -> usize {
    Category::ALL.iter().position(|&c| c == category).unwrap_or(0)
}

/// How strongly district `d` leans to a category, from its kind and craft villages.
pub(super) fn weight(places: &Places, d: usize, category: Category) -> f64 {
    let district = &places.districts[d];
    let urban = district.kind == DistrictKind::Urban;
    let in_d = |v: &&crate::domain::CraftVillage| v.district_id as usize == d + 1;
    let villages =
        places.villages.iter().filter(in_d).filter(|v| villages::lines(&v.name_ascii).iter().any(|l| l.category == category)).count()
            as f64;
    let visited = places.villages.iter().filter(in_d).filter(|v| TOURISM_VILLAGES.contains(&v.name_ascii.as_str())).count() as f64;
    let base = |u: f64, r: f64| if urban { u } else { r };
    match (category, district.name_ascii.as_str()) {
        (Category::Handicrafts, _) => base(0.3, 0.6) + 3.0 * villages,
        (Category::FabricsGarments, _) => 0.15 + 2.5 * villages,
        (Category::Beverages, "Ba Vi" | "Soc Son") => 1.7,
        (Category::Beverages, _) => base(0.5, 0.7) + 3.0 * villages,
        (Category::Herbal, "Ba Vi") => 4.0,
        (Category::Herbal, "My Duc" | "Chuong My") => 1.5,
        (Category::Herbal, "Soc Son") => 1.2,
        (Category::Herbal, _) => base(0.3, 0.7),
        (Category::RuralTourism, "Ba Vi") => 3.0,
        (Category::RuralTourism, "My Duc") => 2.5,
        (Category::RuralTourism, "Son Tay") => 2.0,
        (Category::RuralTourism, "Soc Son") => 1.5,
        (Category::RuralTourism, "Gia Lam" | "Thach That" | "Quoc Oai" | "Chuong My") => 1.0,
        (Category::RuralTourism, _) => base(0.0, 0.4) + visited,
        (Category::Food, _) => 1.0,
    }
}

/// An index drawn with probability proportional to `scores`.
pub(super) fn weighted(rng: &mut SeededRng, scores: &[f64]) -> usize {
    let total: f64 = scores.iter().sum();
    let mut x = rng.unit() * total;
    for (i, s) in scores.iter().enumerate() {
        if x < *s {
            return i;
        }
        x -= s;
    }
    scores.iter().rposition(|s| *s > 0.0).unwrap_or(0)
}

/// Splits `total` in proportion to `weights`, handing leftovers to the largest remainders.
pub(super) fn largest_remainder(total: usize, weights: &[f64]) -> Vec<usize> {
    let sum: f64 = weights.iter().sum();
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut shares: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())).then(a.cmp(&b)));
    let short = total - shares.iter().sum::<usize>();
    for &i in order.iter().take(short) {
        shares[i] += 1;
    }
    shares
}

/// Moves one district's maker counts to an exact total, keeping every count feasible.
pub(super) fn fit_makers(makers: &mut [usize], cells: &[usize; 6], wanted: usize) {
    while makers.iter().sum::<usize>() > wanted {
        let c = (0..6).filter(|&c| makers[c] > cells[c].div_ceil(cap(c)).max(1)).max_by_key(|&c| makers[c]).expect("room to merge makers");
        makers[c] -= 1;
    }
    while makers.iter().sum::<usize>() < wanted {
        let c = (0..6).filter(|&c| makers[c] < cells[c]).max_by_key(|&c| cells[c] / makers[c].max(1)).expect("room to split makers");
        makers[c] += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_remainder_hits_the_total() {
        assert_eq!(largest_remainder(10, &[1.0, 1.0, 1.0]), vec![4, 3, 3]);
        let shares = largest_remainder(3317, &[301.0, 20.0, 20.0, 14.0, 129.0, 4.0]);
        assert_eq!(shares.iter().sum::<usize>(), 3317);
    }
}
