//! Editing sites: city staff everything, a clerk their hours, phone and closures; stale edits
//! refused; every text escaped.

use scraper::Html;

use crate::catalogue_updates::first_listing;
use crate::helpers::{Browser, TestApp, attrs, spawn_app, text, texts};

/// The edit form's fields as served.
async fn edit_fields(browser: &mut Browser, slug: &str) -> Vec<(String, String)> {
    let html = browser.page(&format!("/admin/sites/{slug}/edit"), 200).await;
    let mut fields: Vec<(String, String)> = Vec::new();
    let names = attrs(&html, "form.wide-form input[name]", "name");
    let values = attrs(&html, "form.wide-form input[name]", "value");
    fields.extend(names.into_iter().zip(values));
    for select in ["kind", "stars", "ward"] {
        let chosen = attrs(&html, &format!("select[name={select}] option[selected]"), "value");
        if let Some(value) = chosen.into_iter().next() {
            fields.push((select.to_owned(), value));
        } else if select != "stars" && !attrs(&html, &format!("select[name={select}]"), "name").is_empty() {
            panic!("{select} has no selected option");
        }
    }
    if let Some(description) = html.select(&scraper::Selector::parse("textarea[name=description]").expect("selector")).next() {
        fields.push(("description".into(), description.text().collect()));
    }
    fields
}

fn set(fields: &mut Vec<(String, String)>, name: &str, value: &str) {
    fields.retain(|(n, _)| n != name);
    fields.push((name.to_owned(), value.to_owned()));
}

async fn audit_fields(app: &TestApp, site_id: i64) -> Vec<(String, String, String)> {
    sqlx::query_as("SELECT subject, before, after FROM audit_log WHERE action = 'site.edit' AND site_id = $1 ORDER BY id")
        .bind(site_id)
        .fetch_all(&app.state.db.pool)
        .await
        .expect("audit")
}

#[tokio::test]
async fn city_staff_edit_a_site_and_the_public_page_shows_it_with_each_change_audited() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    app.page(&format!("/showrooms/{}", listing.site_slug), 200).await; // now cached
    let mut admin = app.admin().await;
    let mut fields = edit_fields(&mut admin, &listing.site_slug).await;
    set(&mut fields, "phone", "024 3826 1234");
    set(&mut fields, "hours", "Mo-Sa 08:00-18:00");
    set(&mut fields, "map_link", "https://www.google.com/maps/place/X/@21.0285,105.8542,17z");
    let path = format!("/admin/sites/{}/edit", listing.site_slug);
    let saved = admin.post_raw(&path, &fields).await;
    assert_eq!(saved.status().as_u16(), 303);
    let public = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    assert_eq!(texts(&public, "dl.facts a[href^='tel:']"), vec!["024 3826 1234"]);
    assert_eq!(attrs(&public, "p.actions a[href^='tel:']", "href"), vec!["tel:02438261234"], "one tap to call");
    let site = app.state.catalog.snapshot().site(listing.site_id).expect("site").clone();
    assert_eq!((site.lat, site.lon), (21.0285, 105.8542), "from the pasted link");
    let audited: Vec<String> = audit_fields(&app, listing.site_id).await.into_iter().map(|(field, ..)| field).collect();
    assert_eq!(audited, vec!["coordinates", "phone", "hours"]);

    // The same form again is stale now.
    let stale = admin.post_raw(&path, &fields).await;
    assert_eq!(stale.status().as_u16(), 409);
}

#[tokio::test]
async fn a_clerk_changes_hours_and_closures_of_their_site_but_nothing_else() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let before = app.state.catalog.snapshot().site(listing.site_id).expect("site").clone();
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let mut fields = edit_fields(&mut clerk, &listing.site_slug).await;
    assert!(!fields.iter().any(|(n, _)| n == "name"), "no name field for a clerk");
    set(&mut fields, "closed_until", "2099-02-10");
    set(&mut fields, "closure_note", "Nghỉ Tết");
    set(&mut fields, "name", "Renamed by a clerk");
    let saved = clerk.post_raw(&format!("/admin/sites/{}/edit", listing.site_slug), &fields).await;
    assert_eq!(saved.status().as_u16(), 303);
    let after = app.state.catalog.snapshot().site(listing.site_id).expect("site").clone();
    assert_eq!(after.name, before.name, "a clerk cannot rename");
    let public = app.page(&format!("/showrooms/{}", listing.site_slug), 200).await;
    assert!(text(&public, ".warning[role=note]").contains("Nghỉ Tết"), "the closure is announced");
    // Closed: no hours, call or directions offered as if open.
    assert!(attrs(&public, "a[href^='tel:']", "href").is_empty());
    assert!(attrs(&public, "a[href^='https://www.google.com/maps/dir/']", "href").is_empty());
    assert!(texts(&public, "ul.hours li").is_empty());
    // Near me from the site's own point: its row says it is closed and why, with no call or
    // directions; asked for sites open now, it is left out.
    let near = app.page(&format!("/near?lat={}&lon={}", before.lat, before.lon), 200).await;
    let row = format!("#site-{}", listing.site_slug);
    assert!(text(&near, &format!("{row} .open-state")).contains("Nghỉ Tết"), "the row says why it is closed");
    assert!(attrs(&near, &format!("{row} a[href^='tel:']"), "href").is_empty());
    assert!(attrs(&near, &format!("{row} a[href^='https://www.google.com/maps/dir/']"), "href").is_empty());
    let open_now = app.page(&format!("/near?lat={}&lon={}&open=1", before.lat, before.lon), 200).await;
    assert!(texts(&open_now, &row).is_empty(), "a closed site is not open now");
    assert!(!texts(&open_now, "li.near-row").is_empty(), "other sites are");
}

