//! Who may have written an event, as the server checks every act a desk pushes: a desk is
//! trusted with its token, not with the names it puts on its acts. The roles are the team's (the
//! users as the team's log holds them in server order), so a role taken away on one desk binds
//! every desk from then on.
//!
//! Each kind lists every permission under which some act of this version writes it: the check
//! refuses what no role of the author could have done, and never a legitimate act. Finer rules
//! (the requester may amend their own reshipment) are the state machines' own.

use crate::people::{Permission, Role};
use crate::{ApiError, Event};

/// A member of the team as the server knows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMember {
    pub user_id: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

impl TeamMember {
    fn may_any(&self, permissions: &[Permission]) -> bool {
        permissions.iter().any(|p| p.allowed_roles().iter().any(|role| self.roles.contains(role)))
    }
}

/// The permissions (any one suffices) under which acts write `event`: those its kind declares
/// (`event.rs`), save for events whose rule changed since they were written. `None` when an
/// approval policy names who may, which the caller checks.
pub fn permissions_for(event: &Event) -> Option<&'static [Permission]> {
    match event {
        // Made before payouts had their duties (Lotline 0.1.0 names no payer): judged by the
        // rule of their day, when an analyst who decided a return could also settle it.
        Event::RmaSettled { paid_by: None, .. } | Event::RmaCreditIssued { paid_by: None, .. } => {
            Some(&[Permission::SettleRma, Permission::DecideRma])
        }
        _ => event.declared_permissions(),
    }
}

/// Whether `author` may have written `event`; the refusal names the user and the permission.
pub fn may_author(author: &TeamMember, event: &Event) -> Result<(), ApiError> {
    let refuse = |what: &str| {
        ApiError::forbidden("error.sync.not_permitted")
            .with("user", author.user_id.clone())
            .with("kind", what.to_owned())
    };
    if !author.active {
        return Err(ApiError::forbidden("error.sync.user_inactive").with("user", author.user_id.clone()));
    }
    match event {
        // A desk that signs a person in through the team after an administrator's reset keeps its
        // copy of that password as a reset of their own: it still says they must change it.
        Event::UserPasswordSet { user_id, .. }
        | Event::UserLanguageSet { user_id, .. }
        | Event::NotificationPreferencesSet { user_id, .. }
        | Event::UserPasswordReset { user_id, .. }
            if *user_id == author.user_id =>
        {
            return Ok(());
        }
        Event::ReshipmentApproved { approval, .. } | Event::RmaPayoutApproved { approval, .. } => {
            let own = approval.approver_id == author.user_id;
            let holds_roles = approval.approver_roles.iter().all(|role| author.roles.contains(role));
            return if own && holds_roles { Ok(()) } else { Err(refuse(event.kind())) };
        }
        // The names the duties are separated by must be the author's own.
        Event::RmaPayoutRequested { request, .. }
            if request.requested_by != author.user_id
                || !request.requester_roles.iter().all(|role| author.roles.contains(role)) =>
        {
            return Err(refuse(event.kind()));
        }
        Event::RmaOpened(opening) if opening.opened_by.as_ref().is_some_and(|by| *by != author.user_id) => {
            return Err(refuse(event.kind()));
        }
        // Lotline 0.1.0 settled without naming who paid, and such history stands (a desk's acts
        // from before it enrolled are not judged here). Every act since names its payer, so a
        // settlement that names nobody, written after enrolment, can only come from a changed
        // desk slipping past the payout duties.
        Event::RmaSettled { rma_no, paid_by: None, .. } | Event::RmaCreditIssued { rma_no, paid_by: None, .. } => {
            return Err(ApiError::forbidden("error.settlement.payer_unknown").with("rma_no", rma_no.clone()));
        }
        Event::RmaApproved { decided_by: Some(by), .. }
        | Event::RmaSettled { paid_by: Some(by), .. }
        | Event::RmaCreditIssued { paid_by: Some(by), .. }
            if *by != author.user_id =>
        {
            return Err(refuse(event.kind()));
        }
        _ => {}
    }
    match permissions_for(event) {
        Some(permissions) if !author.may_any(permissions) => Err(refuse(event.kind())),
        _ => Ok(()),
    }
}

/// Whether the app itself, with nobody signed in, writes `event`: its daily job records the day's
/// vendor ratings on every desk, so an act without an author is taken when it holds only these.
pub fn written_by_the_app(event: &Event) -> bool {
    matches!(event, Event::VendorRated { .. })
}

/// Usernames are one namespace for the whole team, compared without case as a desk does.
pub fn username_key(username: &str) -> String {
    username.trim().to_lowercase()
}

/// A new user claims their username: taken when another user of the team holds it (`holder`).
pub fn claim_username(holder: Option<&str>, user_id: &str, username: &str) -> Result<(), ApiError> {
    match holder {
        Some(other) if other != user_id => {
            Err(ApiError::conflict("error.sync.username_taken").with("username", username.trim().to_owned()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::Language;

    fn member(roles: &[Role]) -> TeamMember {
        TeamMember { user_id: "u-1".into(), roles: roles.to_vec(), active: true }
    }

    fn created(user_id: &str) -> Event {
        Event::UserCreated {
            user_id: user_id.into(),
            username: "jan".into(),
            display_name: "Jan".into(),
            roles: vec![Role::Inspector],
            language: Language::Nl,
            password_hash: None,
        }
    }

    #[test]
    fn only_administrators_manage_users_but_everyone_sets_their_own_password() {
        assert!(may_author(&member(&[Role::Admin]), &created("u-2")).is_ok());
        let refused = may_author(&member(&[Role::Inspector]), &created("u-2")).unwrap_err();
        assert_eq!(refused.message_key, "error.sync.not_permitted");
        let own = Event::UserPasswordSet { user_id: "u-1".into(), password_hash: "h".into() };
        assert!(may_author(&member(&[Role::Inspector]), &own).is_ok());
        let other = Event::UserPasswordSet { user_id: "u-2".into(), password_hash: "h".into() };
        assert!(may_author(&member(&[Role::Inspector]), &other).is_err());
    }

    #[test]
    fn an_inactive_member_writes_nothing() {
        let gone = TeamMember { active: false, ..member(&[Role::Admin]) };
        assert_eq!(may_author(&gone, &created("u-2")).unwrap_err().message_key, "error.sync.user_inactive");
    }

    #[test]
    fn an_approval_is_the_authors_own_with_roles_they_hold() {
        let approval = |approver: &str, roles: Vec<Role>| Event::ReshipmentApproved {
            reshipment_no: "RS-AMS1A-000001".into(),
            approval: crate::reshipment::Approval {
                approver_id: approver.into(),
                approver_roles: roles,
                limit_minor: None,
                amount_version: 1,
                total_minor: 10_000,
                currency: "EUR".into(),
                note: String::new(),
            },
        };
        let finance = member(&[Role::Finance]);
        assert!(may_author(&finance, &approval("u-1", vec![Role::Finance])).is_ok());
        assert!(may_author(&finance, &approval("u-1", vec![Role::Finance, Role::Admin])).is_err());
        assert!(may_author(&finance, &approval("u-9", vec![Role::Finance])).is_err());
    }

    #[test]
    fn a_username_is_claimed_once_per_team_without_case() {
        assert_eq!(username_key(" Jan "), "jan");
        assert!(claim_username(None, "u-1", "jan").is_ok());
        assert!(claim_username(Some("u-1"), "u-1", "jan").is_ok());
        assert_eq!(claim_username(Some("u-2"), "u-1", "Jan").unwrap_err().message_key, "error.sync.username_taken");
    }
}
