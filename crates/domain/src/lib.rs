//! Lotline's business rules, pure: no IO, no async, no clock, no SQL.
//! The store and the server call `decide`/`evolve` here so every host enforces the same rules.

pub mod aql;
