//! What `/v1/metrics` tells Prometheus: requests answered by endpoint, method and status, push
//! and pull latency as histograms, and the size of the team's log read at scrape time.
//!
//! Written by hand in the text exposition format (0.0.4) rather than with a metrics crate: three
//! families and a few gauges are a hundred lines, and a registry crate would add its macros and
//! dependencies to every build of the desk's binary for no more than that.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::database::Store;
use crate::error::ServerError;

/// Upper bounds of the latency buckets, in seconds: a push of a few events takes milliseconds, a
/// push of thousands on a busy PostgreSQL seconds.
const BUCKETS: [f64; 12] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0];

#[derive(Default)]
pub(crate) struct Metrics {
    /// (endpoint, method, status) → requests answered. Endpoints are route templates
    /// (`/v1/blobs/{sha256}`), so the labels stay a short list whatever clients ask for.
    requests: Mutex<BTreeMap<(&'static str, &'static str, u16), u64>>,
    push: Mutex<Histogram>,
    pull: Mutex<Histogram>,
}

#[derive(Default)]
struct Histogram {
    /// Observations at or under each bound of `BUCKETS` (not cumulative; summed when written).
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

impl Histogram {
    fn observe(&mut self, seconds: f64) {
        if let Some(i) = BUCKETS.iter().position(|bound| seconds <= *bound) {
            self.buckets[i] += 1;
        }
        self.count += 1;
        self.sum += seconds;
    }
}

/// The endpoints the server has, as label values; anything else counts as `unmatched`.
const ENDPOINTS: [&str; 9] = [
    "/v1/enroll",
    "/v1/sessions",
    "/v1/push",
    "/v1/pull",
    "/v1/blobs/{sha256}",
    "/v1/health",
    "/v1/metrics",
    "/v1/openapi.json",
    "unmatched",
];

fn endpoint_label(path: Option<&MatchedPath>) -> &'static str {
    let path = path.map_or("unmatched", MatchedPath::as_str);
    ENDPOINTS.iter().find(|e| **e == path).copied().unwrap_or("unmatched")
}

fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::HEAD => "HEAD",
        Method::DELETE => "DELETE",
        _ => "other",
    }
}

impl Metrics {
    fn record(&self, endpoint: &'static str, method: &'static str, status: u16, took: Duration) {
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((endpoint, method, status)).or_default() += 1;
        }
        let histogram = match endpoint {
            "/v1/push" => &self.push,
            "/v1/pull" => &self.pull,
            _ => return,
        };
        if let Ok(mut histogram) = histogram.lock() {
            histogram.observe(took.as_secs_f64());
        }
    }

    /// The exposition: what this process counted since it started, and the log's size now.
    pub(crate) async fn render(&self, store: &Store) -> Result<String, ServerError> {
        let size = LogSize::read(store).await?;
        let mut out = String::new();
        family(
            &mut out,
            "lotline_http_requests_total",
            "counter",
            "Requests answered, by endpoint, method and status.",
        );
        if let Ok(requests) = self.requests.lock() {
            for ((endpoint, method, status), n) in requests.iter() {
                let _ = writeln!(
                    out,
                    "lotline_http_requests_total{{endpoint=\"{endpoint}\",method=\"{method}\",status=\"{status}\"}} {n}"
                );
            }
        }
        for (name, what, histogram) in [
            ("lotline_push_duration_seconds", "push", &self.push),
            ("lotline_pull_duration_seconds", "pull", &self.pull),
        ] {
            let help = format!("Time to answer a {what}, from the request's headers to the answer.");
            family(&mut out, name, "histogram", &help);
            if let Ok(histogram) = histogram.lock() {
                write_histogram(&mut out, name, &histogram);
            }
        }
        let gauges = [
            ("lotline_log_events", "Events in the team's log (refused acts' stubs included).", size.events),
            ("lotline_last_server_seq", "The last server sequence given.", size.last_server_seq),
            ("lotline_desks_enrolled", "Desks enrolled and not revoked.", size.desks),
            ("lotline_desks_revoked", "Desks whose token was revoked.", size.revoked_desks),
            ("lotline_team_users", "The team's users, active or not.", size.users),
            ("lotline_blobs", "Attachments held.", size.blobs),
            ("lotline_blob_bytes", "Bytes of the attachments held.", size.blob_bytes),
        ];
        for (name, help, value) in gauges {
            family(&mut out, name, "gauge", help);
            let _ = writeln!(out, "{name} {value}");
        }
        family(&mut out, "lotline_build_info", "gauge", "The server's Lotline version.");
        let _ = writeln!(out, "lotline_build_info{{version=\"{}\"}} 1", env!("CARGO_PKG_VERSION"));
        Ok(out)
    }
}

