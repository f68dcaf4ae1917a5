//! The search box's queries over a real database filled through the log: LIKE's wildcards taken
//! literally, exact numbers apart from partial ones, GTINs with and without their leading zeros,
//! serials of one product not confused with another's, and the per-kind limit.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::store_with;
use lotline_store::queries::search::{self, SearchKind, SearchTerms, contains_pattern};
use serde_json::{Value, json};

fn product(sku: &str, name: &str, gtin: Option<&str>) -> Value {
    json!({"kind": "product_saved", "sku": sku, "gtin": gtin, "name": name, "category": "tools",
        "unit_cost_minor": 100, "currency": "EUR", "returnable": true, "lot_tracked": true,
        "serial_tracked": true, "has_expiry": false, "vendor_code": "NLPK"})
}

fn vendor(code: &str, name: &str) -> Value {
    json!({"kind": "vendor_saved", "code": code, "name": name, "country": "NL", "contact_name": null,
        "email": null, "phone": null, "language": "nl"})
}

fn customer(code: &str, name: &str) -> Value {
    json!({"kind": "customer_saved", "code": code, "name": name, "email": null, "phone": null,
        "address": null, "country": "NL"})
}

fn lot(code: &str, sku: &str) -> Value {
    json!({"kind": "lots_received", "rows": [{"lot_code": code, "sku": sku, "vendor_code": "NLPK",
        "qty": 10, "unit": "pcs", "location": "A-01"}]})
}

fn serials(lot_code: &str, serials: &[&str]) -> Value {
    let rows: Vec<Value> = serials.iter().map(|s| json!({"lot_code": lot_code, "serial": s})).collect();
    json!({"kind": "serials_recorded", "rows": rows})
}

fn keys(hits: &[search::SearchHit], kind: SearchKind) -> Vec<&str> {
    hits.iter().filter(|h| h.kind == kind).map(|h| h.key.as_str()).collect()
}

#[test]
fn like_wildcards_are_escaped() {
    assert_eq!(contains_pattern("50%_off"), "%50\\%\\_off%");
    assert_eq!(contains_pattern("a\\b"), "%a\\\\b%");
}

#[tokio::test]
async fn an_underscore_or_percent_is_looked_for_as_itself() {
    let (_dir, store) = store_with(vec![
        vendor("NLPK", "Pak BV"),
        product("A_1", "Drill 50% off", None),
        product("AB1", "Drill", None),
        product("AX1", "Saw", None),
    ])
    .await;
    let mut conn = store.pool().acquire().await.unwrap();
    let hits = search::search(&mut conn, &SearchTerms { text: "_", ..Default::default() }).await.unwrap();
    assert_eq!(keys(&hits.partial, SearchKind::Product), ["A_1"], "an underscore is not 'any one character'");
    let hits = search::search(&mut conn, &SearchTerms { text: "%", ..Default::default() }).await.unwrap();
    assert_eq!(keys(&hits.partial, SearchKind::Product), ["A_1"], "a percent sign is not 'anything'");
    let hits = search::search(&mut conn, &SearchTerms { text: "a_1", ..Default::default() }).await.unwrap();
    assert_eq!(keys(&hits.exact, SearchKind::Product), ["A_1"], "a SKU is found whatever its case");
    assert!(keys(&hits.partial, SearchKind::Product).is_empty(), "AB1 is not A_1: {hits:?}");
}

#[tokio::test]
async fn an_exact_number_stands_apart_from_partial_ones() {
    let (_dir, store) =
        store_with(vec![vendor("NLPK", "Pak BV"), vendor("NLPK2", "Pak Twee"), vendor("DEAB", "NLPK Agent")]).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let hits = search::search(&mut conn, &SearchTerms { text: "nlpk", ..Default::default() }).await.unwrap();
    assert_eq!(keys(&hits.exact, SearchKind::Vendor), ["NLPK"]);
    // Another code starting with it, and a name naming it, are partial.
    assert_eq!(keys(&hits.partial, SearchKind::Vendor), ["DEAB", "NLPK2"]);
}