#[tokio::test]
async fn bad_hours_coordinates_and_phones_are_refused_with_the_fields_marked() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut admin = app.admin().await;
    let path = format!("/admin/sites/{}/edit", listing.site_slug);
    for (field, value) in
        [("hours", "every day"), ("map_link", "https://maps.app.goo.gl/xyz"), ("phone", "call me"), ("closed_until", "soon"), ("name", "")]
    {
        let mut fields = edit_fields(&mut admin, &listing.site_slug).await;
        set(&mut fields, field, value);
        let refused = admin.post_raw(&path, &fields).await;
        assert_eq!(refused.status().as_u16(), 422, "{field}");
        let html = Html::parse_document(&refused.text().await.expect("body"));
        assert_eq!(attrs(&html, &format!("[name={field}]"), "aria-invalid"), vec!["true"], "{field}");
    }
    assert!(audit_fields(&app, listing.site_id).await.is_empty(), "nothing changed");
}

#[tokio::test]
async fn a_new_site_appears_and_a_deactivated_one_leaves_the_public_list_with_every_text_escaped() {
    let app = spawn_app().await;
    let mut admin = app.admin().await;
    let ward = attrs(&admin.page("/admin/sites/new", 200).await, "select[name=ward] option", "value")[0].clone();
    let payload = "<script>alert(1)</script> Showroom \"x\" & 'y'";
    let fields: Vec<(&str, &str)> = vec![
        ("name", payload),
        ("kind", "showroom"),
        ("address", "<img src=x onerror=alert(1)>"),
        ("ward", &ward),
        ("lat", "21.03"),
        ("lon", "105.85"),
        ("hours", "Mo-Su 08:00-17:00"),
        ("description", "<b>bold</b>"),
        ("description_en", "<svg onload=alert(1)>'; DROP TABLE sites; -- 🏺"),
        ("closure_note", "<i>x</i>"),
    ];
    let created = admin.post("/admin/sites/new", &fields).await;
    assert_eq!(created.status().as_u16(), 303);
    let slug = created.headers()["location"].to_str().expect("location").split('/').nth(3).expect("slug").to_owned();
    let list = app.get("/showrooms").await.text().await.expect("body");
    assert!(list.contains(&format!("/showrooms/{slug}")), "listed");
    assert!(!list.contains("<script>alert(1)</script>"), "escaped in the list");
    let shown = texts(&Html::parse_document(&list), &format!("a[href='/showrooms/{slug}']"));
    assert_eq!(shown, vec![payload.to_owned()], "shown as typed, as text");
    for path in [
        format!("/showrooms/{slug}"),
        format!("/en/showrooms/{slug}"),
        format!("/admin/sites/{slug}/edit"),
        "/admin/sites".to_owned(),
        "/admin/audit".to_owned(),
    ] {
        let body = if path.starts_with("/admin") { admin.get(&path).await } else { app.get(&path).await }.text().await.expect("body");
        for raw in ["<script>alert", "<img src=x", "<b>bold", "<svg onload"] {
            assert!(!body.contains(raw), "{raw} escaped on {path}");
        }
    }
    // The English description is shown on the English page, as text.
    let english = Html::parse_document(&app.get(&format!("/en/showrooms/{slug}")).await.text().await.expect("body"));
    assert!(texts(&english, "main p").iter().any(|p| p.contains("<svg onload=alert(1)>'; DROP TABLE sites; -- 🏺")), "shown as typed");
    assert!(app.get("/showrooms").await.status().is_success(), "the sites table is still there");

    let gone = admin.post(&format!("/admin/sites/{slug}/active"), &[("active", "0")]).await;
    assert_eq!(gone.status().as_u16(), 303);
    let list = app.get("/showrooms").await.text().await.expect("body");
    assert!(!list.contains(&format!("/showrooms/{slug}")), "no longer listed");
}

#[tokio::test]
async fn a_printable_label_carries_a_qr_code_of_the_public_page() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    for (path, public) in [
        (format!("/admin/sites/{}/label", listing.site_slug), format!("/showrooms/{}", listing.site_slug)),
        (format!("/admin/products/{}/label", listing.product_slug), format!("/products/{}", listing.product_slug)),
    ] {
        let html = clerk.page(&path, 200).await;
        assert!(html.select(&scraper::Selector::parse(".label .qr svg path").expect("selector")).next().is_some(), "{path}");
        assert_eq!(texts(&html, ".label .url")[0], format!("http://127.0.0.1:8080{public}"), "{path}");
    }
}
