//! Lots and their genealogy: what went into what, and where it went. Receipts, links
//! (split, merge, repack, rework, assembly) and shipments are facts; the genealogy graph built
//! from them answers forward and backward traces and recall scopes.

mod bom;
mod genealogy;
#[cfg(test)]
mod genealogy_tests;
mod lot;
mod movable;
mod recall;
mod serials;

pub use bom::*;
pub use genealogy::*;
pub use lot::*;
pub use movable::*;
pub use recall::*;
pub use serials::*;
