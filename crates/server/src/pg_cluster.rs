//! A throwaway PostgreSQL cluster on loopback, for the server's tests and `lotline bench --sync`:
//! initdb in a temporary folder, postgres on a free port, stopped and removed when dropped. As
//! root it runs as the `postgres` user (PostgreSQL refuses to run as root). Durability is off
//! (`fsync=off`): nothing in it outlives the run.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sqlx::Connection;

#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// No PostgreSQL on this machine: callers may skip what needs it.
    #[error(
        "PostgreSQL binaries (initdb, postgres) not found in /usr/lib/postgresql/*/bin or PG_BIN: install the \
         `postgresql` package"
    )]
    NotFound,
    #[error("starting PostgreSQL: {0}")]
    Failed(String),
}

pub struct PgCluster {
    bin: PathBuf,
    dir: tempfile::TempDir,
    child: Option<Child>,
    port: u16,
    as_root: bool,
}

/// Where the binaries are: `PG_BIN`, else Debian's /usr/lib/postgresql/<version>/bin (the newest).
fn find_binaries() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("PG_BIN") {
        let bin = PathBuf::from(bin);
        return (bin.join("initdb").exists() && bin.join("postgres").exists()).then_some(bin);
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

fn failed(what: impl std::fmt::Display) -> ClusterError {
    ClusterError::Failed(what.to_string())
}

impl PgCluster {
    pub async fn start() -> Result<PgCluster, ClusterError> {
        let bin = find_binaries().ok_or(ClusterError::NotFound)?;
        let as_root = is_root();
        let dir = tempfile::tempdir().map_err(|e| failed(format!("a temporary folder: {e}")))?;
        if as_root {
            run(Command::new("chown").arg("postgres:postgres").arg(dir.path()))?;
        }
        let data = dir.path().join("data");
        run(user_command(as_root, &bin.join("initdb"))
            .args(["-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync", "-D"])
            .arg(&data))?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map_err(|e| failed(format!("a free port: {e}")))?
            .port();
        let log = std::fs::File::create(dir.path().join("postgres.log")).map_err(failed)?;
        let child = user_command(as_root, &bin.join("postgres"))
            .arg("-D")
            .arg(&data)
            .arg("-k")
            .arg(dir.path())
            .args(["-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| failed(format!("running postgres: {e}")))?;
        let cluster = PgCluster { bin, dir, child: Some(child), port, as_root };
        cluster.wait_until_ready().await?;
        Ok(cluster)
    }

    async fn wait_until_ready(&self) -> Result<(), ClusterError> {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if let Ok(conn) = sqlx::PgConnection::connect(&self.url("postgres")).await {
                let _ = conn.close().await;
                return Ok(());
            }
            if Instant::now() > deadline {
                let log = std::fs::read_to_string(self.dir.path().join("postgres.log")).unwrap_or_default();
                return Err(failed(format!("PostgreSQL did not accept connections within 30 s:\n{log}")));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    /// A fresh database (`name` is a plain identifier), so users never see each other's rows.
    pub async fn create_database(&self, name: &str) -> Result<String, ClusterError> {
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(failed(format!("not a plain database name: {name}")));
        }
        let mut conn = sqlx::PgConnection::connect(&self.url("postgres")).await.map_err(failed)?;
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}"))).execute(&mut conn).await.map_err(failed)?;
        let _ = conn.close().await;
        Ok(self.url(name))
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

fn run(command: &mut Command) -> Result<(), ClusterError> {
    let output = command.output().map_err(|e| failed(format!("{command:?}: {e}")))?;
    if !output.status.success() {
        return Err(failed(format!("{command:?} failed: {}", String::from_utf8_lossy(&output.stderr))));
    }
    Ok(())
}

impl Drop for PgCluster {
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
