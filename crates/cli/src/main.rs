//! `lotline`: the same catalogue as the desktop app, from a terminal.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod bench;
mod bench_base;
mod bench_failures;
mod bench_inbox;
mod bench_kpi_sql;
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
use lotline_app::acts::Empty;
use lotline_app::acts::documents::PdfFile;
use lotline_app::acts::exports::{self, ExportInput};
use lotline_app::acts::imports::{Entity, ImportInput};
use lotline_app::acts::lots::{
    self, LotLabelsInput, RecallReportInput, RecallScope, RecallScopeInput, TraceInput, TraceResult,
};
use lotline_app::acts::returns::{self, LabelSize, RmaLabelsInput};
use lotline_app::acts::session::{self, CompleteSetupInput, SignInInput};
use lotline_app::{ApiError, Ctx, call, call_act};
use lotline_domain::lots::Direction;
use lotline_domain::people::Language;
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
    fn entity(self) -> Entity {
        match self {
            EntityArg::Products => Entity::Products,
            EntityArg::Vendors => Entity::Vendors,
            EntityArg::Customers => Entity::Customers,
            EntityArg::Orders => Entity::Orders,
            EntityArg::Failures => Entity::Failures,
            EntityArg::Reshipments => Entity::Reshipments,
            EntityArg::Rmas => Entity::Rmas,
            EntityArg::Lots => Entity::Lots,
            EntityArg::LotLinks => Entity::LotLinks,
            EntityArg::Shipments => Entity::Shipments,
            EntityArg::Serials => Entity::Serials,
        }
    }

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

impl SizeArg {
    fn size(self) -> LabelSize {
        match self {
            SizeArg::FourBySix => LabelSize::FourBySix,
            SizeArg::A6 => LabelSize::A6,
        }
    }
}

/// A language named on the command line, refused as the act refuses a malformed field.
pub(crate) fn parse_language(field: &str, text: &str) -> Result<Language, ApiError> {
    serde_json::from_value(Value::String(text.to_owned())).map_err(|e| {
        let mut error = ApiError::field(lotline_app::FieldError::new(field, "error.field.malformed").with("reason", e));
        error.code = lotline_app::ErrorCode::Invalid;
        error
    })
}

/// An act's output as the JSON `--json` prints.
pub(crate) fn to_json<T: serde::Serialize>(output: &T) -> Value {
    serde_json::to_value(output).unwrap_or_default()
}

/// A PDF act's file, decoded.
pub(crate) fn pdf_bytes(file: &PdfFile) -> Result<Vec<u8>, ApiError> {
    base64::engine::general_purpose::STANDARD.decode(&file.pdf_base64).map_err(ApiError::internal)
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
    call_act(ctx, session::sign_in, SignInInput { username: user.to_owned(), password }).await.map(|_| ())
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
    let json = cli.json;
    if !matches!(cli.command, Command::Init { .. }) {
        sign_in(&ctx, cli.user.as_deref()).await?;
    }
    let code = on_desk(&ctx, &data, cli.command, json).await?;
    ctx.store.close().await;
    Ok(code)
}

