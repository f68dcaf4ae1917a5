//! The audit log's keyed checkpoints on this desk (docs/audit-log.md): finding or making the
//! desk's key when the data folder opens, the quick check at start, and the hold that follows
//! when the check finds the log changed, which only an administrator as the verified log knows
//! them can lift.

pub mod vault;

use lotline_domain::envelope::CheckpointKey;
use lotline_domain::people::Role;
use lotline_domain::{ApiError, ErrorCode, Event};
use lotline_store::{ChainProblem, KeyedProblem, TrustedUntil};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use vault::{KeyPlace, KeyVault};

use crate::acts::Empty;
use crate::context::{Ctx, store_error};
use crate::password::Hashing;

/// Why this desk holds its log until an administrator looks at it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LogHold {
    /// The first event where a desk's hash chain breaks.
    pub chain_problem: Option<ChainProblem>,
    /// The first checkpoint (or anchor from the team) the log no longer matches.
    pub keyed_problem: Option<KeyedProblem>,
    /// The log was checkpointed with a key this computer does not have: a copy restored here.
    pub key_absent: bool,
    /// The administrator who signed in against the verified log: the one who may go on.
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) verified_admin: Option<String>,
}

impl LogHold {
    /// Where the trusted part of the log ends.
    fn trusted_until(&self) -> Option<TrustedUntil> {
        if let Some(p) = &self.chain_problem {
            return Some(TrustedUntil { desk_id: p.desk_id.clone(), from_seq: p.desk_seq });
        }
        self.keyed_problem.as_ref().map(|p| TrustedUntil { desk_id: p.desk_id.clone(), from_seq: p.from_seq })
    }

