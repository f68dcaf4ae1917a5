//! `POST /v1/push`: a desk's events, in its order and in whole acts, checked link by link against
//! the desk's stored chain, judged act by act and given server sequences in one transaction.
//! Anything malformed refuses the whole push and stores nothing; a gap stores what came before
//! it and answers where to resend from.

use lotline_sync::{AcceptedEvent, CredentialPayload, PushResponse, PushSeal, RejectedAct, WireEvent};
use sqlx::{Any, Row, Transaction};

use crate::database::{Store, now_text};
use crate::error::{ApiError, ServerError};
use crate::judge::{ActJudge, Verdict};
use crate::limits::MAX_EVENTS_PER_PUSH;
use crate::push_rows::Rows;
use crate::push_view::PushView;
use crate::users::KnownPeople;

/// What the push does with one act of the batch.
enum Step<'a> {
    /// Already stored: answer as the first time.
    Replay(Answer),
    /// Next in the desk's chain: judge and store it.
    New(&'a [WireEvent]),
}

enum Answer {
    Accepted(Vec<AcceptedEvent>),
    Rejected(RejectedAct),
}

pub(crate) async fn push(
    store: &Store,
    judge: &dyn ActJudge,
    desk_id: &str,
    events: &[WireEvent],
    credentials: &[CredentialPayload],
    seal: Option<&PushSeal>,
) -> Result<PushResponse, ServerError> {
    if events.len() > MAX_EVENTS_PER_PUSH {
        let message = format!("A push carries at most {MAX_EVENTS_PER_PUSH} events; send the rest in the next one.");
        return Err(ApiError::too_large("sync.push_too_many_events", message).at("events").into());
    }
    check_events(desk_id, events)?;
    let acts = split_acts(events)?;
    let credentials = crate::users::credentials_of(events, credentials)?;

    let mut write = store.begin_write().await?;
    let desk = sqlx::query(
        "SELECT next_seq, head_hash, enrolled_head, desk_code, checkpoint_key FROM desks WHERE desk_id = $1",
    )
    .bind(desk_id.to_owned())
    .fetch_one(&mut *write.tx)
    .await?;
    let mut next_seq: i64 = desk.try_get("next_seq")?;
    let mut head: String = desk.try_get("head_hash")?;
    let enrolled_head: i64 = desk.try_get("enrolled_head")?;
    let desk_code: String = desk.try_get("desk_code")?;
    let stored_key: Option<String> = desk.try_get("checkpoint_key")?;
    let head_before = head.clone();
    let mut renames = crate::numbers::aliases_of(&mut write.tx, desk_id).await?;

    let (steps, resend_from) = place(&mut write.tx, desk_id, &acts, &mut next_seq, &mut head).await?;

    // A batch the server stored only part of (it asks for earlier events) is sealed at its end,
    // which is not the head here; it is verified when it comes again.
    if head != head_before && resend_from.is_none() {
        crate::seal::verify_push_seal(&mut write.tx, desk_id, stored_key, seal, next_seq - 1, &head).await?;
    }
    let mut response = PushResponse { resend_from, ..PushResponse::default() };
    let received_at = now_text();
    let mut view = PushView::new(store.backend());
    let mut people = KnownPeople::default();
    view.read_streams(&mut write.tx, streams_of(&steps, enrolled_head, &desk_code)).await?;
    let mut rows = Rows::default();
    for step in steps {
        match step {
            Step::Replay(Answer::Accepted(accepted)) => response.accepted.extend(accepted),
            Step::Replay(Answer::Rejected(rejected)) => response.rejected.push(rejected),
            // Its author first, then the domain's merge rules, then any judge the server was
            // started with.
            Step::New(act) => {
                // A record numbered before enrolment whose number the team has goes by the
                // desk's number: the act is judged as it will be read.
                let fresh = match act[0].desk_seq <= enrolled_head {
                    true => crate::numbers::new_aliases(&mut write.tx, &mut view, act, &desk_code, &renames).await?,
                    false => Vec::new(),
                };
                let mut reading = renames.clone();
                reading.extend(fresh.iter().map(|a| (a.renumbering.from.clone(), a.renumbering.to.clone())));
                let read = crate::numbers::translated(act, &reading);
                let mut verdict =
                    crate::users::check_author(&mut write.tx, &mut people, desk_id, enrolled_head, &read, &credentials)
                        .await?;
                if verdict.is_none() {
                    verdict = crate::merge::judge(&mut write.tx, &mut view, &read).await?;
                }
                let verdict = verdict.unwrap_or_else(|| judge.judge(&read));
                // The rename stands even when the act is refused: the desk's later steps on that
                // record must not land on the team's record of the same number.
                crate::numbers::record(&mut write.tx, desk_id, &fresh).await?;
                response.renumbered.extend(fresh.into_iter().map(|a| a.renumbering));
                renames = reading;
                match verdict {
                    Verdict::Accept => {
                        crate::users::apply_accepted(&mut write.tx, &mut people, enrolled_head, &read, &credentials)
                            .await?;
                        for (event, as_read) in act.iter().zip(read.iter()) {
                            write.last_server_seq += 1;
                            let seq = write.last_server_seq;
                            rows.accepted(event, as_read, seq);
                            rows.subjects(view.accept(as_read, seq), seq);
                            response.accepted.push(AcceptedEvent { id: event.id.clone(), server_seq: seq });
                        }
                    }
                    Verdict::Refuse { reason_key, params, message } => {
                        let rejected = RejectedAct {
                            act_id: act[0].act_id.clone(),
                            event_ids: act.iter().map(|e| e.id.clone()).collect(),
                            reason_key,
                            params,
                            message,
                        };
                        rows.refused(act, &rejected);
                        for event in act {
                            write.last_server_seq += 1;
                            rows.stub(event, write.last_server_seq);
                        }
                        response.rejected.push(rejected);
                    }
                }
            }
        }
    }
    rows.insert(store, &mut write.tx, &received_at).await?;
    sqlx::query("UPDATE desks SET next_seq = $1, head_hash = $2 WHERE desk_id = $3")
        .bind(next_seq)
        .bind(head)
        .bind(desk_id.to_owned())
        .execute(&mut *write.tx)
        .await?;
    crate::fault::pause_point("push_before_commit").await;
    let log_size = write.last_server_seq;
    write.commit().await?;
    store.keep_statistics(log_size).await?;
    Ok(response)
}

