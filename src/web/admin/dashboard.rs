//! `/admin`: where a signed-in account starts. Everyone sees the sites they keep with how
//! fresh their counts are and their open reports; city staff also see the network's health.

use std::collections::HashMap;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::guard::Staff;
use super::view::{AdminChrome, render};
use crate::catalog::health::NetworkHealth;
use crate::db::searches::{self, SearchCount};
use crate::domain::CertificateStatus;
use crate::error::AppError;
use crate::i18n::{AdminTexts, Lang};
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    chrome: AdminChrome,
    /// A one-line confirmation of what was just done ("password changed").
    notice: Option<&'static str>,
    sites: Vec<KeptSiteRow>,
    /// City staff only.
    network: Option<NetworkView>,
}

struct KeptSiteRow {
    slug: String,
    name: String,
    district: String,
    products: usize,
    /// How long ago the newest and the oldest count on its shelf were made.
    newest_count: String,
    oldest_count: String,
    open_reports: i64,
}

struct NetworkView {
    open_reports: i64,
    stale_sites: Vec<(String, String, String)>,
    certificates: Vec<(String, String, String, bool)>,
    sold_out: Vec<(String, String)>,
    districts: Vec<DistrictView>,
    chart_height: usize,
    /// What shoppers searched for this past week and found nothing for, and the commonest searches.
    searches: Vec<SearchTable>,
}

struct SearchTable {
    id: &'static str,
    heading: &'static str,
    rows: Vec<SearchCount>,
}

struct DistrictView {
    name: String,
    sites: usize,
    rows: usize,
    available: usize,
    /// Bar widths (of 100) for counts this week, this month, older; and the y of its bar.
    bands: [u32; 3],
    y: usize,
    recent_percent: u32,
}

/// Rows of each search table on the dashboard.
const SEARCHES_SHOWN: i64 = 20;

/// Height of one district's bar in the chart, in SVG units.
const BAR_PITCH: usize = 22;

pub async fn dashboard(state: web::Data<AppState>, staff: Staff, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let now = Utc::now();
    let open_reports: HashMap<i64, i64> = crate::db::reports::open_counts(&state.db).await?.into_iter().collect();
    let days = |d: Option<i64>| d.map_or_else(|| t.never_counted.to_owned(), |d| t.days_ago(d));
    let sites = catalog
        .sites
        .iter()
        .filter(|site| staff.account.keeps_site(site.id))
        .map(|site| {
            let shelf = catalog.stock_at(site.id);
            let ages = || shelf.iter().map(|row| crate::domain::stock::age_in_days(row.updated_at, now));
            KeptSiteRow {
                slug: site.slug.clone(),
                name: site.name.clone(),
                district: catalog.district(site.district_id).map(|d| d.name.clone()).unwrap_or_default(),
                products: shelf.len(),
                newest_count: days(ages().min()),
                oldest_count: days(ages().max()),
                open_reports: open_reports.get(&site.id).copied().unwrap_or(0),
            }
        })
        .collect();
    let mut network = staff.account.is_admin().then(|| network_view(t, &catalog.network_health(now), open_reports.values().sum()));
    if let Some(network) = network.as_mut() {
        let week_ago = crate::domain::hanoi_date(now) - chrono::Days::new(6);
        network.searches = vec![
            SearchTable {
                id: "fruitless-searches",
                heading: t.fruitless_searches_heading,
                rows: searches::fruitless_since(&state.db, week_ago, SEARCHES_SHOWN).await?,
            },
            SearchTable {
                id: "top-searches",
                heading: t.top_searches_heading,
                rows: searches::top_since(&state.db, week_ago, SEARCHES_SHOWN).await?,
            },
        ];
    }
    let notice = req.query_string().contains("done=password").then_some(t.password_changed);
    render(&DashboardPage { chrome: AdminChrome::new(t.dashboard_title, Some(&staff)), notice, sites, network })
}

fn network_view(t: &AdminTexts, health: &NetworkHealth<'_>, open_reports: i64) -> NetworkView {
    let public = Lang::Vi.texts();
    let percent = |part: usize, whole: usize| (part * 100).checked_div(whole).unwrap_or(0) as u32;
    let districts: Vec<DistrictView> = health
        .districts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let [recent, month, _] = d.freshness;
            let (a, b) = (percent(recent, d.rows), percent(recent + month, d.rows));
            DistrictView {
                name: d.district.name.clone(),
                sites: d.sites,
                rows: d.rows,
                available: d.available,
                bands: [a, b - a, if d.rows == 0 { 0 } else { 100 - b }],
                y: i * BAR_PITCH,
                recent_percent: a,
            }
        })
        .collect();
    NetworkView {
        open_reports,
        stale_sites: health
            .stale_sites
            .iter()
            .map(|(s, days)| (s.slug.clone(), s.name.clone(), days.map_or_else(|| t.never_counted.to_owned(), |d| t.days_ago(d))))
            .collect(),
        certificates: health
            .certificates
            .iter()
            .map(|(p, expiry, status)| (p.slug.clone(), p.name.clone(), public.date(*expiry), *status == CertificateStatus::Expired))
            .collect(),
        sold_out: health.sold_out_everywhere.iter().map(|p| (p.slug.clone(), p.name.clone())).collect(),
        chart_height: districts.len() * BAR_PITCH,
        districts,
        searches: Vec::new(),
    }
}
