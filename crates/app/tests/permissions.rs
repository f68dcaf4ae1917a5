//! Acts that were open to roles whose work does not need them.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::world;
use serde_json::json;

#[tokio::test]
async fn cancelling_an_rma_checks_the_right_first_so_nothing_is_told_about_the_rma() {
    let w = world().await;
    w.add_user("ines", &["inspector"]).await;
    w.sign_in("ines", "password-123").await;
    let unknown = w.err("cancel_rma", json!({"rma_no": "RMA-AMS1-999999", "reason": "x"})).await;
    assert_eq!(unknown.message_key, "error.forbidden.open_rma", "not `not found`: an inspector learns nothing");
}

#[tokio::test]
async fn customers_contact_data_is_exported_only_for_the_work_that_writes_to_them() {
    let w = world().await;
    w.master_data().await;
    w.ok(
        "save_customer",
        json!({"code": "C-1", "name": "De Vries BV", "email": "inkoop@devries.example", "phone": null, "address": null, "country": "NL"}),
    )
    .await;
    for (user, role) in [("ines", "inspector"), ("fien", "finance"), ("vera", "vendor_manager")] {
        w.add_user(user, &[role]).await;
        w.sign_in(user, "password-123").await;
        let err = w.err("export_csv", json!({"entity": "customers"})).await;
        assert_eq!(err.message_key, "error.forbidden.export_customer_contacts", "{role}");
        w.ok("export_csv", json!({"entity": "products"})).await;
        w.sign_in("admin", common::ADMIN_PASSWORD).await;
    }
    w.add_user("tom", &["returns_analyst"]).await;
    w.sign_in("tom", "password-123").await;
    let csv = w.ok("export_csv", json!({"entity": "customers"})).await;
    assert!(csv.to_string().contains("inkoop@devries.example"), "{csv}");
}

/// Every act of the catalogue, called by nobody signed in, is refused as unauthenticated before
/// its input is read, except the few that set a desk up, sign in or say why the log is held.
#[tokio::test]
async fn every_act_refuses_a_caller_nobody_signed_in() {
    let w = world().await;
    w.master_data().await;
    let events = w.events().await;
    w.ok("sign_out", json!({})).await;
    let mut opened = Vec::new();
    for act in lotline_app::ACTS {
        if lotline_app::BEFORE_SIGN_IN.contains(act) {
            continue;
        }
        // Input the act would take or not: the refusal must come first either way.
        for input in [json!(null), json!({"rma_no": "RMA-AMS1-000001", "text": "x"})] {
            match w.call(act, input).await {
                Err(e) if e.code == lotline_domain::ErrorCode::Unauthenticated => {}
                other => opened.push(format!("{act}: {other:?}")),
            }
        }
    }
    assert!(opened.is_empty(), "open without signing in:\n{}", opened.join("\n"));
    assert_eq!(w.events().await, events, "nothing was written");
    for act in lotline_app::BEFORE_SIGN_IN {
        assert!(lotline_app::ACTS.contains(act), "{act} is an act of the catalogue");
    }
    let status = w.ok("setup_status", json!({})).await;
    assert_eq!(status["needs_setup"], false, "{status}");
    assert_eq!(w.ok("current_session", json!({})).await, json!(null));
    // Open before sign-in only while the desk has nobody to sign in: this one is set up.
    let err = w.err("enroll_desk", json!({"server": "http://127.0.0.1:9", "code": "TEAM-CODE"})).await;
    assert_eq!(err.code, lotline_domain::ErrorCode::Unauthenticated, "{err:?}");
}
