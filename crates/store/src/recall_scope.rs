//! A recall's scope on the merged genealogy (docs/sync.md, "safety first"). The desk that made a
//! recall held what it saw; links and shipments merged from other desks may reach further: a lot
//! made from a recalled one, a recalled lot shipped to another customer. Projected in the
//! canonical order, so every desk widens the scope alike: the lot joins the recall, in-stock lots
//! are held under it, the customer joins its list, and a `recall_scope_grew` conflict names the
//! recall and the event that widened it.

use lotline_domain::lots::{RecallOpening, normalise_lot_code};
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;

/// Everything reachable forward from the lots in `seeds` (a JSON array of lot codes).
const REACH: &str = "WITH RECURSIVE reach (lot_id) AS ( \
       SELECT lot_id FROM lots WHERE lot_code IN (SELECT value FROM json_each(?1)) \
       UNION SELECT k.to_id FROM lot_links k JOIN reach r ON k.from_id = r.lot_id) \
     SELECT l.lot_code FROM reach r JOIN lots l ON l.lot_id = r.lot_id";

fn json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".into())
}

/// A recall's scope from its roots, as this desk's genealogy has it when the recall is
/// projected; whatever the recalling desk did not see is held and named.
pub(crate) async fn started(
    conn: &mut SqliteConnection,
    opening: &RecallOpening,
    stored: &StoredEvent,
) -> Result<(), StoreError> {
    let scope: Vec<String> =
        sqlx::query_scalar(sqlx::AssertSqlSafe(REACH)).bind(json(&opening.lot_codes)).fetch_all(&mut *conn).await?;
    for lot in &scope {
        sqlx::query("INSERT OR IGNORE INTO recall_lots (recall_no, lot_code) VALUES (?, ?)")
            .bind(&opening.recall_no)
            .bind(lot)
            .execute(&mut *conn)
            .await?;
    }
    let unseen: Vec<String> = sqlx::query_scalar(
        "SELECT r.lot_code FROM recall_lots r JOIN lots l ON l.lot_code = r.lot_code \
         WHERE r.recall_no = ? AND l.on_hand > 0 AND r.lot_code NOT IN (SELECT value FROM json_each(?)) ORDER BY r.lot_code",
    )
    .bind(&opening.recall_no)
    .bind(json(&opening.held))
    .fetch_all(&mut *conn)
    .await?;
    for lot in &unseen {
        hold(conn, &opening.recall_no, lot, stored).await?;
    }
    let customers: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT s.customer_code FROM recall_lots r JOIN lots l ON l.lot_code = r.lot_code \
         JOIN lot_shipments s ON s.lot_id = l.lot_id WHERE r.recall_no = ? \
         AND s.customer_code NOT IN (SELECT value FROM json_each(?)) ORDER BY s.customer_code",
    )
    .bind(&opening.recall_no)
    .bind(json(&opening.customers))
    .fetch_all(&mut *conn)
    .await?;
    for customer in &customers {
        reach_customer(conn, &opening.recall_no, customer, stored).await?;
    }
    recount(conn, &opening.recall_no).await
}

/// After a run of links: an open recall whose scope holds a link's source takes in what was
/// made from it.
pub(crate) async fn linked(conn: &mut SqliteConnection, run: &[StoredEvent]) -> Result<(), StoreError> {
    if !any_open(conn).await? {
        return Ok(());
    }
    for stored in run {
        let lotline_domain::Event::LotsLinked { rows, .. } = &stored.event else { continue };
        for row in rows {
            let recalls: Vec<String> = sqlx::query_scalar(
                "SELECT r.recall_no FROM recall_lots r JOIN recalls c ON c.recall_no = r.recall_no \
                 WHERE r.lot_code = ? AND c.status = 'open' \
                 AND NOT EXISTS (SELECT 1 FROM recall_lots t WHERE t.recall_no = r.recall_no AND t.lot_code = ?)",
            )
            .bind(normalise_lot_code(&row.from_lot))
            .bind(normalise_lot_code(&row.to_lot))
            .fetch_all(&mut *conn)
            .await?;
            for recall_no in recalls {
                widen(conn, &recall_no, &normalise_lot_code(&row.to_lot), stored).await?;
            }
        }
    }
    Ok(())
}

