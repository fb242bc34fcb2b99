// `sqlx::migrate!` embeds migrations/ when the crate compiles; without this, adding a migration
// file would not rebuild the crate (sqlx's documented build script).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