/// Places every act against the stored chain first, so the judge only sees acts that will be
/// stored unless the database itself fails: acts stored already are answered again, the next
/// ones move `next_seq` and `head` on, and a gap asks the desk to resend from where it is.
async fn place<'a>(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
    acts: &[&'a [WireEvent]],
    next_seq: &mut i64,
    head: &mut String,
) -> Result<(Vec<Step<'a>>, Option<i64>), ServerError> {
    let mut steps = Vec::with_capacity(acts.len());
    for act in acts {
        let first = &act[0];
        if first.desk_seq < *next_seq {
            steps.push(Step::Replay(replay(tx, desk_id, act, *next_seq).await?));
        } else if first.desk_seq > *next_seq {
            return Ok((steps, Some(*next_seq)));
        } else {
            if first.prev_hash != *head {
                let message = format!("Event {} does not link to the desk's previous event on the server.", first.id);
                return Err(ApiError::conflict("sync.chain_broken", message).at("events").into());
            }
            if steps.iter().all(|s| matches!(s, Step::Replay(_))) && *next_seq > 1 {
                check_act_not_continued(tx, desk_id, *next_seq - 1, &first.act_id).await?;
            }
            let last = &act[act.len() - 1];
            *next_seq = last.desk_seq + 1;
            *head = last.hash.clone();
            steps.push(Step::New(act));
        }
    }
    Ok((steps, None))
}

/// The streams the new acts claim or step on, read in a few statements before the first act.
fn streams_of(steps: &[Step], enrolled_head: i64, desk_code: &str) -> Vec<(String, String)> {
    let mut streams = Vec::new();
    for step in steps {
        let Step::New(act) = step else { continue };
        streams.extend(crate::merge::streams_read(act));
        if act[0].desk_seq <= enrolled_head {
            streams.extend(crate::numbers::candidate_streams(act, desk_code));
        }
    }
    streams
}

/// Every event is the pushing desk's own and intact.
fn check_events(desk_id: &str, events: &[WireEvent]) -> Result<(), ApiError> {
    for (i, event) in events.iter().enumerate() {
        if event.desk_id != desk_id {
            let message = format!("Event {} belongs to another desk; a desk pushes only its own events.", event.id);
            return Err(ApiError::forbidden("sync.other_desk_event", message).at(format!("events[{i}]")));
        }
        if let Err(error) = event.verify() {
            return Err(ApiError::invalid(error.message_key(), error.to_string()).at(format!("events[{i}]")));
        }
    }
    Ok(())
}

