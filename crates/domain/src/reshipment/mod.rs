//! Reshipments: replacement goods sent for QC failures, authorized by role and limit, tracked to
//! delivery, with an optional chargeback against the vendor.
//! `decide_*` turn a request into events or an error; `Reshipment::evolve` folds events into state.

mod authorize;
mod decide;
mod lots;
mod offered;
mod sla;
mod state;
#[cfg(test)]
mod tests;
mod tracking;
mod types;

pub use authorize::*;
pub use decide::*;
pub use lots::*;
pub use offered::*;
pub use sla::*;
pub use state::*;
pub use tracking::*;
pub use types::*;