/// After a run of shipments: a lot in an open recall's scope reached a customer the recall did
/// not list.
pub(crate) async fn shipped(conn: &mut SqliteConnection, run: &[StoredEvent]) -> Result<(), StoreError> {
    if !any_open(conn).await? {
        return Ok(());
    }
    for stored in run {
        let lotline_domain::Event::LotsShipped { rows, .. } = &stored.event else { continue };
        for row in rows {
            let recalls: Vec<String> = sqlx::query_scalar(
                "SELECT r.recall_no FROM recall_lots r JOIN recalls c ON c.recall_no = r.recall_no \
                 WHERE r.lot_code = ? AND c.status = 'open' AND NOT EXISTS \
                 (SELECT 1 FROM recall_customers k WHERE k.recall_no = r.recall_no AND k.customer_code = ?)",
            )
            .bind(normalise_lot_code(&row.lot_code))
            .bind(row.customer_code.trim())
            .fetch_all(&mut *conn)
            .await?;
            for recall_no in recalls {
                reach_customer(conn, &recall_no, row.customer_code.trim(), stored).await?;
            }
        }
    }
    Ok(())
}

async fn any_open(conn: &mut SqliteConnection) -> Result<bool, StoreError> {
    Ok(sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM recalls WHERE status = 'open'").fetch_one(&mut *conn).await?
        > 0)
}

/// `lot` and everything made from it join the recall; what is in stock is held.
async fn widen(
    conn: &mut SqliteConnection,
    recall_no: &str,
    lot: &str,
    stored: &StoredEvent,
) -> Result<(), StoreError> {
    let reached: Vec<String> =
        sqlx::query_scalar(sqlx::AssertSqlSafe(REACH)).bind(json(&[lot.to_owned()])).fetch_all(&mut *conn).await?;
    for code in &reached {
        let joined =
            sqlx::query("INSERT OR IGNORE INTO recall_lots (recall_no, lot_code, added_event) VALUES (?, ?, ?)")
                .bind(recall_no)
                .bind(code)
                .bind(&stored.id)
                .execute(&mut *conn)
                .await?
                .rows_affected();
        if joined == 0 {
            continue;
        }
        let in_stock: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM lots WHERE lot_code = ? AND on_hand > 0")
            .bind(code)
            .fetch_one(&mut *conn)
            .await?;
        if in_stock > 0 {
            hold(conn, recall_no, code, stored).await?;
        } else {
            crate::conflicts::note_async(conn, "recall_scope_grew", recall_no, &stored.id, &stored.occurred_at).await?;
        }
    }
    recount(conn, recall_no).await
}

/// The recall's hold on a lot it reached through the merge.
async fn hold(conn: &mut SqliteConnection, recall_no: &str, lot: &str, stored: &StoredEvent) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO holds (lot_code, sku, reason, failure_no, placed_at, placed_by, recall_no, placed_event) \
         SELECT l.lot_code, l.sku, c.reason, NULL, ?, ?, c.recall_no, ? FROM lots l, recalls c \
         WHERE l.lot_code = ? AND c.recall_no = ?",
    )
    .bind(&stored.occurred_at)
    .bind(&stored.actor_id)
    .bind(&stored.id)
    .bind(lot)
    .bind(recall_no)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE recall_lots SET added_event = COALESCE(added_event, ?) WHERE recall_no = ? AND lot_code = ?")
        .bind(&stored.id)
        .bind(recall_no)
        .bind(lot)
        .execute(&mut *conn)
        .await?;
    crate::project_recalls::restate(conn, lot).await?;
    crate::conflicts::note_async(conn, "recall_scope_grew", recall_no, &stored.id, &stored.occurred_at).await
}

async fn reach_customer(
    conn: &mut SqliteConnection,
    recall_no: &str,
    customer: &str,
    stored: &StoredEvent,
) -> Result<(), StoreError> {
    sqlx::query("INSERT OR IGNORE INTO recall_customers (recall_no, customer_code) VALUES (?, ?)")
        .bind(recall_no)
        .bind(customer)
        .execute(&mut *conn)
        .await?;
    crate::conflicts::note_async(conn, "recall_scope_grew", recall_no, &stored.id, &stored.occurred_at).await
}

async fn recount(conn: &mut SqliteConnection, recall_no: &str) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE recalls SET lots_in_scope = (SELECT COUNT(*) FROM recall_lots WHERE recall_no = ?1), \
         held = (SELECT COUNT(*) FROM holds WHERE recall_no = ?1) WHERE recall_no = ?1",
    )
    .bind(recall_no)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
