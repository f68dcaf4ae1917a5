//! The rules for user accounts, decided with the same code on a desk (`create_user`,
//! `update_user`) and on the team's server when desks' changes merge.

use chrono::{DateTime, Utc};

use crate::error::{FieldError, Violations};
use crate::passwords::check_password;
use crate::people::{Role, validate_username};
use crate::{ApiError, Event};

/// A new user's name and password as typed, each reported under its own field.
pub fn check_new_user(v: &mut Violations, username_field: &str, username: &str, password_field: &str, password: &str) {
    if let Err(key) = validate_username(username) {
        v.push(FieldError::new(username_field, key));
    }
    if let Err(error) = check_password(password_field, password) {
        v.push(error);
    }
}

/// A person's name as others see it: required, and no longer than any other name.
pub fn check_display_name(v: &mut Violations, field: &str, value: &str) {
    v.required(field, value);
    v.max_len(field, value.trim(), crate::limits::NAME);
}

pub fn check_roles(v: &mut Violations, roles: &[Role]) {
    if roles.is_empty() {
        v.push(FieldError::new("roles", "error.user.no_roles"));
    }
}

/// Roles in one order, each once, so equal sets are equal events.
pub fn normalised_roles(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}

/// An account as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user_id: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

/// Whether `update` (a `UserUpdated`) may change `current`, by `actor_id`, while the team or desk
/// has `active_admins` active administrators (`current` among them if it is one): the last
/// active administrator stays one, and nobody deactivates themselves.
pub fn check_update(current: &Account, update: &Event, actor_id: &str, active_admins: i64) -> Result<(), ApiError> {
    let Event::UserUpdated { user_id, roles, active, .. } = update else { return Ok(()) };
    let loses_admin = current.roles.contains(&Role::Admin) && (!roles.contains(&Role::Admin) || !active);
    if loses_admin && current.active && active_admins <= 1 {
        return Err(ApiError::conflict("error.user.last_admin"));
    }
    if user_id == actor_id && !active {
        return Err(ApiError::conflict("error.user.deactivate_self"));
    }
    Ok(())
}

/// Wrong passwords in a row that lock a name.
pub const LOCK_AFTER_FAILURES: usize = 5;
/// How long a locked name stays locked after its last wrong password.
pub const LOCK_MINUTES: i64 = 15;

/// Until when sign-in under a name is refused, given its latest attempts, newest first
/// (succeeded, when): after `LOCK_AFTER_FAILURES` wrong passwords in a row, `LOCK_MINUTES` from
/// the last of them.
pub fn locked_until(recent: &[(bool, DateTime<Utc>)], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let failures = recent.iter().take_while(|(ok, _)| !ok).count();
    if failures < LOCK_AFTER_FAILURES {
        return None;
    }
    let until = recent.first()?.1 + chrono::Duration::minutes(LOCK_MINUTES);
    (until > now).then_some(until)
}

/// Idle minutes after which a session locks when an administrator has set nothing.
pub const IDLE_LOCK_DEFAULT_MINUTES: u32 = 15;
/// The longest idle time an administrator may set: a working day's shift. Longer is no lock.
pub const IDLE_LOCK_MAX_MINUTES: u32 = 480;

/// The idle time an administrator asks for, as the error of field `idle_lock_minutes`.
pub fn check_idle_lock_minutes(minutes: u32) -> Result<(), ApiError> {
    if (1..=IDLE_LOCK_MAX_MINUTES).contains(&minutes) {
        return Ok(());
    }
    let error =
        FieldError::new("idle_lock_minutes", "error.settings.idle_lock_range").with("max", IDLE_LOCK_MAX_MINUTES);
    Err(ApiError::field(error.with("min", 1)))
}

/// Whether a session whose last act was at `last_act` is locked at `now`.
pub fn idle_locked(last_act: DateTime<Utc>, now: DateTime<Utc>, idle_lock_minutes: u32) -> bool {
    now - last_act >= chrono::Duration::minutes(i64::from(idle_lock_minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn five_wrong_passwords_in_a_row_lock_for_fifteen_minutes() {
        let at = |m: u32| Utc.with_ymd_and_hms(2026, 12, 6, 10, m, 0).unwrap();
        let wrong: Vec<(bool, DateTime<Utc>)> = (0..5).rev().map(|m| (false, at(m))).collect();
        assert_eq!(locked_until(&wrong[..4], at(5)), None, "four are not enough");
        assert_eq!(locked_until(&wrong, at(5)), Some(at(19)), "15 minutes after the last");
        assert_eq!(locked_until(&wrong, at(19)), None, "open again");
        let mut interrupted = wrong.clone();
        interrupted.insert(2, (true, at(2)));
        assert_eq!(locked_until(&interrupted, at(5)), None, "a success in between resets the count");
    }

    fn update(user_id: &str, roles: Vec<Role>, active: bool) -> Event {
        Event::UserUpdated { user_id: user_id.into(), display_name: "X".into(), roles, active }
    }

    fn admin(user_id: &str) -> Account {
        Account { user_id: user_id.into(), roles: vec![Role::Admin], active: true }
    }

    #[test]
    fn the_last_active_administrator_stays_one() {
        let demoted = update("u-1", vec![Role::Finance], true);
        assert_eq!(check_update(&admin("u-1"), &demoted, "u-2", 1).unwrap_err().message_key, "error.user.last_admin");
        assert!(check_update(&admin("u-1"), &demoted, "u-2", 2).is_ok());
        let off = update("u-1", vec![Role::Admin], false);
        assert_eq!(check_update(&admin("u-1"), &off, "u-2", 1).unwrap_err().message_key, "error.user.last_admin");
        let inactive = Account { active: false, ..admin("u-1") };
        assert!(check_update(&inactive, &demoted, "u-2", 1).is_ok(), "an inactive admin is not the last one");
    }

    #[test]
    fn nobody_deactivates_themselves() {
        let off = update("u-1", vec![Role::Finance], false);
        let finance = Account { user_id: "u-1".into(), roles: vec![Role::Finance], active: true };
        assert_eq!(check_update(&finance, &off, "u-1", 3).unwrap_err().message_key, "error.user.deactivate_self");
        assert!(check_update(&finance, &off, "u-2", 3).is_ok());
    }

    #[test]
    fn a_session_locks_once_it_was_idle_for_the_set_time() {
        let at = |m: u32| Utc.with_ymd_and_hms(2026, 12, 6, 10, m, 0).unwrap();
        assert!(!idle_locked(at(0), at(14), 15));
        assert!(idle_locked(at(0), at(15), 15));
        assert!(check_idle_lock_minutes(0).is_err() && check_idle_lock_minutes(481).is_err());
        assert_eq!(check_idle_lock_minutes(0).unwrap_err().fields[0].field, "idle_lock_minutes");
        assert!(check_idle_lock_minutes(15).is_ok());
    }

    #[test]
    fn roles_are_a_set() {
        assert_eq!(normalised_roles(vec![Role::Admin, Role::Finance, Role::Admin]), vec![Role::Finance, Role::Admin]);
    }
}
