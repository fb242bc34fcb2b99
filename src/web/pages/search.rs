//! `/search?q=`: one box across showrooms, design centres, products, producers, villages,
//! former districts and wards, results grouped by kind with counts.

use std::borrow::Cow;
use std::cmp::Reverse;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{DateTime, Utc};

use super::view::StarsView;
use crate::catalog::query::ProductFilter;
use crate::catalog::search::synonyms;
use crate::catalog::{Catalog, Searched};
use crate::domain::search::Query;
use crate::domain::{Site, SiteKind, hanoi_date};
use crate::error::AppError;
use crate::i18n::{Lang, SearchTexts, Texts};
use crate::web::AppState;
use crate::web::list_query::{MAX_TEXT_CHARS, RawQuery, q_param};
use crate::web::page::{Chrome, Ctx, Nav, render};

/// The search page reads only its text.
pub const SEARCH_PARAMS: &[&str] = &["q"];

/// How many of each kind the page shows before "see all".
const SHOWN_PER_GROUP: usize = 8;

/// One record found. Names and details are borrowed from the snapshot where they can be: a
/// page shows some fifty of them.
struct Item<'a> {
    href: Href<'a>,
    name: Cow<'a, str>,
    detail: Cow<'a, str>,
    stars: Option<StarsView>,
}

/// A link to a record's page, written into the page as it renders: the language's base, the
/// kind's path, the record's slug (or an encoded query).
struct Href<'a> {
    base: &'a str,
    path: &'static str,
    tail: Cow<'a, str>,
}

impl<'a> Href<'a> {
    fn to(base: &'a str, path: &'static str, tail: impl Into<Cow<'a, str>>) -> Href<'a> {
        Href { base, path, tail: tail.into() }
    }
}

impl std::fmt::Display for Href<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.base, self.path, self.tail)
    }
}

struct Group<'a> {
    id: &'static str,
    heading: &'static str,
    count: usize,
    items: Vec<Item<'a>>,
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
    let (t, st, catalog) = (ctx.t(), ctx.lang.search(), &ctx.catalog);
    // Anything pasted is harmless: it is cut to the longest text a list accepts.
    let q: String = RawQuery::parse(req.query_string()).q.chars().take(MAX_TEXT_CHARS).collect();
    let query = Query::parse(&q, synonyms());
    let too_short = !q.is_empty() && q.chars().filter(|c| c.is_alphanumeric()).count() < 2;
    let base = ctx.lang.base_path();
    let searched = !query.is_empty() && !too_short;
    let groups = if !searched { Vec::new() } else { groups(catalog, base, t, st, &query, &q, ctx.now) };
    let total: usize = groups.iter().map(|g| g.count).sum();
    if searched {
        state.searches.found(query.folded(), total);
    }
    let link = |text: &str| Suggestion { href: format!("{base}/search?{}", q_param(text)), text: text.to_owned() };
    let did_you_mean = if searched && total == 0 { nearest_spelling(catalog, &query).map(|s| link(&s)) } else { None };
    let page = SearchPage {
        chrome: ctx.chrome(if q.is_empty() { st.title.to_owned() } else { format!("{} “{q}”", st.title) }, Nav::None),
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
    groups(catalog, "", Lang::Vi.texts(), Lang::Vi.search(), query, "", now).iter().map(|g| g.count).sum()
}

