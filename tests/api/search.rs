//! Search that finds what people mean: whole words with or without diacritics, synonyms in
//! both languages, one typo, ranking, and one box across every kind of record.

use scraper::Html;

use crate::helpers::{TestApp, attrs, spawn_app, text, texts};
use ocop_locator::domain::text::{fold, words};
use ocop_locator::i18n::Lang;

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)]).expect("encodes")
}

/// Product names on the first page of `/products?q=…`, and the count line.
async fn product_names(app: &TestApp, q: &str) -> (Vec<String>, usize) {
    let html = app.page(&format!("/products?{}", urlencode(q)), 200).await;
    let count = text(&html, "#result-count").replace('.', "").parse().expect("a count");
    (texts(&html, "ul.products li.card h3 a"), count)
}

/// Every product name of `/products?q=…`, walking the pages.
async fn all_product_names(app: &TestApp, q: &str) -> Vec<String> {
    let (mut names, total) = product_names(app, q).await;
    let mut page = 2;
    while names.len() < total {
        let html = app.page(&format!("/products?{}&page={page}", urlencode(q)), 200).await;
        names.extend(texts(&html, "ul.products li.card h3 a"));
        page += 1;
    }
    names
}

fn has_word(text: &str, word: &str) -> bool {
    words(&fold(text)).any(|w| w == word)
}

#[tokio::test]
async fn tra_finds_the_word_tra_and_never_trang_or_trang_with_marks() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    let (names, total) = product_names(&app, "trà").await;
    assert!(!names.is_empty());
    assert!(names.iter().all(|n| has_word(n, "tra")), "the names holding the word come first: {names:?}");
    // Every found product holds the word somewhere it is searched by; none holds only "tráng".
    let holds = |p: &ocop_locator::domain::Product| {
        let maker = catalog.producer(p.producer_id).expect("maker");
        let district = catalog.district(maker.district_id).map_or("", |d| d.name.as_str());
        let village = maker.village_id.and_then(|v| catalog.village(v)).filter(|v| v.active).map_or("", |v| v.name.as_str());
        let text = format!("{} {} {district} {village} {} {}", p.name, maker.name, p.description, p.description_en);
        // The word, or a synonym of data/synonyms.txt: "chè, trà, tea".
        has_word(&text, "tra") || has_word(&text, "che") || has_word(&text, "tea")
    };
    let expected = catalog.products.iter().filter(|p| p.active && holds(p)).count();
    assert_eq!(total, expected, "exactly the products holding the word trà/tra or its synonyms");
    let trang = catalog.products.iter().filter(|p| p.active && has_word(&p.name, "trang") && !holds(p)).count();
    assert!(trang > 0, "the demo has Bát Tràng products for this test to mean something");
    let (with_marks, _) = product_names(&app, "tráng").await;
    assert!(with_marks.iter().all(|n| !has_word(n, "tra") || has_word(n, "trang")), "{with_marks:?}");
}

#[tokio::test]
async fn diacritics_case_and_d_bar_are_optional() {
    let app = spawn_app().await;
    let (plain, n_plain) = product_names(&app, "bat trang").await;
    let (upper, n_upper) = product_names(&app, "BÁT TRÀNG").await;
    assert!(n_plain > 0);
    assert_eq!((n_plain, plain.len()), (n_upper, upper.len()));
    let sites = |q: &str| {
        let q = q.to_owned();
        let app = &app;
        async move { texts(&app.page(&format!("/showrooms?{}", urlencode(&q)), 200).await, "li.card h3 a") }
    };
    let with_marks = sites("Đông Anh").await;
    assert!(!with_marks.is_empty());
    assert_eq!(with_marks, sites("dong anh").await, "đ = d");
}

#[tokio::test]
async fn every_word_must_match_and_a_phrase_in_the_name_ranks_first() {
    let app = spawn_app().await;
    let (names, total) = product_names(&app, "trà xanh").await;
    assert!(total > 0);
    assert!(fold(&names[0]).contains("tra xanh"), "the phrase in a name comes first: {names:?}");
    let (_, tea) = product_names(&app, "trà").await;
    assert!(total < tea, "two words narrow the list");
    let (_, none) = product_names(&app, "trà zzzqqq").await;
    assert_eq!(none, 0, "every word must match");
}

