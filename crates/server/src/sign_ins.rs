//! The team's count of sign-ins (migration 0005): through every desk, and those a desk decided
//! offline and reported later. Five wrong passwords in a row lock a name for 15 minutes on every
//! desk, by the domain's rule (`users::locked_until`), as each desk counts its own.

use chrono::{DateTime, Utc};
use lotline_domain::merge::username_key;
use lotline_domain::users::{LOCK_AFTER_FAILURES, locked_until};
use lotline_sync::SignInAttempts;
use sqlx::Row;

use crate::database::{Store, time_text};
use crate::error::{ApiError, ServerError};

/// Attempts a desk reports at once.
const MAX_REPORTED: usize = 1_000;
/// Reported attempts older than this cannot lock anyone any more and are not kept.
const REPORT_WINDOW_HOURS: i64 = 24;

/// Until when the name is locked, if it is.
pub(crate) async fn locked(store: &Store, key: &str) -> Result<Option<DateTime<Utc>>, ServerError> {
    let rows = sqlx::query("SELECT ok, at FROM sign_in_attempts WHERE username_key = $1 ORDER BY at DESC LIMIT $2")
        .bind(key.to_owned())
        .bind(LOCK_AFTER_FAILURES as i64)
        .fetch_all(&store.pool)
        .await?;
    let mut recent = Vec::with_capacity(rows.len());
    for row in &rows {
        let at: String = row.try_get("at")?;
        let Some(at) = lotline_domain::time::from_stored(&at) else { continue };
        recent.push((row.try_get::<i64, _>("ok")? != 0, at));
    }
    Ok(locked_until(&recent, Utc::now()))
}

/// The refusal while a name is locked: the same on every desk, with the time it opens again.
pub(crate) fn locked_error(until: DateTime<Utc>) -> ApiError {
    let until = until.format("%Y-%m-%d %H:%M UTC").to_string();
    let message = format!("Too many wrong passwords: this name is locked until {until}.");
    ApiError::forbidden("sync.sign_in_locked", message).with("until", until)
}

/// Attempts of `desk_id` as (name key, succeeded, when), in one write.
pub(crate) async fn record(
    store: &Store,
    desk_id: &str,
    attempts: &[(String, bool, DateTime<Utc>)],
    reported: bool,
) -> Result<(), ServerError> {
    let mut write = store.begin_write().await?;
    for (key, ok, at) in attempts {
        sqlx::query(
            "INSERT INTO sign_in_attempts (username_key, at, ok, desk_id, reported) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(key.clone())
        .bind(time_text(*at))
        .bind(i64::from(*ok))
        .bind(desk_id.to_owned())
        .bind(i64::from(reported))
        .execute(&mut *write.tx)
        .await?;
    }
    write.commit().await
}

/// Keeps the attempts a desk decided offline, each at the time it happened (never later than
/// now: a desk's clock ahead must not stretch a lock). Answers how many were kept.
pub(crate) async fn report(store: &Store, desk_id: &str, request: &SignInAttempts) -> Result<usize, ServerError> {
    if request.attempts.len() > MAX_REPORTED {
        let message = format!("A report carries at most {MAX_REPORTED} attempts; send the rest in the next one.");
        return Err(ApiError::too_large("sync.too_many_attempts", message).at("attempts").into());
    }
    let now = Utc::now();
    let mut kept = Vec::with_capacity(request.attempts.len());
    for (i, attempt) in request.attempts.iter().enumerate() {
        let Ok(at) = DateTime::parse_from_rfc3339(&attempt.at) else {
            let message = format!("Attempt {i} has no RFC 3339 time: {}", attempt.at);
            return Err(ApiError::invalid("sync.attempt_time_invalid", message).at(format!("attempts[{i}].at")).into());
        };
        let at = at.with_timezone(&Utc).min(now);
        if now - at <= chrono::Duration::hours(REPORT_WINDOW_HOURS) {
            kept.push((username_key(&attempt.username), attempt.ok, at));
        }
    }
    record(store, desk_id, &kept, true).await?;
    Ok(kept.len())
}
