//! `/search?q=`: one box across showrooms, design centres, products, producers, villages,
//! former districts and wards, results grouped by kind with counts.

use std::borrow::Cow;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};

use super::view::StarsView;
use crate::catalog::query::Ranked;
use crate::catalog::search::synonyms;
use crate::catalog::{Catalog, Searched};
use crate::domain::search::Query;
use crate::domain::{Site, SiteKind, hanoi_date};
use crate::error::AppError;
use crate::i18n::SearchTexts;
use crate::web::AppState;
use crate::web::fragments::SearchCard;
use crate::web::list_query::{MAX_TEXT_CHARS, RawQuery, q_param};
use crate::web::page::{Chrome, Ctx, Nav, render};

/// The search page reads only its text.
pub const SEARCH_PARAMS: &[&str] = &["q"];

/// How many of each kind the page shows before "see all".
const SHOWN_PER_GROUP: usize = 8;

struct Group<'a> {
    id: &'static str,
    heading: &'static str,
    count: usize,
    /// The best few, as cards (rendered once per record and language, see `web::fragments`).
    cards: Vec<Cow<'a, str>>,
    /// The full list, where one exists.
    all_href: Option<String>,
}

struct Suggestion {
    href: String,
    text: String,
}

#[derive(Template)]
#[template(path = "pages/search.html")]
struct SearchPage<'a> {
    chrome: Chrome,
    st: &'static SearchTexts,
    q: String,
    /// Set when something was searched for (two letters or more).
    searched: bool,
    too_short: bool,
    total_text: String,
    groups: Vec<Group<'a>>,
    did_you_mean: Option<Suggestion>,
    examples: Vec<Suggestion>,
}

pub async fn search(ctx: Ctx, req: HttpRequest, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let (st, catalog) = (ctx.lang.search(), &ctx.catalog);
    // Anything pasted is harmless: it is cut to the longest text a list accepts.
    let q: String = RawQuery::parse(req.query_string()).q.chars().take(MAX_TEXT_CHARS).collect();
    let query = Query::parse(&q, synonyms());
    let too_short = !q.is_empty() && q.chars().filter(|c| c.is_alphanumeric()).count() < 2;
    let base = ctx.lang.base_path();
    let searched = !query.is_empty() && !too_short;
    let groups = if !searched { Vec::new() } else { groups(&ctx, st, &query, &q) };
    let total: usize = groups.iter().map(|g| g.count).sum();
    if searched {
        state.searches.found(query.folded(), total);
    }
    let link = |text: &str| Suggestion { href: format!("{base}/search?{}", q_param(text)), text: text.to_owned() };
    let did_you_mean = if searched && total == 0 { nearest_spelling(catalog, &query).map(|s| link(&s)) } else { None };
    let page = SearchPage {
        chrome: ctx.chrome(if q.is_empty() { Cow::Borrowed(st.title) } else { Cow::Owned(format!("{} “{q}”", st.title)) }, Nav::None),
        st,
        searched,
        too_short,
        total_text: st.results_for(total, &q),
        groups: groups.into_iter().filter(|g| g.count > 0).collect(),
        did_you_mean,
        // Shown only when there is nothing else to follow.
        examples: if searched && total > 0 { Vec::new() } else { st.examples().iter().map(|e| link(e)).collect() },
        q,
    };
    render(&page, Vec::new())
}

/// How many records a query finds on the search page, all kinds together (for the counts).
pub fn search_result_count(catalog: &Catalog, query: &Query, now: DateTime<Utc>) -> usize {
    catalog.search_everywhere(query, SHOWN_PER_GROUP, now).total()
}