#[tokio::test]
async fn exact_diacritics_rank_above_folded_ones() {
    let app = spawn_app().await;
    let marked = all_product_names(&app, "đường").await;
    let first_duong = marked.iter().position(|n| n.to_lowercase().contains("dương")).expect("a Dương product is found too");
    assert!(marked[..first_duong].iter().all(|n| n.to_lowercase().contains("đường")), "{marked:?}");
    assert!(first_duong > 0, "{marked:?}");
    let other_way = all_product_names(&app, "dương").await;
    assert!(other_way[0].to_lowercase().contains("dương"), "{other_way:?}");
}

#[tokio::test]
async fn synonyms_work_both_ways_between_the_languages() {
    let app = spawn_app().await;
    let (tea, n_tea) = product_names(&app, "tea").await;
    assert!(n_tea > 0 && tea.iter().all(|n| has_word(n, "tra") || has_word(n, "che")), "{tea:?}");
    let (honey, _) = product_names(&app, "honey").await;
    assert!(!honey.is_empty() && honey.iter().all(|n| fold(n).contains("mat ong")), "{honey:?}");
    let (mat_ong, _) = product_names(&app, "mật ong").await;
    assert!(!mat_ong.is_empty() && mat_ong.iter().all(|n| fold(n).contains("mat ong")), "no towels: {mat_ong:?}");
    let ceramics = app.page("/search?q=ceramics", 200).await;
    assert!(texts(&ceramics, "#villages ~ ul a").iter().any(|n| n == "Làng Bát Tràng"), "ceramics → gốm");
    let silk = app.page("/search?q=silk", 200).await;
    assert!(texts(&silk, "#villages ~ ul a").iter().any(|n| n == "Làng Vạn Phúc"), "silk → lụa");
    let gom = app.page("/search?q=g%E1%BB%91m", 200).await;
    assert!(!texts(&gom, "#products ~ ul a").is_empty());
}

#[tokio::test]
async fn one_typo_in_a_longer_word_is_forgiven() {
    let app = spawn_app().await;
    let (right, n_right) = product_names(&app, "bat trang").await;
    let (typo, n_typo) = product_names(&app, "bat trag").await;
    assert!(n_right > 0);
    assert!(n_typo >= n_right, "every Bát Tràng product, and maybe a Bát Trần one: {n_typo} < {n_right}");
    assert_eq!(typo[..10], right[..10], "the closest spelling ranks first");
}

#[tokio::test]
async fn a_word_one_kind_of_record_holds_is_not_unfinished_or_mistyped_in_the_others() {
    let app = spawn_app().await;
    let catalog = app.state.catalog.snapshot();
    // "khăn" (scarf) is a product word; showrooms named "Khánh …" start with it and are one
    // letter off, but a shopper typing it means the scarves.
    assert!(catalog.products.iter().any(|p| p.active && has_word(&p.name, "khan")), "the demo sells scarves");
    assert!(catalog.sites.iter().any(|s| s.active && has_word(&s.name, "khanh")), "the demo has a Khánh showroom");
    let html = app.page("/search?q=kh%C4%83n", 200).await;
    assert!(!texts(&html, "#products ~ ul a").is_empty());
    let sites = texts(&html, "#showrooms ~ ul a");
    assert!(sites.iter().all(|n| has_word(n, "khan")), "no showroom for a word it does not hold: {sites:?}");
    // A last word no record holds is still taken as unfinished: "khanh ph…" for "Khánh Phát".
    let site = catalog.sites.iter().find(|s| s.active && has_word(&s.name, "khanh")).expect("a Khánh site");
    let folded = fold(&site.name);
    let after: Vec<&str> = words(&folded).skip_while(|w| *w != "khanh").skip(1).collect();
    if let Some(next) = after.first().filter(|w| w.len() > 2) {
        let q = format!("khanh {}", next.chars().take(2).collect::<String>());
        let typing = app.page(&format!("/search?{}", urlencode(&q)), 200).await;
        assert!(texts(&typing, "section.results a").contains(&site.name), "{q} finds {}", site.name);
    }
}

