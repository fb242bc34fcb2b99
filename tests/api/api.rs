use crate::helpers::spawn_app;

#[tokio::test]
async fn sites_api_lists_every_active_site_with_its_location() {
    let app = spawn_app().await;

    let body = app.json("/api/v1/sites").await;

    let sites = body["sites"].as_array().expect("array");
    assert_eq!(body["count"].as_u64(), Some(sites.len() as u64));
    assert!(sites.len() >= 120 && sites.len() <= 126, "{} active sites", sites.len());
    assert_eq!(sites.iter().filter(|s| s["kind"] == "design_centre").count(), 16);
    for site in sites {
        for field in ["slug", "name", "kind", "district", "ward", "address"] {
            assert!(site[field].as_str().is_some_and(|v| !v.is_empty()), "{field} of {site}");
        }
        let (lat, lon) = (site["lat"].as_f64().expect("lat"), site["lon"].as_f64().expect("lon"));
        assert!((20.5..21.4).contains(&lat) && (105.2..106.1).contains(&lon), "inside Hanoi: {site}");
        assert!(site["product_count"].as_u64().is_some());
    }
}

#[tokio::test]
async fn site_api_includes_its_stock() {
    let app = spawn_app().await;
    let body = app.json("/api/v1/sites").await;
    let slug = body["sites"][0]["slug"].as_str().expect("slug").to_owned();

    let site = app.json(&format!("/api/v1/sites/{slug}")).await;

    assert_eq!(site["slug"], slug.as_str());
    let stock = site["stock"].as_array().expect("stock");
    assert_eq!(site["product_count"].as_u64(), Some(stock.len() as u64));
    for row in stock {
        assert!(["in_stock", "limited", "out_of_stock", "unconfirmed"].contains(&row["status"].as_str().expect("status")));
        assert!((3..=5).contains(&row["stars"].as_u64().expect("stars")));
    }
}

#[tokio::test]
async fn unknown_site_in_the_api_is_a_json_404() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/sites/nowhere").await;

    assert_eq!(response.status().as_u16(), 404);
    assert!(response.headers()["content-type"].to_str().expect("ascii").starts_with("application/json"));
    let body: serde_json::Value = response.json().await.expect("JSON");
    assert!(body["error"].is_string());
}
