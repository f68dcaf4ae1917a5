//! Convergence: two to four desks working offline in random interleavings of acts, pushes and
//! pulls (pages of random sizes, some applied twice) end with the same rows on every desk, the
//! same as a rebuild, and logs whose chains all verify.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::hub::{Hub, assert_same_rows, new_desk, push, sync, team_sign_in};
use common::{failure, world};
use lotline_app::Ctx;
use proptest::prelude::*;
use serde_json::json;

#[derive(Debug, Clone)]
enum Step {
    Act { desk: usize, act: u8, n: u8 },
    Push { desk: usize },
    Pull { desk: usize, page: usize, twice: bool },
}

fn step(desks: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..desks, 0u8..6, any::<u8>()).prop_map(|(desk, act, n)| Step::Act { desk, act, n }),
        1 => (0..desks).prop_map(|desk| Step::Push { desk }),
        1 => (0..desks, 1usize..6, any::<bool>()).prop_map(|(desk, page, twice)| Step::Pull { desk, page, twice }),
    ]
}

fn scenario() -> impl Strategy<Value = (usize, Vec<Step>)> {
    (2usize..=4).prop_flat_map(|desks| (Just(desks), proptest::collection::vec(step(desks), 10..40)))
}

/// One act of a desk; the desk's own checks may refuse it (a held lot, stock short), as they
/// would a person, and then nothing is written.
async fn act(ctx: &Ctx, desk: usize, act: u8, n: u8) {
    let lot = |i: u8| format!("L-{}-{}", i % 4, i % 3);
    let input = match act {
        0 => (
            "save_vendor",
            json!({"code": format!("V{}", n % 3), "name": format!("Vendor {n} by desk {desk}"), "country": "NL", "contact_name": null, "email": null, "phone": null, "language": "nl"}),
        ),
        1 => ("log_failure", failure("BOX-5L")),
        2 => (
            "receive_lot",
            json!({"lot_code": format!("L-{desk}-{}", n % 3), "sku": "CHG-15W", "vendor_code": "SZHQ", "qty": 10, "unit": "pcs", "location": "main"}),
        ),
        3 => (
            "ship_lot",
            json!({"lot_code": lot(n), "order_no": format!("SO-{n}"), "customer_code": "C-1", "qty": 1 + i64::from(n % 6), "shipped_at": "2026-11-02T09:00:00Z"}),
        ),
        4 => ("hold_lot", json!({"lot_code": lot(n), "reason": format!("Check {n}")})),
        _ => ("set_safety_stock", json!({"sku": "BOX-5L", "min_qty": i64::from(n)})),
    };
    let _ = lotline_app::call(ctx, input.0, input.1).await;
}

async fn pull_page(hub: &Hub, ctx: &Ctx, page: usize, twice: bool) {
    let cursor = {
        let mut conn = ctx.store.pool().acquire().await.unwrap();
        lotline_store::pull_cursor(&mut conn).await.unwrap()
    };
    let events = hub.page(cursor, page);
    lotline_store::apply_pulled(&ctx.store, &events).await.unwrap();
    if twice {
        let again = lotline_store::apply_pulled(&ctx.store, &events).await.unwrap();
        assert_eq!((again.inserted, again.confirmed), (0, 0), "a page applied twice changes nothing");
    }
}

async fn run(desks: usize, steps: Vec<Step>) {
    let home = world().await;
    home.master_data().await;
    home.ok(
        "save_customer",
        json!({"code": "C-1", "name": "Bakker BV", "email": null, "phone": null, "address": null, "country": "NL"}),
    )
    .await;
    let hub = Hub::default();
    let code = |i: usize| lotline_store::Enrolment {
        server: "http://127.0.0.1:9".into(),
        team_id: "team".into(),
        desk_code: format!("AMS1{}", (b'A' + i as u8) as char),
        token: "t".into(),
    };
    lotline_store::record_enrolment(&home.ctx.store, &code(0)).await.unwrap();
    sync(&hub, &home.ctx).await;
    let mut ctxs = vec![home.ctx.clone()];
    let mut dirs = Vec::new();
    for i in 1..desks {
        let (ctx, dir) = new_desk(&format!("desk-{i}")).await;
        lotline_store::record_enrolment(&ctx.store, &code(i)).await.unwrap();
        sync(&hub, &ctx).await;
        team_sign_in(&ctx, &home.ctx.store, "admin").await;
        ctxs.push(ctx);
        dirs.push(dir);
    }
    for step in steps {
        match step {
            Step::Act { desk, act: a, n } => act(&ctxs[desk], desk, a, n).await,
            Step::Push { desk } => {
                push(&hub, &ctxs[desk]).await;
            }
            Step::Pull { desk, page, twice } => pull_page(&hub, &ctxs[desk], page, twice).await,
        }
    }
    // Everyone pushes, then everyone pulls everything.
    for ctx in &ctxs {
        sync(&hub, ctx).await;
    }
    for ctx in &ctxs {
        sync(&hub, ctx).await;
    }
    for ctx in &ctxs[1..] {
        assert_same_rows(&ctxs[0].store, &ctx.store).await;
    }
    for ctx in &ctxs {
        let live = lotline_store::fingerprints(&ctx.store).await.unwrap();
        let report = lotline_store::check(&ctx.store).await.unwrap();
        assert!(report.ok(), "{report:?}");
        assert_eq!(report.chain.desks as usize, desks, "every desk's chain, whole, on every desk");
        lotline_store::rebuild(&ctx.store).await.unwrap();
        assert_eq!(live, lotline_store::fingerprints(&ctx.store).await.unwrap(), "a rebuild gives the same rows");
        let mut conn = ctx.store.pool().acquire().await.unwrap();
        assert_eq!(lotline_store::count_pending(&mut conn, &ctx.device_id).await.unwrap(), 0);
    }
    drop(home);
}

proptest! {
    // Each case builds up to four real SQLite databases: few cases keep CI's time.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn desks_that_work_apart_converge((desks, steps) in scenario()) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(run(desks, steps));
    }
}
