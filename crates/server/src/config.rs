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

fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

/// The URL may hold a database password, so only the server's user may read it.
fn write_private(path: &Path, text: &str) -> Result<(), ServerError> {
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