fn family(out: &mut String, name: &str, kind: &str, help: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn write_histogram(out: &mut String, name: &str, histogram: &Histogram) {
    let mut cumulative = 0;
    for (bound, n) in BUCKETS.iter().zip(histogram.buckets) {
        cumulative += n;
        let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
    }
    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {}", histogram.count);
    let _ = writeln!(out, "{name}_sum {}", histogram.sum);
    let _ = writeln!(out, "{name}_count {}", histogram.count);
}

/// Counts every request and times pushes and pulls. Layered on the routes, so it sees the route
/// that matched (axum runs route layers after routing).
pub(crate) async fn track(State(metrics): State<Arc<Metrics>>, request: Request, next: Next) -> Response {
    let endpoint = endpoint_label(request.extensions().get::<MatchedPath>());
    let method = method_label(request.method());
    let started = Instant::now();
    let response = next.run(request).await;
    metrics.record(endpoint, method, response.status().as_u16(), started.elapsed());
    response
}

/// How big the team's log is, for `/v1/health` and `/v1/metrics`.
pub(crate) struct LogSize {
    pub events: i64,
    pub last_server_seq: i64,
    pub desks: i64,
    pub revoked_desks: i64,
    pub users: i64,
    pub blobs: i64,
    pub blob_bytes: i64,
}

impl LogSize {
    /// Cheap on any size of log: every server sequence is one stored event (a refused act keeps
    /// a stub at its place), so the last sequence counts the events without scanning them.
    pub(crate) async fn read(store: &Store) -> Result<LogSize, ServerError> {
        let last_server_seq: i64 =
            sqlx::query_scalar("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&store.pool).await?;
        let desks: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM desks WHERE revoked_at IS NULL").fetch_one(&store.pool).await?;
        let revoked_desks: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM desks WHERE revoked_at IS NOT NULL")
            .fetch_one(&store.pool)
            .await?;
        let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM team_users").fetch_one(&store.pool).await?;
        let blobs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM blobs").fetch_one(&store.pool).await?;
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back so both backends answer an integer.
        let blob_bytes: i64 = sqlx::query_scalar("SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM blobs")
            .fetch_one(&store.pool)
            .await?;
        Ok(LogSize { events: last_server_seq, last_server_seq, desks, revoked_desks, users, blobs, blob_bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buckets_are_written_cumulative_up_to_the_count() {
        let mut histogram = Histogram::default();
        for seconds in [0.001, 0.02, 0.02, 0.7, 100.0] {
            histogram.observe(seconds);
        }
        let mut out = String::new();
        write_histogram(&mut out, "h", &histogram);
        assert!(out.contains("h_bucket{le=\"0.005\"} 1\n"), "{out}");
        assert!(out.contains("h_bucket{le=\"0.025\"} 3\n"), "{out}");
        assert!(out.contains("h_bucket{le=\"1\"} 4\n"), "{out}");
        assert!(out.contains("h_bucket{le=\"30\"} 4\n"), "{out}");
        assert!(out.contains("h_bucket{le=\"+Inf\"} 5\n"), "{out}");
        assert!(out.contains("h_count 5\n"), "{out}");
    }

    #[test]
    fn unknown_paths_and_methods_share_one_label() {
        assert_eq!(endpoint_label(None), "unmatched");
        assert_eq!(method_label(&Method::from_bytes(b"BREW").unwrap()), "other");
    }
}
