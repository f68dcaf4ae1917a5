//! Returns (RMAs): a versioned policy, and the eligibility verdict it gives an RMA with every
//! rule's outcome, so analysts see why a return was approved, escalated or refused.
//! The restocking fee follows from the same policy.

mod eligibility;
mod fee;
mod lot_stock;
mod policy;
mod rma;
#[cfg(test)]
mod rma_tests;
mod sla;
#[cfg(test)]
mod tests;
mod transitions;

pub use eligibility::*;
pub use fee::*;
pub use lot_stock::*;
pub use policy::*;
pub use rma::*;
pub use sla::*;
pub use transitions::*;
