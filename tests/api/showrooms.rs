use crate::helpers::{attrs, spawn_app, text, texts};

#[tokio::test]
async fn showroom_list_filters_by_kind() {
    let app = spawn_app().await;

    let all = app.page("/showrooms", 200).await;
    let showrooms = app.page("/showrooms?kind=showroom", 200).await;
    let centres = app.page("/showrooms?kind=design_centre", 200).await;

    let count = |html: &scraper::Html| text(html, "#result-count").parse::<usize>().expect("number");
    assert_eq!(count(&showrooms), texts(&showrooms, "li.card").len());
    assert_eq!(count(&centres), 16);
    assert!(count(&showrooms) >= 105, "active showrooms: {}", count(&showrooms));
    assert_eq!(count(&all), count(&showrooms) + count(&centres));
}

#[tokio::test]
async fn the_whole_hanoi_network_is_one_page_and_a_page_number_is_checked() {
    let app = spawn_app().await;
    let all = app.page("/showrooms", 200).await;
    assert!(attrs(&all, "nav.pages a", "href").is_empty(), "no pager for Hanoi's network");
    let past_the_end = app.page("/showrooms?page=7", 200).await;
    assert_eq!(texts(&past_the_end, "li.card h3"), texts(&all, "li.card h3"), "a page past the end is the last");
    let wrong = app.page("/showrooms?page=abc", 400).await;
    assert!(!text(&wrong, "main").is_empty());
}

#[tokio::test]
async fn showroom_list_combines_district_category_stars_and_text() {
    let app = spawn_app().await;

    let html = app.page("/showrooms?district=gia-lam&category=handicrafts&stars=5", 200).await;

    let links = attrs(&html, "li.card h3 a", "href");
    assert!(!links.is_empty(), "Bát Tràng's five-star ceramics are sold in Gia Lâm");
    for link in links {
        let page = app.page(&link, 200).await;
        assert!(text(&page, "dl.facts dd:first-of-type").contains("Gia Lâm"), "{link} is in Gia Lâm");
    }
}

#[tokio::test]
async fn text_search_ignores_diacritics() {
    let app = spawn_app().await;

    let plain = app.page("/showrooms?q=bat+trang", 200).await;
    let accented = app.page("/showrooms?q=B%C3%A1t+Tr%C3%A0ng", 200).await;

    let names = texts(&plain, "li.card h3");
    assert!(!names.is_empty());
    assert_eq!(names, texts(&accented, "li.card h3"));
}

#[tokio::test]
async fn showroom_page_lists_its_stock_with_status_and_freshness() {
    let app = spawn_app().await;
    let sites = app.json("/api/v1/sites").await;
    let busiest = sites["sites"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|s| s["kind"] == "showroom")
        .max_by_key(|s| s["product_count"].as_u64())
        .expect("a showroom")
        .clone();

    let html = app.page(&format!("/showrooms/{}", busiest["slug"].as_str().expect("slug")), 200).await;

    assert_eq!(text(&html, "h1"), busiest["name"].as_str().expect("name"));
    let rows = texts(&html, "table.stock tbody tr");
    assert!(rows.len() >= 40, "a showroom stocks typically 40-120 products, found {}", rows.len());
    let statuses = attrs(&html, "table.stock tbody tr", "data-status");
    assert!(statuses.iter().all(|s| ["in_stock", "limited", "out_of_stock", "unconfirmed"].contains(&s.as_str())));
    assert!(statuses.iter().any(|s| s == "in_stock"));
    assert!(texts(&html, "small.fresh").iter().all(|f| f.starts_with("cập nhật")));
    assert!(!texts(&html, ".stars[aria-label$=sao]").is_empty(), "stars carry a spoken label");
    assert!(texts(&html, "section h3").len() >= 2, "stock is grouped by category");
    assert!(attrs(&html, "a.button", "href")[0].contains("destination="), "directions link");
}

#[tokio::test]
async fn unknown_showroom_is_a_404_page() {
    let app = spawn_app().await;

    let html = app.page("/showrooms/no-such-showroom", 404).await;

    assert_eq!(text(&html, "h1"), "Không tìm thấy trang");
}

#[tokio::test]
async fn a_long_shelf_has_jump_links_a_filter_and_in_stock_only_that_work_without_scripts() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let now = chrono::Utc::now();
    // The site with the most products.
    let site = catalog.sites.iter().filter(|s| s.active).max_by_key(|s| catalog.stock_at(s.id).len()).expect("site").clone();
    let rows = catalog.stock_at(site.id).to_vec();
    let path = format!("/showrooms/{}", site.slug);
    let html = app.page(&path, 200).await;
    let jumps = attrs(&html, "nav.jump a", "href");
    assert!(jumps.len() > 1, "one link per category");
    for jump in &jumps {
        assert_eq!(attrs(&html, jump, "id").len(), 1, "{jump} leads somewhere");
    }
    assert_eq!(attrs(&html, "tr[data-status]", "data-status").len(), rows.len());
    // The site's own trade first: groups come largest first.
    let sizes: Vec<usize> = texts(&html, "nav.jump a")
        .iter()
        .map(|t| t.rsplit('(').next().expect("count").trim_end_matches(')').parse().expect("number"))
        .collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");

    let available = rows.iter().filter(|r| r.status(now).is_available()).count();
    let html = app.page(&format!("{path}?in_stock=1"), 200).await;
    assert_eq!(attrs(&html, "tr[data-status]", "data-status").len(), available);
    assert!(attrs(&html, "tr[data-status]", "data-status").iter().all(|s| s == "in_stock" || s == "limited"));
    assert_eq!(attrs(&html, "input[name=in_stock][checked]", "value").len(), 1, "the box stays ticked");

    // A word of one product's name, typed without diacritics.
    let product = catalog.product(rows[0].product_id).expect("product");
    let word = ocop_locator::domain::text::fold(&product.name).split(' ').max_by_key(|w| w.len()).expect("word").to_owned();
    let html = app.page(&format!("{path}?q={word}"), 200).await;
    let names = texts(&html, "tr[data-status] th a");
    assert!(names.contains(&product.name), "{word} finds {}", product.name);
    assert!(names.iter().all(|n| ocop_locator::domain::text::fold(n).contains(&word)));
    assert_eq!(attrs(&html, "input[name=q]", "value"), vec![word.clone()]);
    let html = app.page(&format!("{path}?q=zzzqqq"), 200).await;
    assert!(text(&html, "#stock ~ p, section p").contains("Không có sản phẩm nào khớp"));
}

#[tokio::test]
async fn a_showroom_says_whether_it_is_open_now_and_how_far_it_is_from_the_remembered_place() {
    let app = spawn_app().await;
    let site = app.state.catalog.snapshot().sites.iter().find(|s| s.active && s.closure.is_none()).expect("site").clone();
    let path = format!("/showrooms/{}", site.slug);
    let html = app.page(&path, 200).await;
    let expected = site.open_state(chrono::Utc::now()).key();
    assert_eq!(attrs(&html, ".open-now .open-state", "class"), vec![format!("open-state {expected}")]);
    assert!(text(&html, ".open-now").starts_with("Đang"), "{}", text(&html, ".open-now"));
    let response =
        app.client.get(format!("{}{path}", app.address)).header("Cookie", "ocop_place=21.02870,105.85240").send().await.expect("sent");
    let html = scraper::Html::parse_document(&response.text().await.expect("body"));
    assert!(text(&html, ".open-now").contains("cách vị trí bạn chọn"));
}
