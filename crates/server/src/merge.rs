//! The team's business rules on each pushed act: the domain's merge rules
//! (`crates/domain/src/merge`) against the team's log as it stands, in server order. Physical
//! facts stand; a step on a record another desk already ended is refused with the domain's own
//! reason, which the desk shows its user; so is an act that takes units another desk took.

use lotline_domain::ApiError;
use lotline_domain::envelope::{Decoded, decode_payload};
use lotline_domain::merge::{self, ActEvent, KINDS_WITH_SUBJECTS, Read, ReadAhead};
use lotline_sync::WireEvent;
use sqlx::{Any, AnyPool, Row, Transaction};

use crate::error::ServerError;
use crate::judge::Verdict;
use crate::push_view::PushView;

fn refuse(reason_key: &str, params: impl IntoIterator<Item = (String, String)>, message: String) -> Verdict {
    let params = params.into_iter().map(|(k, v)| (k, serde_json::Value::String(v))).collect();
    Verdict::Refuse { reason_key: reason_key.to_owned(), params, message }
}

/// The streams of these events that the merge rules will read (`merge::reads_own_stream`), for
/// the push to read before its first act.
pub(crate) fn streams_read(act: &[WireEvent]) -> Vec<(String, String)> {
    act.iter()
        .filter(|e| {
            e.payload.as_deref().is_some_and(|payload| {
                matches!(decode_payload(&e.kind, e.schema_version, payload),
                    Ok(Decoded::Known(event)) if merge::reads_own_stream(&event))
            })
        })
        .map(|e| (e.stream_type.clone(), e.stream_id.clone()))
        .collect()
}

/// `None` when the rules let the act stand, else the refusal.
pub(crate) async fn judge(
    tx: &mut Transaction<'static, Any>,
    view: &mut PushView,
    act: &[WireEvent],
) -> Result<Option<Verdict>, ServerError> {
    let mut decoded = Vec::with_capacity(act.len());
    for event in act {
        // A stub (a credential) has no rules to check here.
        let Some(payload) = &event.payload else { continue };
        match decode_payload(&event.kind, event.schema_version, payload) {
            Ok(Decoded::Known(e)) => decoded.push((event, *e)),
            // A newer Lotline's kind is stored as it is: its rules are that version's.
            Ok(Decoded::Unknown { .. }) => {}
            Err(reason) => {
                let params = [("kind".to_owned(), event.kind.clone()), ("reason".to_owned(), reason.clone())];
                let message = format!("Event {} is not a valid {}: {reason}", event.id, event.kind);
                return Ok(Some(refuse("error.sync.payload_invalid", params, message)));
            }
        }
    }
    let act: Vec<ActEvent<'_>> = decoded.iter().map(|(envelope, event)| ActEvent { envelope, event }).collect();
    // The judge is pure: it reads what it was given, says what it missed, and is asked again
    // once that is read, until it misses nothing.
    let mut log = ReadAhead::default();
    // The act's own streams are read first, where its rules read them: a step judged on a
    // stream not yet read would stop the pass early, one stream per pass.
    let mut read = std::collections::HashSet::new();
    for (_, event) in decoded.iter().filter(|(_, event)| merge::reads_own_stream(event)) {
        let (stream_type, stream_id) = event.stream();
        if read.insert((stream_type, stream_id.clone())) {
            let events = view.stream(tx, stream_type, &stream_id).await?;
            log.give(Read::Stream(stream_type.to_owned(), stream_id), events);
        }
    }
    // Each event is judged by its own time; the server's clock only bounds how far ahead it is.
    let now = chrono::Utc::now();
    let verdict: Result<(), ApiError> = loop {
        let verdict = merge::judge_act(&act, now, &mut log);
        let missing = log.take_missing();
        if missing.is_empty() {
            break verdict;
        }
        for read in missing {
            let events = match &read {
                Read::Stream(stream_type, stream_id) => view.stream(tx, stream_type, stream_id).await?,
                Read::Naming(subject) => view.naming(tx, subject).await?,
            };
            log.give(read, events);
        }
    };
    Ok(verdict.err().map(|err| refuse(&err.message_key, err.params.clone(), err.to_string())))
}

fn subjects(kind: &str, schema_version: i64, payload: Option<&str>) -> Vec<String> {
    if !KINDS_WITH_SUBJECTS.contains(&kind) {
        return Vec::new();
    }
    match payload.map(|p| decode_payload(kind, schema_version, p)) {
        Some(Ok(Decoded::Known(event))) => merge::subjects_of(&event),
        _ => Vec::new(),
    }
}

async fn insert_subjects(
    tx: &mut Transaction<'static, Any>,
    subjects: Vec<String>,
    server_seq: i64,
) -> Result<(), ServerError> {
    for subject in subjects {
        sqlx::query(
            "INSERT INTO event_subjects (subject, server_seq) VALUES ($1, $2) ON CONFLICT (subject, server_seq) DO NOTHING",
        )
        .bind(subject)
        .bind(server_seq)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Indexes the events stored before the index existed. Every accepted event is indexed as it is
/// stored, so only events after the newest indexed one can be missing.
pub(crate) async fn index_missing_subjects(pool: &AnyPool) -> Result<(), ServerError> {
    let mut tx = pool.begin().await?;
    let indexed: i64 =
        sqlx::query_scalar("SELECT COALESCE(MAX(server_seq), 0) FROM event_subjects").fetch_one(&mut *tx).await?;
    let kinds = KINDS_WITH_SUBJECTS.iter().map(|k| format!("'{k}'")).collect::<Vec<_>>().join(", ");
    let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT server_seq, kind, schema_version, COALESCE(payload_alias, payload) AS payload FROM events \
         WHERE server_seq > $1 AND rejected = 0 AND payload IS NOT NULL AND kind IN ({kinds}) ORDER BY server_seq"
    )))
    .bind(indexed)
    .fetch_all(&mut *tx)
    .await?;
    for row in &rows {
        let kind: String = row.try_get("kind")?;
        let payload: String = row.try_get("payload")?;
        let subjects = subjects(&kind, row.try_get("schema_version")?, Some(&payload));
        insert_subjects(&mut tx, subjects, row.try_get("server_seq")?).await?;
    }
    tx.commit().await?;
    Ok(())
}