fn groups<'a>(ctx: &'a Ctx, st: &'static SearchTexts, query: &Query, q: &str) -> Vec<Group<'a>> {
    let (catalog, t) = (&*ctx.catalog, ctx.t());
    let base = ctx.lang.base_path();
    let today = hanoi_date(ctx.now);
    let searched_q = q_param(q);
    let found = catalog.search_everywhere(query, SHOWN_PER_GROUP, ctx.now);
    let site_card = |site: &'a Site| SearchCard {
        href: format!("{base}/showrooms/{}", site.slug),
        name: Cow::Borrowed(&site.name),
        stars: site.stars.map(|stars| StarsView::of(t, stars)),
        detail: Cow::Borrowed(&site.address),
    };
    let all_sites = |kind: SiteKind| Some(format!("{base}/showrooms?kind={}&{searched_q}", kind.key()));
    vec![
        group(ctx, ("showrooms", st.showrooms), Searched::Sites, found.showrooms, all_sites(SiteKind::Showroom), site_card),
        group(
            ctx,
            ("design-centres", st.design_centres),
            Searched::Sites,
            found.design_centres,
            all_sites(SiteKind::DesignCentre),
            site_card,
        ),
        group(ctx, ("products", st.products), Searched::Products, found.products, Some(format!("{base}/products?{searched_q}")), |p| {
            SearchCard {
                href: format!("{base}/products/{}", p.slug),
                name: Cow::Borrowed(&p.name),
                stars: Some(StarsView::of_product(t, p, today)),
                detail: Cow::Owned(format!(
                    "{} · {}",
                    t.category(p.category),
                    catalog.producer(p.producer_id).map(|m| m.name.as_str()).unwrap_or_default()
                )),
            }
        }),
        group(ctx, ("producers", st.producers), Searched::Producers, found.producers, None, |p| SearchCard {
            href: format!("{base}/products?{}", q_param(&p.name)),
            name: Cow::Borrowed(&p.name),
            stars: None,
            detail: catalog.district(p.district_id).map(|d| t.district_name(d)).unwrap_or_default().into(),
        }),
        group(ctx, ("villages", st.villages), Searched::Villages, found.villages, None, |v| SearchCard {
            href: format!("{base}/villages/{}", v.slug),
            name: Cow::Borrowed(&v.name),
            stars: None,
            detail: Cow::Borrowed(&v.craft_vi),
        }),
        group(ctx, ("districts", st.districts), Searched::Districts, found.districts, None, |d| SearchCard {
            href: format!("{base}/districts/{}", d.slug),
            name: t.district_name(d).into(),
            stars: None,
            detail: Cow::Borrowed(t.district_kind(d.kind)),
        }),
        group(ctx, ("wards", st.wards), Searched::Wards, found.wards, None, |w| SearchCard {
            href: format!("{base}/near?from=ward:{}", w.slug),
            name: catalog.district(w.district_id).map_or_else(|| t.ward_name(w), |d| t.ward_formerly(&t.ward_name(w), &d.name)).into(),
            stars: None,
            detail: Cow::Borrowed(""),
        }),
    ]
}

/// One kind's group: its count and the cards of its best records, each described by
/// `describe` only the first time it is shown in this language.
fn group<'a, T>(
    ctx: &'a Ctx,
    (id, heading): (&'static str, &'static str),
    kind: Searched,
    found: Ranked<&'a T>,
    all_href: Option<String>,
    describe: impl Fn(&'a T) -> SearchCard<'a>,
) -> Group<'a> {
    let cards = found.best.into_iter().map(|(pos, record)| ctx.fragments.search_card(ctx.lang, kind, pos, || describe(record))).collect();
    Group { id, heading, count: found.count, cards, all_href }
}

/// The query with each word no record holds replaced by the closest word that some record
/// holds; `None` when no word can be mended.
fn nearest_spelling(catalog: &Catalog, query: &Query) -> Option<String> {
    let kinds = Searched::ALL;
    let mut mended = false;
    let words: Vec<String> = query
        .typed
        .iter()
        .map(|word| {
            if kinds.iter().any(|&k| catalog.knows(k, &word.folded)) {
                return word.exact.clone();
            }
            let nearest = kinds
                .iter()
                .filter_map(|&k| catalog.nearest_word(k, &word.folded))
                .min_by_key(|(d, count, _)| (*d, std::cmp::Reverse(*count)));
            match nearest {
                Some((_, _, w)) => {
                    mended = true;
                    w.to_owned()
                }
                None => word.exact.clone(),
            }
        })
        .collect();
    mended.then(|| words.join(" "))
}
