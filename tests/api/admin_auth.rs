//! Signing in: the first admin, one message for every failure, lock-outs shared by instances,
//! CSRF tokens, and sessions voided by a password change.

use crate::helpers::{ADMIN_PASSWORD, attrs, spawn_app, spawn_instance, text};

#[tokio::test]
async fn the_first_admin_signs_in_with_the_configured_password_and_reaches_the_dashboard() {
    let app = spawn_app().await;
    let mut browser = app.browser();
    let response = browser.sign_in("admin", ADMIN_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/admin");
    let cookie = response.headers()["set-cookie"].to_str().expect("as set up").to_owned();
    assert!(cookie.starts_with("ocop_session="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain HTTP in tests: {cookie}");
    let dashboard = browser.page("/admin", 200).await;
    assert!(!attrs(&dashboard, "td a[href$='/stock']", "href").is_empty(), "an admin keeps every site");
}

#[tokio::test]
async fn signed_out_visitors_are_sent_to_the_sign_in_form() {
    let app = spawn_app().await;
    let response = app.browser().get("/admin").await;
    assert_eq!(response.status().as_u16(), 303);
    assert_eq!(response.headers()["location"], "/admin/login");
    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_same_answer() {
    let app = spawn_app().await;
    let mut browser = app.browser();
    let wrong = browser.sign_in("admin", "not-the-password").await;
    assert_eq!(wrong.status().as_u16(), 401);
    let wrong = scraper::Html::parse_document(&wrong.text().await.expect("as set up"));
    let unknown = browser.sign_in("nobody-here", "not-the-password").await;
    assert_eq!(unknown.status().as_u16(), 401);
    let unknown = scraper::Html::parse_document(&unknown.text().await.expect("as set up"));
    assert_eq!(text(&wrong, "[role=alert]"), text(&unknown, "[role=alert]"));
    assert!(browser.get("/admin").await.status().is_redirection(), "still signed out");
}

#[tokio::test]
async fn five_failures_lock_the_account_even_against_the_right_password_on_every_instance() {
    let app = spawn_app().await;
    let other = spawn_instance(&app.url).await;
    for attempt in 0..5 {
        // Alternate instances: the counters live in the database.
        let on = if attempt % 2 == 0 { &app } else { &other };
        let status = on.browser().sign_in("admin", "wrong-password").await.status().as_u16();
        assert_eq!(status, 401, "attempt {attempt}");
    }
    for instance in [&app, &other] {
        let mut browser = instance.browser();
        let refused = browser.sign_in("admin", ADMIN_PASSWORD).await;
        assert_eq!(refused.status().as_u16(), 429);
        let html = scraper::Html::parse_document(&refused.text().await.expect("as set up"));
        assert!(text(&html, "[role=alert]").contains("thử lại sau"), "says when to try again");
        assert!(browser.get("/admin").await.status().is_redirection(), "the right password did not get through");
    }
}

#[tokio::test]
async fn a_post_without_the_right_csrf_token_is_refused() {
    let app = spawn_app().await;
    let mut browser = app.admin().await;
    let no_token = browser.post_raw("/admin/logout", &[]).await;
    assert_eq!(no_token.status().as_u16(), 403);
    let forged = browser.post_raw("/admin/logout", &[("csrf_token".into(), "0".repeat(64))]).await;
    assert_eq!(forged.status().as_u16(), 403);
    assert_eq!(browser.get("/admin").await.status().as_u16(), 200, "still signed in: nothing changed");
    // A sign-in form posted from elsewhere (no session, no token) is refused too.
    let fields = vec![("username".to_owned(), "admin".to_owned()), ("password".to_owned(), ADMIN_PASSWORD.to_owned())];
    assert_eq!(app.browser().post_raw("/admin/login", &fields).await.status().as_u16(), 403);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    let mut browser = app.admin().await;
    let old_cookie = browser.cookie.clone();
    assert_eq!(browser.post("/admin/logout", &[]).await.status().as_u16(), 303);
    assert!(browser.get("/admin").await.status().is_redirection());
    browser.cookie = old_cookie;
    assert!(browser.get("/admin").await.status().is_redirection(), "a copy of the old cookie is void too");
}

#[tokio::test]
async fn a_session_works_on_every_instance() {
    let app = spawn_app().await;
    let other = spawn_instance(&app.url).await;
    let browser = app.admin().await;
    assert_eq!(browser.on(&other).get("/admin").await.status().as_u16(), 200);
}

#[tokio::test]
async fn changing_the_password_keeps_this_session_and_ends_the_others() {
    let app = spawn_app().await;
    let mut here = app.admin().await;
    let mut elsewhere = app.admin().await;
    let new_password = "a-new-password-123";
    let wrong = here.post("/admin/password", &[("current", "wrong"), ("new", new_password), ("repeat", new_password)]).await;
    assert_eq!(wrong.status().as_u16(), 422);
    let changed = here.post("/admin/password", &[("current", ADMIN_PASSWORD), ("new", new_password), ("repeat", new_password)]).await;
    assert_eq!(changed.status().as_u16(), 303);
    assert_eq!(here.get("/admin").await.status().as_u16(), 200, "this session goes on");
    assert!(elsewhere.get("/admin").await.status().is_redirection(), "the other session ended");
    assert_eq!(app.browser().sign_in("admin", new_password).await.status().as_u16(), 303);
}

#[tokio::test]
async fn an_admin_creates_a_clerk_whose_generated_password_is_shown_once_and_works() {
    let app = spawn_app().await;
    let mut admin = app.admin().await;
    let site = app.json("/api/v1/sites").await["sites"][0]["slug"].as_str().expect("as set up").to_owned();
    let created = admin.post("/admin/accounts", &[("username", "Lan.Nguyen"), ("role", "clerk"), ("site", &site)]).await;
    assert_eq!(created.status().as_u16(), 200);
    let html = scraper::Html::parse_document(&created.text().await.expect("as set up"));
    let password = text(&html, "#new-password");
    assert_eq!(password.len(), 16);
    let mut clerk = app.browser();
    assert_eq!(clerk.sign_in("lan.nguyen", &password).await.status().as_u16(), 303);
    let dashboard = clerk.page("/admin", 200).await;
    assert_eq!(attrs(&dashboard, "td a[href$='/stock']", "href"), vec![format!("/admin/sites/{site}/stock")]);

    let taken = admin.post("/admin/accounts", &[("username", "lan.nguyen"), ("role", "clerk"), ("site", &site)]).await;
    assert_eq!(taken.status().as_u16(), 422, "the username is taken");
    let no_site = admin.post("/admin/accounts", &[("username", "minh"), ("role", "clerk")]).await;
    assert_eq!(no_site.status().as_u16(), 422, "a clerk needs a site");
}

#[tokio::test]
async fn a_reset_password_replaces_the_old_one_and_a_deactivated_account_cannot_sign_in() {
    let app = spawn_app().await;
    let site = app.json("/api/v1/sites").await["sites"][0]["slug"].as_str().expect("as set up").to_owned();
    let old_password = app.create_clerk("minh", &[&site]).await;
    let id = ocop_locator::db::accounts::find_by_username(&app.state.db, "minh").await.expect("as set up").expect("as set up").0.id;
    let mut admin = app.admin().await;
    let reset = admin.post(&format!("/admin/accounts/{id}/password"), &[]).await;
    let html = scraper::Html::parse_document(&reset.text().await.expect("as set up"));
    let new_password = text(&html, "#new-password");
    assert_eq!(app.browser().sign_in("minh", &old_password).await.status().as_u16(), 401);
    let mut clerk = app.browser();
    assert_eq!(clerk.sign_in("minh", &new_password).await.status().as_u16(), 303);

    assert_eq!(admin.post(&format!("/admin/accounts/{id}/active"), &[("active", "0")]).await.status().as_u16(), 303);
    assert!(clerk.get("/admin").await.status().is_redirection(), "a deactivated account's session ends");
    assert_eq!(app.browser().sign_in("minh", &new_password).await.status().as_u16(), 401);
}
