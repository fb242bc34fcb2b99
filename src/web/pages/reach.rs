//! What search engines and link previews read: `/sitemap.xml` (every public page in every
//! language, each with its alternates) and `/robots.txt`.

use std::fmt::Write;

use actix_web::HttpResponse;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::web::cached::Cacheable;
use crate::web::page::Ctx;

const XML: &str = "application/xml; charset=utf-8";

/// A sitemap holds at most 50,000 URLs; past that `/sitemap.xml` is an index of parts.
const URLS_PER_SITEMAP: usize = 50_000;

/// Every public page, as a path in the default language.
fn page_paths(ctx: &Ctx) -> Vec<String> {
    let catalog = &ctx.catalog;
    let mut paths: Vec<String> =
        ["/", "/near", "/villages", "/showrooms", "/products", "/districts", "/ocop", "/search"].map(str::to_owned).to_vec();
    paths.extend(catalog.districts_by_name().map(|d| format!("/districts/{}", d.slug)));
    paths.extend(catalog.villages(None, None).iter().map(|v| format!("/villages/{}", v.slug)));
    paths.extend(catalog.sites.iter().filter(|s| s.active).map(|s| format!("/showrooms/{}", s.slug)));
    paths.extend(catalog.products.iter().filter(|p| p.active).map(|p| format!("/products/{}", p.slug)));
    paths
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The URL entries of some pages, each language's URL on its own with every alternate.
fn url_entries(public_url: &str, paths: &[String]) -> String {
    let mut xml = String::with_capacity(paths.len() * 400);
    for path in paths {
        for lang in Lang::ALL {
            let _ = write!(xml, "<url><loc>{}</loc>", xml_escape(&format!("{public_url}{}{path}", lang.base_path())));
            for other in Lang::ALL {
                let href = xml_escape(&format!("{public_url}{}{path}", other.base_path()));
                let _ = write!(xml, "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\"/>", other.code());
            }
            xml.push_str("</url>\n");
        }
    }
    xml
}

fn xml_response(body: String) -> HttpResponse {
    let mut response = HttpResponse::Ok().content_type(XML).body(body);
    response.extensions_mut().insert(Cacheable { content_type: XML, tags: Vec::new(), until: None });
    response
}

/// `/sitemap.xml`: the pages themselves, or (at national scale) an index of numbered parts.
pub async fn sitemap(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let paths = page_paths(&ctx);
    let per_part = URLS_PER_SITEMAP / Lang::ALL.len();
    let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if paths.len() <= per_part {
        let urls = url_entries(&ctx.public_url, &paths);
        return Ok(xml_response(format!(
            "{head}<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{urls}</urlset>\n"
        )));
    }
    let mut index = format!("{head}<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for part in 1..=paths.len().div_ceil(per_part) {
        let _ = writeln!(index, "<sitemap><loc>{}/sitemap-{part}.xml</loc></sitemap>", xml_escape(&ctx.public_url));
    }
    index.push_str("</sitemapindex>\n");
    Ok(xml_response(index))
}

/// `/sitemap-{n}.xml`: one part of a large sitemap.
pub async fn sitemap_part(ctx: Ctx, part: actix_web::web::Path<String>) -> Result<HttpResponse, AppError> {
    let n: usize = part.strip_suffix(".xml").and_then(|n| n.parse().ok()).filter(|n| *n >= 1).ok_or(AppError::NotFound)?;
    let paths = page_paths(&ctx);
    let per_part = URLS_PER_SITEMAP / Lang::ALL.len();
    let chunk = paths.chunks(per_part).nth(n - 1).ok_or(AppError::NotFound)?;
    let urls = url_entries(&ctx.public_url, chunk);
    Ok(xml_response(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{urls}</urlset>\n"
    )))
}

/// `/robots.txt`: everything public may be crawled; staff pages and the API are not pages.
pub async fn robots(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let body = format!("User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /api/\n\nSitemap: {}/sitemap.xml\n", ctx.public_url);
    let mut response = HttpResponse::Ok().content_type("text/plain; charset=utf-8").body(body);
    response.extensions_mut().insert(Cacheable { content_type: "text/plain; charset=utf-8", tags: Vec::new(), until: None });
    Ok(response)
}
