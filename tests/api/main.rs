//! Integration tests: the real app over HTTP, each test on a fresh database. SQLite by
//! default; set TEST_DATABASE_URL=postgres://… to run the same tests on PostgreSQL.

mod helpers;

mod api;
mod bad_input;
mod catalogue_updates;
mod districts;
mod home;
mod products;
mod schema;
mod seed_facts;
mod showrooms;
