//! CSV import and export: every problem named by line and column with nothing written, export
//! → import round trips, and a real list loaded into a database started without demo data.

use scraper::Html;

use crate::catalogue_updates::first_listing;
use crate::helpers::{Browser, spawn_app, spawn_app_with, texts};

async fn export(admin: &mut Browser, table: &str) -> Vec<u8> {
    let response = admin.get(&format!("/admin/export/{table}.csv")).await;
    assert_eq!(response.status().as_u16(), 200, "{table}");
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    response.bytes().await.expect("body").to_vec()
}

#[tokio::test]
async fn export_then_import_gives_back_the_same_files() {
    let app = spawn_app().await;
    let mut admin = app.admin().await;
    for table in ["sites", "products", "stock"] {
        let before = export(&mut admin, table).await;
        let imported = admin.upload(&format!("/admin/import/{table}"), "file", before.clone()).await;
        assert_eq!(imported.status().as_u16(), 303, "{table}");
        assert_eq!(export(&mut admin, table).await, before, "{table} round trips");
    }
}

#[tokio::test]
async fn a_file_with_one_bad_line_changes_nothing_and_names_the_line_and_column() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut admin = app.admin().await;
    let version = app.state.catalog.snapshot().version;
    // Excel's way: a byte-order mark and CRLF line ends.
    let csv = format!(
        "\u{feff}site,product,quantity\r\n{site},{product},5\r\n{site},{product}-nope,5\r\n{site},{product},lots\r\n",
        site = listing.site_slug,
        product = listing.product_slug
    );
    let refused = admin.upload("/admin/import/stock", "file", csv.into_bytes()).await;
    assert_eq!(refused.status().as_u16(), 422);
    let html = Html::parse_document(&refused.text().await.expect("body"));
    let problems = texts(&html, ".csv-problems li");
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert!(problems[0].starts_with("Dòng 3: “product”"), "{problems:?}");
    assert!(problems[1].starts_with("Dòng 4: “product”") || problems[1].starts_with("Dòng 4: “quantity”"), "{problems:?}");
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");
    assert_eq!(app.state.catalog.snapshot().version, version, "nothing written");

    let not_csv = admin.upload("/admin/import/sites", "file", vec![0xff, 0xfe, 0x00]).await;
    assert_eq!(not_csv.status().as_u16(), 422);
    let wrong_columns = admin.upload("/admin/import/sites", "file", b"name,colour\nA,red\n".to_vec()).await;
    let html = Html::parse_document(&wrong_columns.text().await.expect("body"));
    assert!(texts(&html, ".csv-problems li").iter().any(|p| p.contains("colour")), "names the unknown column");
}

#[tokio::test]
async fn a_real_list_loads_into_a_database_started_without_demo_data() {
    let app = spawn_app_with(true).await;
    let mut admin = app.admin().await;
    let ward = app.state.catalog.snapshot().wards[0].code.clone();
    let district = app.state.catalog.snapshot().districts[0].slug.clone();
    let sites = format!(
        "code,kind,name,address,ward,lat,lon,phone,hours\nshowroom-ocop-thu-nghiem,showroom,Showroom OCOP thử nghiệm,\"12 Phố Huế, Hà Nội\",{ward},21.01,105.85,024 1234 5678,Mo-Su 08:00-18:00\n"
    );
    let products = format!(
        "code,name,producer,producer_district,category,stars,certified_on,unit\ntra-sen-thu-nghiem,Trà sen thử nghiệm,HTX Sen Thử Nghiệm,{district},beverages,4,2026-03-01,hộp 100 g\n"
    );
    let stock = "site,product,quantity\nshowroom-ocop-thu-nghiem,tra-sen-thu-nghiem,12\n";
    for (table, csv) in [("sites", sites), ("products", products), ("stock", stock.to_owned())] {
        let response = admin.upload(&format!("/admin/import/{table}"), "file", csv.into_bytes()).await;
        assert_eq!(response.status().as_u16(), 303, "{table}");
    }
    let page = app.page("/showrooms/showroom-ocop-thu-nghiem", 200).await;
    assert!(texts(&page, ".sample-notice").is_empty(), "real data is not labelled sample data");
    assert_eq!(texts(&page, "tr[data-status=in_stock] th a"), vec!["Trà sen thử nghiệm"]);
}