#[tokio::test]
async fn a_gtin_matches_with_or_without_its_leading_zeros() {
    let (_dir, store) = store_with(vec![
        vendor("NLPK", "Pak BV"),
        product("DRL-1", "Drill", Some("04006381333931")),
        product("DRL-2", "Drill two", Some("04006381333948")),
    ])
    .await;
    let mut conn = store.pool().acquire().await.unwrap();
    // A GTIN-13 scanned off a retail barcode names the GTIN-14 the product was saved with.
    let terms = SearchTerms { text: "(01)4006381333931", gtin: "4006381333931", tracking: "" };
    let hits = search::search(&mut conn, &terms).await.unwrap();
    assert_eq!(keys(&hits.exact, SearchKind::Product), ["DRL-1"]);
    // A plain EAN scan, the GTIN as saved, names its product exactly too.
    let hits = search::search(&mut conn, &SearchTerms { text: "04006381333948", ..Default::default() }).await.unwrap();
    assert_eq!(keys(&hits.exact, SearchKind::Product), ["DRL-2"]);
    assert!(hits.partial.is_empty(), "{hits:?}");
}

#[tokio::test]
async fn a_serial_of_one_product_is_not_taken_for_another_products() {
    let (_dir, store) = store_with(vec![
        vendor("NLPK", "Pak BV"),
        product("DRL-1", "Drill", Some("04006381333931")),
        product("SAW-1", "Saw", Some("08712345678906")),
        lot("L-DRILL", "DRL-1"),
        lot("L-SAW", "SAW-1"),
        serials("L-DRILL", &["SN-0001", "SN-0002"]),
        serials("L-SAW", &["SN-0001"]),
    ])
    .await;
    let mut conn = store.pool().acquire().await.unwrap();
    // Typed alone, a serial two products share names both lots.
    let both = search::lots_of_serial(&mut conn, "SN-0001").await.unwrap();
    assert_eq!(keys(&both, SearchKind::Lot), ["L-DRILL", "L-SAW"]);
    // On a unit's GS1 label, with its product's GTIN (leading zero dropped), it names one.
    let saw = search::lots_of_product_serial(&mut conn, "SN-0001", "8712345678906").await.unwrap();
    assert_eq!(keys(&saw, SearchKind::Lot), ["L-SAW"]);
    assert!(search::lots_of_product_serial(&mut conn, "SN-0002", "08712345678906").await.unwrap().is_empty());
    // A lot code with the wrong product's GTIN is no lot.
    assert!(search::lots_of_product(&mut conn, "L-DRILL", "08712345678906").await.unwrap().is_empty());
    let drill = search::lots_of_product(&mut conn, "L-DRILL", "04006381333931").await.unwrap();
    assert_eq!(drill[0].label, "L-DRILL · DRL-1");
}

#[tokio::test]
async fn each_kind_answers_at_most_eight_rows() {
    let customers: Vec<Value> = (1..=11).map(|i| customer(&format!("C-{i:02}"), "Shop")).collect();
    let (_dir, store) = store_with(customers).await;
    let mut conn = store.pool().acquire().await.unwrap();
    let hits = search::search(&mut conn, &SearchTerms { text: "C-", ..Default::default() }).await.unwrap();
    assert_eq!(
        keys(&hits.partial, SearchKind::Customer),
        ["C-01", "C-02", "C-03", "C-04", "C-05", "C-06", "C-07", "C-08"]
    );
    // `numbered` finds only the record whose number is exactly the text.
    let exact = search::numbered(&mut conn, "C-10").await.unwrap();
    assert_eq!(keys(&exact, SearchKind::Customer), ["C-10"]);
    assert!(search::numbered(&mut conn, "C-1").await.unwrap().is_empty());
}
