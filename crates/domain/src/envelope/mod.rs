//! What travels with every event besides its payload: who wrote it on which desk, in which act,
//! at which hybrid-logical time, and the hash that chains it to that desk's previous event.
//! Desks and the sync server share these rules, so both compute the same clock and hashes.

mod chain;
mod decode;
mod hlc;

pub use chain::{ChainLink, GENESIS, payload_hash};
pub use decode::{Decoded, decode_payload};
pub use hlc::{Hlc, HlcError};

/// The payload shape each event kind is written in today. A stored payload of an older version
/// is upcast when read (`decode_payload`); a newer or unknown one is kept but not projected.
pub const fn current_schema_version(kind: &str) -> i64 {
    // Bumped per kind when its payload changes shape; every kind starts at 1.
    let _ = kind;
    1
}
