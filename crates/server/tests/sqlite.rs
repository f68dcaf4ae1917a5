//! The sync server's scenarios on SQLite, each in its own temporary data folder.

#[macro_use]
mod support;

use support::Harness;

macro_rules! sqlite_tests {
    ($($name:ident),*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                support::scenarios::$name(&Harness::sqlite()).await;
            }
        )*
    };
}

with_scenarios!(sqlite_tests);
