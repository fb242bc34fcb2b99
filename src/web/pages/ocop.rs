//! `/ocop`: what the programme is and what its stars mean; every star rating links here.

use actix_web::HttpResponse;
use askama::Template;

use crate::error::AppError;
use crate::i18n::TouristTexts;
use crate::web::page::{Chrome, Ctx, Nav, render};

#[derive(Template)]
#[template(path = "pages/ocop.html")]
struct OcopPage {
    chrome: Chrome,
}

pub async fn ocop(ctx: Ctx) -> Result<HttpResponse, AppError> {
    render(&OcopPage { chrome: ctx.chrome(TouristTexts::vi().ocop_title, Nav::None) }, Vec::new())
}
