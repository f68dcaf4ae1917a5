//! SCARs as the list and the detail page show them, overdue counts per vendor, and the one list
//! of chargebacks from every source.

use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

use lotline_domain::reshipment::ChargebackStatus;
use lotline_domain::scar::{ScarMember, ScarStatus};

use super::named;
use serde::{Deserialize, Serialize};
use sqlx::{Row, SqliteConnection};
use ts_rs::TS;

use crate::StoreError;

/// One step done: who (display name) and when (UTC).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarStepDone {
    pub at: String,
    pub by_name: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScarRow {
    pub scar_no: String,
    pub vendor_code: String,
    pub vendor_name: Option<String>,
    pub failure_no: Option<String>,
    pub status: ScarStatus,
    pub team: Vec<ScarMember>,
    pub problem: String,
    pub opened: ScarStepDone,
    pub due_on: Option<String>,
    /// Answer due day passed without the root cause (set by the act, from today).
    pub overdue: bool,
    pub sent: Option<ScarStepDone>,
    pub sent_note: Option<String>,
    pub containment: Option<String>,
    pub containment_received: Option<ScarStepDone>,
    pub root_cause: Option<String>,
    pub actions: Option<String>,
    pub preventive: Option<String>,
    pub root_cause_received: Option<ScarStepDone>,
    pub verification: Option<String>,
    pub verified: Option<ScarStepDone>,
    pub closure: Option<String>,
    pub closed: Option<ScarStepDone>,
}

const SELECT: &str = "SELECT s.*, v.name AS vendor_name, \
    (SELECT display_name FROM users WHERE user_id = s.opened_by) AS opened_name, \
    (SELECT display_name FROM users WHERE user_id = s.sent_by) AS sent_name, \
    (SELECT display_name FROM users WHERE user_id = s.containment_by) AS containment_name, \
    (SELECT display_name FROM users WHERE user_id = s.root_cause_by) AS root_cause_name, \
    (SELECT display_name FROM users WHERE user_id = s.verified_by) AS verified_name, \
    (SELECT display_name FROM users WHERE user_id = s.closed_by) AS closed_name \
    FROM scars s LEFT JOIN vendors v ON v.code = s.vendor_code";

fn done(row: &sqlx::sqlite::SqliteRow, at: &str, name: &str) -> Option<ScarStepDone> {
    let at: Option<String> = row.get(at);
    at.map(|at| ScarStepDone { at, by_name: row.get(name) })
}

fn scar_from(row: &sqlx::sqlite::SqliteRow) -> ScarRow {
    let status: String = row.get("status");
    ScarRow {
        scar_no: row.get("scar_no"),
        vendor_code: row.get("vendor_code"),
        vendor_name: row.get("vendor_name"),
        failure_no: row.get("failure_no"),
        status: ScarStatus::parse(&status).unwrap_or(ScarStatus::Draft),
        team: serde_json::from_str(&row.get::<String, _>("team")).unwrap_or_default(),
        problem: row.get("problem"),
        opened: ScarStepDone { at: row.get("opened_at"), by_name: row.get("opened_name") },
        due_on: row.get("due_on"),
        overdue: false,
        sent: done(row, "sent_at", "sent_name"),
        sent_note: row.get("sent_note"),
        containment: row.get("containment"),
        containment_received: done(row, "containment_at", "containment_name"),
        root_cause: row.get("root_cause"),
        actions: row.get("actions"),
        preventive: row.get("preventive"),
        root_cause_received: done(row, "root_cause_at", "root_cause_name"),
        verification: row.get("verification"),
        verified: done(row, "verified_at", "verified_name"),
        closure: row.get("closure"),
        closed: done(row, "closed_at", "closed_name"),
    }
}

pub async fn scar_row(conn: &mut SqliteConnection, scar_no: &str) -> Result<Option<ScarRow>, StoreError> {
    let row = sqlx::query(sqlx::AssertSqlSafe(format!("{SELECT} WHERE s.scar_no = ?")))
        .bind(scar_no)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(scar_from))
}

/// SCARs, open ones first, newest first; of one vendor or one failure when asked.
pub async fn list_scars(
    conn: &mut SqliteConnection,
    vendor_code: Option<&str>,
    failure_no: Option<&str>,
) -> Result<Vec<ScarRow>, StoreError> {
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SELECT} WHERE (?1 IS NULL OR s.vendor_code = ?1) AND (?2 IS NULL OR s.failure_no = ?2) \
         ORDER BY s.status = 'closed', s.opened_at DESC, s.seq_no DESC LIMIT 1000"
    )))
    .bind(vendor_code)
    .bind(failure_no)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(scar_from).collect())
}

