//! The password policy: length over composition rules (NIST SP 800-63B §5.1.1.2), and no
//! password that leaked lists show people choose most.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::error::FieldError;

/// Fewest characters a password may have.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Most characters: argon2 takes any length, but a pasted novel is a mistake, not a password.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Shorter entries are left out of the file: the length rule refuses them already.
const COMMON: &str = include_str!("../data/common_passwords.txt");

fn common() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| COMMON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect())
}

/// Whether a password is on the common list, whatever its case ("Password1234" is as guessable
/// as "password1234").
pub fn is_common(password: &str) -> bool {
    common().contains(password.trim().to_lowercase().as_str())
}

/// The message key of what is wrong with a password, if anything.
pub fn validate_password(value: &str) -> Result<(), &'static str> {
    let chars = value.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        Err("error.user.password_too_short")
    } else if chars > MAX_PASSWORD_CHARS {
        Err("error.field.too_long")
    } else if is_common(value) {
        Err("error.user.password_common")
    } else {
        Ok(())
    }
}

/// The policy's verdict as the error of a form's `field`, with the limits the message names.
pub fn check_password(field: &str, value: &str) -> Result<(), FieldError> {
    validate_password(value).map_err(|key| {
        let error = FieldError::new(field, key);
        match key {
            "error.user.password_too_short" => error.with("min", MIN_PASSWORD_CHARS),
            "error.field.too_long" => crate::limits::too_long(field, value, MAX_PASSWORD_CHARS).unwrap_or(error),
            _ => error,
        }
    })
}

/// Why a person must choose a new password before anything else, given the password they just
/// typed and whether the newest credential on record is an administrator's reset. Only the
/// sign-in sees the typed password, so a hash made under an older, laxer policy is caught there.
pub fn must_change_password(typed: &str, reset_by_admin: bool) -> bool {
    reset_by_admin || validate_password(typed).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_characters_at_least_and_not_a_common_one() {
        assert_eq!(validate_password("nine-char"), Err("error.user.password_too_short"));
        assert!(validate_password("ten-chars!").is_ok());
        assert_eq!(validate_password("password123"), Err("error.user.password_common"));
        assert_eq!(validate_password("QWERTYUIOP"), Err("error.user.password_common"), "any case");
        assert_eq!(validate_password(&"x".repeat(257)), Err("error.field.too_long"));
        let error = check_password("new_password", "short").unwrap_err();
        assert_eq!((error.field.as_str(), error.params["min"].as_str()), ("new_password", "10"));
    }

    #[test]
    fn the_list_holds_only_what_the_length_rule_lets_through() {
        assert!(common().len() > 1000);
        assert!(common().iter().all(|p| p.chars().count() >= MIN_PASSWORD_CHARS && *p == p.to_lowercase()));
    }

    #[test]
    fn a_reset_or_a_password_the_policy_now_refuses_must_change() {
        assert!(must_change_password("short", false));
        assert!(must_change_password("1234567890", false), "common");
        assert!(must_change_password("a fine long password", true), "reset by an administrator");
        assert!(!must_change_password("a fine long password", false));
    }
}
