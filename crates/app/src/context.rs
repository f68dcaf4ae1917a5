use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};
use lotline_domain::people::{Actor, Permission};
use lotline_domain::{ApiError, Event};
use lotline_store::{EventMeta, Store, StoreError, StoredEvent, WriteTx};

use crate::audit::{KeyPlace, KeyVault, LogHold};
use crate::clock::Clock;
use crate::password::Hashing;

/// A person's session on this desk: who, whether they must first choose a new password, and
/// when they last did something, for the idle lock.
#[derive(Debug, Clone)]
pub(crate) struct SignedIn {
    pub actor: Actor,
    pub must_change_password: bool,
    pub last_act: DateTime<Utc>,
    pub locked: bool,
}

/// What every act runs with: the store, who is signed in, the clock and this desk's id.
#[derive(Clone)]
pub struct Ctx {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub device_id: String,
    pub(crate) hashing: Hashing,
    session: Arc<RwLock<Option<SignedIn>>>,
    /// The session the team's server gave the person signed in here, when it signed them in:
    /// team administration needs it. Kept in memory only, and gone with the sign-in.
    team_session: Arc<RwLock<Option<String>>>,
    /// Held while this desk syncs with its team, shared by every clone.
    pub(crate) sync_lock: Arc<tokio::sync::Mutex<()>>,
    /// Set when the check at start found the log changed: only an administrator goes on.
    log_hold: Arc<RwLock<Option<LogHold>>>,
    /// Where the log's checkpoint key is kept, and where it was found.
    key_vault: Arc<RwLock<Option<KeyVault>>>,
    key_place: Arc<RwLock<Option<KeyPlace>>>,
    /// A restored desk of a team: nothing is written until its own events are pulled back.
    pull_first: Arc<std::sync::atomic::AtomicBool>,
}

/// A busy database or a clash is a `conflict` with its own message (see lotline_store's
/// `From<StoreError> for ApiError`); the rest stays `internal`.
pub(crate) fn store_error(err: StoreError) -> ApiError {
    err.into()
}

pub(crate) fn sql_error(err: sqlx::Error) -> ApiError {
    StoreError::Sql(err).into()
}

impl Ctx {
    pub fn new(store: Store, clock: Arc<dyn Clock>, device_id: impl Into<String>) -> Self {
        Self {
            store,
            clock,
            device_id: device_id.into(),
            hashing: Hashing::PRODUCTION,
            session: Arc::new(RwLock::new(None)),
            team_session: Arc::new(RwLock::new(None)),
            sync_lock: Arc::new(tokio::sync::Mutex::new(())),
            log_hold: Arc::default(),
            key_vault: Arc::default(),
            key_place: Arc::default(),
            pull_first: Arc::default(),
        }
    }

    /// Restored from a backup and enrolled in a team: acts wait for the first pull.
    pub fn pull_first(&self) -> bool {
        self.pull_first.load(std::sync::atomic::Ordering::SeqCst)
    }

    pub(crate) fn set_pull_first(&self, on: bool) {
        self.pull_first.store(on, std::sync::atomic::Ordering::SeqCst);
    }

    /// Why the log is on hold, if it is.
    pub fn log_hold(&self) -> Option<LogHold> {
        self.log_hold.read().ok().and_then(|h| h.clone())
    }

    pub(crate) fn set_log_hold(&self, hold: Option<LogHold>) {
        if let Ok(mut slot) = self.log_hold.write() {
            *slot = hold;
        }
    }

    pub(crate) fn update_log_hold(&self, change: impl FnOnce(&mut LogHold)) {
        if let Ok(mut slot) = self.log_hold.write()
            && let Some(hold) = slot.as_mut()
        {
            change(hold);
        }
    }

    pub(crate) fn key_vault(&self) -> Option<KeyVault> {
        self.key_vault.read().ok().and_then(|v| v.clone())
    }

    pub(crate) fn set_key_vault(&self, vault: KeyVault) {
        if let Ok(mut slot) = self.key_vault.write() {
            *slot = Some(vault);
        }
    }

