//! A team on loopback for the sync tests: `lotline server` as a child process, enrolment codes,
//! and what the tests read back from a desk.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, ChildStderr, Command, Stdio};

use serde_json::Value;

use super::ok;

/// `lotline server` on loopback, killed when dropped.
pub struct Server {
    child: Child,
    stderr: Option<ChildStderr>,
    /// `127.0.0.1:N`, the address it listens on.
    pub addr: String,
    pub url: String,
}

/// How to start a server: where it listens (port 0 picks one), its database (SQLite in its
/// folder unless a PostgreSQL URL is given), and a fault-test pause point (`point:n`).
#[derive(Default)]
pub struct ServerOptions<'a> {
    pub listen: Option<&'a str>,
    pub database_url: Option<&'a str>,
    pub pause: Option<&'a str>,
}

impl Server {
    pub fn start(dir: &Path) -> Server {
        Server::start_with(dir, ServerOptions::default())
    }

    pub fn start_with(dir: &Path, options: ServerOptions) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_lotline"));
        command
            .args(["server", "--data", dir.to_str().unwrap(), "--listen", options.listen.unwrap_or("127.0.0.1:0")])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env_remove("LOTLINE_FAULT_PAUSE");
        if let Some(url) = options.database_url {
            command.args(["--database-url", url]);
        }
        if let Some(pause) = options.pause {
            command.env("LOTLINE_FAULT_PAUSE", pause);
        }
        let mut child = command.spawn().expect("the server starts");
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        let stderr = child.stderr.take();
        let Ok(line) = serde_json::from_str::<Value>(&first) else {
            let mut error = String::new();
            stderr.unwrap().read_to_string(&mut error).unwrap();
            panic!("the server did not start: {first}{error}");
        };
        let addr = line["listening"].as_str().expect("the first line says where it listens").to_owned();
        Server { child, stderr, url: format!("http://{addr}"), addr }
    }

    /// Returns once the server has stopped at its pause point, inside a write transaction.
    pub fn wait_paused(&mut self, point: &str) {
        wait_for_pause(self.stderr.as_mut().expect("the server's standard error"), point);
    }

    /// SIGTERM, as systemd stops a service; answers how the server exited.
    pub fn terminate(mut self) -> std::process::ExitStatus {
        let sent = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(sent.success(), "kill -TERM");
        self.child.wait().unwrap()
    }

    /// SIGKILL: no shutdown, no commit, no flush.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a process's standard error until it says it paused at `point` (see the pause points
/// of crates/store and crates/server, which debug builds have).
pub fn wait_for_pause(stderr: &mut impl Read, point: &str) {
    let wanted = format!("LOTLINE_FAULT_PAUSED {point}");
    let mut seen = String::new();
    let mut reader = BufReader::new(stderr);
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("the process ended without pausing at {point} (pause points exist in debug builds only): {seen}");
        }
        if line.trim_end() == wanted {
            return;
        }
        seen.push_str(&line);
    }
}

pub fn json(data: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(data, args)).unwrap()
}

pub fn enroll_code(server_dir: &Path) -> String {
    json(server_dir, &["server", "enroll-code", "--json"])["code"].as_str().unwrap().to_owned()
}

/// What `lotline check` reports, read through the store (a desk that received the team's data
/// has no local password to sign in with).
pub async fn check(data: &Path) -> lotline_store::CheckReport {
    let store = lotline_store::Store::open(data).await.unwrap();
    let report = lotline_store::check(&store).await.unwrap();
    store.close().await;
    report
}

pub fn count(data: &Path, sql: &str) -> i64 {
    rusqlite::Connection::open(data.join("lotline.db")).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
}
