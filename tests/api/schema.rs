//! Both migration folders give the same schema, and SQLite is set up for a web server.

use ocop_locator::db::Backend;
use sqlx::Row;

use crate::helpers::spawn_app;

const EXPECTED: &[(&str, &str)] = &[
    ("account_sites", "account_id site_id"),
    ("accounts", "id username password_hash role active session_epoch created_at"),
    ("app_meta", "key value"),
    ("audit_log", "id at actor action site_id product_id subject before after"),
    ("catalogue_version", "id version pruned_through"),
    ("change_log", "seq entity site_id product_id changed_at"),
    ("craft_villages", "id slug name name_ascii craft_vi craft_en ward_id district_id lat lon description active description_en"),
    ("districts", "id slug name name_ascii kind gso_code lat lon"),
    ("login_failures", "subject failures first_failed last_failed"),
    ("producers", "id slug name ward_id district_id village_id active"),
    ("product_photos", "product_id width height bytes"),
    (
        "products",
        "id slug name producer_id category stars five_star_potential certified_on description unit price_vnd barcode active photo_version photo_aspect description_en",
    ),
    ("report_limits", "address reports window_start"),
    ("reports", "id site_id product_id kind note created_at resolution resolved_at resolved_by"),
    (
        "sites",
        "id slug kind name address ward_id district_id lat lon phone operator opening_hours description stars active zalo closed_until closure_note description_en",
    ),
    ("search_counts", "day query results searches"),
    ("stock", "site_id product_id quantity updated_at updated_by version disputed previous_quantity"),
    ("wards", "id code slug name name_ascii kind district_id lat lon"),
];

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let app = spawn_app().await;
    let db = &app.state.db;

    for (table, expected) in EXPECTED {
        let sql = match db.backend {
            Backend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid"),
            Backend::Postgres => {
                format!(
                    "SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position"
                )
            }
        };
        let columns: Vec<String> = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&db.pool)
            .await
            .expect("columns")
            .iter()
            .map(|r| r.get::<String, _>("name"))
            .collect();
        assert_eq!(columns.join(" "), *expected, "columns of {table} on {:?}", db.backend);
    }
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout() {
    let app = spawn_app().await;
    let db = &app.state.db;
    if db.backend != Backend::Sqlite {
        return;
    }
    let pragma = |name: &'static str| async move {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!("PRAGMA {name}"))).fetch_one(&db.pool).await.expect("pragma");
        row.try_get::<String, _>(0).or_else(|_| row.try_get::<i64, _>(0).map(|v| v.to_string())).expect("value")
    };

    assert_eq!(pragma("journal_mode").await, "wal");
    assert_eq!(pragma("foreign_keys").await, "1");
    assert_eq!(pragma("busy_timeout").await, "5000");
}
