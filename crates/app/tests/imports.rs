// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::world;
use lotline_app::ErrorCode;
use serde_json::json;

const GOOD_PRODUCTS: &str = "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n\
P-1,4006381333931,Kabel 2 m,Kabels,245,EUR,true,true,false,false,SZHQ\n\
P-2,,无线充电器,Opladers,1190,EUR,yes,no,no,no,\n";

#[tokio::test]
async fn a_file_with_bad_rows_imports_nothing_and_names_each_row() {
    let w = world().await;
    w.master_data().await;
    let before = w.events().await;
    let csv = "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n\
P-1,,Good row,Kabels,100,EUR,true,false,false,false,\n\
P-2,4006381333932,Bad GTIN,Kabels,100,EUR,true,false,false,false,\n\
P-3,,Cost,Kabels,12.50,EUR,true,false,false,false,\n\
P-4,,Vendor,Kabels,100,EUR,maybe,false,false,false,NOBODY\n\
P-1,,Duplicate,Kabels,100,EUR,true,false,false,false,\n";
    let err = w.err("import_csv", json!({"entity": "products", "csv": csv})).await;
    assert_eq!(err.code, ErrorCode::Invalid);
    let found: Vec<(u64, &str, &str)> =
        err.fields.iter().map(|f| (f.row.unwrap(), f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(
        found,
        [
            (3, "gtin", "error.product.bad_gtin"),
            (4, "unit_cost_minor", "error.field.not_a_number"),
            (5, "returnable", "error.field.not_a_flag"),
            (5, "vendor_code", "error.master.unknown_vendor"),
            (6, "sku", "error.import.duplicate"),
        ]
    );
    assert_eq!(w.events().await, before, "nothing may be written");
    let page = w.ok("list_products", json!({"text": "P-1", "offset": 0, "limit": 10})).await;
    assert_eq!(page["total"], 0);
}

#[tokio::test]
async fn a_missing_column_is_reported_on_the_header_line() {
    let w = world().await;
    let err = w.err("import_csv", json!({"entity": "vendors", "csv": "code,name\nV1,Vendor\n"})).await;
    assert_eq!(err.fields[0].field, "country");
    assert_eq!(err.fields[0].row, Some(1));
    assert_eq!(err.fields[0].message_key, "error.import.missing_column");
}

#[tokio::test]
async fn good_files_import_and_export_round_trips() {
    let w = world().await;
    w.master_data().await;
    let report = w.ok("import_csv", json!({"entity": "products", "csv": GOOD_PRODUCTS})).await;
    assert_eq!(report["imported"], 2);
    let out = w.ok("export_csv", json!({"entity": "products"})).await;
    let csv = out["csv"].as_str().unwrap();
    assert!(csv.starts_with("sku,gtin,name,category,unit_cost_minor"));
    assert!(csv.contains("P-2,,无线充电器,Opladers,1190,EUR,true,false,false,false,,\n"), "{csv}");
    assert_eq!(out["file_name"], "lotline-products-2026-11-02.csv");
}

#[tokio::test]
async fn orders_group_lines_and_check_customers_and_skus() {
    let w = world().await;
    w.master_data().await;
    w.ok("import_csv", json!({"entity": "customers", "csv": "code,name,email,phone,address,country\nc-1,Bakker BV,inkoop@bakker.example,,Damrak 1,NL\n"})).await;
    let bad = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n\
SO-1,C-1,2026-10-01,EUR,1,BOX-5L,2,500\n\
SO-1,C-1,2026-10-01,EUR,2,NOPE,1,500\n\
SO-2,C-9,2026-10-01,EUR,1,BOX-5L,0,500\n";
    let err = w.err("import_csv", json!({"entity": "orders", "csv": bad})).await;
    let found: Vec<(u64, &str)> = err.fields.iter().map(|f| (f.row.unwrap(), f.field.as_str())).collect();
    assert_eq!(found, [(3, "sku"), (4, "qty"), (4, "customer_code")]);
    let good = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n\
SO-1,C-1,2026-10-01,EUR,1,BOX-5L,2,500\n\
SO-1,C-1,2026-10-01,EUR,2,CHG-15W,1,2500\n";
    w.ok("import_csv", json!({"entity": "orders", "csv": good})).await;
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["customer_name"], "Bakker BV");
    assert_eq!(order["total_minor"], 3500);
    assert_eq!(order["lines"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn exports_defuse_formulas() {
    let w = world().await;
    w.ok("save_customer", json!({"code": "EVIL", "name": "=HYPERLINK(\"http://x\",\"click\")", "email": null, "phone": null, "address": "@SUM(A1)", "country": "NL"})).await;
    let out = w.ok("export_csv", json!({"entity": "customers"})).await;
    let csv = out["csv"].as_str().unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""), "{csv}");
    assert!(csv.contains("'@SUM(A1)"), "{csv}");
}

/// Cells an export defuses come back from the import as they were: formulas, a phone number
/// with a plus, blanks before an `=`, the full-width `＝`, and a value with its own quote.
#[tokio::test]
async fn defused_cells_import_back_to_the_same_values() {
    let w = world().await;
    let tricky = [
        ("C-1", "=HYPERLINK(\"http://x\",\"click\")", "+31 20 123 4567", "@SUM(A1)"),
        ("C-2", "＝1+1", "-5", "'=quoted"),
        ("C-3", "－Bakker ＠ home", "+5", "-2+3 Damrak"),
    ];
    for (code, name, phone, address) in tricky {
        w.ok(
            "save_customer",
            json!({"code": code, "name": name, "email": null, "phone": phone, "address": address, "country": "NL"}),
        )
        .await;
    }
    let csv = w.ok("export_csv", json!({"entity": "customers"})).await["csv"].as_str().unwrap().to_owned();
    // Worked out by hand: a quote before each formula-like cell, plain numbers untouched.
    assert!(csv.contains("C-2,'＝1+1,,-5,''=quoted,NL"), "{csv}");
    assert!(
        csv.contains("C-1,\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\",,'+31 20 123 4567,'@SUM(A1),NL"),
        "{csv}"
    );

    let other = world().await;
    other.ok("import_csv", json!({"entity": "customers", "csv": csv})).await;
    let page = other.ok("list_customers", json!({"text": null, "offset": 0, "limit": 10})).await;
    let read: Vec<(String, String, String, String)> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (s("code"), s("name"), s("phone"), s("address"))
        })
        .collect();
    let expected: Vec<(String, String, String, String)> =
        tricky.iter().map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string())).collect();
    assert_eq!(read, expected);
    // And the second export is the first one, cell for cell.
    assert_eq!(other.ok("export_csv", json!({"entity": "customers"})).await["csv"].as_str().unwrap(), csv);
}

