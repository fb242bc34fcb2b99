//! Questions tourists ask about craft villages: which make what, what their makers sell with
//! OCOP stars, and where to buy it.

use chrono::{DateTime, Utc};

use super::Catalog;
use crate::domain::craft::Craft;
use crate::domain::{CraftVillage, GeoPoint, Product, Site, hanoi_date};

/// A site that stocks a village's products, and how many of them (and how many available).
#[derive(Debug)]
pub struct VillageOutlet<'a> {
    pub site: &'a Site,
    pub distance_m: f64,
    pub listed: usize,
    pub available: usize,
}

impl Catalog {
    /// Active villages with this craft and in this former district (each optional), by name.
    pub fn villages(&self, craft: Option<Craft>, district_id: Option<i64>) -> Vec<&CraftVillage> {
        let mut found: Vec<&CraftVillage> = self
            .data
            .villages
            .iter()
            .filter(|v| v.active && district_id.is_none_or(|d| v.district_id == d) && craft.is_none_or(|c| v.crafts().contains(&c)))
            .collect();
        found.sort_by_key(|v| crate::domain::text::fold(&v.name));
        found
    }

    pub fn village_by_slug(&self, slug: &str) -> Option<&CraftVillage> {
        self.data.villages.iter().find(|v| v.active && v.slug == slug)
    }

    /// Active products of the village's active makers: certified and best rated first.
    pub fn village_products(&self, village_id: i64, now: DateTime<Utc>) -> Vec<&Product> {
        let today = hanoi_date(now);
        let mut products: Vec<&Product> = self
            .data
            .products
            .iter()
            .filter(|p| p.active && self.data.producer(p.producer_id).is_some_and(|m| m.active && m.village_id == Some(village_id)))
            .collect();
        products.sort_by_key(|p| (!p.is_certified(today), std::cmp::Reverse(p.stars), crate::domain::text::fold(&p.name)));
        products
    }

    /// Active sites stocking any of `products`, nearest to `from` first.
    pub fn outlets_of_all(&self, products: &[&Product], from: GeoPoint, now: DateTime<Utc>) -> Vec<VillageOutlet<'_>> {
        let mut by_site: std::collections::BTreeMap<i64, (usize, usize)> = std::collections::BTreeMap::new();
        for product in products {
            for outlet in self.outlets(product.id, now) {
                let counts = by_site.entry(outlet.site.id).or_default();
                counts.0 += 1;
                counts.1 += usize::from(outlet.status.is_available());
            }
        }
        let mut outlets: Vec<VillageOutlet<'_>> = by_site
            .into_iter()
            .filter_map(|(site_id, (listed, available))| {
                let site = self.site(site_id)?;
                Some(VillageOutlet { site, distance_m: from.distance_m(&site.point()), listed, available })
            })
            .collect();
        outlets.sort_by(|a, b| a.distance_m.total_cmp(&b.distance_m));
        outlets
    }

    /// Other active villages within `radius_m` of this one, nearest first.
    pub fn villages_near(&self, village: &CraftVillage, radius_m: f64) -> Vec<(&CraftVillage, f64)> {
        let mut near: Vec<(&CraftVillage, f64)> = self
            .data
            .villages
            .iter()
            .filter(|v| v.active && v.id != village.id)
            .map(|v| (v, village.point().distance_m(&v.point())))
            .filter(|(_, d)| *d <= radius_m)
            .collect();
        near.sort_by(|a, b| a.1.total_cmp(&b.1));
        near
    }

    /// Active sites within `corridor_m` of the straight way from `from` to `to`, in the order
    /// one passes them (nearest to `from` first), leaving out the two ends' surroundings.
    pub fn sites_on_the_way(&self, from: GeoPoint, to: GeoPoint, corridor_m: f64) -> Vec<(&Site, f64)> {
        let total = from.distance_m(&to);
        let mut on_the_way: Vec<(&Site, f64)> = self
            .data
            .sites
            .iter()
            .filter(|s| s.active)
            .filter_map(|s| {
                let (a, b) = (from.distance_m(&s.point()), s.point().distance_m(&to));
                // Within the corridor when the detour is small (an ellipse around the way).
                (a + b <= total + 2.0 * corridor_m && a > corridor_m && b > corridor_m).then_some((s, a))
            })
            .collect();
        on_the_way.sort_by(|a, b| a.1.total_cmp(&b.1));
        on_the_way
    }
}
