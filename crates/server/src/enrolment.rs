//! Enrolment: an administrator issues a one-time code; a desk trades it for a bearer token and a
//! desk code. Only SHA-256 hashes of codes and tokens are stored: both are long random strings,
//! so a fast hash is enough and a stolen database yields no usable credential.

use std::path::Path;

use lotline_domain::envelope::GENESIS;
use lotline_sync::{EnrollRequest, EnrollResponse};
use rand::RngCore;
use sqlx::Row;

use crate::config::prepare_data_dir;
use crate::database::{Store, now_text, sha256_hex, time_text};
use crate::error::{ApiError, ServerError};

/// A code from `lotline server enroll-code` or the desktop's team administration, shown once.
pub use lotline_sync::EnrollCodeResponse as EnrollCode;

/// How long an enrolment code works.
pub const ENROLL_CODE_VALIDITY_HOURS: i64 = 24;

/// Issues a one-time enrolment code for the server whose data folder is `dir`, valid 24 hours.
pub async fn issue_enroll_code(dir: &Path) -> Result<EnrollCode, ServerError> {
    issue_enroll_code_valid_for(dir, chrono::Duration::hours(ENROLL_CODE_VALIDITY_HOURS)).await
}

/// Issues a code valid for `validity` (a negative one is already expired: for tests).
pub async fn issue_enroll_code_valid_for(dir: &Path, validity: chrono::Duration) -> Result<EnrollCode, ServerError> {
    let store = Store::open(&prepare_data_dir(dir, None)?).await?;
    let code = issue_code(&store, validity).await;
    store.pool.close().await;
    code
}

pub(crate) async fn issue_code(store: &Store, validity: chrono::Duration) -> Result<EnrollCode, ServerError> {
    let code = new_code();
    let now = chrono::Utc::now();
    let expires_at = time_text(now + validity);
    sqlx::query("INSERT INTO enroll_codes (code_hash, issued_at, expires_at) VALUES ($1, $2, $3)")
        .bind(sha256_hex(normalize_code(&code).as_bytes()))
        .bind(time_text(now))
        .bind(expires_at.clone())
        .execute(&store.pool)
        .await?;
    Ok(EnrollCode { code, expires_at })
}

/// Stops the desk's token from working, from its next request on. `desk` is its desk code or
/// desk id; answers whether such a desk exists.
pub async fn revoke_desk(dir: &Path, desk: &str) -> Result<bool, ServerError> {
    let store = Store::open(&prepare_data_dir(dir, None)?).await?;
    let revoked = crate::team_admin::revoke(&store, desk).await;
    store.pool.close().await;
    Ok(revoked?.is_some())
}

/// Trades a one-time code for a token. A desk that enrols again (a lost token) keeps its desk
/// code and its chain, and gets a new token; the old one stops working.
pub(crate) async fn enroll(store: &Store, request: &EnrollRequest) -> Result<EnrollResponse, ServerError> {
    validate(request)?;
    let code_hash = sha256_hex(normalize_code(&request.code).as_bytes());
    let mut write = store.begin_write().await?;
    let row = sqlx::query("SELECT expires_at, used_at FROM enroll_codes WHERE code_hash = $1")
        .bind(code_hash.clone())
        .fetch_optional(&mut *write.tx)
        .await?;
    let Some(row) = row else {
        return Err(ApiError::invalid("sync.enroll_code_unknown", "This enrolment code is not known.")
            .at("code")
            .into());
    };
    let expires_at: String = row.try_get("expires_at")?;
    let used_at: Option<String> = row.try_get("used_at")?;
    let now = now_text();
    if used_at.is_some() {
        let error =
            ApiError::invalid("sync.enroll_code_used", "This enrolment code was already used; ask for a new one.");
        return Err(error.at("code").into());
    }
    if expires_at <= now {
        let error =
            ApiError::invalid("sync.enroll_code_expired", "This enrolment code has expired; ask for a new one.");
        return Err(error.at("code").into());
    }

    let token = random_hex(32);
    let token_hash = sha256_hex(token.as_bytes());
    let existing = sqlx::query("SELECT desk_code, site_code FROM desks WHERE desk_id = $1")
        .bind(request.desk_id.clone())
        .fetch_optional(&mut *write.tx)
        .await?;
    let desk_code = match existing {
        Some(row) => {
            let site_code: String = row.try_get("site_code")?;
            if site_code != request.site_code {
                let message = format!("This desk is enrolled for site {site_code}, not {}.", request.site_code);
                return Err(ApiError::conflict("sync.desk_other_site", message).at("site_code").into());
            }
            sqlx::query("UPDATE desks SET token_hash = $1, revoked_at = NULL WHERE desk_id = $2")
                .bind(token_hash)
                .bind(request.desk_id.clone())
                .execute(&mut *write.tx)
                .await?;
            row.try_get("desk_code")?
        }
        None => {
            let taken: Vec<String> =
                sqlx::query_scalar("SELECT desk_code FROM desks").fetch_all(&mut *write.tx).await?;
            let desk_code = first_free_desk_code(&request.site_code, &taken);
            sqlx::query(
                "INSERT INTO desks (desk_id, desk_code, site_code, token_hash, enrolled_at, next_seq, head_hash, \
                 enrolled_head) VALUES ($1, $2, $3, $4, $5, 1, $6, $7)",
            )
            .bind(request.desk_id.clone())
            .bind(desk_code.clone())
            .bind(request.site_code.clone())
            .bind(token_hash)
            .bind(now.clone())
            .bind(GENESIS)
            .bind(request.head_seq)
            .execute(&mut *write.tx)
            .await?;
            desk_code
        }
    };
    sqlx::query("UPDATE enroll_codes SET used_at = $1, desk_id = $2 WHERE code_hash = $3")
        .bind(now)
        .bind(request.desk_id.clone())
        .bind(code_hash)
        .execute(&mut *write.tx)
        .await?;
    write.commit().await?;
    Ok(EnrollResponse { team_id: store.team_id().await?, desk_code, token })
}

