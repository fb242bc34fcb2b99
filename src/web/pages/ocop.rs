//! `/ocop`: what the programme is and what its stars mean; every star rating links here.

use actix_web::HttpResponse;
use askama::Template;

use crate::domain::Category;
use crate::error::AppError;
use crate::i18n::OcopTexts;
use crate::web::page::{Chrome, Ctx, Nav, render};

#[derive(Template)]
#[template(path = "pages/ocop.html")]
struct OcopPage {
    chrome: Chrome,
    o: &'static OcopTexts,
    categories: Vec<&'static str>,
}

pub async fn ocop(ctx: Ctx) -> Result<HttpResponse, AppError> {
    let o = ctx.lang.ocop();
    let categories = Category::ALL.iter().map(|c| ctx.t().category(*c)).collect();
    render(&OcopPage { chrome: ctx.chrome(o.title, Nav::None), o, categories }, Vec::new())
}
