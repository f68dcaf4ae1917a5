//! When each desk last reached the server, and the Lotline version it said it runs: recorded on
//! authenticated requests, for `lotline server desks`.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use lotline_sync::VERSION_HEADER;

use crate::database::{Store, now_text};
use crate::error::ServerError;

/// A desk's contact is written at most this often: a last contact is for people reading
/// "a minute ago", and a desk pulling every few seconds should not make every pull a write.
const RECORD_EVERY: Duration = Duration::from_secs(60);

/// What this process last wrote per desk.
#[derive(Default)]
pub(crate) struct Contacts {
    written: Mutex<HashMap<String, (Instant, Option<String>)>>,
}

impl Contacts {
    /// Whether to write this contact: the desk's first since the server started, the first a
    /// minute after the last one written, or a new version (a desk just upgraded).
    fn due(&self, desk_id: &str, version: Option<&str>, now: Instant) -> bool {
        let Ok(mut written) = self.written.lock() else { return true };
        let due = match written.get(desk_id) {
            Some((at, known)) => {
                now.duration_since(*at) >= RECORD_EVERY || (version.is_some() && known.as_deref() != version)
            }
            None => true,
        };
        if due {
            written.insert(desk_id.to_owned(), (now, version.map(str::to_owned)));
        }
        due
    }

    /// Records that `desk_id` reached the server with `headers`, when it is due.
    pub(crate) async fn record(&self, store: &Store, desk_id: &str, headers: &HeaderMap) -> Result<(), ServerError> {
        let version = reported_version(headers);
        if !self.due(desk_id, version.as_deref(), Instant::now()) {
            return Ok(());
        }
        // Through the writers' queue, as every write: SQLite then never answers "busy".
        let mut write = store.begin_write().await?;
        sqlx::query(
            "UPDATE desks SET last_contact_at = $1, lotline_version = COALESCE($2, lotline_version) WHERE desk_id = $3",
        )
        .bind(now_text())
        .bind(version)
        .bind(desk_id.to_owned())
        .execute(&mut *write.tx)
        .await?;
        write.commit().await
    }
}

/// The version a desk names in `X-Lotline-Version` (`0.1.0`, `1.2.0-rc.1`); anything longer or
/// stranger is not a Lotline version and is not stored.
fn reported_version(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(VERSION_HEADER)?.to_str().ok()?.trim();
    let plausible = !value.is_empty()
        && value.len() <= 32
        && value.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'+'));
    plausible.then(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_is_written_once_a_minute_or_when_the_version_changes() {
        let contacts = Contacts::default();
        let start = Instant::now();
        assert!(contacts.due("d1", Some("0.1.0"), start));
        assert!(!contacts.due("d1", Some("0.1.0"), start + Duration::from_secs(30)));
        assert!(!contacts.due("d1", None, start + Duration::from_secs(31)));
        assert!(contacts.due("d2", None, start + Duration::from_secs(31)));
        assert!(contacts.due("d1", Some("0.2.0"), start + Duration::from_secs(40)));
        assert!(!contacts.due("d1", Some("0.2.0"), start + Duration::from_secs(99)));
        assert!(contacts.due("d1", Some("0.2.0"), start + Duration::from_secs(100)));
    }

    #[test]
    fn only_a_plausible_version_is_kept() {
        let mut headers = HeaderMap::new();
        assert_eq!(reported_version(&headers), None);
        headers.insert(VERSION_HEADER, "1.2.0-rc.1".parse().unwrap());
        assert_eq!(reported_version(&headers).as_deref(), Some("1.2.0-rc.1"));
        headers.insert(VERSION_HEADER, "1.0 <script>".parse().unwrap());
        assert_eq!(reported_version(&headers), None);
    }
}
