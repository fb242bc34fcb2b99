//! The audit log: every change browsable by site, account and date, and as CSV.

use crate::catalogue_updates::{first_listing, set_quantity};
use crate::helpers::{spawn_app, texts};

#[tokio::test]
async fn changes_are_listed_by_site_and_account_and_exported_as_csv() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    set_quantity(&app, &listing, 12).await;
    let mut admin = app.admin().await;
    admin.post("/admin/accounts", &[("username", "minh"), ("role", "clerk"), ("site", &listing.site_slug)]).await;

    let all = admin.page("/admin/audit", 200).await;
    let actions = texts(&all, "table.audit tbody td:nth-child(3)");
    assert!(actions.contains(&"stock.set".to_owned()) && actions.contains(&"account.create".to_owned()), "{actions:?}");

    let by_site = admin.page(&format!("/admin/audit?site={}", listing.site_slug), 200).await;
    assert_eq!(texts(&by_site, "table.audit tbody td:nth-child(3)"), vec!["stock.set"]);
    let by_user = admin.page("/admin/audit?user=admin", 200).await;
    assert_eq!(texts(&by_user, "table.audit tbody td:nth-child(3)"), vec!["account.create"]);
    let today = chrono::Utc::now().format("%Y-%m-%d");
    let by_date = admin.page(&format!("/admin/audit?from=2020-01-01&to=2020-12-31&site={}", listing.site_slug), 200).await;
    assert!(texts(&by_date, "table.audit tbody tr").is_empty(), "nothing in 2020 ({today})");
    assert_eq!(admin.get("/admin/audit?from=yesterday").await.status().as_u16(), 422);

    let csv = admin.get(&format!("/admin/audit.csv?site={}", listing.site_slug)).await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let body = csv.text().await.expect("body");
    let lines: Vec<&str> = body.lines().collect();
    assert_eq!(lines[0], "at,actor,action,site,product,subject,before,after");
    assert_eq!(lines.len(), 2, "{body}");
    assert!(
        lines[1].contains(&format!("test,stock.set,{},{},", listing.site_slug, listing.product_slug)) && lines[1].ends_with(",12"),
        "{body}"
    );
}
