//! Internal errors carry what a user should not be shown and an attacker would like to read: SQL
//! text, file paths, the data folder's layout. The desktop hands the user a reference and writes
//! the details to `lotline.log` in the data folder, where support finds them by that reference.

use std::io::Write as _;
use std::path::Path;

use chrono::{DateTime, Utc};
use lotline_domain::{ApiError, ErrorCode};

use crate::context::Ctx;

pub const LOG_FILE: &str = "lotline.log";
/// Past this the log starts afresh and the previous one is kept as `lotline.log.1`, so a fault
/// that repeats on every click cannot fill the disk.
const MAX_LOG_BYTES: u64 = 1024 * 1024;

/// `err` as the user may see it: an internal error becomes a reference to its logged details;
/// every other error is about the user's own input and passes unchanged.
pub fn withhold_internal(data_dir: &Path, act: &str, err: ApiError) -> ApiError {
    withhold_at(data_dir, Utc::now(), act, err)
}

fn withhold_at(data_dir: &Path, at: DateTime<Utc>, act: &str, err: ApiError) -> ApiError {
    if err.code != ErrorCode::Internal {
        return err;
    }
    let reference = new_reference();
    let entry = serde_json::json!({
        "at": lotline_domain::time::stored(at),
        "reference": reference,
        "act": act,
        "message_key": err.message_key,
        "params": err.params,
        "fields": err.fields,
    });
    if let Err(log_err) = append(data_dir, &entry.to_string()) {
        // Where the log cannot be written, the details still reach whoever started the app.
        eprintln!("lotline: cannot write {LOG_FILE} ({log_err}): {entry}");
    }
    ApiError::new(ErrorCode::Internal, "error.internal_reference").with("reference", reference)
}

impl Ctx {
    /// [`withhold_internal`] with this desk's data folder and clock.
    pub fn withhold_internal(&self, act: &str, err: ApiError) -> ApiError {
        withhold_at(self.store.data_dir(), self.now(), act, err)
    }
}

/// Writes a note that needs no reference (something the desk could not do and went on without)
/// to the log file.
pub(crate) fn note(data_dir: &Path, message: &str) {
    let entry = serde_json::json!({
        "at": lotline_domain::time::stored(Utc::now()),
        "note": message,
    });
    if let Err(log_err) = append(data_dir, &entry.to_string()) {
        eprintln!("lotline: cannot write {LOG_FILE} ({log_err}): {entry}");
    }
}

/// Eight hex digits from a v7 UUID's random part, grouped to read out on the phone: `3F9A-0C1E`.
fn new_reference() -> String {
    let hex = uuid::Uuid::now_v7().simple().to_string().to_uppercase();
    format!("{}-{}", &hex[24..28], &hex[28..32])
}

fn append(data_dir: &Path, line: &str) -> std::io::Result<()> {
    let path = data_dir.join(LOG_FILE);
    if std::fs::metadata(&path).is_ok_and(|m| m.len() > MAX_LOG_BYTES) {
        std::fs::rename(&path, data_dir.join(format!("{LOG_FILE}.1")))?;
    }
    let mut file = lotline_store::private_file_options().append(true).open(&path)?;
    writeln!(file, "{line}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql_fault() -> ApiError {
        ApiError::internal("error returned from database: no such column: lots.qty_x in SELECT qty_x FROM lots")
            .with("path", "/home/fien/.local/share/lotline/attachments/ab12")
    }

    #[test]
    fn the_user_gets_a_reference_and_the_log_gets_the_sql_and_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let shown = withhold_internal(dir.path(), "trace_lot", sql_fault());
        assert_eq!((shown.code, shown.message_key.as_str()), (ErrorCode::Internal, "error.internal_reference"));
        assert_eq!(shown.params.keys().collect::<Vec<_>>(), ["reference"]);
        let reference = &shown.params["reference"];
        assert!(reference.len() == 9 && reference.as_bytes()[4] == b'-', "{reference}");
        let text = format!("{shown:?}");
        assert!(!text.contains("SELECT") && !text.contains("/home/"), "{text}");

        let log = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap();
        let entry: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
        assert_eq!(entry["reference"], reference.as_str());
        assert_eq!(entry["act"], "trace_lot");
        assert!(entry["params"]["detail"].as_str().unwrap().contains("SELECT qty_x FROM lots"));
        assert_eq!(entry["params"]["path"], "/home/fien/.local/share/lotline/attachments/ab12");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(dir.path().join(LOG_FILE)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn errors_about_the_users_input_pass_unchanged_and_log_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let refused = ApiError::not_found("lot", "L-404");
        assert_eq!(withhold_internal(dir.path(), "trace_lot", refused.clone()), refused);
        assert!(!dir.path().join(LOG_FILE).exists());
    }

    #[test]
    fn a_full_log_starts_afresh_and_keeps_the_previous_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOG_FILE), vec![b'x'; MAX_LOG_BYTES as usize + 1]).unwrap();
        let shown = withhold_internal(dir.path(), "sign_in", sql_fault());
        let log = std::fs::read_to_string(dir.path().join(LOG_FILE)).unwrap();
        assert!(log.len() < 1000 && log.contains(&shown.params["reference"]));
        assert_eq!(std::fs::metadata(dir.path().join(format!("{LOG_FILE}.1"))).unwrap().len(), MAX_LOG_BYTES + 1);
    }
}
