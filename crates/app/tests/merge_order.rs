//! Projections that two desks must agree on once their events are merged: whichever of two facts
//! arrives first, the rows are the same, and a rebuild equals the live tables.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use lotline_domain::Event;
use lotline_domain::lots::{LotReceipt, LotShipment};
use lotline_store::{EventMeta, Store};
use serde_json::json;
use sqlx::Row;

fn meta() -> EventMeta {
    EventMeta::new(None, "desk-a", "2026-11-02T09:30:00.000Z")
}

async fn append(store: &Store, events: Vec<Event>) {
    let mut tx = store.begin_write().await.unwrap();
    lotline_store::append(&mut tx, &meta(), events).await.unwrap();
    tx.commit().await.unwrap();
}

async fn fresh() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    (Store::open(dir.path()).await.unwrap(), dir)
}

async fn assert_rebuild_equals_live(store: &Store) {
    let report = lotline_store::check(store).await.unwrap();
    assert!(report.ok(), "integrity {}, differs: {:?}", report.integrity, report.mismatched);
}

fn received(qty: i64) -> Event {
    Event::LotsReceived {
        batch_id: None,
        rows: vec![LotReceipt {
            lot_code: "L-1".into(),
            sku: "CHG-15W".into(),
            vendor_code: "SZHQ".into(),
            supplier_lot: None,
            qty,
            unit: "pcs".into(),
            mfg_date: None,
            expiry_date: None,
            location: "A-01".into(),
            promised_on: None,
        }],
    }
}

fn shipped(qty: i64) -> Event {
    Event::LotsShipped {
        batch_id: None,
        rows: vec![LotShipment {
            lot_code: "L-1".into(),
            order_no: "SO-1".into(),
            customer_code: "C-1".into(),
            qty,
            shipped_at: "2026-11-02T09:00:00Z".into(),
            serials: Vec::new(),
        }],
    }
}

fn hold(reason: &str) -> Event {
    Event::LotHoldPlaced {
        serials: Vec::new(),
        lot_code: "L-1".into(),
        sku: "CHG-15W".into(),
        vendor_code: "SZHQ".into(),
        reason: reason.into(),
        failure_no: String::new(),
        quarantine: false,
    }
}

/// The lot's whole row, every column but its local number.
async fn lot_row(store: &Store) -> String {
    sqlx::query(
        "SELECT lot_code || '|' || sku || '|' || status || '|' || on_hand || '|' || COALESCE(location, '') || '|' || COALESCE(received_at, '') \
         FROM lots WHERE lot_code = 'L-1'",
    )
    .fetch_one(store.pool())
    .await
    .unwrap()
    .get(0)
}

/// Receives the lot, then appends `later` one event per act in the order given.
async fn lot_after(later: Vec<Event>) -> (String, Store, tempfile::TempDir) {
    let (store, dir) = fresh().await;
    append(&store, vec![received(20)]).await;
    for event in later {
        append(&store, vec![event]).await;
    }
    assert_rebuild_equals_live(&store).await;
    (lot_row(&store).await, store, dir)
}

#[tokio::test]
async fn a_hold_and_a_shipment_of_everything_give_one_lot_row_in_either_order() {
    let (hold_first, ..) = lot_after(vec![hold("Loose screws"), shipped(20)]).await;
    let (ship_first, ..) = lot_after(vec![shipped(20), hold("Loose screws")]).await;
    assert_eq!(hold_first, ship_first);
    assert!(ship_first.contains("|shipped|0|"), "{ship_first}");

    // Stock still here shows the hold, whichever came first.
    let (hold_first, ..) = lot_after(vec![hold("Loose screws"), shipped(5)]).await;
    let (ship_first, ..) = lot_after(vec![shipped(5), hold("Loose screws")]).await;
    assert_eq!(hold_first, ship_first);
    assert!(ship_first.contains("|on_hold|15|"), "{ship_first}");
}

#[tokio::test]
async fn a_lot_emptied_under_a_hold_stays_shipped_after_the_release() {
    let (store, _dir) = fresh().await;
    append(&store, vec![received(20)]).await;
    append(&store, vec![hold("Loose screws")]).await;
    append(&store, vec![shipped(20)]).await;
    let release = Event::LotHoldReleased { lot_code: "L-1".into(), note: "Fine".into(), hold: None, holds: Vec::new() };
    append(&store, vec![release]).await;
    assert!(lot_row(&store).await.contains("|shipped|0|"));
    assert_rebuild_equals_live(&store).await;
}

fn rated(rating: u32) -> Event {
    Event::VendorRated {
        vendor_code: "SZHQ".into(),
        day: "2026-11-02".into(),
        rating,
        period_from: "2026-08-05".into(),
        period_to: "2026-11-02".into(),
    }
}

async fn rating(store: &Store) -> (i64, String) {
    sqlx::query_as("SELECT rating, event_id FROM vendor_ratings WHERE vendor_code = 'SZHQ' AND day = '2026-11-02'")
        .fetch_one(store.pool())
        .await
        .unwrap()
}

