//! The same scenarios on a real PostgreSQL started by the test: one cluster for the run, one
//! database per scenario. Fails when PostgreSQL is missing unless LOTLINE_SKIP_PG=1.

// A test may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for the
// product's code.
#![allow(clippy::too_many_lines)]

#[macro_use]
mod support;

use support::Harness;
use support::postgres::Postgres;

macro_rules! run_on {
    ($postgres:ident; $($name:ident),*) => {
        $(
            eprintln!("postgres: {}", stringify!($name));
            let harness = Harness::postgres($postgres.create_database(stringify!($name)).await);
            support::scenarios::$name(&harness).await;
        )*
    };
}

macro_rules! postgres_suite {
    ($($name:ident),*) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn every_scenario_on_postgres() {
            let Some(postgres) = Postgres::start().await else { return };
            run_on!(postgres; $($name),*);
        }
    };
}

with_scenarios!(postgres_suite);
