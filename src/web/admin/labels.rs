//! Printable shelf labels: a QR code (SVG) of a site's or a product's public page with its
//! name, sized for a label printer and for A4 sheets.

use actix_web::{HttpResponse, web};
use askama::Template;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

use super::guard::{KeptSite, Staff};
use super::view::{AdminChrome, render};
use crate::error::AppError;
use crate::i18n::AdminTexts;
use crate::web::AppState;

#[derive(Template)]
#[template(path = "admin/label.html")]
struct LabelPage {
    chrome: AdminChrome,
    name: String,
    detail: String,
    url: String,
    /// The QR code as an SVG document, inlined (no script, no external resource).
    qr: String,
    copies: usize,
}

/// An SVG QR code of `url` (error correction M: survives a scratch or a smudge).
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    let code =
        QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M).map_err(|e| AppError::Internal(anyhow::anyhow!("qr: {e}")))?;
    Ok(code.render::<svg::Color<'_>>().min_dimensions(160, 160).dark_color(svg::Color("#000")).light_color(svg::Color("#fff")).build())
}

fn label(staff: &Staff, name: String, detail: String, url: String) -> Result<HttpResponse, AppError> {
    let qr = qr_svg(&url)?;
    // The SVG comes from the QR encoder, not from anyone's input: drop its XML prologue to inline it.
    let qr = qr.find("<svg").map_or(qr.clone(), |at| qr[at..].to_owned());
    let chrome = AdminChrome::new(AdminTexts::vi().label_title(&name), Some(staff));
    render(&LabelPage { chrome, name, detail, url, qr, copies: 8 })
}

pub async fn site_label(state: web::Data<AppState>, staff: Staff, site: KeptSite) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let site = catalog.site(site.id).ok_or(AppError::NotFound)?;
    let url = format!("{}/showrooms/{}", state.public_url, site.slug);
    label(&staff, site.name.clone(), site.address.clone(), url)
}

pub async fn product_label(state: web::Data<AppState>, staff: Staff, slug: web::Path<String>) -> Result<HttpResponse, AppError> {
    let catalog = state.catalog.snapshot();
    let product = catalog.product_by_slug(&slug).filter(|p| p.active).ok_or(AppError::NotFound)?;
    let url = format!("{}/products/{}", state.public_url, product.slug);
    let detail = format!("{} · OCOP {}", "★".repeat(usize::from(product.stars.get())), product.certified_on.format("%Y"));
    label(&staff, product.name.clone(), detail, url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_address_becomes_an_svg_qr_code() {
        let svg = qr_svg("https://ocop.example.vn/showrooms/cua-hang-khanh-phat").expect("encodes");
        assert!(svg.contains("<svg") && svg.contains("<path"), "{svg}");
    }
}
