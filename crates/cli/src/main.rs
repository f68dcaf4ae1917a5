//! `lotline`: the same catalogue as the desktop app, from a terminal.

mod bench;
mod bench_base;
mod bench_labels;
mod bench_lists;
mod bench_lots;
mod bench_returns;
mod bench_review_sql;
mod bench_reviews;
mod bench_sync;
mod bench_sync_raw;
mod bench_walk;
mod import_progress;
mod messages;
mod report;
mod team;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use base64::Engine as _;
use clap::{Parser, Subcommand, ValueEnum};
use lotline_app::{ApiError, Ctx, call};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(name = "lotline", version, about = "Lotline: QC failures, reshipments, returns and traceability")]
struct Cli {
    /// Data folder (default: the per-user app data folder, or LOTLINE_DATA_DIR).
    #[arg(long, global = true)]
    data: Option<PathBuf>,
    /// Sign in as this user; the password comes from LOTLINE_PASSWORD.
    #[arg(long, global = true, env = "LOTLINE_USER")]
    user: Option<String>,
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum EntityArg {
    Products,
    Vendors,
    Customers,
    Orders,
    Failures,
    Reshipments,
    Rmas,
    Lots,
    LotLinks,
    Shipments,
    Serials,
}

impl EntityArg {
    fn name(self) -> &'static str {
        match self {
            EntityArg::Products => "products",
            EntityArg::Vendors => "vendors",
            EntityArg::Customers => "customers",
            EntityArg::Orders => "orders",
            EntityArg::Failures => "failures",
            EntityArg::Reshipments => "reshipments",
            EntityArg::Rmas => "rmas",
            EntityArg::Lots => "lots",
            EntityArg::LotLinks => "lot_links",
            EntityArg::Shipments => "shipments",
            EntityArg::Serials => "serials",
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// First start without the desktop app: settings and the first admin (password from LOTLINE_PASSWORD).
    Init {
        #[arg(long)]
        company: String,
        #[arg(long)]
        site: String,
        #[arg(long, default_value = "EUR")]
        currency: String,
        #[arg(long)]
        admin: String,
        #[arg(long)]
        admin_name: Option<String>,
        #[arg(long, default_value = "en")]
        language: String,
        /// The site's IANA time zone (e.g. Asia/Shanghai); none: this computer's, to be confirmed.
        #[arg(long)]
        time_zone: Option<String>,
    },
    /// Fill the database with the demo data set.
    Demo,
    /// Import a CSV file; nothing is written unless every row is good.
    Import {
        entity: EntityArg,
        file: PathBuf,
        /// The file's encoding (gbk, windows-1252, utf-8) when detection cannot tell.
        #[arg(long)]
        encoding: Option<String>,
    },
    /// Export as CSV to a file or standard output.
    Export {
        entity: EntityArg,
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Everything made from a lot (--forward) or everything that went into it (--backward).
    Trace {
        lot_code: String,
        #[arg(long, conflicts_with = "backward", required_unless_present = "backward")]
        forward: bool,
        #[arg(long)]
        backward: bool,
    },
    /// The recall scope of lots: what is still in stock and where, and which customers to contact.
    Recall {
        #[arg(required = true)]
        lot_codes: Vec<String>,
        /// Also write the scope as a PDF report.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Lots.
    Lot {
        #[command(subcommand)]
        command: LotCommand,
    },
    /// Returns (RMAs).
    Rma {
        #[command(subcommand)]
        command: RmaCommand,
    },
    /// Reviews: `review`, `kpis`, and a vendor defect report as PDF.
    Report {
        #[command(subcommand)]
        command: report::ReportCommand,
    },
    /// Run any catalogue act with a JSON input (or `-` to read it from standard input).
    Call { act: String, input: Option<String> },
    /// The team's sync server on its own folder (not a desk's): runs until stopped, printing
    /// `{"listening": "ADDR"}` first; or one of its commands.
    Server {
        #[command(subcommand)]
        command: Option<team::ServerCommand>,
        /// Where to listen; port 0 picks a free one.
        #[arg(long, default_value = "127.0.0.1:7070")]
        listen: std::net::SocketAddr,
        /// PostgreSQL instead of the folder's SQLite; kept in the folder for later commands.
        #[arg(long)]
        database_url: Option<String>,
    },
    /// Push this desk's changes and pull the team's; or enrol this desk, or show its status.
    Sync {
        #[command(subcommand)]
        command: Option<team::SyncCommand>,
    },
    /// A backup of the data folder as one file (database, desk id, attachments, manifest), while
    /// the desktop app may keep writing.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into the folder given by --data (required): checked whole before anything
    /// is put in place.
    Restore {
        file: PathBuf,
        /// The folder holds data: move it aside (never deleted) and restore in its place.
        #[arg(long)]
        replace: bool,
    },
    /// Rebuild the projections from the event log.
    Rebuild,
    /// SQLite integrity check, every desk's hash chain, the keyed checkpoints, and the
    /// projections compared with a rebuild.
    Check {
        /// When the check at start put the log on hold: record the finding with your name and
        /// let the desk go on (an administrator, as the verified log knows them).
        #[arg(long)]
        accept: bool,
    },
    /// Measure import, interactive acts and list queries against raw SQLite in the same run.
    Bench {
        /// 1 = the sizes of DESIGN.md section 8; below 1 a quick run (e.g. 0.01) that checks
        /// every figure and baseline, whose times mean little.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        /// Only the lots part (import, traces, recall scope) on its own database.
        #[arg(long)]
        lots_only: bool,
        /// Only the reviews part (100,000 failures and 100,000 RMAs per scale) on its own database,
        /// kept in `--keep` when given and reused by the next run there.
        #[arg(long, conflicts_with = "lots_only")]
        reviews_only: bool,
        /// The folder the reviews-only database is kept in, to look into a figure afterwards.
        #[arg(long, requires = "reviews_only")]
        keep: Option<std::path::PathBuf>,
        /// Only team sync: push into a sync server on loopback (SQLite, and PostgreSQL when its
        /// binaries are here), pull pages from it, and a new desk's first sync of the team.
        #[arg(long, conflicts_with_all = ["lots_only", "reviews_only"])]
        sync: bool,
        /// The events the syncing desk writes for the team (--sync).
        #[arg(long, requires = "sync", default_value_t = 100_000)]
        sync_events: usize,
    },
}

#[derive(Subcommand)]
enum LotCommand {
    /// GS1 lot labels (GS1-128 and a Digital Link QR code) as one PDF, a page per lot.
    Label {
        #[arg(required = true)]
        lot_codes: Vec<String>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "4x6")]
        size: SizeArg,
        /// A label per unit of the (one) lot, each with its serial (GS1 AI 21).
        #[arg(long = "serial")]
        serials: Vec<String>,
    },
}

#[derive(Subcommand)]
enum RmaCommand {
    /// Prepaid return labels as one PDF, a page per RMA.
    Label {
        /// The RMA numbers; none with --all-approved.
        rma_nos: Vec<String>,
        /// Every approved RMA that has no label yet.
        #[arg(long, conflicts_with = "rma_nos")]
        all_approved: bool,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_enum, default_value = "4x6")]
        size: SizeArg,
        /// Parcel weight in grams (default: the returns policy's parcel weight).
        #[arg(long)]
        weight_grams: Option<i64>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum SizeArg {
    #[value(name = "4x6")]
    FourBySix,
    #[value(name = "a6")]
    A6,
}

fn fail(err: &ApiError, as_json: bool) -> ExitCode {
    if as_json {
        eprintln!("{}", serde_json::to_string_pretty(err).unwrap_or_else(|_| err.to_string()));
    } else {
        eprintln!("{}", messages::describe(err));
    }
    ExitCode::from(1)
}

async fn sign_in(ctx: &Ctx, user: Option<&str>) -> Result<(), ApiError> {
    let Some(user) = user else { return Ok(()) };
    let password = std::env::var("LOTLINE_PASSWORD").unwrap_or_default();
    call(ctx, "sign_in", json!({ "username": user, "password": password })).await.map(|_| ())
}

pub(crate) fn print(json_mode: bool, value: &Value, text: impl FnOnce() -> String) {
    if json_mode {
        println!("{}", serde_json::to_string_pretty(value).unwrap_or_default());
    } else {
        println!("{}", text());
    }
}

async fn run(cli: Cli) -> Result<ExitCode, ApiError> {
    let data = cli.data.clone().unwrap_or_else(lotline_store::default_data_dir);
    if let Command::Bench { scale, lots_only, reviews_only, keep, sync, sync_events } = cli.command {
        let part = match (lots_only, reviews_only, sync) {
            (true, _, _) => bench::Part::Lots,
            (_, true, _) => bench::Part::Reviews { keep },
            (_, _, true) => bench::Part::Sync { events: sync_events },
            _ => bench::Part::All,
        };
        return bench::run(scale, part, cli.json)
            .await
            .map(|_| ExitCode::SUCCESS)
            .map_err(|e| ApiError::internal(format!("{e:#}")));
    }
    if let Command::Server { command, listen, database_url } = cli.command {
        // The server's folder is not a desk's: no desk database is opened in it.
        team::server(&data, command, listen, database_url, cli.json).await?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Backup { out } = &cli.command {
        // No lock: a backup reads beside the running app.
        let manifest = lotline_app::backups::backup_folder(&data, out).await?;
        let value = serde_json::to_value(&manifest).unwrap_or_default();
        print(cli.json, &value, || {
            format!(
                "Wrote {}: Lotline {}, schema {}, {} file(s).",
                out.display(),
                manifest.app_version,
                manifest.schema_version,
                manifest.files.len()
            )
        });
        return Ok(ExitCode::SUCCESS);
    }
    if let Command::Restore { file, replace } = &cli.command {
        let Some(dir) = cli.data.as_deref() else {
            return Err(ApiError::new(lotline_app::ErrorCode::Invalid, "error.backup.data_required"));
        };
        let report = lotline_app::backups::restore(file, dir, *replace).await?;
        let value = serde_json::to_value(&report).unwrap_or_default();
        print(cli.json, &value, || restored_text(&report));
        return Ok(ExitCode::SUCCESS);
    }
    // One app per data folder: held until this command ends.
    let _lock = lotline_app::backups::lock_data_folder(&data)?;
    let ctx = lotline_app::open(&data).await?;
    match cli.command {
        Command::Init { company, site, currency, admin, admin_name, language, time_zone } => {
            let password = std::env::var("LOTLINE_PASSWORD").unwrap_or_default();
            let input = json!({
                "company_name": company, "site_code": site, "currency": currency, "language": language,
                "admin_username": admin, "admin_display_name": admin_name.unwrap_or_else(|| admin.clone()),
                "admin_password": password, "load_demo": false, "time_zone": time_zone,
            });
            let out = call(&ctx, "complete_setup", input).await?;
            print(cli.json, &out, || format!("Lotline set up in {}; admin {admin} can sign in.", data.display()));
        }
        Command::Demo => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            lotline_app::demo::load(&ctx).await?;
            print(cli.json, &json!({ "loaded": true }), || {
                format!("Demo data loaded. Demo users sign in with password {}", lotline_app::demo::DEMO_PASSWORD)
            });
        }
        Command::Import { entity, file, encoding } => {
            use base64::Engine as _;
            sign_in(&ctx, cli.user.as_deref()).await?;
            // The bytes as they are: the catalogue detects a file's encoding, or is told it.
            let bytes = std::fs::read(&file).map_err(|e| ApiError::internal(e).with("path", file.display()))?;
            let csv_base64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            let input = json!({ "entity": entity.name(), "csv_base64": csv_base64, "encoding": encoding });
            let out = import_progress::import(&ctx, input).await?;
            print(cli.json, &out, || format!("Imported {} {}.", out["imported"], entity.name()));
        }
        Command::Export { entity, out } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let result = call(&ctx, "export_csv", json!({ "entity": entity.name() })).await?;
            let csv = result["csv"].as_str().unwrap_or_default();
            match out {
                Some(path) => {
                    std::fs::write(&path, csv).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
                    print(cli.json, &json!({ "path": path, "bytes": csv.len() }), || {
                        format!("Wrote {}", path.display())
                    });
                }
                None => print!("{csv}"),
            }
        }
        Command::Rma { command: RmaCommand::Label { rma_nos, all_approved, out, size, weight_grams } } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let rma_nos =
                if all_approved { lotline_app::acts::returns::approved_without_label(&ctx).await? } else { rma_nos };
            if rma_nos.is_empty() && all_approved {
                print(cli.json, &json!({ "labels": 0 }), || "No approved RMA is waiting for a label.".to_owned());
                ctx.store.close().await;
                return Ok(ExitCode::SUCCESS);
            }
            let size = match size {
                SizeArg::FourBySix => "four_by_six",
                SizeArg::A6 => "a6",
            };
            let input = json!({ "rma_nos": rma_nos, "size": size, "weight_grams": weight_grams });
            let result = call(&ctx, "rma_labels", input).await?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(result["pdf_base64"].as_str().unwrap_or_default())
                .map_err(ApiError::internal)?;
            std::fs::write(&out, &bytes).map_err(|e| ApiError::internal(e).with("path", out.display()))?;
            let count = rma_nos.len();
            print(cli.json, &json!({ "path": out, "labels": count, "bytes": bytes.len() }), || {
                format!("Wrote {count} label(s) to {}", out.display())
            });
        }
        Command::Trace { lot_code, forward, .. } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let direction = if forward { "forward" } else { "backward" };
            let out = call(&ctx, "trace_lot", json!({ "lot_code": lot_code, "direction": direction })).await?;
            print(cli.json, &out, || trace_text(&out));
        }
        Command::Recall { lot_codes, out: pdf } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let out = call(&ctx, "recall_scope", json!({ "lot_codes": lot_codes })).await?;
            if let Some(path) = pdf {
                let result = call(&ctx, "recall_report_pdf", json!({ "lot_codes": lot_codes })).await?;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(result["pdf_base64"].as_str().unwrap_or_default())
                    .map_err(ApiError::internal)?;
                std::fs::write(&path, &bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
            }
            print(cli.json, &out, || recall_text(&out));
        }
        Command::Lot { command: LotCommand::Label { lot_codes, out, size, serials } } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let size = match size {
                SizeArg::FourBySix => "four_by_six",
                SizeArg::A6 => "a6",
            };
            let input = json!({ "lot_codes": lot_codes, "size": size, "serials": serials });
            let result = call(&ctx, "lot_labels", input).await?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(result["pdf_base64"].as_str().unwrap_or_default())
                .map_err(ApiError::internal)?;
            std::fs::write(&out, &bytes).map_err(|e| ApiError::internal(e).with("path", out.display()))?;
            let count = if serials.is_empty() { lot_codes.len() } else { serials.len() };
            print(cli.json, &json!({ "path": out, "labels": count, "bytes": bytes.len() }), || {
                format!("Wrote {count} lot label(s) to {}", out.display())
            });
        }
        Command::Call { act, input } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let text = match input.as_deref() {
                Some("-") => {
                    let mut buf = String::new();
                    std::io::stdin().read_to_string(&mut buf).map_err(ApiError::internal)?;
                    buf
                }
                Some(text) => text.to_owned(),
                None => "{}".to_owned(),
            };
            let input: Value = serde_json::from_str(&text).map_err(|e| {
                ApiError::field(lotline_app::FieldError::new("input", "error.field.malformed").with("reason", e))
            })?;
            let out = call(&ctx, &act, input).await?;
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Command::Rebuild => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            let counts = lotline_app::acts::maintenance::rebuild_log(&ctx).await?;
            let value = serde_json::to_value(&counts).unwrap_or_default();
            print(cli.json, &value, || {
                let mut lines = vec![format!("replayed {} events", counts.events)];
                if counts.unknown_events > 0 {
                    lines.push(format!(
                        "kept {} events of kinds a newer Lotline wrote, not shown here: update Lotline",
                        counts.unknown_events
                    ));
                }
                lines.extend(counts.tables.iter().map(|(t, n)| format!("  {t:<20} {n}")));
                lines.join("\n")
            });
        }
        Command::Check { accept } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            if let Some(hold) = ctx.log_hold() {
                eprintln!("{}", held_line(&hold));
            }
            let report = lotline_app::acts::maintenance::check_log(&ctx).await?;
            let value = serde_json::to_value(&report).unwrap_or_default();
            print(cli.json, &value, || {
                let chain = match &report.chain.first_problem {
                    None => format!("intact ({} events of {} desk(s))", report.chain.verified, report.chain.desks),
                    Some(p) => format!(
                        "BROKEN at event {} ({}, number {} of desk {}): {}",
                        p.event_id,
                        p.kind,
                        p.desk_seq,
                        p.desk_id,
                        match p.problem {
                            lotline_store::ChainBreak::Changed => "it was changed after it was written",
                            lotline_store::ChainBreak::EventsRemovedBefore => "events before it were removed",
                            lotline_store::ChainBreak::NotLinkedToPrevious => {
                                "it does not follow the event before it (inserted, or that one replaced)"
                            }
                        }
                    ),
                };
                let keyed = keyed_line(&report.keyed, ctx.key_place());
                let mut text = format!(
                    "integrity: {}\nevents: {}\nchain: {chain}\ncheckpoints: {keyed}\nprojections: {}",
                    report.integrity,
                    report.events,
                    if report.mismatched.is_empty() {
                        "equal to a rebuild".to_owned()
                    } else {
                        format!("DIFFER in {}", report.mismatched.join(", "))
                    }
                );
                if report.unknown_events > 0 {
                    text.push_str(&format!(
                        "\nunknown: {} events of kinds a newer Lotline wrote (kept, not projected): update Lotline",
                        report.unknown_events
                    ));
                }
                text
            });
            if accept && ctx.log_hold().is_some() {
                call(&ctx, "release_log_hold", json!({})).await?;
                eprintln!("the finding is recorded with your name; the desk goes on");
            } else if !report.ok() {
                return Ok(ExitCode::from(2));
            }
        }
        Command::Report { command } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            report::run(&ctx, command, cli.json).await?;
        }
        Command::Sync { command } => {
            sign_in(&ctx, cli.user.as_deref()).await?;
            team::sync(&ctx, command, cli.json).await?;
        }
        Command::Bench { .. } | Command::Server { .. } | Command::Backup { .. } | Command::Restore { .. } => {}
    }
    ctx.store.close().await;
    Ok(ExitCode::SUCCESS)
}

