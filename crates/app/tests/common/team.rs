//! A real sync server on loopback and desks that join it, for the team tests.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use lotline_app::{Ctx, FixedClock, Store};
use lotline_server::{RunningServer, ServerConfig};

use super::World;

pub async fn start_server(dir: &Path, listen: SocketAddr) -> RunningServer {
    let config = ServerConfig { data_dir: dir.to_owned(), listen, database_url: None };
    lotline_server::serve(config).await.expect("the sync server starts")
}

pub async fn code(dir: &Path) -> String {
    lotline_server::issue_enroll_code(dir).await.expect("an enrolment code").code
}

/// A desk that was never set up, with its own clock at the same time as the first desk's.
pub async fn empty_desk(device: &str) -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).await.unwrap();
    let clock = Arc::new(FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 2, 9, 30, 0).unwrap()));
    let ctx = Ctx::new(store, clock.clone(), device).with_test_hashing();
    // Keyed like a real desk, so every push is sealed and the server verifies it.
    let keys = lotline_app::audit::KeyVault::Folder(dir.path().join("keys"));
    lotline_app::audit::start(&ctx, keys).await.unwrap();
    World { ctx, clock, _dir: dir }
}