    /// The finding in words for the log's record of it (not shown to people; the UI words it).
    fn finding(&self) -> String {
        if let Some(p) = &self.chain_problem {
            return format!("chain {:?} at event {} (desk {} number {})", p.problem, p.event_id, p.desk_id, p.desk_seq);
        }
        if let Some(p) = &self.keyed_problem {
            return format!("checkpoint {:?} for desk {} numbers {}-{}", p.problem, p.desk_id, p.from_seq, p.to_seq);
        }
        "checkpoint key absent on this computer".to_owned()
    }
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ApiError> {
    // The keychain's clients block on their own D-Bus or OS calls.
    tokio::task::spawn_blocking(work).await.map_err(ApiError::internal)
}

/// Finds the desk's key (or makes one for a log that never had checkpoints), then checks what
/// was added to the log since the last start; a finding puts the desk on hold.
pub async fn start(ctx: &Ctx, vault: KeyVault) -> Result<(), ApiError> {
    let desk = ctx.device_id.clone();
    let found = {
        let vault = vault.clone();
        let desk = desk.clone();
        blocking(move || vault.load(&desk)).await?
    };
    let keyed_before = {
        let mut conn = ctx.read().await?;
        lotline_store::has_checkpoints(&mut conn).await?
    };
    let key = match found {
        Ok(Some((key, place))) => Some((key, place)),
        // A log that never had checkpoints gets its key now, and its heads sealed.
        Ok(None) | Err(_) if !keyed_before => make_key(ctx, &vault).await?,
        Ok(None) | Err(_) => None,
    };
    ctx.set_key_vault(vault);
    ctx.store.set_checkpoint_key(key.as_ref().map(|(k, _)| k.clone()));
    ctx.set_key_place(key.as_ref().map(|(_, p)| *p));
    let check = {
        let mut tx = ctx.begin().await?;
        let check = lotline_store::check_at_start(&mut tx, key.as_ref().map(|(k, _)| k)).await?;
        tx.commit().await.map_err(|e| store_error(e.into()))?;
        check
    };
    let key_absent = key.is_none() && keyed_before;
    if !check.ok() || key_absent {
        ctx.set_log_hold(Some(LogHold {
            chain_problem: check.chain_problem,
            keyed_problem: check.keyed.first_problem,
            key_absent,
            verified_admin: None,
        }));
    }
    Ok(())
}

/// A new key, kept in the vault, with every desk's head sealed under it; `None` when the vault
/// could not keep it (the log then goes unkeyed, which `lotline check` says).
async fn make_key(ctx: &Ctx, vault: &KeyVault) -> Result<Option<(CheckpointKey, KeyPlace)>, ApiError> {
    let key = vault::new_key();
    let saved = {
        let (vault, desk, key) = (vault.clone(), ctx.device_id.clone(), key.clone());
        blocking(move || vault.save(&desk, &key)).await?
    };
    let place = match saved {
        Ok(place) => place,
        Err(reason) => {
            crate::error_log::note(ctx.store.data_dir(), &format!("the audit log's key could not be kept: {reason}"));
            return Ok(None);
        }
    };
    let mut tx = ctx.begin().await?;
    lotline_store::seal_all(&mut tx, &key, &ctx.now_text()).await?;
    tx.commit().await.map_err(|e| store_error(e.into()))?;
    Ok(Some((key, place)))
}

/// Why the desk is on hold, if it is: the UI shows it before anyone signs in.
pub async fn log_hold(ctx: &Ctx, _: Empty) -> Result<Option<LogHold>, ApiError> {
    Ok(ctx.log_hold())
}

/// Signing in while the log is on hold: only an active administrator, with the password and the
/// role the log's events before the finding give them, whatever the users table says now.
pub(crate) async fn sign_in_held(
    ctx: &Ctx,
    hold: &LogHold,
    username: &str,
    password: &str,
) -> Result<String, ApiError> {
    let account = {
        let mut conn = ctx.read().await?;
        lotline_store::verified_account(&mut conn, username, hold.trusted_until().as_ref()).await?
    };
    let bad = || ApiError::new(ErrorCode::Unauthenticated, "error.auth.bad_credentials");
    let Some(account) = account else {
        let _ = ctx.hashing.hash(password);
        return Err(bad());
    };
    if !account.password_hash.as_deref().is_some_and(|hash| Hashing::verify(password, hash)) {
        return Err(bad());
    }
    if !account.active || !account.roles.contains(&Role::Admin) {
        return Err(ApiError::forbidden("error.audit.administrator_needed"));
    }
    ctx.update_log_hold(|h| h.verified_admin = Some(account.user_id.clone()));
    Ok(account.user_id)
}

/// The administrator who signed in against the verified log lets the desk go on: the finding is
/// recorded in the log with their name, the checkpoints are made again over the log as it is
/// (with a new key if this computer had none), and the next check at start begins here.
pub async fn release_log_hold(ctx: &Ctx, _: Empty) -> Result<Empty, ApiError> {
    let hold = ctx.log_hold().ok_or_else(|| ApiError::conflict("error.audit.not_held"))?;
    let actor = ctx.actor()?;
    if hold.verified_admin.as_deref() != Some(actor.user_id.as_str()) {
        return Err(ApiError::forbidden("error.audit.administrator_needed"));
    }
    let (key, rekeyed) = match ctx.store.checkpoint_key() {
        Some(key) => (key, false),
        None => {
            let vault = ctx.key_vault().unwrap_or_else(KeyVault::for_host);
            let key = vault::new_key();
            let saved = {
                let (vault, desk, key) = (vault.clone(), ctx.device_id.clone(), key.clone());
                blocking(move || vault.save(&desk, &key)).await?
            };
            let place =
                saved.map_err(|reason| ApiError::conflict("error.audit.key_not_kept").with("reason", reason))?;
            ctx.set_key_place(Some(place));
            (key, true)
        }
    };
    let now = ctx.now_text();
    let mut tx = ctx.begin().await?;
    lotline_store::renew_checkpoints(&mut tx, &key, &now).await?;
    let event = Event::LogCheckAccepted { desk_id: ctx.device_id.clone(), finding: hold.finding(), rekeyed };
    let meta = ctx.meta().sealed_with(Some(key.clone()));
    lotline_store::append(&mut tx, &meta, vec![event]).await?;
    lotline_store::mark_verified_heads(&mut tx, &key).await?;
    tx.commit().await.map_err(|e| store_error(e.into()))?;
    ctx.store.set_checkpoint_key(Some(key));
    ctx.set_log_hold(None);
    Ok(Empty {})
}
