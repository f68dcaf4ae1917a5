//! Lotline's business rules, pure: no IO, no async, no clock, no SQL.
//! The store and the server call `decide`/`evolve` here so every host enforces the same rules.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

pub mod approval;
pub mod aql;
pub mod chargeback;
pub mod conflict;
pub mod csv_cell;
pub mod envelope;
pub mod error;
pub mod event;
pub mod failure;
pub mod gs1;
pub mod limits;
pub mod lots;
pub mod master;
pub mod merge;
pub mod money;
pub mod notify;
pub mod passwords;
pub mod people;
pub mod production;
pub mod reshipment;
pub mod returns;
pub mod review;
pub mod sales_channel;
pub mod scar;
pub mod settings;
pub mod site_time;
pub mod time;
pub mod users;

pub use error::{ApiError, ErrorCode, FieldError, Violations};
pub use event::Event;
