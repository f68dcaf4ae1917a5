//! Numbers a desk issued before it joined (`QF-AMS1-000001`) that the team already had: the
//! later desk's record goes by its desk's number (`QF-AMS1B-000001`). The server decides it when
//! the record's opening event arrives, judges and stores that desk's events through the alias,
//! and tells every desk (`renumbered` on the push answer and the pulled event).

use std::borrow::Cow;

use lotline_domain::envelope::{Decoded, decode_payload};
use lotline_domain::merge::{apply_renames, opened_number, renumbered};
use lotline_sync::{Renumbering, WireEvent};
use sqlx::{Any, Row, Transaction};

use crate::error::ServerError;
use crate::push_view::PushView;

/// A rename the server decided, with the event that opened the record.
pub(crate) struct NewAlias {
    pub renumbering: Renumbering,
    pub event_id: String,
}

/// The desk's aliases so far, as (old number, new number).
pub(crate) async fn aliases_of(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
) -> Result<Vec<(String, String)>, ServerError> {
    let rows = sqlx::query("SELECT number, alias FROM number_aliases WHERE desk_id = $1")
        .bind(desk_id.to_owned())
        .fetch_all(&mut **tx)
        .await?;
    rows.iter().map(|r| Ok((r.try_get("number")?, r.try_get("alias")?))).collect()
}

/// The renames an act from before its desk enrolled needs: each record it opens under a number
/// the team already has takes the desk's number, when that one is free.
pub(crate) async fn new_aliases(
    tx: &mut Transaction<'static, Any>,
    view: &mut PushView,
    act: &[WireEvent],
    desk_code: &str,
    known: &[(String, String)],
) -> Result<Vec<NewAlias>, ServerError> {
    let mut fresh: Vec<NewAlias> = Vec::new();
    for event in act {
        let Some(payload) = &event.payload else { continue };
        let Ok(Decoded::Known(decoded)) = decode_payload(&event.kind, event.schema_version, payload) else { continue };
        let Some(number) = opened_number(&decoded) else { continue };
        if known.iter().any(|(from, _)| from == number) || fresh.iter().any(|a| a.renumbering.from == number) {
            continue;
        }
        if !view.taken(tx, &event.stream_type, number).await? {
            continue;
        }
        let Some(alias) = renumbered(number, desk_code) else { continue };
        if view.taken(tx, &event.stream_type, &alias).await? {
            continue;
        }
        fresh.push(NewAlias {
            renumbering: Renumbering { from: number.to_owned(), to: alias },
            event_id: event.id.clone(),
        });
    }
    Ok(fresh)
}

/// The streams the push's acts from before enrolment may be renamed by: each number they open,
/// and the desk's number for it, so they are read with the acts' own streams.
pub(crate) fn candidate_streams(act: &[WireEvent], desk_code: &str) -> Vec<(String, String)> {
    let mut streams = Vec::new();
    for event in act {
        let Some(payload) = &event.payload else { continue };
        let Ok(Decoded::Known(decoded)) = decode_payload(&event.kind, event.schema_version, payload) else { continue };
        let Some(number) = opened_number(&decoded) else { continue };
        if let Some(alias) = renumbered(number, desk_code) {
            streams.push((event.stream_type.clone(), alias));
        }
        streams.push((event.stream_type.clone(), number.to_owned()));
    }
    streams
}

/// The act as the merge reads it: the desk's renamed numbers in streams and payloads.
pub(crate) fn translated<'a>(act: &'a [WireEvent], renames: &[(String, String)]) -> Cow<'a, [WireEvent]> {
    if renames.is_empty() {
        return Cow::Borrowed(act);
    }
    Cow::Owned(
        act.iter()
            .map(|event| {
                let mut read = event.clone();
                read.payload = event.payload.as_deref().map(|p| apply_renames(p, renames));
                if let Some((_, to)) = renames.iter().find(|(from, _)| *from == event.stream_id) {
                    read.stream_id = to.clone();
                }
                read
            })
            .collect(),
    )
}

pub(crate) async fn record(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
    aliases: &[NewAlias],
) -> Result<(), ServerError> {
    for alias in aliases {
        sqlx::query("INSERT INTO number_aliases (desk_id, number, alias, event_id) VALUES ($1, $2, $3, $4)")
            .bind(desk_id.to_owned())
            .bind(alias.renumbering.from.clone())
            .bind(alias.renumbering.to.clone())
            .bind(alias.event_id.clone())
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// Every alias by the event that decided it, for the pull's answer.
pub(crate) async fn by_event(pool: &sqlx::AnyPool) -> Result<Vec<(String, Renumbering)>, ServerError> {
    let rows = sqlx::query("SELECT event_id, number, alias FROM number_aliases").fetch_all(pool).await?;
    rows.iter()
        .map(|r| Ok((r.try_get("event_id")?, Renumbering { from: r.try_get("number")?, to: r.try_get("alias")? })))
        .collect()
}
