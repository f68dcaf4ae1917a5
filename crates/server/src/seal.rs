//! A desk's keyed checkpoint on each push (docs/audit-log.md): the server keeps the desk's key
//! and stores a push only when the desk's checkpoint of its new head verifies with it, so the
//! head the server anchors is one the desk sealed, and a push from a log rewritten without the
//! key is refused.

use lotline_domain::envelope::CheckpointKey;
use lotline_sync::PushSeal;
use sqlx::{Any, Transaction};

use crate::error::{ApiError, ServerError};

fn parse_key(text: &str) -> Option<CheckpointKey> {
    let (id, hex) = text.split_once(':')?;
    CheckpointKey::from_hex(id, hex)
}

/// Verifies `seal` against the desk's head after this push (`head_seq`, `head_hash`), taking a
/// new key the desk sends. A desk that never sent a key (an earlier Lotline) pushes unsealed.
pub(crate) async fn verify_push_seal(
    tx: &mut Transaction<'static, Any>,
    desk_id: &str,
    stored_key: Option<String>,
    seal: Option<&PushSeal>,
    head_seq: i64,
    head_hash: &str,
) -> Result<(), ServerError> {
    let sent_key = match seal.and_then(|s| s.key.as_deref()) {
        Some(text) => Some(parse_key(text).ok_or_else(|| {
            ApiError::invalid("sync.checkpoint_key_malformed", "The desk's checkpoint key is not `id:hex` of 32 bytes.")
                .at("seal.key")
        })?),
        None => None,
    };
    let key = match (sent_key, stored_key.as_deref().and_then(parse_key)) {
        // A key the desk made anew (a restored desk's administrator accepted it): the token
        // that pushes is the desk's, and the key comes with the checkpoint it must verify.
        (Some(sent), stored) => {
            if stored.as_ref() != Some(&sent) {
                sqlx::query("UPDATE desks SET checkpoint_key = $1 WHERE desk_id = $2")
                    .bind(format!("{}:{}", sent.id, sent.to_hex()))
                    .bind(desk_id.to_owned())
                    .execute(&mut **tx)
                    .await?;
            }
            sent
        }
        (None, Some(stored)) => stored,
        (None, None) => return Ok(()),
    };
    let Some(seal) = seal else {
        let message = "This desk sealed its earlier pushes; a push without its checkpoint is refused.";
        return Err(ApiError::conflict("sync.checkpoint_missing", message).at("seal").into());
    };
    if seal.key_id != key.id || !key.verifies(desk_id, head_seq, head_hash, &seal.checkpoint) {
        let message = format!(
            "The desk's checkpoint of its event {head_seq} does not verify with its key: its log was changed outside Lotline."
        );
        return Err(ApiError::conflict("sync.checkpoint_invalid", message).at("seal.checkpoint").into());
    }
    Ok(())
}
