//! Reviews: the figures a quality lead looks at once a week or month. Top failure reasons,
//! cost of quality, reshipment timeliness, the returns KPI table, SKUs to raise with product
//! and tech teams, and vendor scorecards.
//!
//! Conventions shared by every file here, so a figure means the same thing on every screen:
//! - Ratios are basis points (`i64`, 10,000 = 100%), rounded to the nearest point, halves away
//!   from zero. Integers keep the figures exact, comparable and equal on every host.
//! - Durations are whole minutes, rounded the same way; the UI shows hours or days.
//! - Money is minor units per ISO currency and is never added across currencies: every money
//!   figure is a list of `(currency, amount)` sorted by currency.
//! - A figure without a denominator is `None` ("no data"), never 0.
//! - The store fills the flat `*Row` structs from SQL; the periods and "now" are arguments.

mod aging;
mod breakdown;
mod cost;
mod kpi;
mod kpi_input;
mod kpi_table;
mod kpi_targets;
mod math;
mod pareto;
mod period;
mod rating_trend;
mod scorecard;
mod scorecard_settings;
mod sku_flag;
mod timeliness;

#[cfg(test)]
mod kpi_fixture;
#[cfg(test)]
mod kpi_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod scorecard_tests;
#[cfg(test)]
mod test_util;

pub use aging::*;
pub use breakdown::*;
pub use cost::*;
pub use kpi::*;
pub use kpi_input::*;
pub use kpi_table::*;
pub use kpi_targets::*;
pub use math::*;
pub use pareto::*;
pub use period::*;
pub use rating_trend::*;
pub use scorecard::*;
pub use scorecard_settings::*;
pub use sku_flag::*;
pub use timeliness::*;
