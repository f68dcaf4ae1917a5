//! What the sync server's test binaries share: a fake desk, a PostgreSQL cluster, a harness that
//! starts the real server on 127.0.0.1 and the scenarios every backend must pass.
// Each test binary uses a different part of this module.
#![allow(dead_code)]

pub mod administration;
pub mod authorship;
pub mod fake_desk;
pub mod operations;
pub mod postgres;
pub mod scenarios;
pub mod sealing;
pub mod smtp_sink;
pub mod weekly_mail;

use std::net::SocketAddr;
use std::sync::Arc;

use lotline_server::{AcceptAll, ActJudge, RunningServer, ServerConfig, serve_with_judge};
use lotline_sync::{EnrollRequest, EnrollResponse, SyncClient};

/// The scenarios, listed once for every backend's test file.
macro_rules! with_scenarios {
    ($run:ident) => {
        $run!(
            enrolment,
            push_pull_round_trip,
            idempotent_repush,
            gap_answers_resend_from,
            tampered_events_store_nothing,
            other_desks_events_refused,
            broken_chain_and_reused_sequence_refused,
            revoked_token_refused_at_once,
            pull_pages_by_limit,
            refused_acts_keep_the_chain,
            quantity_caps_hold_across_desks,
            acts_of_one_push_are_judged_in_order,
            malformed_and_oversized_requests,
            blob_round_trip,
            authorship,
            payer_less_settlements_after_enrolment_refused,
            sign_in_lockout,
            must_change_after_reset,
            ratings_written_by_the_app,
            health_and_metrics,
            desks_and_users_listed,
            team_administration,
            backup_restore_drill,
            sealed_pushes,
            weekly_review_mailed
        );
    };
}

/// A server's data folder and, for PostgreSQL, its database.
pub struct Harness {
    pub dir: tempfile::TempDir,
    database_url: Option<String>,
}

impl Harness {
    pub fn sqlite() -> Harness {
        Harness { dir: tempfile::tempdir().unwrap(), database_url: None }
    }

    pub fn postgres(url: String) -> Harness {
        Harness { dir: tempfile::tempdir().unwrap(), database_url: Some(url) }
    }

    pub async fn start(&self) -> RunningServer {
        self.start_with(Arc::new(AcceptAll)).await
    }

    pub async fn start_with(&self, judge: Arc<dyn ActJudge>) -> RunningServer {
        let config = ServerConfig {
            data_dir: self.dir.path().to_owned(),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url: self.database_url.clone(),
        };
        serve_with_judge(config, judge).await.expect("the server starts")
    }

    pub fn backend(&self) -> &'static str {
        if self.database_url.is_some() { "postgres" } else { "sqlite" }
    }

    /// For PostgreSQL, a new empty database beside the harness's (to restore into); None on SQLite.
    pub async fn spare_database(&self, suffix: &str) -> Option<String> {
        use sqlx::Connection;
        let url = self.database_url.as_ref()?;
        let (server, name) = url.rsplit_once('/').expect("a database URL ends in its database");
        let spare = format!("{name}_{suffix}");
        let mut conn = sqlx::PgConnection::connect(url).await.expect("connecting to postgres");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {spare}")))
            .execute(&mut conn)
            .await
            .expect("CREATE DATABASE");
        let _ = conn.close().await;
        Some(format!("{server}/{spare}"))
    }

    /// Runs `sql` on the server's database while no server runs on it.
    pub async fn execute(&self, sql: &str) {
        sqlx::any::install_default_drivers();
        let sqlite = format!("sqlite://{}?mode=rwc", self.dir.path().join("server.db").display());
        let url = self.database_url.clone().unwrap_or(sqlite);
        let pool = sqlx::AnyPool::connect(&url).await.expect("the server's database");
        sqlx::query(sqlx::AssertSqlSafe(sql.to_owned())).execute(&pool).await.expect("the statement runs");
        pool.close().await;
    }

    /// Enrols a new desk of `site` with a fresh code; answers its client and enrolment. The
    /// fake desk's acts all count as written before it enrolled: these scenarios are about the
    /// protocol, `authorship` about who may push what.
    pub async fn enrol(&self, server: &RunningServer, desk_id: &str, site: &str) -> (SyncClient, EnrollResponse) {
        self.enrol_at(server, desk_id, site, 1_000_000).await
    }

    /// Enrols a desk whose acts after `head_seq` are held to the team's sessions and roles.
    pub async fn enrol_at(
        &self,
        server: &RunningServer,
        desk_id: &str,
        site: &str,
        head_seq: i64,
    ) -> (SyncClient, EnrollResponse) {
        let code = lotline_server::issue_enroll_code(self.dir.path()).await.expect("an enrolment code");
        let request =
            EnrollRequest { code: code.code, desk_id: desk_id.to_owned(), site_code: site.to_owned(), head_seq };
        let enrolled = SyncClient::new(server.url()).enroll(&request).await.expect("enrolment");
        (SyncClient::new(server.url()).with_token(enrolled.token.clone()), enrolled)
    }
}
