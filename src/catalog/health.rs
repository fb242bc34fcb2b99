//! What city staff watch on the dashboard, computed from one snapshot: neglected sites,
//! certificates running out, products sold out everywhere, and per district how fresh the
//! counts are.

use chrono::{DateTime, NaiveDate, Utc};

use super::Catalog;
use crate::domain::stock::{FRESH_FOR_DAYS, age_in_days};
use crate::domain::{CertificateStatus, District, Product, Site, hanoi_date};

/// A site nobody has counted anything at for this many days needs a call.
pub const STALE_SITE_DAYS: i64 = 14;
/// Counts at most this old are "this week" in the freshness chart.
pub const RECENT_DAYS: i64 = 7;

/// The network at a glance.
#[derive(Debug)]
pub struct NetworkHealth<'a> {
    /// Active sites whose newest count is older than `STALE_SITE_DAYS` (or with nothing
    /// counted), the most neglected first, with the days since their newest count.
    pub stale_sites: Vec<(&'a Site, Option<i64>)>,
    /// Certificates expired or expiring within 90 days, soonest first.
    pub certificates: Vec<(&'a Product, NaiveDate, CertificateStatus)>,
    /// Products some site lists but none has in stock.
    pub sold_out_everywhere: Vec<&'a Product>,
    pub districts: Vec<DistrictHealth<'a>>,
}

/// One district's sites and how fresh their counts are.
#[derive(Debug)]
pub struct DistrictHealth<'a> {
    pub district: &'a District,
    pub sites: usize,
    pub rows: usize,
    pub available: usize,
    /// Rows counted within `RECENT_DAYS`, within `FRESH_FOR_DAYS`, and older.
    pub freshness: [usize; 3],
}

impl Catalog {
    pub fn network_health(&self, now: DateTime<Utc>) -> NetworkHealth<'_> {
        let today = hanoi_date(now);
        let mut stale_sites: Vec<(&Site, Option<i64>)> = self
            .sites
            .iter()
            .filter(|s| s.active)
            .filter_map(|site| {
                let newest = self.stock_at(site.id).iter().map(|r| r.updated_at).max();
                let days = newest.map(|at| age_in_days(at, now));
                days.is_none_or(|d| d > STALE_SITE_DAYS).then_some((site, days))
            })
            .collect();
        stale_sites.sort_by_key(|(site, days)| (std::cmp::Reverse(days.unwrap_or(i64::MAX)), site.name.clone()));

        let mut certificates: Vec<_> = self
            .products
            .iter()
            .filter_map(|p| match p.certificate_status(today) {
                CertificateStatus::Valid => None,
                status => Some((p, p.certificate_expires_on(), status)),
            })
            .collect();
        certificates.sort_by_key(|(p, expiry, _)| (*expiry, p.name.clone()));

        let sold_out_everywhere = self
            .products
            .iter()
            .filter(|p| {
                let mut rows = self.stock_of(p.id).peekable();
                rows.peek().is_some() && rows.all(|r| r.quantity == 0)
            })
            .collect();

        let districts = self
            .districts_by_name()
            .filter_map(|district| {
                let sites: Vec<&Site> = self.sites.iter().filter(|s| s.active && s.district_id == district.id).collect();
                if sites.is_empty() {
                    return None;
                }
                let mut health = DistrictHealth { district, sites: sites.len(), rows: 0, available: 0, freshness: [0; 3] };
                for row in sites.iter().flat_map(|s| self.stock_at(s.id)) {
                    health.rows += 1;
                    health.available += usize::from(row.status(now).is_available());
                    let age = age_in_days(row.updated_at, now);
                    health.freshness[usize::from(age > RECENT_DAYS) + usize::from(age > FRESH_FOR_DAYS)] += 1;
                }
                Some(health)
            })
            .collect();
        NetworkHealth { stale_sites, certificates, sold_out_everywhere, districts }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;

    fn catalog_at(now: DateTime<Utc>) -> Catalog {
        Catalog::new(crate::demo::generate(now), 1, true, now)
    }

    #[test]
    fn every_district_row_is_counted_once_in_one_freshness_band() {
        let now = Utc::now();
        let catalog = catalog_at(now);
        let health = catalog.network_health(now);
        let rows: usize = health.districts.iter().map(|d| d.rows).sum();
        let active_rows: usize = catalog.sites.iter().filter(|s| s.active).map(|s| catalog.stock_at(s.id).len()).sum();
        assert_eq!(rows, active_rows);
        assert!(health.districts.iter().all(|d| d.freshness.iter().sum::<usize>() == d.rows && d.available <= d.rows));
    }

    #[test]
    fn a_site_counted_long_ago_is_stale_and_a_sold_out_product_is_found() {
        let now = Utc::now();
        let mut data = crate::demo::generate(now);
        let site_id = data.sites.iter().find(|s| s.active).expect("a site").id;
        let product_id = data.stock.iter().find(|r| r.site_id == site_id).expect("a row").product_id;
        for row in data.stock.iter_mut().filter(|r| r.site_id == site_id) {
            row.updated_at = now - Duration::days(20);
        }
        for row in data.stock.iter_mut().filter(|r| r.product_id == product_id) {
            row.quantity = 0;
        }
        let catalog = Catalog::new(data, 1, true, now);
        let health = catalog.network_health(now);
        assert!(health.stale_sites.iter().any(|(s, days)| s.id == site_id && *days == Some(20)));
        assert!(health.sold_out_everywhere.iter().any(|p| p.id == product_id));
    }
}