#[tokio::test]
async fn failures_import_through_the_same_rules_as_the_form() {
    let w = world().await;
    w.master_data().await;
    let csv = "sku,vendor_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n\
BOX-5L,SZHQ,incoming,50,2,COS,minor,Scuffed,warehouse_qc\n\
BOX-5L,SZHQ,incoming,50,60,COS,minor,Too many,warehouse_qc\n\
BOX-5L,SZHQ,sideways,50,1,COS,minor,Bad stage,warehouse_qc\n";
    let before = w.events().await;
    let err = w.err("import_csv", json!({"entity": "failures", "csv": csv})).await;
    let found: Vec<(u64, &str)> = err.fields.iter().map(|f| (f.row.unwrap(), f.field.as_str())).collect();
    assert_eq!(found, [(3, "qty_failed"), (4, "stage")]);
    assert_eq!(w.events().await, before);
    let good = "sku,vendor_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n\
BOX-5L,SZHQ,incoming,50,2,COS,minor,Scuffed,warehouse_qc\n";
    assert_eq!(w.ok("import_csv", json!({"entity": "failures", "csv": good})).await["imported"], 1);
}

/// A file of many failures is decided row by row and written in one go: every row lands, numbered
/// in file order, the list and the search find them, a rebuild gives the same tables, and one
/// bad row far down the file refuses all of it, named by its line.
#[tokio::test]
async fn a_large_failures_file_is_written_in_bulk_and_found_by_the_list_and_the_search() {
    let w = world().await;
    w.master_data().await;
    let mut csv =
        String::from("sku,vendor_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n");
    for i in 0..1_234 {
        csv.push_str(&format!(
            "BOX-5L,SZHQ,incoming,50,{},COS,minor,Measured bulk {i:04} dent,warehouse_qc\n",
            1 + i % 5
        ));
    }
    let before = w.events().await;
    let bad = format!("{csv}BOX-5L,NOBODY,incoming,50,1,COS,minor,Unknown vendor,warehouse_qc\n");
    let err = w.err("import_csv", json!({"entity": "failures", "csv": bad})).await;
    let found: Vec<(u64, &str, &str)> =
        err.fields.iter().map(|f| (f.row.unwrap(), f.field.as_str(), f.message_key.as_str())).collect();
    assert_eq!(found, [(1_236, "vendor_code", "error.failure.unknown_vendor")]);
    assert_eq!(w.events().await, before, "nothing may be written");

    let report = w.ok("import_csv", json!({"entity": "failures", "csv": csv})).await;
    assert_eq!(report["imported"], 1_234);
    let all = w.ok("list_failures", json!({"text": "Measured", "offset": 0, "limit": 10})).await;
    assert_eq!(all["total"], 1_234);
    let one = w.ok("list_failures", json!({"text": "bulk 0777", "offset": 0, "limit": 10})).await;
    assert_eq!(one["total"], 1);
    // Numbered in file order: row 778 of the file's rows is the 778th failure.
    assert_eq!(one["rows"][0]["failure_no"], "QF-AMS1-000778");
    assert_eq!(one["rows"][0]["qty_failed"], 3);
    let hits = w.ok("search", json!({"text": "QF-AMS1-001234"})).await;
    assert_eq!(hits[0]["key"], "QF-AMS1-001234", "{hits}");
    // The next failure logged by hand counts on after the file's.
    let next = w
        .ok(
            "log_failure",
            json!({"sku": "BOX-5L", "vendor_code": "SZHQ", "stage": "incoming", "qty_inspected": 10, "qty_failed": 1,
                   "category_code": "COS", "description": "After the file", "severity": "minor", "owner_team": "warehouse_qc"}),
        )
        .await;
    assert_eq!(next["failure_no"], "QF-AMS1-001235", "{next}");

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "a rebuild differs: {:?}", report.mismatched);
}