/// The batch cut into acts: runs of one act_id, each act whole and internally chained.
fn split_acts(events: &[WireEvent]) -> Result<Vec<&[WireEvent]>, ApiError> {
    let mut acts: Vec<&[WireEvent]> = Vec::new();
    let mut start = 0;
    for i in 1..=events.len() {
        if i < events.len() && events[i].act_id == events[start].act_id {
            let (before, event) = (&events[i - 1], &events[i]);
            if event.desk_seq != before.desk_seq + 1 || event.prev_hash != before.hash {
                let message = format!("Event {} does not follow the previous event of its act.", event.id);
                return Err(ApiError::invalid("sync.act_not_contiguous", message).at(format!("events[{i}]")));
            }
            continue;
        }
        let act = &events[start..i];
        if acts.iter().any(|a| a[0].act_id == act[0].act_id) {
            let message = format!("The events of act {} must travel together.", act[0].act_id);
            return Err(ApiError::invalid("sync.act_split", message).at(format!("events[{start}]")));
        }
        acts.push(act);
        start = i;
    }
    if let Some(pair) = acts.windows(2).find(|pair| pair[1][0].desk_seq <= pair[0][pair[0].len() - 1].desk_seq) {
        let message = format!("Act {} comes out of the desk's order.", pair[1][0].act_id);
        return Err(ApiError::invalid("sync.out_of_order", message).at("events"));
    }
    Ok(acts)
}

/// An act the server already holds: each event must be the very one stored at its place.
async fn replay(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
    act: &[WireEvent],
    next_seq: i64,
) -> Result<Answer, ServerError> {
    let differs = |event: &WireEvent| {
        let message =
            format!("Event {} differs from the event the server holds at desk sequence {}.", event.id, event.desk_seq);
        ServerError::from(ApiError::conflict("sync.event_conflict", message).at("events"))
    };
    if act[act.len() - 1].desk_seq >= next_seq {
        return Err(differs(&act[0]));
    }
    let mut accepted = Vec::with_capacity(act.len());
    let mut rejected: Option<RejectedAct> = None;
    for event in act {
        let stored = sqlx::query(
            "SELECT id, hash, server_seq FROM events WHERE desk_id = $1 AND desk_seq = $2 AND rejected = 0",
        )
        .bind(desk_id.to_owned())
        .bind(event.desk_seq)
        .fetch_optional(&mut **tx)
        .await?;
        if let Some(row) = stored {
            if row.try_get::<String, _>("id")? != event.id || row.try_get::<String, _>("hash")? != event.hash {
                return Err(differs(event));
            }
            accepted.push(AcceptedEvent { id: event.id.clone(), server_seq: row.try_get("server_seq")? });
            continue;
        }
        let refused = sqlx::query(
            "SELECT id, hash, reason_key, params, message FROM rejected_events WHERE desk_id = $1 AND desk_seq = $2",
        )
        .bind(desk_id.to_owned())
        .bind(event.desk_seq)
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = refused else { return Err(differs(event)) };
        if row.try_get::<String, _>("id")? != event.id || row.try_get::<String, _>("hash")? != event.hash {
            return Err(differs(event));
        }
        let entry = rejected.get_or_insert_with(|| RejectedAct {
            act_id: event.act_id.clone(),
            event_ids: Vec::new(),
            reason_key: String::new(),
            params: serde_json::Map::new(),
            message: String::new(),
        });
        entry.event_ids.push(event.id.clone());
        entry.reason_key = row.try_get("reason_key")?;
        entry.params = serde_json::from_str(&row.try_get::<String, _>("params")?).unwrap_or_default();
        entry.message = row.try_get("message")?;
    }
    match rejected {
        Some(rejected) if accepted.is_empty() => Ok(Answer::Rejected(rejected)),
        Some(_) => Err(differs(&act[0])),
        None => Ok(Answer::Accepted(accepted)),
    }
}

/// The desk's last stored event must not belong to the act that follows it: that act was cut
/// in two across pushes.
async fn check_act_not_continued(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
    last_seq: i64,
    act_id: &str,
) -> Result<(), ServerError> {
    let stored: Option<String> = sqlx::query_scalar("SELECT act_id FROM events WHERE desk_id = $1 AND desk_seq = $2")
        .bind(desk_id.to_owned())
        .bind(last_seq)
        .fetch_optional(&mut **tx)
        .await?;
    if stored.as_deref() == Some(act_id) {
        let message = format!("The events of act {act_id} must travel together.");
        return Err(ApiError::invalid("sync.act_split", message).at("events[0]").into());
    }
    Ok(())
}
