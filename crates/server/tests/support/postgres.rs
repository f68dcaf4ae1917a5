//! A throwaway PostgreSQL cluster for the tests: initdb in a temporary folder, postgres on a
//! free port, stopped and removed when the guard drops. As root it runs as the `postgres` user
//! (PostgreSQL refuses to run as root). The CLI's fault tests (crates/cli/tests/sync_faults.rs)
//! include this file too.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::Connection;

pub struct Postgres {
    bin: PathBuf,
    dir: tempfile::TempDir,
    child: Option<Child>,
    pub port: u16,
    as_root: bool,
}

/// Where the binaries are: `PG_BIN`, else Debian's /usr/lib/postgresql/<version>/bin.
fn find_binaries() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("PG_BIN") {
        return Some(PathBuf::from(bin));
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("postgres").exists())
        .collect();
    versions.sort();
    versions.pop()
}

fn is_root() -> bool {
    Command::new("id").arg("-u").output().map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0").unwrap_or(false)
}

impl Postgres {
    /// None when the binaries are missing and `LOTLINE_SKIP_PG=1` allows skipping; panics with
    /// the reason otherwise, so CI without PostgreSQL fails loudly.
    pub async fn start() -> Option<Postgres> {
        let Some(bin) = find_binaries() else {
            if std::env::var("LOTLINE_SKIP_PG").as_deref() == Ok("1") {
                eprintln!("PostgreSQL binaries not found; skipping the PostgreSQL suite (LOTLINE_SKIP_PG=1)");
                return None;
            }
            panic!(
                "PostgreSQL binaries (initdb, postgres) not found in /usr/lib/postgresql/*/bin or PG_BIN: \
                 install the `postgresql` package, or set LOTLINE_SKIP_PG=1 to skip these tests"
            );
        };
        let as_root = is_root();
        let dir = tempfile::tempdir().expect("a temporary folder");
        if as_root {
            run(Command::new("chown").arg("postgres:postgres").arg(dir.path()));
        }
        let data = dir.path().join("data");
        run(user_command(as_root, &bin.join("initdb"))
            .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "-D"])
            .arg(&data));
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let log = std::fs::File::create(dir.path().join("postgres.log")).unwrap();
        let child = user_command(as_root, &bin.join("postgres"))
            .arg("-D")
            .arg(&data)
            .arg("-k")
            .arg(dir.path())
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("starting postgres");
        let postgres = Postgres { bin, dir, child: Some(child), port, as_root };
        postgres.wait_until_ready().await;
        Some(postgres)
    }

    async fn wait_until_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(conn) = sqlx::PgConnection::connect(&self.url("postgres")).await {
                let _ = conn.close().await;
                return;
            }
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(self.dir.path().join("postgres.log")).unwrap_or_default();
                panic!("PostgreSQL did not accept connections within 30 s:\n{log}");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// A fresh database for one scenario, so scenarios never see each other's rows.
    pub async fn create_database(&self, name: &str) -> String {
        let mut conn = sqlx::PgConnection::connect(&self.url("postgres")).await.expect("connecting to postgres");
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut conn)
            .await
            .expect("CREATE DATABASE");
        let _ = conn.close().await;
        self.url(name)
    }
}

fn user_command(as_root: bool, program: &Path) -> Command {
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn run(command: &mut Command) {
    let output = command.output().expect("running a PostgreSQL tool");
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let _ = user_command(self.as_root, &self.bin.join("pg_ctl"))
            .args(["stop", "-m", "immediate", "-D"])
            .arg(&data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