/// Enough rows for several import events and multi-row statements, with a short last chunk.
#[tokio::test]
async fn a_large_import_lands_every_row_and_a_rebuild_gives_the_same_tables() {
    let w = world().await;
    w.master_data().await;
    let mut csv = String::from(
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n",
    );
    for i in 0..2_345 {
        csv.push_str(&format!(" BULK-{i:05} ,,  Artikel {i} ,Bulk,{},eur,ja,{},nee,0, szhq \n", 100 + i, i % 2));
    }
    let report = w.ok("import_csv", json!({"entity": "products", "csv": csv})).await;
    assert_eq!(report["imported"], 2_345);
    let page = w.ok("list_products", json!({"text": "BULK-02344", "offset": 0, "limit": 10})).await;
    assert_eq!(page["total"], 1);
    let product = &page["rows"][0];
    assert_eq!(product["sku"], "BULK-02344", "cells are trimmed");
    assert_eq!(product["name"], "Artikel 2344");
    assert_eq!(product["currency"], "EUR", "codes are upper-cased");
    assert_eq!(product["vendor_code"], "SZHQ");
    assert_eq!(product["unit_cost_minor"], 2444);
    assert_eq!(product["lot_tracked"], false);
    assert_eq!(product["returnable"], true);
    let all = w.ok("list_products", json!({"offset": 0, "limit": 1})).await;
    assert_eq!(all["total"], 2_347);

    // An order imported again brings exactly its new lines.
    w.ok(
        "import_csv",
        json!({"entity": "customers", "csv": "code,name,email,phone,address,country\nC-1,Bakker BV,,,,NL\n"}),
    )
    .await;
    let header = "order_no,customer_code,ordered_at,currency,line_no,sku,qty,unit_price_minor\n";
    w.ok("import_csv", json!({"entity": "orders", "csv": format!("{header}SO-1,C-1,2026-10-01,EUR,1,BOX-5L,2,500\nSO-1,C-1,2026-10-01,EUR,2,CHG-15W,1,2500\n")})).await;
    w.ok(
        "import_csv",
        json!({"entity": "orders", "csv": format!("{header}SO-1,C-1,2026-10-01,EUR,1,BULK-00007,5,300\n")}),
    )
    .await;
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["lines"].as_array().unwrap().len(), 1);
    assert_eq!(order["lines"][0]["sku"], "BULK-00007");
    assert_eq!(order["total_minor"], 1500);

    let report = lotline_store::check(&w.ctx.store).await.expect("check runs");
    assert!(report.mismatched.is_empty(), "a rebuild differs: {:?}", report.mismatched);
    lotline_store::rebuild(&w.ctx.store).await.expect("rebuild");
    let order = w.ok("get_order", json!({"order_no": "SO-1"})).await;
    assert_eq!(order["lines"].as_array().unwrap().len(), 1, "the rebuild keeps the last lines of a saved-twice order");
}
