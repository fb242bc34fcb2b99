//! Product photos: uploaded from a phone, checked by content, resized, served by every instance
//! with immutable caching; a category illustration until then.

use std::io::Cursor;

use scraper::Html;

use crate::catalogue_updates::first_listing;
use crate::helpers::{attrs, spawn_app, spawn_instance};

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = Vec::new();
    image::DynamicImage::new_rgb8(width, height).write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png).expect("encode");
    bytes
}

#[tokio::test]
async fn a_clerk_uploads_a_photo_that_every_instance_serves_in_several_widths() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let product_page = format!("/products/{}", listing.product_slug);
    let before = app.page(&product_page, 200).await;
    assert_eq!(attrs(&before, "svg.illustration", "class").len(), 1, "an illustration until there is a photo");

    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let uploaded = clerk.upload(&format!("/admin/products/{}/photo", listing.product_slug), "photo", png(1600, 1200)).await;
    assert_eq!(uploaded.status().as_u16(), 303);

    let after = app.page(&product_page, 200).await;
    let srcset = attrs(&after, "img.product-photo", "srcset");
    assert_eq!(srcset.len(), 1, "the photo replaces the illustration");
    assert_eq!(attrs(&after, "img.product-photo", "loading"), vec!["lazy"]);
    assert_eq!(attrs(&after, "img.product-photo", "height"), vec!["480"]);
    let other = spawn_instance(&app.url).await;
    for candidate in srcset[0].split(", ") {
        let url = candidate.split(' ').next().expect("url");
        let photo = other.get(url).await;
        assert_eq!(photo.status().as_u16(), 200, "{url}");
        assert_eq!(photo.headers()["content-type"], "image/jpeg");
        assert_eq!(photo.headers()["cache-control"], "public, max-age=31536000, immutable");
        let jpeg = photo.bytes().await.expect("body");
        let width: u32 = url.rsplit('-').next().and_then(|w| w.trim_end_matches(".jpg").parse().ok()).expect("width");
        assert_eq!(image::load_from_memory(&jpeg).expect("a JPEG").width(), width, "{url}");
    }
}

#[tokio::test]
async fn a_file_that_is_not_an_image_or_a_product_of_someone_else_changes_nothing() {
    let app = spawn_app().await;
    let listing = first_listing(&app).await;
    let mut clerk = app.clerk("lan", &[&listing.site_slug]).await;
    let path = format!("/admin/products/{}/photo", listing.product_slug);
    let pdf = clerk.upload(&path, "photo", b"%PDF-1.7\n% a photo.jpg that is a PDF".to_vec()).await;
    assert_eq!(pdf.status().as_u16(), 422);
    let html = Html::parse_document(&pdf.text().await.expect("body"));
    assert_eq!(attrs(&html, "[role=alert]", "class"), vec!["problem"]);
    let huge = clerk.upload(&path, "photo", vec![0xFF; 13 * 1024 * 1024]).await;
    assert_eq!(huge.status().as_u16(), 413);

    let catalog = app.state.catalog.snapshot();
    let elsewhere =
        catalog.products.iter().find(|p| catalog.stock_row(listing.site_id, p.id).is_none()).expect("a product not listed there");
    let refused = clerk.upload(&format!("/admin/products/{}/photo", elsewhere.slug), "photo", png(400, 300)).await;
    assert_eq!(refused.status().as_u16(), 403);
    app.state.catalog.catch_up(&app.state.db).await.expect("catch up");
    assert!(app.state.catalog.snapshot().products.iter().all(|p| p.photo.is_none()), "no photo stored");
    assert_eq!(app.get("/photos/1-1-640.jpg").await.status().as_u16(), 404);
    assert_eq!(app.get("/photos/../../etc/passwd").await.status().as_u16(), 404);
}
