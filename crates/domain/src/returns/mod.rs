//! Returns (RMAs): a versioned policy, and the eligibility verdict it gives an RMA with every
//! rule's outcome, so analysts see why a return was approved, escalated or refused.
//! The restocking fee follows from the same policy; the opening rules decide what may come back.

mod eligibility;
mod exchange;
mod fee;
mod lot_stock;
mod opening;
#[cfg(test)]
mod opening_tests;
mod policy;
mod rma;
#[cfg(test)]
mod rma_tests;
mod sla;
#[cfg(test)]
mod tests;
mod transitions;

pub use eligibility::*;
pub use exchange::*;
pub use fee::*;
pub use lot_stock::*;
pub use opening::*;
pub use policy::*;
pub use rma::*;
pub use sla::*;
pub use transitions::*;