fn groups<'a>(
    catalog: &'a Catalog,
    base: &'a str,
    t: &'static Texts,
    st: &'static SearchTexts,
    query: &Query,
    q: &str,
    now: DateTime<Utc>,
) -> Vec<Group<'a>> {
    let today = hanoi_date(now);
    let searched_q = q_param(q);
    let [showrooms, design_centres] = catalog.best_sites(query, SHOWN_PER_GROUP);
    let site_group = |kind: SiteKind, id, heading, (count, best): (usize, Vec<&'a Site>)| Group {
        id,
        heading,
        count,
        items: best
            .into_iter()
            .map(|site| Item {
                href: Href::to(base, "/showrooms/", site.slug.as_str()),
                name: Cow::Borrowed(&site.name),
                detail: Cow::Borrowed(&site.address),
                stars: site.stars.map(|stars| StarsView::of(t, stars)),
            })
            .collect(),
        all_href: Some(format!("{base}/showrooms?kind={}&{searched_q}", kind.key())),
    };
    let filter = ProductFilter { category: None, min_stars: None, district_id: None, text: query.clone() };
    let products = catalog.products(&filter, 1, SHOWN_PER_GROUP, now);
    let product_group = Group {
        id: "products",
        heading: st.products,
        count: products.total,
        items: products
            .items
            .iter()
            .map(|p| Item {
                href: Href::to(base, "/products/", p.slug.as_str()),
                name: Cow::Borrowed(&p.name),
                detail: Cow::Owned(format!(
                    "{} · {}",
                    t.category(p.category),
                    catalog.producer(p.producer_id).map(|m| m.name.as_str()).unwrap_or_default()
                )),
                stars: Some(StarsView::of_product(t, p, today)),
            })
            .collect(),
        all_href: Some(format!("{base}/products?{searched_q}")),
    };
    let producers = listed(
        catalog,
        Searched::Producers,
        query,
        |pos| catalog.producers.get(pos).filter(|p| p.active),
        |p| Item {
            href: Href::to(base, "/products?", q_param(&p.name)),
            name: Cow::Borrowed(&p.name),
            detail: catalog.district(p.district_id).map(|d| t.district_name(d)).unwrap_or_default().into(),
            stars: None,
        },
    );
    let villages = listed(
        catalog,
        Searched::Villages,
        query,
        |pos| catalog.villages.get(pos).filter(|v| v.active),
        |v| Item {
            href: Href::to(base, "/villages/", v.slug.as_str()),
            name: Cow::Borrowed(&v.name),
            detail: Cow::Borrowed(&v.craft_vi),
            stars: None,
        },
    );
    let districts = listed(
        catalog,
        Searched::Districts,
        query,
        |pos| catalog.districts.get(pos),
        |d| Item {
            href: Href::to(base, "/districts/", d.slug.as_str()),
            name: t.district_name(d).into(),
            detail: Cow::Borrowed(t.district_kind(d.kind)),
            stars: None,
        },
    );
    let wards = listed(
        catalog,
        Searched::Wards,
        query,
        |pos| catalog.wards.get(pos),
        |w| Item {
            href: Href::to(base, "/near?from=ward:", w.slug.as_str()),
            name: catalog.district(w.district_id).map_or_else(|| t.ward_name(w), |d| t.ward_formerly(&t.ward_name(w), &d.name)).into(),
            detail: Cow::Borrowed(""),
            stars: None,
        },
    );
    let group = |id, heading, (count, items)| Group { id, heading, count, items, all_href: None };
    vec![
        site_group(SiteKind::Showroom, "showrooms", st.showrooms, showrooms),
        site_group(SiteKind::DesignCentre, "design-centres", st.design_centres, design_centres),
        product_group,
        group("producers", st.producers, producers),
        group("villages", st.villages, villages),
        group("districts", st.districts, districts),
        group("wards", st.wards, wards),
    ]
}

/// How many records of one kind match and `keep` keeps, and the best few as items (best
/// first, then in record order): only those shown are ranked in full and formatted.
fn listed<'a, T: 'a>(
    catalog: &'a Catalog,
    kind: Searched,
    query: &Query,
    keep: impl Fn(usize) -> Option<&'a T>,
    item: impl Fn(&'a T) -> Item<'a>,
) -> (usize, Vec<Item<'a>>) {
    let hits = catalog.search(kind, query).unwrap_or_default();
    let mut kept: Vec<(Reverse<u32>, u32, &T)> =
        hits.iter().filter_map(|h| keep(h.pos as usize).map(|r| (Reverse(h.score), h.pos, r))).collect();
    let count = kept.len();
    let rank = |&(score, pos, _): &(Reverse<u32>, u32, &T)| (score, pos);
    if count > SHOWN_PER_GROUP {
        kept.select_nth_unstable_by_key(SHOWN_PER_GROUP - 1, rank);
        kept.truncate(SHOWN_PER_GROUP);
    }
    kept.sort_unstable_by_key(rank);
    (count, kept.into_iter().map(|(_, _, record)| item(record)).collect())
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
