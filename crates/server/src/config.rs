//! Where the server keeps its data: a folder of its own with `server.db` (SQLite) or a saved
//! PostgreSQL URL in `server.json`, so every later command on the folder reaches the same store.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::ServerError;

#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// The server's data folder: `server.db`, `server.json`, `blobs/`.
    pub data_dir: PathBuf,
    /// Port 0 picks a free port; `RunningServer::addr` tells which.
    pub listen: SocketAddr,
    /// `postgres://…` to store in PostgreSQL; saved in the folder once given. None keeps the
    /// saved one, or SQLite in the folder.
    pub database_url: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct SavedSettings {
    database_url: Option<String>,
}

const SETTINGS_FILE: &str = "server.json";

/// Makes the folder if needed, refuses a desk's folder, saves a newly given URL and answers the
/// URL to open.
pub(crate) fn prepare_data_dir(dir: &Path, database_url: Option<&str>) -> Result<String, ServerError> {
    if dir.join("lotline.db").exists() {
        return Err(ServerError::DeskDataFolder(dir.to_owned()));
    }
    std::fs::create_dir_all(dir.join("blobs")).map_err(ServerError::io(format!("creating {}", dir.display())))?;
    let settings_path = dir.join(SETTINGS_FILE);
    if let Some(url) = database_url {
        let settings = SavedSettings { database_url: Some(url.to_owned()) };
        let text = serde_json::to_string_pretty(&settings).map_err(|e| ServerError::Config(e.to_string()))?;
        write_private(&settings_path, &text)?;
        return Ok(url.to_owned());
    }
    let saved = match std::fs::read_to_string(&settings_path) {
        Ok(text) => serde_json::from_str::<SavedSettings>(&text)
            .map_err(|e| ServerError::Config(format!("{}: {e}", settings_path.display())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => SavedSettings::default(),
        Err(e) => return Err(ServerError::io(format!("reading {}", settings_path.display()))(e)),
    };
    Ok(saved.database_url.unwrap_or_else(|| sqlite_url(&dir.join("server.db"))))
}

/// The URL of the SQLite file at `path`, creating it if missing. Written `sqlite:PATH`, not
/// `sqlite://PATH`: a Windows path (`C:\Users\...`) after `//` reads as a host `C` with a bad
/// port. The URL is parsed (`Any`) and then percent-decoded (SQLite), so `%`, `?` and `#` of the
/// path are escaped, and nothing else is.
pub fn sqlite_url(path: &Path) -> String {
    let mut escaped = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => escaped.push_str("%25"),
            '?' => escaped.push_str("%3F"),
            '#' => escaped.push_str("%23"),
            c => escaped.push(c),
        }
    }
    format!("sqlite:{escaped}?mode=rwc")
}

/// The URL may hold a database password, so only the server's user may read it.
/// On Windows a new file takes the ACL of its folder: the server's folder belongs in the service
/// account's profile (docs/sync.md), which only that account and administrators may read.
pub(crate) fn write_private(path: &Path, text: &str) -> Result<(), ServerError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let context = format!("writing {}", path.display());
    let mut file = options.open(path).map_err(ServerError::io(context.clone()))?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(ServerError::io(context.clone()))?;
    file.sync_all().map_err(ServerError::io(context))
}

#[cfg(test)]
mod tests {
    use std::str::FromStr as _;

    use sqlx::any::AnyConnectOptions;
    use sqlx::sqlite::SqliteConnectOptions;

    use super::*;

    /// The file SQLite opens for a URL: parsed as the server parses it (Any), then as SQLite.
    fn opened_file(url: &str) -> PathBuf {
        let any = AnyConnectOptions::from_str(url).unwrap_or_else(|e| panic!("{url}: {e}"));
        SqliteConnectOptions::try_from(&any).unwrap().get_filename().to_path_buf()
    }

    #[test]
    fn a_folder_path_survives_the_url_on_every_platform() {
        for path in [
            r"C:\Users\Zhang Wei\AppData\Roaming\lotline-server\server.db",
            "/Users/anne/Library/Application Support/lotline server/server.db",
            "/srv/lotline/50% #1 ?/server.db",
            "/home/wei/数据/server.db",
        ] {
            assert_eq!(opened_file(&sqlite_url(Path::new(path))), PathBuf::from(path), "{path}");
        }
    }

    #[tokio::test]
    async fn the_server_opens_its_sqlite_file_in_a_folder_with_awkward_characters() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("team 50% #1");
        let url = prepare_data_dir(&folder, None).unwrap();
        sqlx::any::install_default_drivers();
        let pool = sqlx::any::AnyPoolOptions::new().max_connections(1).connect(&url).await.unwrap();
        sqlx::query("CREATE TABLE t (x INTEGER)").execute(&pool).await.unwrap();
        pool.close().await;
        assert!(folder.join("server.db").is_file(), "the file is where the folder says");
    }
}