    /// Where this desk's checkpoint key was found or put: `None` when it has none.
    pub fn key_place(&self) -> Option<KeyPlace> {
        self.key_place.read().ok().and_then(|p| *p)
    }

    pub(crate) fn set_key_place(&self, place: Option<KeyPlace>) {
        if let Ok(mut slot) = self.key_place.write() {
            *slot = place;
        }
    }

    /// The same desk hashing new passwords as cheaply as argon2 allows: for test suites, which
    /// sign in hundreds of times. Hosts never call it; `Ctx::new` and `open` hash for real.
    pub fn with_test_hashing(mut self) -> Self {
        self.hashing = Hashing::TESTS_ONLY;
        self
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn now_text(&self) -> String {
        lotline_domain::time::stored(self.now())
    }

    pub fn actor(&self) -> Result<Actor, ApiError> {
        self.signed_in().map(|s| s.actor).ok_or_else(ApiError::unauthenticated)
    }

    pub(crate) fn signed_in(&self) -> Option<SignedIn> {
        self.session.read().ok().and_then(|s| s.clone())
    }

    /// The signed-in actor, if allowed to do `permission`.
    pub fn allowed(&self, permission: Permission) -> Result<Actor, ApiError> {
        let actor = self.actor()?;
        actor.require(permission)?;
        Ok(actor)
    }

    /// The same store, clock and desk acting as another user, leaving this session alone: the
    /// demo data set records each step as the person whose job it is.
    pub(crate) fn acting_as(&self, actor: Actor) -> Ctx {
        let session = SignedIn { actor, must_change_password: false, last_act: self.now(), locked: false };
        Ctx { session: Arc::new(RwLock::new(Some(session))), team_session: Arc::new(RwLock::new(None)), ..self.clone() }
    }

    /// The same store, clock and desk with nobody signed in: the app's own jobs write as the app,
    /// not as whoever happens to be looking at it.
    pub(crate) fn as_app(&self) -> Ctx {
        Ctx { session: Arc::new(RwLock::new(None)), team_session: Arc::new(RwLock::new(None)), ..self.clone() }
    }

    /// Starts a session (replacing any other) or, with `None`, signs out.
    pub(crate) fn set_session(&self, session: Option<SignedIn>) {
        let signed_out = session.is_none();
        if let Ok(mut slot) = self.session.write() {
            *slot = session;
        }
        if signed_out {
            self.set_team_session(None);
        }
    }

    /// Changes the signed-in session in place; nothing when nobody is signed in.
    pub(crate) fn update_session(&self, change: impl FnOnce(&mut SignedIn)) {
        if let Ok(mut slot) = self.session.write()
            && let Some(session) = slot.as_mut()
        {
            change(session);
        }
    }

    pub(crate) fn team_session(&self) -> Option<String> {
        self.team_session.read().ok().and_then(|s| s.clone())
    }

    pub(crate) fn set_team_session(&self, session: Option<String>) {
        if let Ok(mut slot) = self.team_session.write() {
            *slot = session;
        }
    }

    pub(crate) fn meta(&self) -> EventMeta {
        self.meta_at(self.now())
    }

    /// The envelope's facts for events made at `at`: an act whose rules read the day (the
    /// return window) records the very time it judged by.
    pub(crate) fn meta_at(&self, at: DateTime<Utc>) -> EventMeta {
        let at = lotline_domain::time::stored(at);
        EventMeta::new(self.actor().ok().map(|a| a.user_id), self.device_id.clone(), at)
            .sealed_with(self.store.checkpoint_key())
    }

    pub(crate) async fn begin(&self) -> Result<WriteTx, ApiError> {
        self.store.begin_write().await.map_err(store_error)
    }

    pub(crate) async fn read(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Sqlite>, ApiError> {
        self.store.pool().acquire().await.map_err(sql_error)
    }

    /// Appends `events` (and projects them) in `tx`, then commits.
    pub(crate) async fn commit(&self, mut tx: WriteTx, events: Vec<Event>) -> Result<Vec<StoredEvent>, ApiError> {
        let stored = lotline_store::append(&mut tx, &self.meta(), events).await?;
        tx.commit().await.map_err(sql_error)?;
        Ok(stored)
    }
}
