//! `lotline server` (the team's sync server) and `lotline sync` (this desk and its team).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Subcommand;
use lotline_app::{ApiError, Ctx};
use serde_json::json;

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Print a one-time enrolment code for a desk, valid 24 hours.
    EnrollCode,
    /// Revoke a desk (by its desk code or id): its token stops working at once.
    Revoke { desk: String },
    /// The desks: code, site, enrolled, last contact, Lotline version, revoked.
    Desks,
    /// The team's users as the server knows them: roles, active or locked, the desks they
    /// signed in on, their last sign-in.
    Users,
    /// Lift the lock that five wrong passwords put on a user, on every desk, and end their
    /// sessions. Their password stays: a team administrator resets it on a desk (Users).
    Unlock { username: String },
    /// Print a new token for scraping /v1/metrics; the one before stops working.
    MetricsToken,
    /// Set the SMTP relay the weekly review is mailed through, once per week, to the --to
    /// recipients (--off forgets it). The password is read from the environment variable that
    /// --password-env names, never from the command line, and is kept readable by the server's
    /// user only.
    Mail {
        #[arg(long, required_unless_present = "off")]
        host: Option<String>,
        #[arg(long, default_value_t = 587)]
        port: u16,
        /// starttls (port 587), tls (port 465) or none (a relay on this machine, no password).
        #[arg(long, default_value = "starttls", value_parser = ["starttls", "tls", "none"])]
        security: String,
        #[arg(long, required_unless_present = "off")]
        from: Option<String>,
        #[arg(long = "to")]
        to: Vec<String>,
        #[arg(long)]
        username: Option<String>,
        #[arg(long)]
        password_env: Option<String>,
        #[arg(long)]
        off: bool,
    },
    /// Write a backup (one tar file) while the server runs: SQLite through VACUUM INTO,
    /// PostgreSQL through pg_dump; the blobs with it.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into this (new or empty) folder; a PostgreSQL backup goes into the empty
    /// database given with --database-url.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum SyncCommand {
    /// Join a team with a one-time code from its administrator.
    Enroll {
        #[arg(long)]
        server: String,
        #[arg(long)]
        code: String,
        /// The site this desk works at; the desk's own when it is set up.
        #[arg(long)]
        site: Option<String>,
    },
    /// The server, the desk code and how many changes wait to be pushed.
    Status,
}

fn server_error(err: lotline_server::ServerError) -> ApiError {
    ApiError::internal(err)
}

/// Runs the server until it is stopped (Ctrl+C), or one of its commands.
pub async fn server(
    data: &Path,
    command: Option<ServerCommand>,
    listen: SocketAddr,
    database_url: Option<String>,
    json_mode: bool,
) -> Result<(), ApiError> {
    match command {
        Some(ServerCommand::EnrollCode) => {
            let code = lotline_server::issue_enroll_code(data).await.map_err(server_error)?;
            if json_mode {
                println!("{}", json!({ "code": code.code, "expires_at": code.expires_at }));
            } else {
                println!("{}", code.code);
            }
        }
        Some(ServerCommand::Revoke { desk }) => {
            let found = lotline_server::revoke_desk(data, &desk).await.map_err(server_error)?;
            if !found {
                return Err(ApiError::not_found("desk", &desk));
            }
            println!("{}", if json_mode { json!({ "revoked": desk }).to_string() } else { format!("{desk} revoked") });
        }
        Some(ServerCommand::Desks) => {
            let desks = lotline_server::list_desks(data).await.map_err(server_error)?;
            crate::print(json_mode, &json!(desks), || desks_text(&desks));
        }
        Some(ServerCommand::Users) => {
            let users = lotline_server::list_users(data).await.map_err(server_error)?;
            crate::print(json_mode, &json!(users), || users_text(&users));
        }
        Some(ServerCommand::Unlock { username }) => {
            let Some(user) = lotline_server::unlock_user(data, &username).await.map_err(server_error)? else {
                return Err(ApiError::not_found("user", &username));
            };
            crate::print(json_mode, &json!(user), || format!("{} can sign in again on every desk", user.username));
        }
        Some(ServerCommand::MetricsToken) => {
            let token = lotline_server::issue_metrics_token(data).await.map_err(server_error)?;
            println!("{}", if json_mode { json!({ "token": token }).to_string() } else { token });
        }
        Some(ServerCommand::Mail { host, port, security, from, to, username, password_env, off }) => {
            let relay = if off {
                None
            } else {
                let password = match password_env {
                    Some(var) => Some(std::env::var(&var).map_err(|_| {
                        ApiError::field(lotline_app::FieldError::new("password_env", "error.field.required"))
                    })?),
                    None => None,
                };
                let security = match security.as_str() {
                    "tls" => lotline_server::MailSecurity::Tls,
                    "none" => lotline_server::MailSecurity::None,
                    _ => lotline_server::MailSecurity::Starttls,
                };
                Some(lotline_server::MailRelay {
                    host: host.unwrap_or_default(),
                    port,
                    security,
                    from: from.unwrap_or_default(),
                    recipients: to,
                    username,
                    password,
                })
            };
            lotline_server::configure_mail(data, relay.as_ref()).map_err(server_error)?;
            let on = relay.is_some();
            let text =
                if on { "The weekly review is mailed through this relay." } else { "No relay: nothing is mailed." };
            println!("{}", if json_mode { json!({ "mail": on }).to_string() } else { text.to_owned() });
        }
        Some(ServerCommand::Backup { out }) => {
            let report = lotline_server::backup(data, &out).await.map_err(server_error)?;
            crate::print(json_mode, &json!(report), || {
                let m = &report.manifest;
                format!(
                    "Wrote {} ({}, the log up to server sequence {}, {} blob(s)).",
                    report.path.display(),
                    m.backend,
                    m.last_server_seq,
                    m.blobs
                )
            });
        }
        Some(ServerCommand::Restore { from }) => {
            let report = lotline_server::restore(data, &from, database_url.as_deref()).await.map_err(server_error)?;
            crate::print(json_mode, &json!(report), || {
                format!(
                    "Restored the log up to server sequence {} and {} blob(s) into {}; start `lotline server --data {}` on it.",
                    report.manifest.last_server_seq,
                    report.manifest.blobs,
                    data.display(),
                    data.display()
                )
            });
        }
        None => {
            let config = lotline_server::ServerConfig { data_dir: data.to_path_buf(), listen, database_url };
            let running = lotline_server::serve(config).await.map_err(server_error)?;
            // The first line is for scripts and tests: which port was taken.
            println!("{}", json!({ "listening": running.addr().to_string() }));
            stop_requested().await.map_err(ApiError::internal)?;
            running.shutdown().await.map_err(server_error)?;
        }
    }
    Ok(())
}

