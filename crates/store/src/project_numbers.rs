//! The last number issued per prefix (`QF-AMS1A` → 123), so the next one is one lookup, and
//! numbers pulled from other desks move each prefix's count along too.

use lotline_domain::merge::opened_number;
use sqlx::SqliteConnection;

use crate::StoreError;
use crate::log::StoredEvent;

/// A human number split into its prefix and count: `QF-AMS1A-000123` → (`QF-AMS1A`, 123).
pub fn split_number(number: &str) -> Option<(&str, i64)> {
    let (prefix, count) = number.rsplit_once('-')?;
    Some((prefix, count.parse().ok()?))
}

pub(crate) async fn apply(conn: &mut SqliteConnection, events: &[StoredEvent]) -> Result<(), StoreError> {
    // One write per prefix: a pulled page opens hundreds of numbers of a few prefixes.
    let mut highest: std::collections::BTreeMap<_, i64> = std::collections::BTreeMap::new();
    for (prefix, count) in events.iter().filter_map(|e| opened_number(&e.event)).filter_map(split_number) {
        let last = highest.entry(prefix).or_insert(count);
        *last = (*last).max(count);
    }
    for (prefix, count) in highest {
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
    Ok(last.unwrap_or(0).max(floor(conn, prefix).await?) + 1)
}

/// A desk that enrols goes on counting where its site numbers stopped (`QF-AMS1` at 41 →
/// `QF-AMS1A-000042`): a record the team renames to its desk's number keeps its count, so the
/// desk's new numbers must not reach it. Kept in the desk's own state, which a rebuild keeps.
pub(crate) async fn carry_counts_to_desk_code(conn: &mut SqliteConnection, desk_code: &str) -> Result<(), StoreError> {
    let counts: Vec<(String, i64)> =
        sqlx::query_as("SELECT prefix, last FROM issued_numbers").fetch_all(&mut *conn).await?;
    for (prefix, last) in counts {
        let Some((kind, _)) = prefix.split_once('-') else { continue };
        sqlx::query(
            "INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )
        .bind(format!("number_floor:{kind}-{desk_code}"))
        .bind(last.to_string())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

async fn floor(conn: &mut SqliteConnection, prefix: &str) -> Result<i64, StoreError> {
    let text: Option<String> = sqlx::query_scalar("SELECT value FROM local_state WHERE key = ?")
        .bind(format!("number_floor:{prefix}"))
        .fetch_optional(&mut *conn)
        .await?;
    Ok(text.and_then(|t| t.parse().ok()).unwrap_or(0))
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
