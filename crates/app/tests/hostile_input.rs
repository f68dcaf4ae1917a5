//! Files a desk did not make itself, through the catalogue on a real temporary SQLite database:
//! CSV exports of a Chinese and a Dutch Excel, and an image built to inflate beyond memory.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use common::{failure, pdf, world};
use encoding_rs::{Encoding, GBK, WINDOWS_1252};
use lotline_domain::Event;
use serde_json::{Value, json};

const PRODUCT_HEADER: &str =
    "sku,gtin,name,category,unit_cost_minor,currency,returnable,lot_tracked,serial_tracked,has_expiry,vendor_code\n";

/// A PNG of a few hundred bytes whose header declares 100,000 × 100,000 grey pixels: ten
/// gigabytes once inflated.
const BOMB: &[u8] = include_bytes!("fixtures/bomb-100000x100000.png");

fn saved_by_excel(text: &str, encoding: &'static Encoding) -> String {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable);
    STANDARD.encode(bytes)
}

async fn product_names(w: &common::World) -> Vec<String> {
    let page = w.ok("list_products", json!({"offset": 0, "limit": 50})).await;
    let mut names: Vec<String> =
        page["rows"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap().to_owned()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn a_chinese_excels_gbk_file_is_imported_with_its_product_names_intact() {
    let w = world().await;
    let csv = format!(
        "{PRODUCT_HEADER}CHG-15W,,无线充电器 白色,充电器,1190,CNY,true,false,false,false,\n\
         CBL-1M,,数据线 一米,线材,250,CNY,true,false,false,false,\n"
    );
    let input = json!({"entity": "products", "csv_base64": saved_by_excel(&csv, GBK)});
    assert_eq!(w.ok("import_csv", input).await["imported"], 2);
    assert_eq!(product_names(&w).await, ["数据线 一米", "无线充电器 白色"]);
}

#[tokio::test]
async fn a_dutch_excels_windows_1252_file_is_imported_with_its_accents_and_euro_signs() {
    let w = world().await;
    let csv = format!(
        "{PRODUCT_HEADER}MUG-1,,Mok café 0,3 l,Servies,450,EUR,true,false,false,false,\n\
         BON-5,,Cadeaubon € 5,Bonnen,500,EUR,false,false,false,false,\n"
    );
    // Quoted as Excel quotes a cell with the separator in it.
    let csv = csv.replace("Mok café 0,3 l", "\"Mok café 0,3 l\"");
    let input = json!({"entity": "products", "csv_base64": saved_by_excel(&csv, WINDOWS_1252)});
    assert_eq!(w.ok("import_csv", input).await["imported"], 2);
    assert_eq!(product_names(&w).await, ["Cadeaubon € 5", "Mok café 0,3 l"]);
}

#[tokio::test]
async fn a_file_not_in_the_encoding_it_is_said_to_be_in_is_refused_and_nothing_is_written() {
    let w = world().await;
    let csv = format!("{PRODUCT_HEADER}MUG-1,,Mok café,Servies,450,EUR,true,false,false,false,\n");
    let before = w.events().await;
    let input = json!({"entity": "products", "csv_base64": saved_by_excel(&csv, WINDOWS_1252), "encoding": "utf-8"});
    let err = w.err("import_csv", input).await;
    assert_eq!((err.fields[0].field.as_str(), err.message_key.as_str()), ("encoding", "error.import.not_in_encoding"));
    assert_eq!(err.params["encoding"], "UTF-8");
    // Text a caller already decoded with replacement characters is refused, not stored.
    let err = w.err("import_csv", json!({"entity": "products", "csv": csv.replace('é', "\u{FFFD}")})).await;
    assert_eq!((err.message_key.as_str(), err.fields[0].row), ("error.import.replacement_characters", Some(2)));
    assert_eq!(w.events().await, before);
    assert!(product_names(&w).await.is_empty());
}

#[tokio::test]
async fn a_bad_row_after_a_cell_with_line_breaks_is_reported_on_its_own_line() {
    let w = world().await;
    // The vendor's name spans lines 2 to 4 of the file; the bad country is on line 5.
    let csv = "code,name,country\nV-1,\"Bakker\nen\nZonen\",NL\nV-2,Wang,Nederland\n";
    let err = w.err("import_csv", json!({"entity": "vendors", "csv_base64": STANDARD.encode(csv)})).await;
    let found: Vec<(Option<u64>, &str)> = err.fields.iter().map(|f| (f.row, f.field.as_str())).collect();
    assert_eq!(found, [(Some(5), "country")]);
}

#[tokio::test]
async fn a_decompression_bomb_is_refused_when_attached_by_its_header() {
    let w = world().await;
    let before = w.events().await;
    let input = json!({"file_name": "defect.png", "content_type": "image/png", "data_base64": STANDARD.encode(BOMB)});
    let err = w.err("upload_attachment", input).await;
    assert_eq!(err.message_key, "error.attachment.too_many_pixels");
    assert_eq!((err.params["width"].as_str(), err.params["height"].as_str()), ("100000", "100000"));
    assert_eq!(w.events().await, before);

    // 21 MiB of text that is not base64: refused for its size before any decoding is tried.
    let huge = "!".repeat(21 * 1024 * 1024);
    let err =
        w.err("upload_attachment", json!({"file_name": "big.jpg", "content_type": "", "data_base64": huge})).await;
    assert_eq!(err.message_key, "error.attachment.too_large");
}

#[tokio::test]
async fn a_vendor_report_with_a_bomb_stored_by_an_older_version_is_still_made() {
    let w = world().await;
    w.master_data().await;
    // Stored before attachments were checked for their pixels.
    let id = w.ctx.store.write_blob(BOMB).unwrap();
    let stored = Event::AttachmentStored {
        id: id.clone(),
        file_name: "defect.png".into(),
        content_type: "image/png".into(),
        size: BOMB.len() as i64,
    };
    let mut tx = w.ctx.store.begin_write().await.unwrap();
    let meta = lotline_store::EventMeta::new(None, w.ctx.device_id.clone(), "2026-11-02T09:00:00.000Z");
    lotline_store::append(&mut tx, &meta, vec![stored]).await.unwrap();
    tx.commit().await.unwrap();
    let mut input = failure("BOX-5L");
    input["attachment_ids"] = json!([id]);
    let logged = w.ok("log_failure", input).await;

    let file: Value = w.ok("vendor_report_pdf", json!({"failure_no": logged["failure_no"], "language": "en"})).await;
    let dir = tempfile::tempdir().unwrap();
    let path = pdf::write_pdf(dir.path(), &file);
    pdf::pdf_tool("qpdf", &["--check"], &path);
    let text = pdf::pdf_tool("pdftotext", &[], &path);
    assert!(text.contains(logged["failure_no"].as_str().unwrap()), "{text}");
    assert!(text.contains("This photo cannot be"), "the photo's frame says why it is empty: {text}");
}
