//! `/admin`: where a signed-in account starts: the sites it keeps, each with how fresh its
//! counts are.

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::Utc;

use super::guard::Staff;
use super::view::{AdminChrome, render};
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    chrome: AdminChrome,
    /// A one-line confirmation of what was just done ("password changed").
    notice: Option<&'static str>,
    sites: Vec<KeptSiteRow>,
}

struct KeptSiteRow {
    slug: String,
    name: String,
    district: String,
    products: usize,
    /// How long ago the oldest count on its shelf was made.
    oldest_count: String,
    open_reports: i64,
}

pub async fn dashboard(state: web::Data<AppState>, staff: Staff, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let t = AdminTexts::vi();
    let catalog = state.catalog.snapshot();
    let now = Utc::now();
    let open_reports: std::collections::HashMap<i64, i64> = crate::db::reports::open_counts(&state.db).await?.into_iter().collect();
    let sites = catalog
        .sites
        .iter()
        .filter(|site| staff.account.keeps_site(site.id))
        .map(|site| {
            let shelf = catalog.stock_at(site.id);
            KeptSiteRow {
                slug: site.slug.clone(),
                name: site.name.clone(),
                district: catalog.district(site.district_id).map(|d| d.name.clone()).unwrap_or_default(),
                products: shelf.len(),
                open_reports: open_reports.get(&site.id).copied().unwrap_or(0),
                oldest_count: match shelf.iter().map(|row| (now - row.updated_at).num_days()).max() {
                    Some(days) => t.days_ago(days),
                    None => t.never_counted.to_owned(),
                },
            }
        })
        .collect();
    let notice = req.query_string().contains("done=password").then_some(t.password_changed);
    render(&DashboardPage { chrome: AdminChrome::new(t.dashboard_title, Some(&staff)), notice, sites })
}