/// Swaps where two events stand in the local arrival order, as if they had arrived the other way.
async fn swap_arrival(store: &Store, a: i64, b: i64) {
    let mut tx = store.begin_write().await.unwrap();
    for (from, to) in [(a, -1), (b, a), (-1, b)] {
        sqlx::query("UPDATE events SET seq = ? WHERE seq = ?").bind(to).bind(from).execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn two_ratings_of_a_day_leave_the_one_with_the_greatest_event_id_in_either_order() {
    let (store, _dir) = fresh().await;
    append(&store, vec![rated(70)]).await;
    append(&store, vec![rated(40)]).await;
    let ids: Vec<(i64, String)> = sqlx::query_as("SELECT seq, id FROM events WHERE kind = 'vendor_rated' ORDER BY seq")
        .fetch_all(store.pool())
        .await
        .unwrap();
    let newest = ids.iter().map(|(_, id)| id.clone()).max().unwrap();
    let live = rating(&store).await;
    assert_eq!(live.1, newest);
    assert_eq!(live.0, if newest == ids[1].1 { 40 } else { 70 });
    assert_rebuild_equals_live(&store).await;

    // The same two events arriving the other way round: the rebuild replays them so, and the
    // rating it leaves is the one already live.
    swap_arrival(&store, ids[0].0, ids[1].0).await;
    assert_rebuild_equals_live(&store).await;
    lotline_store::rebuild(&store).await.unwrap();
    assert_eq!(rating(&store).await, live);
}

#[tokio::test]
async fn a_shipment_and_a_hold_arriving_the_other_way_round_rebuild_to_the_live_rows() {
    let (store, _dir) = fresh().await;
    append(&store, vec![received(20)]).await;
    append(&store, vec![hold("Loose screws")]).await;
    append(&store, vec![shipped(20)]).await;
    let seqs: Vec<i64> =
        sqlx::query_scalar("SELECT seq FROM events WHERE kind IN ('lot_hold_placed', 'lots_shipped') ORDER BY seq")
            .fetch_all(store.pool())
            .await
            .unwrap();
    swap_arrival(&store, seqs[0], seqs[1]).await;
    assert_rebuild_equals_live(&store).await;
}

async fn holds_in_force(store: &Store) -> Vec<String> {
    sqlx::query_scalar("SELECT reason FROM holds WHERE lot_code = 'L-1' AND released_at IS NULL ORDER BY reason")
        .fetch_all(store.pool())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_release_lifts_the_holds_it_names_and_not_one_merged_in_before_it() {
    let (store, _dir) = fresh().await;
    append(&store, vec![received(20)]).await;
    append(&store, vec![hold("Loose screws")]).await;
    let seen: String = sqlx::query_scalar("SELECT id FROM events WHERE kind = 'lot_hold_placed'")
        .fetch_one(store.pool())
        .await
        .unwrap();
    // Placed on another desk, merged in before the release that never saw it.
    append(&store, vec![hold("Scratched housing")]).await;
    let release = Event::LotHoldReleased { lot_code: "L-1".into(), note: "Fine".into(), hold: None, holds: vec![seen] };
    append(&store, vec![release]).await;
    assert_eq!(holds_in_force(&store).await, ["Scratched housing"]);
    assert!(lot_row(&store).await.contains("|on_hold|20|"));
    assert_rebuild_equals_live(&store).await;

    // A release from before releases named their holds still lifts every hold in force.
    let old: Event =
        serde_json::from_value(json!({"kind": "lot_hold_released", "lot_code": "L-1", "note": "All fine"})).unwrap();
    append(&store, vec![old]).await;
    assert!(holds_in_force(&store).await.is_empty());
    assert!(lot_row(&store).await.contains("|released|20|"));
    assert_rebuild_equals_live(&store).await;
}

#[tokio::test]
async fn the_release_act_names_every_hold_it_lifts() {
    let w = common::world().await;
    w.master_data().await;
    w.ok(
        "receive_lot",
        json!({"lot_code": "L-1", "sku": "CHG-15W", "vendor_code": "SZHQ", "supplier_lot": null, "qty": 20, "unit": "pcs",
               "mfg_date": null, "expiry_date": null, "location": "MAIN", "promised_on": null}),
    )
    .await;
    w.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Loose screws"})).await;
    w.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Scratched housing"})).await;
    let placed: Vec<String> = sqlx::query_scalar("SELECT id FROM events WHERE kind = 'lot_hold_placed' ORDER BY id")
        .fetch_all(w.ctx.store.pool())
        .await
        .unwrap();
    let lot = w.ok("release_hold", json!({"lot_code": "L-1", "note": "Checked 20, all fine"})).await;
    assert_eq!(lot["status"], "released");
    let payload: String = sqlx::query_scalar("SELECT payload FROM events WHERE kind = 'lot_hold_released'")
        .fetch_one(w.ctx.store.pool())
        .await
        .unwrap();
    let Event::LotHoldReleased { hold, mut holds, .. } = serde_json::from_str(&payload).unwrap() else {
        panic!("{payload}")
    };
    holds.sort();
    assert_eq!((hold, holds), (None, placed));

    // A hold placed after the release is not lifted by it, live or rebuilt.
    w.ok("hold_lot", json!({"lot_code": "L-1", "reason": "Found later"})).await;
    let lot = w.ok("get_lot", json!({"lot_code": "L-1"})).await;
    assert_eq!((lot["status"].as_str(), lot["active_holds"].as_i64()), (Some("on_hold"), Some(1)));
    assert_rebuild_equals_live(&w.ctx.store).await;
}
