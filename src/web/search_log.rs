//! Counting searches without slowing them: each `/search` (cached or not) adds its folded
//! query to a bounded tally in memory, and every few seconds the tally goes to the database
//! with what each query finds. No address, no identity: a query and a count.

use std::collections::HashMap;
use std::sync::Mutex;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::{Error, web};

use super::AppState;
use super::list_query::{MAX_TEXT_CHARS, RawQuery};
use crate::catalog::search::synonyms;
use crate::db;
use crate::domain::hanoi_date;
use crate::domain::search::Query;

/// Distinct queries held between two flushes; a flood of random texts cannot grow it further
/// (those past the bound are not counted).
const MAX_PENDING: usize = 10_000;

/// Searches counted since the last flush, by folded query, and what each query found when a
/// page for it was last rendered (so a flush need not search again).
#[derive(Debug, Default)]
pub struct SearchLog {
    pending: Mutex<HashMap<String, i64>>,
    found: Mutex<HashMap<String, i64>>,
}

impl SearchLog {
    pub fn record(&self, folded: String) {
        let Ok(mut pending) = self.pending.lock() else { return };
        let len = pending.len();
        match pending.get_mut(&folded) {
            Some(count) => *count += 1,
            None if len < MAX_PENDING => {
                pending.insert(folded, 1);
            }
            None => {}
        }
    }

    /// What a query found, as the page rendering it counted.
    pub fn found(&self, folded: String, results: usize) {
        let Ok(mut found) = self.found.lock() else { return };
        if found.len() >= MAX_PENDING && !found.contains_key(&folded) {
            found.clear();
        }
        found.insert(folded, i64::try_from(results).unwrap_or(i64::MAX));
    }

    fn take(&self) -> HashMap<String, i64> {
        self.pending.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default()
    }

    fn known(&self, folded: &str) -> Option<i64> {
        self.found.lock().ok().and_then(|f| f.get(folded).copied())
    }
}

/// Middleware of `/search`: counts the query, then serves the page (from the cache or not).
pub async fn count(req: ServiceRequest, next: Next<impl MessageBody + 'static>) -> Result<ServiceResponse<impl MessageBody>, Error> {
    if req.method() == Method::GET
        && let Some(state) = req.app_data::<web::Data<AppState>>()
    {
        let q: String = RawQuery::parse(req.query_string()).q.chars().take(MAX_TEXT_CHARS).collect();
        let folded = Query::folded_text(&q);
        if folded.chars().filter(|c| c.is_alphanumeric()).count() >= 2 {
            state.searches.record(folded);
        }
    }
    next.call(req).await
}

/// Writes the tally to the database for today (Hanoi), each query with its result count now.
pub async fn flush(state: &AppState) -> anyhow::Result<()> {
    let pending = state.searches.take();
    if pending.is_empty() {
        return Ok(());
    }
    let now = state.clock.now();
    let catalog = state.catalog.snapshot();
    let counts: Vec<(String, i64, i64)> = pending
        .into_iter()
        .map(|(query, searches)| {
            // Searched again only when no page for it was rendered lately (it came from the cache).
            let found = state.searches.known(&query).unwrap_or_else(|| {
                let found = super::pages::search_result_count(&catalog, &Query::parse(&query, synonyms()), now);
                i64::try_from(found).unwrap_or(i64::MAX)
            });
            (query, found, searches)
        })
        .collect();
    db::searches::add(&state.db, hanoi_date(now), &counts).await
}
