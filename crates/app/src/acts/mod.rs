//! The business acts, grouped by what they are about.

pub mod attachments;
pub mod chargebacks;
pub mod conflicts;
pub mod documents;
pub mod exports;
mod failure_known;
pub mod failure_lines;
pub mod failures;
pub(crate) mod guard;
pub mod history;
mod history_lines;
mod history_units;
pub mod imports;
pub mod locations;
pub mod lots;
pub mod maintenance;
pub mod master;
pub mod notifications;
mod numbers;
pub mod passwords;
pub mod production;
pub mod reshipments;
pub mod returns;
pub mod review;
pub mod scars;
pub mod search;
pub mod session;
pub mod site_time;
pub mod switching;
pub mod team;
pub mod team_admin;
pub mod users;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The input of acts that take nothing.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Empty {}
