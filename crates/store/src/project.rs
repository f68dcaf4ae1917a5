//! Keeps the read tables in step with the event log. The same code runs for a live append and
//! for a rebuild, which is what makes `rebuild == live` hold.

use lotline_domain::Event;
use lotline_domain::failure::{FailureRecord, Severity};
use lotline_domain::lots::{LotLink, LotReceipt, LotShipment, SerialRecord, normalise_lot_code};
use lotline_domain::master::{CustomerInput, OrderInput, ProductInput, VendorInput};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::bulk::{self, with_raw};
use crate::bulk_lots::{self, Placed};
use crate::log::StoredEvent;
use crate::project_kinds::{
    batched_events, failure_step_events, production_events, recall_events, record_events, reshipment_events,
    return_events, review_events, scar_events, settings_events,
};

const BATCH: usize = 400;

/// Lot codes as the lots tables keep them (trimmed, upper-cased), whatever a QC failure, RMA or
/// reshipment event recorded as typed, so a hold, a trace and a lot's failures all meet on one key.
pub(crate) fn lot_key(code: &Option<String>) -> Option<String> {
    code.as_deref().map(normalise_lot_code).filter(|c| !c.is_empty())
}

/// Where the run of one kind that starts at `start` ends (at most `BATCH` events).
fn run_end(events: &[StoredEvent], start: usize) -> usize {
    let kind = events[start].event.kind();
    let mut end = start + 1;
    while end < events.len() && end - start < BATCH && events[end].event.kind() == kind {
        end += 1;
    }
    end
}

type BulkWriter = fn(&rusqlite::Connection, &[StoredEvent]) -> rusqlite::Result<()>;

/// How a run of this kind is written through SQLite's own connection, when it is: `None` for
/// kinds projected one event at a time.
fn bulk_writer(event: &Event) -> Option<BulkWriter> {
    let writer: BulkWriter = match event {
        Event::ProductSaved(_) | Event::ProductsImported { .. } => |db, run| bulk::products(db, &product_rows(run)),
        Event::VendorSaved(_) | Event::VendorsImported { .. } => |db, run| bulk::vendors(db, &vendor_rows(run)),
        Event::CustomerSaved(_) | Event::CustomersImported { .. } => |db, run| bulk::customers(db, &customer_rows(run)),
        Event::OrderRecorded(_) | Event::OrdersImported { .. } => |db, run| bulk::orders(db, &order_rows(run)),
        Event::FailureLogged { .. } => crate::bulk_failures::logged,
        Event::LotsReceived { .. } => |db, run| bulk_lots::received(db, &placed(run, receipts)),
        Event::LotsLinked { .. } => |db, run| bulk_lots::linked(db, &placed(run, links)),
        Event::LotsShipped { .. } => |db, run| bulk_lots::shipped(db, &placed(run, shipments)),
        Event::SerialsRecorded { .. } => |db, run| bulk_lots::serials(db, &placed(run, serials)),
        _ => return None,
    };
    Some(writer)
}

