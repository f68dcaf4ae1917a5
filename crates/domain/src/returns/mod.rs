//! Returns (RMAs): a versioned policy, and the eligibility verdict it gives an RMA with every
//! rule's outcome, so analysts see why a return was approved, escalated or refused.
//! The restocking fee follows from the same policy; the opening rules decide what may come back.

mod eligibility;
mod exchange;
mod fee;
mod line_fee;
#[cfg(test)]
mod line_fee_tests;
mod lot_stock;
mod offered;
mod opening;
#[cfg(test)]
mod opening_tests;
mod payout;
#[cfg(test)]
mod payout_tests;
mod policy;
mod recorded_cost;
mod rma;
#[cfg(test)]
mod rma_tests;
mod sla;
#[cfg(test)]
mod tests;
mod transitions;
mod units;
#[cfg(test)]
mod units_tests;

pub use eligibility::*;
pub use exchange::*;
pub use fee::*;
pub use line_fee::*;
pub use lot_stock::*;
pub use offered::*;
pub use opening::*;
pub use payout::*;
pub use policy::*;
pub use recorded_cost::*;
pub use rma::*;
pub use sla::*;
pub use transitions::*;
pub use units::*;
