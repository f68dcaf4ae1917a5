//! What travels with every event besides its payload: who wrote it on which desk, in which act,
//! at which hybrid-logical time, and the hash that chains it to that desk's previous event.
//! Desks and the sync server share these rules, so both compute the same clock and hashes.

mod chain;
mod checkpoint;
mod decode;
mod hlc;
mod verify;
mod wire;

pub use chain::{ChainLink, GENESIS, payload_hash};
pub use checkpoint::{CHECKPOINT_KEY_LEN, CheckpointKey};
pub use decode::redact_credential;
pub use decode::{Decoded, decode_payload};
pub use hlc::{Hlc, HlcError};
pub use verify::VerifyError;
pub use wire::EnvelopedEvent;

/// The payload shape each event kind is written in today. A stored payload of an older version
/// is upcast when read (`decode_payload`); a newer or unknown one is kept but not projected.
pub fn current_schema_version(kind: &str) -> i64 {
    // Bumped per kind when its payload changes shape; every kind starts at 1.
    match kind {
        // 2: the password hash moved out to the local-only `user_password_set`.
        "user_created" => 2,
        // 2: a maximum level beside the minimum; a desk that knows only the minimum keeps a
        // newer save unprojected rather than dropping its maximum on its next save.
        "safety_stock_set" => 2,
        // 2: refurbished and open-box units go to B-stock (`b_stock`); a Lotline that only knows
        // version 1 keeps the event unprojected rather than putting them back as new.
        "rma_inspected" => 2,
        // 2: the sales channel (`channel`); version 1 reads as none ("unspecified"). A desk that
        // knows only version 1 keeps a newer one unprojected rather than dropping its channel.
        "order_recorded" | "orders_imported" | "rma_opened" => 2,
        _ => 1,
    }
}

/// Kinds whose payloads of `schema_version` hold a credential that must not leave the desk:
/// pushed with it taken out (`redacted`), their chain still verified through `payload_hash`.
pub fn carries_credential(kind: &str, schema_version: i64) -> bool {
    kind == "user_created" && schema_version < 2
}
