//! `lotline server` (the team's sync server) and `lotline sync` (this desk and its team).

use std::net::SocketAddr;
use std::path::Path;

use clap::Subcommand;
use lotline_app::{ApiError, Ctx};
use serde_json::json;

#[derive(Subcommand)]
pub enum ServerCommand {
    /// Print a one-time enrolment code for a desk, valid 24 hours.
    EnrollCode,
    /// Revoke a desk (by its desk code or id): its token stops working at once.
    Revoke { desk: String },
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
        None => {
            let config = lotline_server::ServerConfig { data_dir: data.to_path_buf(), listen, database_url };
            let running = lotline_server::serve(config).await.map_err(server_error)?;
            // The first line is for scripts and tests: which port was taken.
            println!("{}", json!({ "listening": running.addr().to_string() }));
            tokio::signal::ctrl_c().await.map_err(ApiError::internal)?;
            running.shutdown().await.map_err(server_error)?;
        }
    }
    Ok(())
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