/// Ctrl+C, or SIGTERM from systemd or a container runtime: either lets requests in flight finish.
async fn stop_requested() -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            stopped = tokio::signal::ctrl_c() => stopped,
            _ = terminate.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    tokio::signal::ctrl_c().await
}

fn desks_text(desks: &[lotline_server::TeamDesk]) -> String {
    if desks.is_empty() {
        return "No desk has enrolled yet (lotline server enroll-code issues a code).".to_owned();
    }
    let rows = desks.iter().map(|d| {
        let state = d.revoked_at.as_ref().map_or_else(|| "active".to_owned(), |at| format!("revoked {at}"));
        [
            d.desk_code.clone(),
            d.site_code.clone(),
            d.enrolled_at.clone(),
            d.last_contact_at.clone().unwrap_or_else(|| "never".into()),
            d.lotline_version.clone().unwrap_or_else(|| "-".into()),
            state,
        ]
    });
    table(["DESK", "SITE", "ENROLLED", "LAST CONTACT", "VERSION", "STATE"], rows)
}

fn users_text(users: &[lotline_server::TeamUser]) -> String {
    if users.is_empty() {
        return "The server knows no user yet: they arrive with the first desk's sync.".to_owned();
    }
    let rows = users.iter().map(|u| {
        [
            u.username.clone(),
            u.roles.join(","),
            match (&u.locked_until, u.active) {
                (_, false) => "deactivated".to_owned(),
                (Some(until), true) => format!("locked until {until}"),
                (None, true) => "active".to_owned(),
            },
            if u.has_password { "yes" } else { "no" }.to_owned(),
            u.desks.join(","),
            u.last_sign_in_at.clone().unwrap_or_else(|| "never".into()),
        ]
    });
    table(["USER", "ROLES", "STATE", "PASSWORD", "DESKS", "LAST SIGN-IN"], rows)
}

/// Columns padded to their widest cell.
fn table<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut lines: Vec<[String; N]> = vec![header.map(str::to_owned)];
    lines.extend(rows);
    let widths: Vec<usize> = (0..N).map(|i| lines.iter().map(|l| l[i].chars().count()).max().unwrap_or(0)).collect();
    lines
        .iter()
        .map(|line| {
            let cells: Vec<String> = line.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
            cells.join("  ").trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub async fn sync(ctx: &Ctx, command: Option<SyncCommand>, json_mode: bool) -> Result<(), ApiError> {
    match command {
        Some(SyncCommand::Enroll { server, code, site }) => {
            let enrolment = lotline_app::sync::enroll(ctx, &server, &code, site.as_deref()).await?;
            let value = json!({ "server": enrolment.server, "desk": enrolment.desk_code, "team": enrolment.team_id });
            crate::print(json_mode, &value, || {
                format!("Enrolled as desk {} of the team at {}.", enrolment.desk_code, enrolment.server)
            });
        }
        Some(SyncCommand::Status) => {
            let status = lotline_app::sync::sync_status(ctx).await?;
            let value = serde_json::to_value(&status).unwrap_or_default();
            crate::print(json_mode, &value, || match (&status.server, &status.desk) {
                (Some(server), Some(desk)) => format!("desk {desk} of {server}; {} change(s) waiting", status.pending),
                _ => "not enrolled in a team".to_owned(),
            });
        }
        None => {
            let report = lotline_app::sync::sync_with_team(ctx).await?;
            let value = serde_json::to_value(&report).unwrap_or_default();
            crate::print(json_mode, &value, || {
                let mut lines = vec![format!(
                    "pushed {} and pulled {} event(s); {} conflict(s) opened",
                    report.pushed, report.pulled, report.conflicts
                )];
                for refused in &report.rejected {
                    lines.push(format!(
                        "  refused: {} {}",
                        refused.number.as_deref().unwrap_or(&refused.act_id),
                        refused.message
                    ));
                }
                for renamed in &report.renumbered {
                    lines.push(format!(
                        "  renumbered: {} is {} now: the team already had that number (the old one still finds it)",
                        renamed.from, renamed.to
                    ));
                }
                lines.join("\n")
            });
        }
    }
    Ok(())
}