#[tokio::test]
async fn one_box_groups_every_kind_with_counts_and_keeps_the_query() {
    let app = spawn_app().await;
    let html = app.page("/search?q=b%C3%A1t+tr%C3%A0ng", 200).await;
    assert_eq!(attrs(&html, "form[role=search] input[name=q]", "value"), ["bát tràng"]);
    let groups = attrs(&html, "section.results h2", "id");
    for wanted in ["showrooms", "products", "producers", "villages", "wards"] {
        assert!(groups.contains(&wanted.to_owned()), "{wanted} in {groups:?}");
    }
    assert!(texts(&html, "#wards ~ ul a").iter().any(|w| w.starts_with("Xã Bát Tràng")), "the 2025 commune");
    let district = app.page("/search?q=soc+son", 200).await;
    assert!(texts(&district, "#districts ~ ul a").iter().any(|d| d.contains("Sóc Sơn")), "a former district by its old name");
    // "See all" leads to the same search on the product list.
    let all = attrs(&html, "#products ~ p a", "href");
    assert_eq!(all, ["/products?q=b%C3%A1t+tr%C3%A0ng"]);
    let total: usize = text(&app.page(&all[0], 200).await, "#result-count").replace('.', "").parse().expect("count");
    assert!(text(&html, "#products").contains(&format!("({})", Lang::Vi.texts().number(total))), "the group counts what the list shows");
}

#[tokio::test]
async fn empty_short_and_fruitless_queries_get_a_helpful_page() {
    let app = spawn_app().await;
    let empty = app.page("/search", 200).await;
    assert!(!attrs(&empty, "ul.suggestions a", "href").is_empty(), "examples to try");
    let short = app.page("/search?q=a", 200).await;
    assert!(!text(&short, "[role=status]").is_empty());
    assert!(!attrs(&short, "ul.suggestions a", "href").is_empty());
    let nothing = app.page("/search?q=zzqqxx", 200).await;
    assert_eq!(text(&nothing, "#result-count"), Lang::Vi.search().results_for(0, "zzqqxx"));
    assert!(!attrs(&nothing, "ul.suggestions a", "href").is_empty());
    let misspelt = app.page("/search?q=l%E1%BB%A5a+v%E1%BA%A1n+ph%C3%BAcc", 200).await;
    let offered = attrs(&misspelt, ".did-you-mean a", "href");
    let fruitful = if offered.is_empty() { misspelt } else { app.page(&offered[0], 200).await };
    assert!(!texts(&fruitful, "section.results h2").is_empty(), "the nearest spelling (or the typo rule) finds something");
    let products_page = app.page("/products?q=zzqqxx", 200).await;
    assert!(!text(&products_page, "main").contains(Lang::Vi.texts().products_none), "no filters to remove when none is set");
    assert_eq!(attrs(&products_page, "p.none a", "href"), ["/search?q=zzqqxx"], "the one box is offered instead");
}

#[tokio::test]
async fn five_hundred_characters_of_anything_are_harmless() {
    let app = spawn_app().await;
    let hostile = "'; DROP TABLE products; -- <script>alert(1)</script> 🍵🏺 ".repeat(9);
    let hostile: String = hostile.chars().take(500).collect();
    let response = app.get(&format!("/search?{}", urlencode(&hostile))).await;
    assert_eq!(response.status().as_u16(), 200);
    let body = response.text().await.expect("body");
    assert!(!body.contains("<script>alert"), "echoed text is escaped");
    let html = Html::parse_document(&body);
    assert_eq!(attrs(&html, "input[name=q]", "value")[0].chars().count(), 100, "cut to the longest text a list takes");
    assert_eq!(app.get("/products?q=trà").await.status().as_u16(), 200, "the catalogue is still there");
}

#[tokio::test]
async fn searches_are_counted_by_folded_query_and_the_dashboard_shows_what_finds_nothing() {
    let app = spawn_app().await;
    for q in ["Trà", "tra", "tra", "zzqqxx", "ZZQQXX", "a"] {
        // The repeats are answered from the page cache and must count all the same.
        app.page(&format!("/search?{}", urlencode(q)), 200).await;
    }
    ocop_locator::web::search_log::flush(&app.state).await.expect("flush");
    let today = ocop_locator::domain::hanoi_date(chrono::Utc::now());
    let top = ocop_locator::db::searches::top_since(&app.state.db, today, 10).await.expect("counts");
    let tra = top.iter().find(|c| c.query == "tra").expect("tra counted");
    assert_eq!(tra.searches, 3, "Trà and tra are one folded query");
    assert!(tra.results > 0);
    let nothing = top.iter().find(|c| c.query == "zzqqxx").expect("counted");
    assert_eq!((nothing.searches, nothing.results), (2, 0));
    assert!(top.iter().all(|c| c.query != "a"), "one letter is no search");
    let mut admin = app.admin().await;
    let dashboard = admin.page("/admin", 200).await;
    assert_eq!(texts(&dashboard, "#fruitless-searches + div tbody th"), ["zzqqxx"]);
    assert!(texts(&dashboard, "#top-searches + div tbody th").contains(&"tra".to_owned()));
}
