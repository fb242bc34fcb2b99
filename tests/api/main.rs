//! Integration tests: the real app over HTTP, each test on a fresh database. SQLite by
//! default; set TEST_DATABASE_URL=postgres://… to run the same tests on PostgreSQL.

mod helpers;

mod admin_access;
mod admin_audit;
mod admin_auth;
mod admin_dashboard;
mod admin_makers;
mod admin_photos;
mod admin_products;
mod admin_sites;
mod admin_stock;
mod admin_transfer;
mod api;
mod bad_input;
mod catalogue_updates;
mod change_feed;
mod districts;
mod home;
mod http_errors;
mod languages;
mod near;
mod page_cache;
mod products;
mod reach;
mod reports;
mod schema;
mod search;
mod seed_facts;
mod showrooms;
mod stock_writes;
mod villages;