pub(crate) async fn apply(conn: &mut SqliteConnection, events: &[StoredEvent]) -> Result<(), StoreError> {
    let mut start = 0;
    while start < events.len() {
        // Imports bring long runs of one kind: project them with multi-row statements. Runs of
        // such kinds that follow each other (a pulled page of a working day interleaves them)
        // share one hand-over of the connection from sqlx's worker, in their order.
        if bulk_writer(&events[start].event).is_some() {
            // A run of links or shipments ends its group: a recall open here widens after it,
            // before anything later is written, as one event at a time would.
            let (mut end, mut last) = (start, start);
            while end < events.len() && bulk_writer(&events[end].event).is_some() {
                last = end;
                end = run_end(events, end);
                if matches!(events[last].event, Event::LotsLinked { .. } | Event::LotsShipped { .. }) {
                    break;
                }
            }
            let group = &events[start..end];
            with_raw(conn, |db| {
                let mut at = 0;
                while let Some(write) = group.get(at).and_then(|e| bulk_writer(&e.event)) {
                    let next = run_end(group, at);
                    write(db, &group[at..next])?;
                    at = next;
                }
                Ok(())
            })
            .await?;
            match events[last].event {
                Event::LotsLinked { .. } => crate::recall_scope::linked(conn, &events[last..end]).await?,
                Event::LotsShipped { .. } => crate::recall_scope::shipped(conn, &events[last..end]).await?,
                _ => {}
            }
            start = end;
        } else {
            let end = run_end(events, start);
            for event in &events[start..end] {
                one(conn, event).await?;
            }
            start = end;
        }
    }
    crate::conflicts::note_overwritten(conn, events).await?;
    for stored in events {
        crate::conflicts::resolved(conn, stored).await?;
    }
    if !events.is_empty() {
        // The moves of exactly these events, found by their ids through the moves' key: a range
        // of local sequence numbers would not do once events from other desks are merged in.
        let ids = serde_json::to_string(&events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>())
            .map_err(|err| StoreError::BadEvent { id: String::new(), reason: err.to_string() })?;
        sqlx::query(
            "INSERT INTO stock_days (day, delta) SELECT substr(at, 1, 10), SUM(qty_delta) FROM stock_moves \
             WHERE event_id IN (SELECT value FROM json_each(?1)) GROUP BY 1 \
             ON CONFLICT (day) DO UPDATE SET delta = delta + excluded.delta",
        )
        .bind(ids)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub(crate) fn severity_rank(severity: Severity) -> i64 {
    match severity {
        Severity::Critical => 3,
        Severity::Major => 2,
        Severity::Minor => 1,
    }
}

pub(crate) fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

pub(crate) fn name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// The sequence in a human number (`QF-AMS1-000123` → 123), which lists sort by.
pub(crate) fn number_part(failure_no: &str) -> i64 {
    failure_no.rsplit('-').next().and_then(|n| n.parse().ok()).unwrap_or(0)
}

async fn set_credential(conn: &mut SqliteConnection, user_id: &str, password_hash: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO credentials (user_id, password_hash) VALUES (?, ?) \
         ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash",
    )
    .bind(user_id)
    .bind(password_hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn one(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    // First: it notes facts from returns and chargeback events before their projections run.
    if crate::project_reviews::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_reshipments::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_returns::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_recalls::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_failure_lines::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_scars::apply(conn, stored).await? {
        return Ok(());
    }
    if crate::project_production::apply(conn, stored).await? {
        return Ok(());
    }
    match &stored.event {
        settings_events!() => settings(conn, stored).await,
        record_events!() => records(conn, stored).await,
        failure_step_events!() => failure_steps(conn, stored).await,
        batched_events!() => unreachable_batch(stored),
        // Projected by their own projectors above.
        recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => Ok(()),
    }
}

/// Settings, users and their credentials.
async fn settings(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    match &stored.event {
        Event::SettingsInitialized { company_name, site_code, currency, default_language } => {
            sqlx::query("INSERT OR REPLACE INTO settings (id, company_name, site_code, currency, default_language) VALUES (1, ?, ?, ?, ?)")
                .bind(company_name).bind(site_code).bind(currency).bind(default_language.as_str())
                .execute(&mut *conn).await?;
        }
        Event::UserCreated { user_id, username, display_name, roles, language, password_hash } => {
            sqlx::query("INSERT INTO users (user_id, username, display_name, roles, language, active) VALUES (?, ?, ?, ?, ?, 1)")
                .bind(user_id).bind(username).bind(display_name).bind(json(roles)).bind(language.as_str())
                .execute(&mut *conn).await?;
            // Only a user created by schema version 1 brings its hash (and only on its own desk).
            if let Some(hash) = password_hash {
                set_credential(conn, user_id, hash).await?;
            }
        }
        Event::UserUpdated { user_id, display_name, roles, active } => {
            sqlx::query("UPDATE users SET display_name = ?, roles = ?, active = ? WHERE user_id = ?")
                .bind(display_name)
                .bind(json(roles))
                .bind(active)
                .bind(user_id)
                .execute(&mut *conn)
                .await?;
        }
        Event::UserPasswordReset { user_id, password_hash } | Event::UserPasswordSet { user_id, password_hash } => {
            set_credential(conn, user_id, password_hash).await?;
        }
        // Kept in the log (with its chain and checkpoints) and shown in its history; no table.
        Event::LogCheckAccepted { .. } => {}
        Event::SessionPolicySet { idle_lock_minutes } => {
            sqlx::query("UPDATE settings SET idle_lock_minutes = ? WHERE id = 1")
                .bind(idle_lock_minutes)
                .execute(&mut *conn)
                .await?;
        }
        Event::SiteCalendarSet(calendar) => {
            sqlx::query("UPDATE settings SET time_zone = ?, holidays = ? WHERE id = 1")
                .bind(&calendar.time_zone)
                .bind(json(&calendar.holidays))
                .execute(&mut *conn)
                .await?;
        }
        Event::NotificationPreferencesSet { user_id, preferences } => {
            sqlx::query(
                "INSERT INTO notification_preferences (user_id, muted, system) VALUES (?, ?, ?) \
                 ON CONFLICT (user_id) DO UPDATE SET muted = excluded.muted, system = excluded.system",
            )
            .bind(user_id)
            .bind(json(&preferences.muted))
            .bind(preferences.system)
            .execute(&mut *conn)
            .await?;
        }
        Event::UserLanguageSet { user_id, language } => {
            sqlx::query("UPDATE users SET language = ? WHERE user_id = ?")
                .bind(language.as_str())
                .bind(user_id)
                .execute(&mut *conn)
                .await?;
        }
        record_events!()
        | failure_step_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => return unreachable_routing(stored),
    }
    Ok(())
}

/// Locations, defect categories, attachments, checklists, bills of materials, resolved conflicts.
async fn records(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let at = &stored.occurred_at;
    match &stored.event {
        Event::LocationSaved(l) => {
            sqlx::query("INSERT INTO locations (code, name, active) VALUES (?, ?, ?) ON CONFLICT (code) DO UPDATE SET name = excluded.name, active = excluded.active")
                .bind(&l.code)
                .bind(&l.name)
                .bind(l.active)
                .execute(&mut *conn)
                .await?;
        }
        Event::DefectCategorySaved(c) => {
            sqlx::query("INSERT INTO defect_categories (code, name_en, name_zh, name_nl, active) VALUES (?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_zh = excluded.name_zh, name_nl = excluded.name_nl, active = excluded.active")
                .bind(&c.code).bind(&c.name_en).bind(&c.name_zh).bind(&c.name_nl).bind(c.active)
                .execute(&mut *conn).await?;
        }
        Event::CategoryReactionSet { category, reaction } => match reaction {
            Some(reaction) => {
                sqlx::query("INSERT INTO category_reactions (category, reaction, set_at) VALUES (?, ?, ?) ON CONFLICT (category) DO UPDATE SET reaction = excluded.reaction, set_at = excluded.set_at")
                    .bind(category)
                    .bind(serde_json::to_string(reaction).unwrap_or_default())
                    .bind(at)
                    .execute(&mut *conn)
                    .await?;
            }
            None => {
                sqlx::query("DELETE FROM category_reactions WHERE category = ?")
                    .bind(category)
                    .execute(&mut *conn)
                    .await?;
            }
        },
        Event::AttachmentStored { id, file_name, content_type, size } => {
            sqlx::query("INSERT OR IGNORE INTO attachments (id, file_name, content_type, size) VALUES (?, ?, ?, ?)")
                .bind(id)
                .bind(file_name)
                .bind(content_type)
                .bind(size)
                .execute(&mut *conn)
                .await?;
        }
        Event::ChecklistItemAdded { id, sku, text, source_failure_no } => {
            sqlx::query("INSERT INTO checklist_items (id, sku, text, source_failure_no, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")
                .bind(id).bind(sku).bind(text).bind(source_failure_no).bind(&stored.actor_id).bind(at)
                .execute(&mut *conn).await?;
        }
        Event::BomSaved { parent_sku, components } => {
            sqlx::query("DELETE FROM boms WHERE parent_sku = ?").bind(parent_sku).execute(&mut *conn).await?;
            for c in components {
                sqlx::query("INSERT INTO boms (parent_sku, component_sku, qty_per) VALUES (?, ?, ?)")
                    .bind(parent_sku)
                    .bind(&c.component_sku)
                    .bind(c.qty_per)
                    .execute(&mut *conn)
                    .await?;
            }
        }
        Event::ConflictResolved { conflict_key, write_off, .. } => {
            if let Some(w) = write_off {
                crate::conflicts::written_off(conn, stored, conflict_key, w).await?;
            }
            // In its place in the order when its conflict is there already; `apply` tries again
            // once the run is projected, for a conflict only the end of the run opens.
            crate::conflicts::resolved(conn, stored).await?;
        }
        settings_events!()
        | failure_step_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => return unreachable_routing(stored),
    }
    Ok(())
}

/// A logged failure's later steps.
async fn failure_steps(conn: &mut SqliteConnection, stored: &StoredEvent) -> Result<(), StoreError> {
    let at = &stored.occurred_at;
    match &stored.event {
        Event::FailureCorrected { failure_no, record, .. } => {
            sqlx::query(
                "UPDATE failures SET lot_code = ?, stage = ?, qty_inspected = ?, qty_failed = ?, category_code = ?, severity = ?, severity_rank = ?, description = ?, owner_team = ?, record = ? WHERE failure_no = ?",
            )
            .bind(lot_key(&record.lot_code)).bind(name(&record.stage)).bind(record.qty_inspected).bind(record.qty_failed)
            .bind(&record.category_code).bind(name(&record.severity)).bind(severity_rank(record.severity))
            .bind(&record.description).bind(name(&record.owner_team)).bind(json(record)).bind(failure_no)
            .execute(&mut *conn).await?;
            index_failure(conn, failure_no, record).await?;
        }
        Event::FailureDispositionSet { failure_no, disposition, note, .. } => {
            sqlx::query("UPDATE failures SET disposition = ?, status = ?, disposition_note = ? WHERE failure_no = ?")
                .bind(disposition.as_str())
                .bind(name(&disposition.entry_status()))
                .bind(Some(note).filter(|n| !n.is_empty()))
                .bind(failure_no)
                .execute(&mut *conn)
                .await?;
        }
        Event::FailureDispositionCompleted { failure_no, outcome, qty, cost_minor, .. } => {
            close_failure(conn, failure_no, outcome).await?;
            sqlx::query("UPDATE failures SET completed_at = ?, outcome_qty = ? WHERE failure_no = ?")
                .bind(at)
                .bind(qty)
                .bind(failure_no)
                .execute(&mut *conn)
                .await?;
            if let Some(cost) = cost_minor {
                crate::project_failure_lines::record_rework_cost(conn, stored, failure_no, *cost).await?;
            }
        }
        Event::FailureDeviationApproved { failure_no, .. } => {
            close_failure(conn, failure_no, "accepted_with_deviation").await?
        }
        Event::FailureReinspected { failure_no, .. } => close_failure(conn, failure_no, "reinspection_failed").await?,
        // Projected by `project_failure_lines` before `one` gets here.
        Event::FailureDispositionLineAdded { .. }
        | Event::FailureDispositionLineCompleted { .. }
        | Event::FailureDispositionLineApproved { .. }
        | Event::FailureDispositionLineWithdrawn { .. } => {}
        settings_events!()
        | record_events!()
        | batched_events!()
        | recall_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!()
        | production_events!() => return unreachable_routing(stored),
    }
    crate::project_failure_lines::follow_old(conn, stored).await?;
    Ok(())
}

fn unreachable_batch(stored: &StoredEvent) -> Result<(), StoreError> {
    Err(StoreError::BadEvent { id: stored.id.clone(), reason: "batched kind reached the single-event path".into() })
}

fn unreachable_routing(stored: &StoredEvent) -> Result<(), StoreError> {
    Err(StoreError::BadEvent { id: stored.id.clone(), reason: "event routed to another kind's projection".into() })
}

async fn close_failure(conn: &mut SqliteConnection, failure_no: &str, outcome: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE failures SET status = 'closed', outcome = ? WHERE failure_no = ?")
        .bind(outcome)
        .bind(failure_no)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Pages of full-text index merged per indexed failure: small enough to bound one write's work,
/// large enough that segments do not pile up.
pub(crate) const FTS_MERGE_PAGES: i64 = 32;

async fn index_failure(
    conn: &mut SqliteConnection,
    failure_no: &str,
    record: &FailureRecord,
) -> Result<(), StoreError> {
    let rowid: i64 = sqlx::query_scalar("SELECT rowid FROM failures WHERE failure_no = ?")
        .bind(failure_no)
        .fetch_one(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM failures_fts WHERE rowid = ?").bind(rowid).execute(&mut *conn).await?;
    sqlx::query("INSERT INTO failures_fts (rowid, failure_no, sku, vendor_code, lot_code, description, category_code) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(rowid).bind(failure_no).bind(&record.sku).bind(&record.vendor_code).bind(lot_key(&record.lot_code))
        .bind(&record.description).bind(&record.category_code)
        .execute(&mut *conn).await?;
    // Automatic merging is off (migration 0002): each write merges a few pages instead.
    sqlx::query("INSERT INTO failures_fts (failures_fts, rank) VALUES ('merge', ?)")
        .bind(FTS_MERGE_PAGES)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The master-data rows a run of saved or imported events carries, each with its time.
macro_rules! rows_of {
    ($name:ident, $ty:ty, $single:ident, $batch:ident) => {
        fn $name(run: &[StoredEvent]) -> Vec<(&$ty, &str)> {
            run.iter()
                .flat_map(|e| {
                    let rows: Vec<&$ty> = match &e.event {
                        Event::$single(row) => vec![row],
                        Event::$batch { rows, .. } => rows.iter().collect(),
                        _ => Vec::new(),
                    };
                    rows.into_iter().map(move |row| (row, e.occurred_at.as_str()))
                })
                .collect()
        }
    };
}
/// The rows of a run of lot events, each placed in its event for its stock delta.
fn placed<'a, R>(run: &'a [StoredEvent], rows: fn(&'a Event) -> &'a [R]) -> Vec<Placed<'a, R>> {
    run.iter()
        .flat_map(|e| {
            rows(&e.event).iter().enumerate().map(move |(idx, row)| Placed {
                row,
                at: &e.occurred_at,
                event_id: &e.id,
                idx,
            })
        })
        .collect()
}

fn receipts(event: &Event) -> &[LotReceipt] {
    match event {
        Event::LotsReceived { rows, .. } => rows,
        _ => &[],
    }
}

fn links(event: &Event) -> &[LotLink] {
    match event {
        Event::LotsLinked { rows, .. } => rows,
        _ => &[],
    }
}

fn serials(event: &Event) -> &[SerialRecord] {
    match event {
        Event::SerialsRecorded { rows, .. } => rows,
        _ => &[],
    }
}

fn shipments(event: &Event) -> &[LotShipment] {
    match event {
        Event::LotsShipped { rows, .. } => rows,
        _ => &[],
    }
}

rows_of!(product_rows, ProductInput, ProductSaved, ProductsImported);
rows_of!(vendor_rows, VendorInput, VendorSaved, VendorsImported);
rows_of!(customer_rows, CustomerInput, CustomerSaved, CustomersImported);
rows_of!(order_rows, OrderInput, OrderRecorded, OrdersImported);
