//! ocop-locator: find Hanoi's OCOP showrooms and the certified products they stock.
#![forbid(unsafe_code)]

pub mod atlas;
pub mod catalog;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod startup;
pub mod telemetry;
pub mod transfer;
pub mod web;

// A page is built from many short-lived strings and vectors on every worker thread at once:
// mimalloc serves them from per-thread pages, 10–20 % less CPU per uncached page than glibc's
// malloc (bench/). Declared here, not in main.rs, so the benchmark's in-process clerks and
// stock-take timers run on the allocator the server runs on.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
