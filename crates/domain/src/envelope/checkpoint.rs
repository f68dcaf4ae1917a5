//! Keyed checkpoints over the per-desk chains. The chain alone shows an edit only until someone
//! recomputes every hash after it; a checkpoint is an HMAC of a desk's chain head under a key
//! kept outside the data folder (the OS keychain), so a recomputed tail no longer matches a
//! checkpoint made before it, and nobody without the key can make a new one.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::chain::hex;

/// The length of a checkpoint key, in bytes.
pub const CHECKPOINT_KEY_LEN: usize = 32;

/// A desk's checkpoint key and the id it is filed under, so a checkpoint says which key made it.
#[derive(Clone, PartialEq, Eq)]
pub struct CheckpointKey {
    pub id: String,
    bytes: [u8; CHECKPOINT_KEY_LEN],
}

impl std::fmt::Debug for CheckpointKey {
    // The key itself never reaches a log line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CheckpointKey").field("id", &self.id).finish_non_exhaustive()
    }
}

impl CheckpointKey {
    pub fn new(id: impl Into<String>, bytes: [u8; CHECKPOINT_KEY_LEN]) -> Self {
        CheckpointKey { id: id.into(), bytes }
    }

    /// The key from stored bytes, `None` when they are not a key of the right length.
    pub fn from_slice(id: impl Into<String>, bytes: &[u8]) -> Option<Self> {
        Some(CheckpointKey::new(id, bytes.try_into().ok()?))
    }

    pub fn bytes(&self) -> &[u8; CHECKPOINT_KEY_LEN] {
        &self.bytes
    }

    /// The key as lowercase hex: how it travels to the team's server at enrolment.
    pub fn to_hex(&self) -> String {
        hex(&self.bytes)
    }

    /// A key from its hex form.
    pub fn from_hex(id: impl Into<String>, text: &str) -> Option<Self> {
        if text.len() != CHECKPOINT_KEY_LEN * 2 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0_u8; CHECKPOINT_KEY_LEN];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(CheckpointKey::new(id, bytes))
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length; 32 bytes is never refused.
        <Hmac<Sha256> as Mac>::new_from_slice(&self.bytes)
            .unwrap_or_else(|_| unreachable!("HMAC accepts any key length"))
    }

    /// The checkpoint of `desk_id`'s chain at `desk_seq`, whose event has `head_hash`.
    pub fn checkpoint(&self, desk_id: &str, desk_seq: i64, head_hash: &str) -> String {
        let mut mac = self.mac();
        feed(&mut mac, desk_id, desk_seq, head_hash);
        hex(&mac.finalize().into_bytes())
    }

    /// Whether `checkpoint` is this key's checkpoint of that head (compared in constant time).
    pub fn verifies(&self, desk_id: &str, desk_seq: i64, head_hash: &str, checkpoint: &str) -> bool {
        let Some(expected) = CheckpointKey::from_hex("", checkpoint) else { return false };
        let mut mac = self.mac();
        feed(&mut mac, desk_id, desk_seq, head_hash);
        mac.verify_slice(expected.bytes()).is_ok()
    }
}

fn feed(mac: &mut Hmac<Sha256>, desk_id: &str, desk_seq: i64, head_hash: &str) {
    mac.update(b"lotline-chain-checkpoint-v1");
    let desk_seq = desk_seq.to_string();
    for field in [desk_id, &desk_seq, head_hash] {
        mac.update(&(field.len() as u64).to_be_bytes());
        mac.update(field.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_checkpoint_verifies_only_the_head_it_was_made_for_under_its_key() {
        let key = CheckpointKey::new("k1", [7; 32]);
        let mark = key.checkpoint("desk-a", 12, "ab12");
        assert_eq!(mark.len(), 64);
        assert!(key.verifies("desk-a", 12, "ab12", &mark));
        assert!(!key.verifies("desk-a", 12, "ab13", &mark), "another head");
        assert!(!key.verifies("desk-a", 11, "ab12", &mark), "another place");
        assert!(!key.verifies("desk-b", 12, "ab12", &mark), "another desk");
        assert!(!CheckpointKey::new("k2", [8; 32]).verifies("desk-a", 12, "ab12", &mark), "another key");
        assert!(!key.verifies("desk-a", 12, "ab12", "not hex"));
        // Length-prefixed fields: moving a character between desk and sequence is another text.
        assert_ne!(key.checkpoint("desk-a1", 2, "h"), key.checkpoint("desk-a", 12, "h"));
    }

    #[test]
    fn a_key_travels_as_hex_and_comes_back_the_same() {
        let key = CheckpointKey::new("k1", core::array::from_fn(|i| (i as u8).wrapping_mul(9)));
        let back = CheckpointKey::from_hex("k1", &key.to_hex()).expect("hex");
        assert_eq!(back, key);
        assert!(CheckpointKey::from_hex("k1", "abc").is_none());
        assert!(CheckpointKey::from_hex("k1", &"zz".repeat(32)).is_none());
        assert!(format!("{key:?}").contains("k1") && !format!("{key:?}").contains(&key.to_hex()));
    }
}