/// The desk a bearer token speaks for, checked on every request so a revocation acts at once.
pub(crate) async fn authenticate(store: &Store, token: &str) -> Result<String, ServerError> {
    let row = sqlx::query("SELECT desk_id, revoked_at FROM desks WHERE token_hash = $1")
        .bind(sha256_hex(token.as_bytes()))
        .fetch_optional(&store.pool)
        .await?;
    let Some(row) = row else {
        return Err(
            ApiError::unauthorized("sync.token_unknown", "This desk token is not known; enrol the desk.").into()
        );
    };
    if row.try_get::<Option<String>, _>("revoked_at")?.is_some() {
        return Err(ApiError::unauthorized("sync.token_revoked", "This desk's access was revoked.").into());
    }
    Ok(row.try_get("desk_id")?)
}

fn validate(request: &EnrollRequest) -> Result<(), ApiError> {
    let site = &request.site_code;
    if site.is_empty() || site.len() > 12 || !site.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        let message = "A site code is 1 to 12 capital letters or digits (AMS1).";
        return Err(ApiError::invalid("sync.site_code_invalid", message).at("site_code"));
    }
    if request.head_seq < 0 {
        return Err(ApiError::invalid("sync.head_seq_invalid", "A desk's sequence is 0 or more.").at("head_seq"));
    }
    let desk = &request.desk_id;
    if desk.is_empty() || desk.len() > 64 || !desk.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        let message = "A desk id is 1 to 64 letters, digits or dashes (a UUID).";
        return Err(ApiError::invalid("sync.desk_id_invalid", message).at("desk_id"));
    }
    Ok(())
}

/// The site code and the first free letter suffix: A … Z, then AA, AB, …
fn first_free_desk_code(site_code: &str, taken: &[String]) -> String {
    (1u64..)
        .map(|n| format!("{site_code}{}", letter_suffix(n)))
        .find(|code| !taken.iter().any(|t| t == code))
        .unwrap_or_default()
}

/// Bijective base 26: 1 → A, 26 → Z, 27 → AA.
fn letter_suffix(mut n: u64) -> String {
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(b'A' + (n % 26) as u8);
        n /= 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Codes are typed by people: groups of letters without look-alikes (no 0/O, 1/I/L).
fn new_code() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let letters: Vec<char> = bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
    letters.chunks(5).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// As typed: case and dashes or spaces do not matter.
fn normalize_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

pub(crate) fn random_hex(len: usize) -> String {
    let mut bytes = vec![0u8; len];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes_run_a_to_z_then_two_letters() {
        assert_eq!(letter_suffix(1), "A");
        assert_eq!(letter_suffix(26), "Z");
        assert_eq!(letter_suffix(27), "AA");
        assert_eq!(letter_suffix(28), "AB");
        assert_eq!(letter_suffix(26 * 27), "ZZ");
        assert_eq!(letter_suffix(26 * 27 + 1), "AAA");
    }

    #[test]
    fn the_first_free_code_fills_holes() {
        let taken = vec!["AMS1A".to_owned(), "AMS1C".to_owned(), "ROT1A".to_owned()];
        assert_eq!(first_free_desk_code("AMS1", &taken), "AMS1B");
        assert_eq!(first_free_desk_code("ROT1", &taken), "ROT1B");
        assert_eq!(first_free_desk_code("BER2", &taken), "BER2A");
    }

    #[test]
    fn codes_are_typed_loosely() {
        let code = new_code();
        assert_eq!(code.len(), 23);
        assert_eq!(normalize_code(&code.to_lowercase().replace('-', " ")), normalize_code(&code));
    }
}
