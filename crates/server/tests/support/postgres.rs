//! The tests' PostgreSQL: the server crate's throwaway cluster, which CI must have. A machine
//! without PostgreSQL fails these tests loudly, unless `LOTLINE_SKIP_PG=1` allows skipping.
//! The CLI's fault tests (crates/cli/tests/sync_faults.rs) include this file too.

use lotline_server::pg_cluster::{ClusterError, PgCluster};

pub struct Postgres(PgCluster);

impl Postgres {
    pub async fn start() -> Option<Postgres> {
        match PgCluster::start().await {
            Ok(cluster) => Some(Postgres(cluster)),
            Err(ClusterError::NotFound) if std::env::var("LOTLINE_SKIP_PG").as_deref() == Ok("1") => {
                eprintln!("PostgreSQL binaries not found; skipping the PostgreSQL suite (LOTLINE_SKIP_PG=1)");
                None
            }
            Err(ClusterError::NotFound) => {
                panic!("{}, or set LOTLINE_SKIP_PG=1 to skip these tests", ClusterError::NotFound)
            }
            Err(error) => panic!("{error}"),
        }
    }

    pub fn url(&self, database: &str) -> String {
        self.0.url(database)
    }

    /// A fresh database for one scenario, so scenarios never see each other's rows.
    pub async fn create_database(&self, name: &str) -> String {
        self.0.create_database(name).await.expect("CREATE DATABASE")
    }
}
