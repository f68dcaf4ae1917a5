//! The lot commands as the README documents them: imports, `trace --json`, `recall`, and a lot
//! label whose barcodes decode to the lot's GS1 data.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use common::{import, lotline, ok, tool};

use serde_json::Value;

#[test]
fn import_a_genealogy_trace_it_scope_a_recall_and_print_a_lot_label() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--company", "CLI Test BV", "--site", "CLI", "--currency", "EUR", "--admin", "admin"]);
    import(data, "vendors", "code,name,country\nRES,Harsfabriek BV,NL\n");
    import(
        data,
        "products",
        "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n\
         RESIN,,Resin,Raw,100,EUR,false,true,false,false,RES\n\
         CUP-200,09506000134352,Beker 200 ml,Cups,35,EUR,true,true,true,true,RES\n",
    );
    import(
        data,
        "customers",
        "code,name,email,phone,address,country\nC-1,Wang Li,wang@example.com,+86 10 5555 0101,,CN\n",
    );
    import(
        data,
        "lots",
        "lot_code,sku,vendor_code,supplier_lot,qty,unit,mfg_date,expiry_date\n\
         R-1,RESIN,RES,HF-77,100,kg,2026-09-01,\n\
         C-100,CUP-200,RES,,1000,pcs,2026-10-01,2028-12-31\n",
    );
    import(data, "lot-links", "from_lot,to_lot,qty,kind\nR-1,C-100,60,assembly\n");
    import(
        data,
        "shipments",
        "lot_code,order_no,customer_code,qty,shipped_at\nC-100,SO-1,C-1,200,2026-10-20T10:00:00Z\n",
    );

    let trace: Value =
        serde_json::from_str(&ok(data, &["--user", "admin", "--json", "trace", "R-1", "--forward"])).unwrap();
    assert_eq!((trace["root"].as_str(), trace["direction"].as_str()), (Some("R-1"), Some("forward")));
    assert_eq!(trace["lots"][0]["lot_code"], "C-100");
    assert_eq!(trace["lots"][0]["depth"], 1);
    assert_eq!(trace["orders"][0]["order_no"], "SO-1");
    assert_eq!(trace["customers"][0]["customer_code"], "C-1");
    let back: Value =
        serde_json::from_str(&ok(data, &["--user", "admin", "--json", "trace", "C-100", "--backward"])).unwrap();
    assert_eq!(back["lots"][0]["lot_code"], "R-1");
    let text = ok(data, &["--user", "admin", "trace", "R-1", "--forward"]);
    assert!(text.contains("C-100") && text.contains("Wang Li"), "{text}");
    let out = lotline(data, &["--user", "admin", "trace", "R-1"]);
    assert!(!out.status.success(), "a direction is required");

    let report = data.join("recall.pdf");
    let scope: Value = serde_json::from_str(&ok(
        data,
        &["--user", "admin", "--json", "recall", "R-1", "--out", report.to_str().unwrap()],
    ))
    .unwrap();
    assert!(tool("qpdf", &["--check", report.to_str().unwrap()]).contains("No syntax or stream encoding errors"));
    let text = tool("pdftotext", &["-layout", report.to_str().unwrap(), "-"]);
    assert!(text.contains("Recall") && text.contains("Wang Li") && text.contains("C-100"), "{text}");
    assert_eq!((scope["lots"].as_i64(), scope["in_stock_lots"].as_i64()), (Some(2), Some(2)));
    assert_eq!(scope["customers"][0]["email"], "wang@example.com");

    let pdf = data.join("label.pdf");
    ok(data, &["--user", "admin", "lot", "label", "C-100", "--out", pdf.to_str().unwrap()]);
    assert!(tool("qpdf", &["--check", pdf.to_str().unwrap()]).contains("No syntax or stream encoding errors"));
    let png = data.join("label");
    tool("pdftoppm", &["-r", "300", "-png", "-singlefile", pdf.to_str().unwrap(), png.to_str().unwrap()]);
    let decoded = tool("zbarimg", &["--quiet", data.join("label.png").to_str().unwrap()]);
    // GTIN and expiry (fixed length) in one symbol or two, the lot last; and the Digital Link.
    let all: String = decoded.lines().collect::<Vec<_>>().join("|");
    assert!(all.contains("0109506000134352") && all.contains("17281231") && all.contains("10C-100"), "{all}");
    assert!(all.contains("QR-Code:https://id.gs1.org/01/09506000134352/10/C-100?17=281231"), "{all}");
    // A unit's label carries its serial (21) in the bars and in the Digital Link.
    import(data, "serials", "lot_code,serial\nC-100,SN-7\nC-100,SN-8\n");
    ok(data, &["--user", "admin", "lot", "label", "C-100", "--serial", "SN-7", "--out", pdf.to_str().unwrap()]);
    tool("pdftoppm", &["-r", "300", "-png", "-singlefile", pdf.to_str().unwrap(), png.to_str().unwrap()]);
    let decoded = tool("zbarimg", &["--quiet", data.join("label.png").to_str().unwrap()]);
    let all: String = decoded.lines().collect::<Vec<_>>().join("|");
    assert!(all.contains("21SN-7"), "{all}");
    assert!(all.contains("QR-Code:https://id.gs1.org/01/09506000134352/10/C-100/21/SN-7"), "{all}");
    // A lot whose product has no GTIN cannot carry a GS1 label, and says so.
    let out = lotline(data, &["--user", "admin", "lot", "label", "R-1", "--out", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("RESIN has no GTIN"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
