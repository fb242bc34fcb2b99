//! Authorization, route by route: the table of admin routes is walked, not sampled.

use ocop_locator::web::admin::{Access, routes};
use reqwest::Method;

use crate::helpers::{ADMIN_PASSWORD, TestApp, spawn_app};

/// Two sites that list products.
async fn two_sites(app: &TestApp) -> (String, String) {
    let sites = app.json("/api/v1/sites").await;
    let slug = |i: usize| sites["sites"][i]["slug"].as_str().expect("slug").to_owned();
    (slug(0), slug(1))
}

async fn audit_rows(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM audit_log").fetch_one(&app.state.db.pool).await.expect("count")
}

/// A form that would change something on any route of `site`, were it allowed.
fn hostile_form(app: &TestApp, site: &str) -> Vec<(String, String)> {
    let catalog = app.state.catalog.snapshot();
    let site_id = catalog.site_by_slug(site).expect("site").id;
    let mut fields: Vec<(String, String)> = Vec::new();
    for row in catalog.stock_at(site_id) {
        let id = row.product_id;
        fields.push((format!("v-{id}"), row.version.to_string()));
        fields.push((format!("was-{id}"), row.quantity.to_string()));
        fields.push((format!("q-{id}"), (row.quantity + 7).to_string()));
        fields.push((format!("d-{id}"), "0".into()));
    }
    let first = catalog.stock_at(site_id)[0].product_id;
    let unlisted = catalog.products.iter().find(|p| catalog.stock_row(site_id, p.id).is_none()).expect("an unlisted product");
    for (name, value) in [
        ("action", "confirm_all".to_owned()),
        ("remove", first.to_string()),
        ("product", unlisted.slug.clone()),
        ("quantity", "5".into()),
        ("username", "intruder".into()),
        ("role", "admin".into()),
        ("active", "0".into()),
        ("current", ADMIN_PASSWORD.into()),
        ("new", "taken-over-123".into()),
        ("repeat", "taken-over-123".into()),
    ] {
        fields.push((name.to_owned(), value));
    }
    fields
}

#[tokio::test]
async fn a_clerk_of_one_site_is_refused_on_every_admin_route_of_another_and_nothing_changes() {
    let app = spawn_app().await;
    let (own, other) = two_sites(&app).await;
    let mut clerk = app.clerk("lan", &[&own]).await;
    let admin_id = ocop_locator::db::accounts::find_by_username(&app.state.db, "admin").await.expect("as set up").expect("as set up").0.id;
    let version = app.state.catalog.snapshot().version;
    let audited = audit_rows(&app).await;
    let form = hostile_form(&app, &other);
    let mut refused = 0;
    for route in routes() {
        if !matches!(route.access, Access::SiteKeeper | Access::Admin) {
            continue;
        }
        let path = format!(
            "/admin{}",
            route
                .path
                .replace("{slug}", &other)
                .replace("{id}", &admin_id.to_string())
                .replace("{product}", &unlisted_slug(&app))
                .replace("{table}", "stock")
        );
        let response = if route.method == actix_web::http::Method::GET {
            clerk.get(&path).await
        } else {
            let mut fields = form.clone();
            fields.push(("csrf_token".into(), clerk.csrf().await));
            clerk.post_raw(&path, &fields).await
        };
        assert_eq!(response.status().as_u16(), 403, "{} {path}", route.method);
        refused += 1;
    }
    assert!(refused >= 9, "every site and admin route was tried ({refused})");
    app.state.catalog.catch_up(&app.state.db).await.expect("as set up");
    assert_eq!(app.state.catalog.snapshot().version, version, "no write reached the catalogue");
    assert_eq!(audit_rows(&app).await, audited, "no change was audited");
    assert_eq!(app.browser().sign_in("admin", ADMIN_PASSWORD).await.status().as_u16(), 303, "the admin's password held");
    // The clerk's own site is open to them.
    assert_eq!(clerk.get(&format!("/admin/sites/{own}/stock")).await.status().as_u16(), 200);
}

#[tokio::test]
async fn every_route_but_the_sign_in_form_needs_a_session() {
    let app = spawn_app().await;
    let (site, _) = two_sites(&app).await;
    let version = app.state.catalog.snapshot().version;
    for route in routes() {
        if route.access == Access::Anyone {
            continue;
        }
        let path = format!(
            "/admin{}",
            route.path.replace("{slug}", &site).replace("{id}", "1").replace("{product}", &unlisted_slug(&app)).replace("{table}", "stock")
        );
        let mut browser = app.browser();
        // A token of a signed-out session: only the sign-in is missing.
        let token = browser.csrf().await;
        let response = if route.method == actix_web::http::Method::GET {
            browser.get(&path).await
        } else {
            browser.post_raw(&path, &[("csrf_token".into(), token)]).await
        };
        let status = response.status().as_u16();
        if route.method == actix_web::http::Method::GET {
            assert_eq!((status, response.headers()["location"].to_str().expect("as set up")), (303, "/admin/login"), "{path}");
        } else {
            assert_eq!(status, 401, "POST {path}");
        }
    }
    assert_eq!(app.state.catalog.snapshot().version, version);
}

#[tokio::test]
async fn site_routes_name_their_site_and_unknown_admin_paths_are_404() {
    for route in routes() {
        if route.access == Access::SiteKeeper {
            assert!(route.path.contains("{slug}"), "{}", route.path);
        }
    }
    let app = spawn_app().await;
    let mut admin = app.admin().await;
    assert_eq!(admin.get("/admin/sites/no-such-site/stock").await.status().as_u16(), 404);
    assert_eq!(admin.get("/admin/nothing-here").await.status().as_u16(), 404);
    let response = admin.request(Method::DELETE, "/admin/accounts", None).await;
    assert_eq!(response.status().as_u16(), 405);
    assert_eq!(response.headers()["allow"], "GET, POST");
}

fn unlisted_slug(app: &TestApp) -> String {
    app.state.catalog.snapshot().products[0].slug.clone()
}
