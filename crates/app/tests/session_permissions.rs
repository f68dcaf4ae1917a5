//! The session names the permissions its person holds, so the UI offers steps on the backend's
//! word. The UI's Vitest sessions take theirs (and each role's reshipment queue) from
//! `ui/src/testing/permissions.json` and `queues.json`, written
//! here from what sign-in serves (like the ts-rs bindings), so the UI's tests hold no role
//! table of their own.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{USER_PASSWORD, world};
use serde_json::{Value, json};

const ROLES: [&str; 7] =
    ["inspector", "logistics", "returns_analyst", "vendor_manager", "finance", "quality_lead", "admin"];

#[tokio::test]
async fn each_role_signs_in_with_its_permissions_and_the_ui_fixture_is_the_same() {
    let w = world().await;
    let mut served: BTreeMap<&str, Value> = BTreeMap::new();
    let mut queues: BTreeMap<&str, Value> = BTreeMap::new();
    for role in ROLES {
        let name = format!("u-{}", role.replace('_', "-"));
        w.add_user(&name, &[role]).await;
        w.ok("sign_out", json!({})).await;
        let session = w.ok("sign_in", json!({"username": name, "password": USER_PASSWORD})).await;
        served.insert(role, session["permissions"].clone());
        queues.insert(role, session["queue"].clone());
        w.ok("sign_out", json!({})).await;
        w.sign_in("admin", common::ADMIN_PASSWORD).await;
    }
    let has = |role: &str, p: &str| served[role].as_array().unwrap().iter().any(|v| v == p);
    assert!(has("inspector", "log_failure") && has("inspector", "hold_lots") && !has("inspector", "release_holds"));
    assert!(has("quality_lead", "configure_quality") && has("quality_lead", "release_holds"));
    assert!(has("finance", "settle_rma") && !has("finance", "open_rma"));
    assert!(has("admin", "manage_users") && !has("logistics", "manage_users"));
    assert!(has("vendor_manager", "manage_scars") && !has("finance", "manage_scars"));
    // The reshipments list's "my queue" is the backend's word too.
    let queue = |role: &str| queues[role].as_str().map(str::to_owned);
    assert_eq!(queue("finance").as_deref(), Some("finance"));
    assert_eq!(queue("logistics").as_deref(), Some("logistics"));
    assert_eq!(queue("vendor_manager").as_deref(), Some("vendor_management"));
    assert_eq!((queue("admin"), queue("inspector")), (None, None));
    for (file, served) in [("permissions.json", &served), ("queues.json", &queues)] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/testing").join(file);
        let text = format!("{}\n", serde_json::to_string_pretty(served).unwrap());
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, &text).unwrap();
        }
    }
}