fn restored_text(report: &lotline_app::backups::RestoreReport) -> String {
    let m = &report.manifest;
    let mut lines = vec![format!(
        "Restored the backup of {} (Lotline {}, schema {}, {} file(s)) into {}.",
        m.taken_at,
        m.app_version,
        m.schema_version,
        m.files.len(),
        report.data_dir.display()
    )];
    if let Some(aside) = &report.moved_aside {
        lines.push(format!("The folder's previous content is in {}.", aside.display()));
    }
    if report.pull_first {
        lines.push("This desk is in a team: it pulls its own events from the server before it writes again.".into());
    }
    lines.join("\n")
}

/// Why the check at start put the log on hold, in words.
fn held_line(hold: &lotline_app::audit::LogHold) -> String {
    if hold.key_absent {
        return "on hold: this log's checkpoint key is not on this computer; `lotline check --accept` makes a new one"
            .to_owned();
    }
    "on hold: the check at start found the log changed (see below); `lotline check --accept` records the finding and goes on"
        .to_owned()
}

/// The keyed part of `lotline check` in words.
fn keyed_line(keyed: &lotline_store::KeyedReport, place: Option<lotline_app::audit::KeyPlace>) -> String {
    use lotline_store::{KeyedBreak, KeyedState};
    if let Some(p) = &keyed.first_problem {
        let what = match p.problem {
            KeyedBreak::CheckpointForged => "a checkpoint was made or changed without the key",
            KeyedBreak::Rewritten => "events were rewritten and the chain recomputed after them",
            KeyedBreak::Removed => "events at the end of this range were removed",
            KeyedBreak::NotCovered => "events were written without the key (inserted), or their checkpoints removed",
            KeyedBreak::DiffersFromTeam => "the team's server verified another event at this place",
        };
        let first = p.event_id.as_deref().map(|id| format!(", first event {id}")).unwrap_or_default();
        return format!("BROKEN for desk {} numbers {} to {}{first}: {what}", p.desk_id, p.from_seq, p.to_seq);
    }
    let place = match place {
        Some(lotline_app::audit::KeyPlace::Keychain) => "key in the system keychain",
        Some(lotline_app::audit::KeyPlace::File) => "key in a file outside the data folder",
        None => "no key",
    };
    match keyed.state {
        KeyedState::Verified => {
            let other = match keyed.other_key {
                0 => String::new(),
                n => format!("; {n} made with an earlier key, not verifiable here"),
            };
            format!("verified ({} checkpoints and anchors, {place}{other})", keyed.verified)
        }
        KeyedState::KeyAbsent => format!(
            "NOT VERIFIABLE on this computer: the key of its {} checkpoints is not here (the chain was still verified)",
            keyed.other_key
        ),
        KeyedState::NotKeyed => format!("none yet ({place})"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Scripts read `call` and `--json` errors as JSON; people read the rest.
    let errors_as_json = cli.json || matches!(cli.command, Command::Call { .. });
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("cannot start: {err}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(code) => code,
        Err(err) => fail(&err, errors_as_json),
    }
}

/// A trace as a terminal table: the lots by distance, then the orders and customers reached.
fn trace_text(trace: &Value) -> String {
    let empty = Vec::new();
    let list = |key: &str| trace[key].as_array().unwrap_or(&empty).clone();
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let mut lines = vec![format!(
        "{} trace of {}: {} lots, {} orders, {} customers",
        text(trace, "direction"),
        text(trace, "root"),
        list("lots").len(),
        list("orders").len(),
        list("customers").len()
    )];
    lines.push(format!("{:>5}  {:<20} {:<20} {:<16} {:>10}  {}", "depth", "lot", "via", "sku", "on hand", "status"));
    for lot in list("lots") {
        lines.push(format!(
            "{:>5}  {:<20} {:<20} {:<16} {:>10}  {}",
            lot["depth"],
            text(&lot, "lot_code"),
            text(&lot, "via"),
            text(&lot, "sku"),
            format!("{} {}", lot["on_hand"], text(&lot, "unit")),
            text(&lot, "status")
        ));
    }
    for order in list("orders") {
        lines.push(format!(
            "order {}  customer {}  qty {}",
            text(&order, "order_no"),
            text(&order, "customer_code"),
            order["qty"]
        ));
    }
    for customer in list("customers") {
        lines.push(format!(
            "customer {}  {}  {}  {}",
            text(&customer, "customer_code"),
            text(&customer, "name"),
            text(&customer, "email"),
            text(&customer, "phone")
        ));
    }
    lines.join("\n")
}

/// A recall scope as a terminal summary: stock by location, then the customers to contact.
fn recall_text(scope: &Value) -> String {
    let empty = Vec::new();
    let list = |key: &str| scope[key].as_array().unwrap_or(&empty).clone();
    let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_owned();
    let roots: Vec<String> = list("roots").iter().filter_map(|r| r.as_str().map(str::to_owned)).collect();
    let mut lines = vec![format!(
        "recall scope of {}: {} lots, {} in stock, {} orders ({} shipped), {} customers",
        roots.join(", "),
        scope["lots"],
        scope["in_stock_lots"],
        scope["orders"],
        scope["shipped_qty"],
        list("customers").len()
    )];
    for at in list("in_stock") {
        lines.push(format!(
            "stock {:<12} {:>6} lots {:>12} {}",
            text(&at, "location"),
            at["lots"],
            at["qty"],
            text(&at, "unit")
        ));
    }
    for customer in list("customers") {
        lines.push(format!(
            "customer {}  {}  {}  {}  qty {}",
            text(&customer, "customer_code"),
            text(&customer, "name"),
            text(&customer, "email"),
            text(&customer, "phone"),
            customer["qty"]
        ));
    }
    lines.join("\n")
}
