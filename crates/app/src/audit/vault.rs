//! Where a desk's checkpoint key is kept: never in the data folder, so that whoever has a copy
//! of the folder cannot make checkpoints. The OS keychain (Windows Credential Manager, macOS
//! Keychain, the Secret Service on Linux desktops); where there is none (a Linux machine without
//! a keyring daemon), a file readable by its owner only in the user's configuration folder
//! (docs/audit-log.md).

use std::path::{Path, PathBuf};

use lotline_domain::envelope::{CHECKPOINT_KEY_LEN, CheckpointKey};
use serde::Serialize;

/// The keychain item's service name; the account is the desk's id.
const SERVICE: &str = "Lotline audit log";

#[derive(Debug, Clone)]
pub enum KeyVault {
    /// The OS keychain, and this folder when the keychain cannot be reached.
    System { fallback: Option<PathBuf> },
    /// Only this folder: `LOTLINE_AUDIT_KEY_DIR`, for machines without a keychain and for tests.
    Folder(PathBuf),
}

/// Where a key was found or put, for the check's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KeyPlace {
    Keychain,
    File,
}

impl KeyVault {
    /// The keychain with the platform's configuration folder as fallback, or the folder named by
    /// `LOTLINE_AUDIT_KEY_DIR`.
    pub fn for_host() -> KeyVault {
        if let Some(dir) = std::env::var_os("LOTLINE_AUDIT_KEY_DIR").filter(|d| !d.is_empty()) {
            return KeyVault::Folder(PathBuf::from(dir));
        }
        let fallback =
            directories::ProjectDirs::from("", "", "lotline").map(|dirs| dirs.config_dir().join("audit-keys"));
        KeyVault::System { fallback }
    }

    /// The desk's key and where it was, or `None` when neither place holds one.
    pub fn load(&self, desk_id: &str) -> Result<Option<(CheckpointKey, KeyPlace)>, String> {
        match self {
            KeyVault::Folder(dir) => Ok(load_file(dir, desk_id)?.map(|k| (k, KeyPlace::File))),
            KeyVault::System { fallback } => {
                // Not there, or no keychain: a key made while the keychain was away is a file.
                if let Ok(Some(key)) = keychain_load(desk_id) {
                    return Ok(Some((key, KeyPlace::Keychain)));
                }
                match fallback {
                    Some(dir) => Ok(load_file(dir, desk_id)?.map(|k| (k, KeyPlace::File))),
                    None => Ok(None),
                }
            }
        }
    }

    /// Keeps a new key for the desk: in the keychain when it can be reached, else in the file.
    pub fn save(&self, desk_id: &str, key: &CheckpointKey) -> Result<KeyPlace, String> {
        match self {
            KeyVault::Folder(dir) => save_file(dir, desk_id, key).map(|()| KeyPlace::File),
            KeyVault::System { fallback } => match keychain_save(desk_id, key) {
                Ok(()) => Ok(KeyPlace::Keychain),
                Err(keychain) => match fallback {
                    Some(dir) => save_file(dir, desk_id, key).map(|()| KeyPlace::File),
                    None => Err(keychain),
                },
            },
        }
    }
}

/// A fresh random key with a fresh id.
pub fn new_key() -> CheckpointKey {
    let mut bytes = [0_u8; CHECKPOINT_KEY_LEN];
    // Two v4 UUIDs are 244 random bits from the OS generator, plenty for an HMAC key; the
    // versions' fixed bits are mixed away by HMAC's own key hashing.
    bytes[..16].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    bytes[16..].copy_from_slice(uuid::Uuid::new_v4().as_bytes());
    CheckpointKey::new(uuid::Uuid::now_v7().to_string(), bytes)
}

/// The stored form: the key's id and its bytes in hex.
fn encode(key: &CheckpointKey) -> String {
    format!("{}:{}", key.id, key.to_hex())
}

fn decode(text: &str) -> Option<CheckpointKey> {
    let (id, hex) = text.trim().split_once(':')?;
    CheckpointKey::from_hex(id, hex)
}

fn file_of(dir: &Path, desk_id: &str) -> PathBuf {
    // Desk ids are UUIDs; anything else is kept out of the path.
    let name: String = desk_id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    dir.join(format!("{name}.key"))
}

fn load_file(dir: &Path, desk_id: &str) -> Result<Option<CheckpointKey>, String> {
    match std::fs::read_to_string(file_of(dir, desk_id)) {
        Ok(text) => decode(&text).map(Some).ok_or_else(|| "the key file does not hold a key".to_owned()),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err.to_string()),
    }
}

fn save_file(dir: &Path, desk_id: &str, key: &CheckpointKey) -> Result<(), String> {
    lotline_store::create_private_dir(dir).map_err(|e| e.to_string())?;
    lotline_store::write_private(&file_of(dir, desk_id), encode(key).as_bytes()).map_err(|e| e.to_string())?;
    Ok(())
}

fn keychain_load(desk_id: &str) -> Result<Option<CheckpointKey>, String> {
    let entry = keyring::Entry::new(SERVICE, desk_id).map_err(|e| e.to_string())?;
    match entry.get_password() {
        Ok(text) => decode(&text).map(Some).ok_or_else(|| "the keychain item does not hold a key".to_owned()),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(err) => Err(err.to_string()),
    }
}

fn keychain_save(desk_id: &str, key: &CheckpointKey) -> Result<(), String> {
    let entry = keyring::Entry::new(SERVICE, desk_id).map_err(|e| e.to_string())?;
    entry.set_password(&encode(key)).map_err(|e| e.to_string())?;
    // Read back: some stores accept a write they cannot keep (a locked collection).
    match keychain_load(desk_id)? {
        Some(back) if back == *key => Ok(()),
        _ => Err("the keychain did not keep the key".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_kept_in_a_folder_comes_back_and_is_readable_by_its_owner_only() {
        let dir = tempfile::tempdir().expect("dir");
        let vault = KeyVault::Folder(dir.path().join("keys"));
        assert_eq!(vault.load("desk-1").expect("load"), None);
        let key = new_key();
        assert_eq!(vault.save("desk-1", &key).expect("save"), KeyPlace::File);
        assert_eq!(vault.load("desk-1").expect("load"), Some((key.clone(), KeyPlace::File)));
        assert_eq!(vault.load("desk-2").expect("load"), None, "keys are per desk");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("keys/desk-1.key")).expect("file").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert_ne!(new_key().bytes(), key.bytes(), "keys are random");
    }
}
