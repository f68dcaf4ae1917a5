//! The seam for business re-validation: the server orders and stores acts, and asks a judge
//! whether each new act still holds against the team's state. The rules live in the domain and
//! app crates, which implement `ActJudge`; the server itself accepts everything.

use lotline_sync::WireEvent;

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Accept,
    /// The act is stored as refused; the desk shows `reason_key` with `params` to its user.
    Refuse {
        reason_key: String,
        params: serde_json::Map<String, serde_json::Value>,
        message: String,
    },
}

/// Decides on one whole act (its events in desk order, already verified and linked to the
/// desk's chain). Called inside the server's write transaction, one act at a time in server
/// order, so a judge that keeps its own state sees acts in the order they are sequenced. An
/// accepted act may still be dropped if a later act of the same push is malformed (the whole
/// push is then refused and resent), so a stateful judge must tolerate seeing an act again.
pub trait ActJudge: Send + Sync {
    fn judge(&self, act: &[WireEvent]) -> Verdict;
}

/// Accepts every act: the server's default until the app's rules are plugged in.
#[derive(Debug, Clone, Copy, Default)]
pub struct AcceptAll;

impl ActJudge for AcceptAll {
    fn judge(&self, _act: &[WireEvent]) -> Verdict {
        Verdict::Accept
    }
}
