//! The last number issued per prefix (`QF-AMS1A` → 123), so the next one is one lookup, and
//! numbers pulled from other desks move each prefix's count along too.

use lotline_domain::Event;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;

/// A human number split into its prefix and count: `QF-AMS1A-000123` → (`QF-AMS1A`, 123).
pub fn split_number(number: &str) -> Option<(&str, i64)> {
    let (prefix, count) = number.rsplit_once('-')?;
    Some((prefix, count.parse().ok()?))
}

fn issued(event: &Event) -> Option<&str> {
    match event {
        Event::FailureLogged { failure_no, .. } => Some(failure_no),
        Event::ReshipmentRequested(request) => Some(&request.reshipment_no),
        Event::RmaOpened(opening) => Some(&opening.rma_no),
        Event::RecallStarted(opening) => Some(&opening.recall_no),
        _ => None,
    }
}

pub(crate) async fn apply(conn: &mut SqliteConnection, events: &[StoredEvent]) -> Result<(), StoreError> {
    for (prefix, count) in events.iter().filter_map(|e| issued(&e.event)).filter_map(split_number) {
        sqlx::query(
            "INSERT INTO issued_numbers (prefix, last) VALUES (?, ?) \
             ON CONFLICT (prefix) DO UPDATE SET last = MAX(last, excluded.last)",
        )
        .bind(prefix)
        .bind(count)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// The next count for numbers that start with `prefix`.
pub async fn next_number(conn: &mut SqliteConnection, prefix: &str) -> Result<i64, StoreError> {
    let last: Option<i64> = sqlx::query_scalar("SELECT last FROM issued_numbers WHERE prefix = ?")
        .bind(prefix)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(last.unwrap_or(0) + 1)
}

/// The code this desk's numbers carry: its desk code once enrolled in a team, else the site's.
pub async fn number_code(conn: &mut SqliteConnection, site_code: &str) -> Result<String, StoreError> {
    let desk: Option<String> =
        sqlx::query_scalar("SELECT value FROM local_state WHERE key = 'desk_code'").fetch_optional(&mut *conn).await?;
    Ok(desk.unwrap_or_else(|| site_code.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::split_number;

    #[test]
    fn a_number_splits_at_its_last_dash() {
        assert_eq!(split_number("QF-AMS1A-000123"), Some(("QF-AMS1A", 123)));
        assert_eq!(split_number("RMA-FXT-1234567"), Some(("RMA-FXT", 1_234_567)));
        assert_eq!(split_number("QF-AMS1"), None);
        assert_eq!(split_number("plain"), None);
    }
}