/// A command on an open desk, signed in when a user was named.
async fn on_desk(ctx: &Ctx, data: &std::path::Path, command: Command, json: bool) -> Result<ExitCode, ApiError> {
    match command {
        Command::Init { company, site, currency, admin, admin_name, language, time_zone } => {
            init(ctx, data, json, Setup { company, site, currency, admin, admin_name, language, time_zone }).await?
        }
        Command::Demo => {
            lotline_app::demo::load(ctx).await?;
            print(json, &json!({ "loaded": true }), || {
                format!("Demo data loaded. Demo users sign in with password {}", lotline_app::demo::DEMO_PASSWORD)
            });
        }
        Command::Import { entity, file, encoding } => import(ctx, json, entity, &file, encoding).await?,
        Command::Export { entity, out } => export(ctx, json, entity, out).await?,
        Command::Rma { command: RmaCommand::Label { rma_nos, all_approved, out, size, weight_grams } } => {
            rma_labels(ctx, json, RmaLabels { rma_nos, all_approved, out, size, weight_grams }).await?
        }
        Command::Trace { lot_code, forward, .. } => {
            let direction = if forward { Direction::Forward } else { Direction::Backward };
            let out = call_act(ctx, lots::trace_lot, TraceInput { lot_code, direction }).await?;
            print(json, &to_json(&out), || trace_text(&out));
        }
        Command::Recall { lot_codes, out: pdf } => recall(ctx, json, lot_codes, pdf).await?,
        Command::Lot { command: LotCommand::Label { lot_codes, out, size, serials } } => {
            lot_labels(ctx, json, lot_codes, out, size, serials).await?
        }
        Command::Call { act, input } => call_by_name(ctx, &act, input.as_deref()).await?,
        Command::Rebuild => rebuild(ctx, json).await?,
        Command::Check { accept } => return check(ctx, json, accept).await,
        Command::Report { command } => report::run(ctx, command, json).await?,
        Command::Sync { command } => team::sync(ctx, command, json).await?,
        Command::Bench { .. } | Command::Server { .. } | Command::Backup { .. } | Command::Restore { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// `lotline init`'s options.
struct Setup {
    company: String,
    site: String,
    currency: String,
    admin: String,
    admin_name: Option<String>,
    language: String,
    time_zone: Option<String>,
}

async fn init(ctx: &Ctx, data: &std::path::Path, json: bool, setup: Setup) -> Result<(), ApiError> {
    let Setup { company, site, currency, admin, admin_name, language, time_zone } = setup;
    let password = std::env::var("LOTLINE_PASSWORD").unwrap_or_default();
    let input = CompleteSetupInput {
        company_name: company,
        site_code: site,
        currency,
        language: parse_language("language", &language)?,
        admin_display_name: admin_name.unwrap_or_else(|| admin.clone()),
        admin_username: admin.clone(),
        admin_password: password,
        load_demo: false,
        time_zone,
    };
    let out = call_act(ctx, session::complete_setup, input).await?;
    print(json, &to_json(&out), || format!("Lotline set up in {}; admin {admin} can sign in.", data.display()));
    Ok(())
}

async fn import(
    ctx: &Ctx,
    json: bool,
    entity: EntityArg,
    file: &std::path::Path,
    encoding: Option<String>,
) -> Result<(), ApiError> {
    use base64::Engine as _;
    // The bytes as they are: the catalogue detects a file's encoding, or is told it.
    let bytes = std::fs::read(file).map_err(|e| ApiError::internal(e).with("path", file.display()))?;
    let csv_base64 = base64::engine::general_purpose::STANDARD.encode(bytes);
    let input = ImportInput { entity: entity.entity(), csv: None, csv_base64: Some(csv_base64), encoding };
    let out = import_progress::import(ctx, input).await?;
    print(json, &to_json(&out), || format!("Imported {} {}.", out.imported, entity.name()));
    Ok(())
}

async fn export(ctx: &Ctx, json: bool, entity: EntityArg, out: Option<PathBuf>) -> Result<(), ApiError> {
    let result = call_act(ctx, exports::export_csv, ExportInput { entity: entity.entity() }).await?;
    let csv = result.csv.as_str();
    match out {
        Some(path) => {
            std::fs::write(&path, csv).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
            print(json, &json!({ "path": path, "bytes": csv.len() }), || format!("Wrote {}", path.display()));
        }
        None => print!("{csv}"),
    }
    Ok(())
}

/// `lotline rma label`'s options.
struct RmaLabels {
    rma_nos: Vec<String>,
    all_approved: bool,
    out: PathBuf,
    size: SizeArg,
    weight_grams: Option<i64>,
}

async fn rma_labels(ctx: &Ctx, json: bool, labels: RmaLabels) -> Result<(), ApiError> {
    let RmaLabels { rma_nos, all_approved, out, size, weight_grams } = labels;
    let rma_nos = if all_approved { lotline_app::acts::returns::approved_without_label(ctx).await? } else { rma_nos };
    if rma_nos.is_empty() && all_approved {
        print(json, &json!({ "labels": 0 }), || "No approved RMA is waiting for a label.".to_owned());
        return Ok(());
    }
    let input = RmaLabelsInput { rma_nos: rma_nos.clone(), size: Some(size.size()), weight_grams, language: None };
    let bytes = pdf_bytes(&call_act(ctx, returns::rma_labels, input).await?)?;
    std::fs::write(&out, &bytes).map_err(|e| ApiError::internal(e).with("path", out.display()))?;
    let count = rma_nos.len();
    print(json, &json!({ "path": out, "labels": count, "bytes": bytes.len() }), || {
        format!("Wrote {count} label(s) to {}", out.display())
    });
    Ok(())
}

async fn recall(ctx: &Ctx, json: bool, lot_codes: Vec<String>, pdf: Option<PathBuf>) -> Result<(), ApiError> {
    let out = call_act(ctx, lots::recall_scope, RecallScopeInput { lot_codes: lot_codes.clone() }).await?;
    if let Some(path) = pdf {
        let input = RecallReportInput { lot_codes, recall_no: None, language: None };
        let bytes = pdf_bytes(&call_act(ctx, lots::recall_report_pdf, input).await?)?;
        std::fs::write(&path, &bytes).map_err(|e| ApiError::internal(e).with("path", path.display()))?;
    }
    print(json, &to_json(&out), || recall_text(&out));
    Ok(())
}

async fn lot_labels(
    ctx: &Ctx,
    json: bool,
    lot_codes: Vec<String>,
    out: PathBuf,
    size: SizeArg,
    serials: Vec<String>,
) -> Result<(), ApiError> {
    let count = if serials.is_empty() { lot_codes.len() } else { serials.len() };
    let input = LotLabelsInput { lot_codes, serials, size: Some(size.size()), language: None };
    let bytes = pdf_bytes(&call_act(ctx, lots::lot_labels, input).await?)?;
    std::fs::write(&out, &bytes).map_err(|e| ApiError::internal(e).with("path", out.display()))?;
    print(json, &json!({ "path": out, "labels": count, "bytes": bytes.len() }), || {
        format!("Wrote {count} lot label(s) to {}", out.display())
    });
    Ok(())
}

/// `lotline call ACT [INPUT]`: any act by its name, with JSON in and out, for scripts.
async fn call_by_name(ctx: &Ctx, act: &str, input: Option<&str>) -> Result<(), ApiError> {
    let text = match input {
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
    let out = call(ctx, act, input).await?;
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    Ok(())
}

async fn rebuild(ctx: &Ctx, json: bool) -> Result<(), ApiError> {
    let counts = lotline_app::acts::maintenance::rebuild_log(ctx).await?;
    let value = serde_json::to_value(&counts).unwrap_or_default();
    print(json, &value, || {
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
    Ok(())
}

async fn check(ctx: &Ctx, json: bool, accept: bool) -> Result<ExitCode, ApiError> {
    if let Some(hold) = ctx.log_hold() {
        eprintln!("{}", held_line(&hold));
    }
    let report = lotline_app::acts::maintenance::check_log(ctx).await?;
    let value = serde_json::to_value(&report).unwrap_or_default();
    print(json, &value, || {
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
        call_act(ctx, lotline_app::audit::release_log_hold, Empty {}).await?;
        eprintln!("the finding is recorded with your name; the desk goes on");
    } else if !report.ok() {
        return Ok(ExitCode::from(2));
    }
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

/// An enum as its JSON name (`backward`, `on_hold`), as the acts' output spells it.
pub(crate) fn json_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
}

/// A trace as a terminal table: the lots by distance, then the orders and customers reached.
fn trace_text(trace: &TraceResult) -> String {
    let mut lines = vec![format!(
        "{} trace of {}: {} lots, {} orders, {} customers",
        json_name(&trace.direction),
        trace.root,
        trace.lots.len(),
        trace.orders.len(),
        trace.customers.len()
    )];
    lines.push(format!("{:>5}  {:<20} {:<20} {:<16} {:>10}  {}", "depth", "lot", "via", "sku", "on hand", "status"));
    for lot in &trace.lots {
        lines.push(format!(
            "{:>5}  {:<20} {:<20} {:<16} {:>10}  {}",
            lot.depth,
            lot.lot_code,
            lot.via,
            lot.sku,
            format!("{} {}", lot.on_hand, lot.unit),
            json_name(&lot.status)
        ));
    }
    for order in &trace.orders {
        lines.push(format!("order {}  customer {}  qty {}", order.order_no, order.customer_code, order.qty));
    }
    for c in &trace.customers {
        let or_empty = |text: &Option<String>| text.clone().unwrap_or_default();
        lines.push(format!(
            "customer {}  {}  {}  {}",
            c.customer_code,
            or_empty(&c.name),
            or_empty(&c.email),
            or_empty(&c.phone)
        ));
    }
    lines.join("\n")
}

/// A recall scope as a terminal summary: stock by location, then the customers to contact.
fn recall_text(scope: &RecallScope) -> String {
    let mut lines = vec![format!(
        "recall scope of {}: {} lots, {} in stock, {} orders ({} shipped), {} customers",
        scope.roots.join(", "),
        scope.lots,
        scope.in_stock_lots,
        scope.orders,
        scope.shipped_qty,
        scope.customers.len()
    )];
    for at in &scope.in_stock {
        lines.push(format!("stock {:<12} {:>6} lots {:>12} {}", at.location, at.lots, at.qty, at.unit));
    }
    for c in &scope.customers {
        let or_empty = |text: &Option<String>| text.clone().unwrap_or_default();
        lines.push(format!(
            "customer {}  {}  {}  {}  qty {}",
            c.customer_code,
            or_empty(&c.name),
            or_empty(&c.email),
            or_empty(&c.phone),
            c.qty
        ));
    }
    lines.join("\n")
}
