//! QC inspection failures: what was found, what is done about it, and how it closes.
//! `decide_*` turn a request into events or an error; `Failure::evolve` folds events into state.

mod decide;
mod lines;
mod lines_decide;
#[cfg(test)]
mod lines_tests;
mod reaction;
#[cfg(test)]
mod reaction_tests;
mod types;

pub use decide::*;
pub use lines::*;
pub use lines_decide::*;
pub use reaction::*;
pub use types::*;
