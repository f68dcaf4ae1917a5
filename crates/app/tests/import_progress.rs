//! A long import tells its progress as it goes and can be cancelled midway, leaving nothing
//! written: its rows are checked and written in one transaction, which a cancel rolls back.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

mod common;

use std::sync::{Arc, Mutex};

use common::world;
use lotline_app::acts::imports::{ImportControl, ImportProgress};
use serde_json::json;

const HEADER: &str = "sku,vendor_code,stage,qty_inspected,qty_failed,category_code,severity,description,owner_team\n";

fn failures(rows: usize) -> String {
    let mut csv = HEADER.to_owned();
    for i in 0..rows {
        csv.push_str(&format!("BOX-5L,SZHQ,incoming,50,1,COS,minor,Scuffed box {i},warehouse_qc\n"));
    }
    csv
}

#[tokio::test]
async fn an_import_cancelled_midway_writes_nothing() {
    let w = world().await;
    w.master_data().await;
    let before = w.events().await;
    let heard: Arc<Mutex<Vec<ImportProgress>>> = Arc::default();
    let control = {
        let heard = heard.clone();
        let switch = Arc::new(Mutex::new(None::<Arc<std::sync::atomic::AtomicBool>>));
        let flip = switch.clone();
        let control = ImportControl::reporting(move |progress| {
            heard.lock().unwrap().push(progress);
            // The person presses Cancel when half the rows are through.
            if progress.done * 2 >= progress.total
                && let Some(switch) = flip.lock().unwrap().as_ref()
            {
                switch.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
        *switch.lock().unwrap() = Some(control.cancel_switch());
        control
    };
    let input = json!({"entity": "failures", "csv": failures(40)});
    let err = lotline_app::call_import_json(&w.ctx, input, &control).await.unwrap_err();
    assert_eq!(err.message_key, "error.import.cancelled");
    let heard = heard.lock().unwrap().clone();
    let last = heard.last().unwrap();
    assert_eq!((last.done, last.total, last.writing), (20, 40, false), "stopped halfway: {heard:?}");
    assert!(heard.windows(2).all(|p| p[0].done <= p[1].done), "progress only goes forward");
    assert_eq!(w.events().await, before, "a cancelled import writes nothing");
    let listed = w.ok("list_failures", json!({"offset": 0, "limit": 10})).await;
    assert_eq!(listed["total"], 0);
}

#[tokio::test]
async fn an_import_tells_its_progress_up_to_writing_and_then_is_done() {
    let w = world().await;
    w.master_data().await;
    let heard: Arc<Mutex<Vec<ImportProgress>>> = Arc::default();
    let control = {
        let heard = heard.clone();
        ImportControl::reporting(move |progress| heard.lock().unwrap().push(progress))
    };
    let mut csv = String::from("code,name,email,phone,address,country\n");
    for i in 0..250 {
        csv.push_str(&format!("C{i},Klant {i},,,,NL\n"));
    }
    let out =
        lotline_app::call_import_json(&w.ctx, json!({"entity": "customers", "csv": csv}), &control).await.unwrap();
    assert!(out.contains("\"imported\":250"), "{out}");
    let heard = heard.lock().unwrap().clone();
    assert_eq!(heard.first().map(|p| (p.done, p.total)), Some((0, 250)));
    // About once per percent, not once per row.
    assert!(heard.len() <= 110, "{} reports", heard.len());
    assert_eq!(heard.last().map(|p| (p.done, p.total, p.writing)), Some((250, 250, true)));
}
