//! The sync server's scenarios on SQLite, each in its own temporary data folder.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

#[macro_use]
mod support;

use support::Harness;

macro_rules! sqlite_tests {
    ($($name:ident),*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                support::scenarios::$name(&Harness::sqlite()).await;
            }
        )*
    };
}

with_scenarios!(sqlite_tests);

#[tokio::test]
async fn a_desks_data_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("lotline.db"), b"").unwrap();
    let config = lotline_server::ServerConfig {
        data_dir: dir.path().to_owned(),
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        database_url: None,
    };
    let refused = lotline_server::serve(config).await.err().expect("a desk's folder is refused");
    assert!(matches!(refused, lotline_server::ServerError::DeskDataFolder(_)), "{refused}");
    assert!(lotline_server::issue_enroll_code(dir.path()).await.is_err());
    assert!(!dir.path().join("server.db").exists());
}