/// SCARs whose vendor's answer is overdue on `today` (YYYY-MM-DD), per vendor: the same rule as
/// `scar::is_overdue`, in SQL.
pub async fn overdue_by_vendor(conn: &mut SqliteConnection, today: &str) -> Result<BTreeMap<String, u32>, StoreError> {
    let rows = sqlx::query(
        "SELECT vendor_code, COUNT(*) FROM scars WHERE status IN ('sent', 'containment_received') \
         AND due_on < ? GROUP BY vendor_code",
    )
    .bind(today)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(|r| (r.get(0), u32::try_from(r.get::<i64, _>(1)).unwrap_or(u32::MAX))).collect())
}

/// A chargeback from any source, as the one chargebacks list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChargebackListRow {
    pub source: lotline_domain::chargeback::ChargebackSource,
    /// The reshipment's, the failure's or the RMA's number.
    pub reference: String,
    /// For a unit sent back from the refurbishment queue: the RMA's claim and the units' serials.
    pub claim_no: Option<u32>,
    pub serials: Vec<String>,
    pub vendor_code: String,
    pub amount_minor: i64,
    pub currency: String,
    /// Disputed is for reshipments only.
    pub status: ChargebackStatus,
    pub recovered_minor: i64,
    pub recorded_at: DateTime<Utc>,
    pub note: String,
}

/// Which chargebacks the list holds; every bound is optional.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChargebackFilter<'a> {
    pub vendor_code: Option<&'a str>,
    /// Money came back in this range (`from` included, `to` excluded; days or times): a
    /// reshipment's recorded recovery, a claim settled as recovered. The review's
    /// "chargebacks recovered" counts the same facts.
    pub recovered_from: Option<&'a str>,
    pub recovered_to: Option<&'a str>,
}

/// Every chargeback: reshipments the vendor pays for (not rejected or cancelled), the failures'
/// re-inspection and return-to-vendor claims, and returned units sent back to their vendor from
/// the refurbishment queue; open ones first, newest first.
pub async fn list_chargebacks(
    conn: &mut SqliteConnection,
    filter: ChargebackFilter<'_>,
) -> Result<Vec<ChargebackListRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT * FROM ( \
           SELECT 'reshipment' AS source, reshipment_no AS reference, vendor_code, total_minor AS amount_minor, currency, \
             chargeback_status AS status, COALESCE(recovered_minor, 0) AS recovered_minor, requested_at AS recorded_at, \
             '' AS note, NULL AS claim_no, '[]' AS serials FROM reshipments r \
             WHERE chargeback_status IS NOT NULL AND vendor_code IS NOT NULL \
             AND status NOT IN ('rejected', 'cancelled') \
             AND (?2 IS NULL AND ?3 IS NULL OR EXISTS (SELECT 1 FROM chargeback_recoveries c \
               WHERE c.reshipment_no = r.reshipment_no AND c.at >= COALESCE(?2, '') AND (?3 IS NULL OR c.at < ?3))) \
           UNION ALL SELECT source, failure_no, vendor_code, amount_minor, currency, status, recovered_minor, recorded_at, \
             CASE WHEN status = 'open' THEN note ELSE COALESCE(NULLIF(settle_note, ''), note) END, NULL, '[]' \
             FROM failure_chargebacks \
             WHERE ?2 IS NULL AND ?3 IS NULL OR (status = 'recovered' AND settled_at >= COALESCE(?2, '') \
               AND (?3 IS NULL OR settled_at < ?3)) \
           UNION ALL SELECT 'refurbishment', rma_no, vendor_code, amount_minor, currency, status, recovered_minor, recorded_at, \
             COALESCE(settle_note, ''), claim_no, serials FROM rma_chargebacks \
             WHERE ?2 IS NULL AND ?3 IS NULL OR (status = 'recovered' AND settled_at >= COALESCE(?2, '') \
               AND (?3 IS NULL OR settled_at < ?3))) \
         WHERE ?1 IS NULL OR vendor_code = ?1 \
         ORDER BY status NOT IN ('open', 'accepted', 'disputed'), recorded_at DESC, reference LIMIT 5000",
    )
    .bind(filter.vendor_code)
    .bind(filter.recovered_from)
    .bind(filter.recovered_to)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| -> Result<_, StoreError> {
            Ok(ChargebackListRow {
                source: lotline_domain::chargeback::ChargebackSource::parse(&r.get::<String, _>("source"))
                    .unwrap_or(lotline_domain::chargeback::ChargebackSource::Reshipment),
                reference: r.get("reference"),
                claim_no: r.get::<Option<i64>, _>("claim_no").and_then(|n| u32::try_from(n).ok()),
                serials: serde_json::from_str(&r.get::<String, _>("serials")).unwrap_or_default(),
                vendor_code: r.get("vendor_code"),
                amount_minor: r.get("amount_minor"),
                currency: r.get("currency"),
                status: named(r, "status")?,
                recovered_minor: r.get("recovered_minor"),
                recorded_at: r.get("recorded_at"),
                note: r.get("note"),
            })
        })
        .collect()
}
