//! The team's business rules on each pushed act: the domain's merge rules
//! (`crates/domain/src/merge`) against each stream as the team's log holds it, in server order.
//! Physical facts stand; a step on a record another desk already ended is refused with the
//! domain's own reason, which the desk shows its user.

use std::collections::HashMap;

use lotline_domain::envelope::{Decoded, decode_payload};
use lotline_domain::{Event, merge};
use lotline_sync::WireEvent;
use sqlx::{Any, Row, Transaction};

use crate::error::ServerError;
use crate::judge::Verdict;

fn refuse(reason_key: &str, params: impl IntoIterator<Item = (String, String)>, message: String) -> Verdict {
    let params = params.into_iter().map(|(k, v)| (k, serde_json::Value::String(v))).collect();
    Verdict::Refuse { reason_key: reason_key.to_owned(), params, message }
}

/// `None` when the rules let the act stand, else the refusal.
pub(crate) async fn judge(
    tx: &mut Transaction<'static, Any>,
    act: &[WireEvent],
) -> Result<Option<Verdict>, ServerError> {
    let mut decoded = Vec::with_capacity(act.len());
    for event in act {
        // A stub (a credential) has no rules to check here.
        let Some(payload) = &event.payload else { continue };
        match decode_payload(&event.kind, event.schema_version, payload) {
            Ok(Decoded::Known(e)) => decoded.push(*e),
            // A newer Lotline's kind is stored as it is: its rules are that version's.
            Ok(Decoded::Unknown { .. }) => {}
            Err(reason) => {
                let params = [("kind".to_owned(), event.kind.clone()), ("reason".to_owned(), reason.clone())];
                let message = format!("Event {} is not a valid {}: {reason}", event.id, event.kind);
                return Ok(Some(refuse("error.sync.payload_invalid", params, message)));
            }
        }
    }
    let mut histories: HashMap<(String, String), Vec<Event>> = HashMap::new();
    for event in &decoded {
        let (stream_type, stream_id) = event.stream();
        if let std::collections::hash_map::Entry::Vacant(slot) = histories.entry((stream_type.to_owned(), stream_id)) {
            let (stream_type, stream_id) = slot.key().clone();
            slot.insert(history(tx, &stream_type, &stream_id).await?);
        }
    }
    let verdict = merge::judge_act(&decoded, |stream_type, stream_id| {
        histories.get(&(stream_type.to_owned(), stream_id.to_owned())).cloned().unwrap_or_default()
    });
    Ok(verdict.err().map(|err| refuse(&err.message_key, err.params.clone(), err.to_string())))
}

/// The stream's accepted events in server order (refused acts and stubs left out).
async fn history(
    tx: &mut Transaction<'static, Any>,
    stream_type: &str,
    stream_id: &str,
) -> Result<Vec<Event>, ServerError> {
    let rows = sqlx::query(
        "SELECT kind, schema_version, COALESCE(payload_alias, payload) AS payload FROM events \
         WHERE stream_type = $1 AND ((stream_alias IS NULL AND stream_id = $2) OR stream_alias = $2) \
         AND rejected = 0 AND payload IS NOT NULL ORDER BY server_seq",
    )
    .bind(stream_type.to_owned())
    .bind(stream_id.to_owned())
    .fetch_all(&mut **tx)
    .await?;
    let mut events = Vec::with_capacity(rows.len());
    for row in &rows {
        let kind: String = row.try_get("kind")?;
        let schema_version: i64 = row.try_get("schema_version")?;
        let payload: String = row.try_get("payload")?;
        if let Ok(Decoded::Known(event)) = decode_payload(&kind, schema_version, &payload) {
            events.push(*event);
        }
    }
    Ok(events)
}
