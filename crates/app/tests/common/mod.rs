//! A real temporary SQLite database, a fixed clock and a signed-in admin for every test.

#![allow(dead_code)]

pub mod hub;
pub mod pdf;
pub mod returns;
pub mod serials;
pub mod team;

use std::sync::Arc;

use chrono::{TimeZone, Utc};
use lotline_app::{ApiError, Ctx, FixedClock, Store, call};
use serde_json::{Value, json};

pub struct World {
    pub ctx: Ctx,
    pub clock: Arc<FixedClock>,
    pub _dir: tempfile::TempDir,
}

pub const ADMIN_PASSWORD: &str = "correct horse battery";
/// The password of every user `add_user` makes.
pub const USER_PASSWORD: &str = "password-123";

/// A desk whose site keeps UTC, so that the tests' days do not follow the computer running them.
pub async fn world() -> World {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path()).await.expect("open store");
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap()));
    let ctx = Ctx::new(store, clock.clone(), "desk-test-1").with_test_hashing();
    // Keyed like a real desk: every act seals its checkpoint, and `check` verifies them.
    lotline_app::audit::start(&ctx, lotline_app::audit::KeyVault::Folder(dir.path().join("keys"))).await.unwrap();
    let world = World { ctx, clock, _dir: dir };
    world
        .ok(
            "complete_setup",
            json!({"company_name": "Lotline Test BV", "site_code": "AMS1", "currency": "EUR", "language": "en",
                   "admin_username": "admin", "admin_display_name": "Ada Admin", "admin_password": ADMIN_PASSWORD, "load_demo": false,
                   "time_zone": "UTC"}),
        )
        .await;
    world
}

impl World {
    pub async fn call(&self, act: &str, input: Value) -> Result<Value, ApiError> {
        call(&self.ctx, act, input).await
    }

    pub async fn ok(&self, act: &str, input: Value) -> Value {
        match self.call(act, input).await {
            Ok(v) => v,
            Err(e) => panic!("{act} failed: {e}"),
        }
    }

    pub async fn err(&self, act: &str, input: Value) -> ApiError {
        match self.call(act, input).await {
            Ok(v) => panic!("{act} should have failed but returned {v}"),
            Err(e) => e,
        }
    }

    pub async fn events(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM events").fetch_one(self.ctx.store.pool()).await.unwrap()
    }

    pub async fn sign_in(&self, username: &str, password: &str) {
        self.ok("sign_in", json!({"username": username, "password": password})).await;
    }

    /// Hours or days pass at the desk, as when a person comes back to it: the clock moves on,
    /// and the session the idle lock closed meanwhile is opened with the signed-in person's
    /// password (one of the two this World gives out).
    pub async fn pass_time(&self, by: chrono::Duration) {
        self.clock.advance(by);
        if self.ok("current_session", json!({})).await["locked"] != true {
            return;
        }
        for password in [ADMIN_PASSWORD, USER_PASSWORD] {
            if self.call("unlock_session", json!({"password": password})).await.is_ok() {
                return;
            }
        }
        panic!("the session locked after {by} and opens with neither of the World's passwords");
    }

    pub async fn add_user(&self, username: &str, roles: &[&str]) {
        self.ok(
            "create_user",
            json!({"username": username, "display_name": username, "password": USER_PASSWORD, "roles": roles, "language": "en"}),
        )
        .await;
    }

    /// A vendor and two products: one plain, one lot- and serial-tracked.
    pub async fn master_data(&self) {
        self.ok("save_vendor", json!({"code": "SZHQ", "name": "深圳华强电子有限公司", "country": "CN", "contact_name": null, "email": null, "phone": null, "language": "zh-CN"})).await;
        self.ok("save_product", json!({"sku": "BOX-5L", "gtin": null, "name": "Opbergbox 5 L", "category": "Opslag", "unit_cost_minor": 380, "currency": "EUR",
                 "returnable": true, "lot_tracked": false, "serial_tracked": false, "has_expiry": false, "vendor_code": "SZHQ"})).await;
        self.ok("save_product", json!({"sku": "CHG-15W", "gtin": "4006381333931", "name": "无线充电器 15W", "category": "Opladers", "unit_cost_minor": 1190, "currency": "EUR",
                 "returnable": true, "lot_tracked": true, "serial_tracked": true, "has_expiry": false, "vendor_code": "SZHQ"})).await;
    }
}

pub fn failure(sku: &str) -> Value {
    json!({
        "occurred_at": null, "sku": sku, "vendor_code": "SZHQ", "lot_code": null, "serials": [],
        "stage": "incoming", "qty_inspected": 80, "qty_failed": 3, "category_code": "COS",
        "description": "Scratches on the lid", "severity": "major", "inspection": null,
        "attachment_ids": [], "disposition": null, "owner_team": "warehouse_qc", "reinspection_of": null
    })
}

/// The data folder of Lotline 0.1.0 (`../shared/fixtures/`, copied here so the tests stand alone).
pub fn unpack_fixture(into: &std::path::Path) -> std::path::PathBuf {
    let file =
        std::fs::File::open(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lotline-0.1.0-demo.tar.gz")).unwrap();
    tar::Archive::new(flate2::read::GzDecoder::new(file)).unpack(into).unwrap();
    into.join("data")
}
