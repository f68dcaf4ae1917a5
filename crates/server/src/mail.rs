//! The weekly review mailed through the SMTP relay the team configured (docs/server.md): a desk
//! hands in the PDF it made, and the first one of each week goes to the recipients. The relay's
//! settings live in the server's folder, readable by the server's user only; its password is never
//! logged, never answered to a desk and never in the team's log.

use std::path::Path;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use lotline_sync::WeeklyReviewReceipt;
use serde::{Deserialize, Serialize};

use crate::config::write_private;
use crate::database::{Store, now_text};
use crate::error::{ApiError, ServerError};

const MAIL_FILE: &str = "mail.json";

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailSecurity {
    /// Plain SMTP upgraded with STARTTLS, which the relay must offer (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or network, and never with a password.
    None,
}

/// The team's SMTP relay and who receives the weekly review.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailRelay {
    pub host: String,
    pub port: u16,
    pub security: MailSecurity,
    /// "Lotline <lotline@example.com>" or a bare address.
    pub from: String,
    pub recipients: Vec<String>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
}

/// Never prints the password, so a log line or a panic cannot leak it.
impl std::fmt::Debug for MailRelay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailRelay")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("from", &self.from)
            .field("recipients", &self.recipients)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "<secret>"))
            .finish()
    }
}

impl MailRelay {
    fn check(&self) -> Result<(), ServerError> {
        let bad = |what: &str| Err(ServerError::Config(format!("the mail relay's {what}")));
        if self.host.trim().is_empty() || self.port == 0 {
            return bad("host and port are required");
        }
        if self.from.parse::<Mailbox>().is_err() {
            return bad("sender is not an e-mail address");
        }
        if self.recipients.is_empty() || self.recipients.iter().any(|r| r.parse::<Mailbox>().is_err()) {
            return bad("recipients must be e-mail addresses, at least one");
        }
        if self.password.is_some() && self.security == MailSecurity::None {
            return bad("password is never sent without TLS: choose starttls or tls");
        }
        Ok(())
    }
}

/// Saves the relay in the server's folder (only the server's user may read it), or forgets it.
pub fn configure_mail(data_dir: &Path, relay: Option<&MailRelay>) -> Result<(), ServerError> {
    let path = data_dir.join(MAIL_FILE);
    let Some(relay) = relay else {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(ServerError::io("removing mail.json")(e)),
            _ => Ok(()),
        };
    };
    relay.check()?;
    std::fs::create_dir_all(data_dir).map_err(ServerError::io(format!("creating {}", data_dir.display())))?;
    let text = serde_json::to_string_pretty(relay).map_err(|e| ServerError::Config(e.to_string()))?;
    write_private(&path, &text)
}

/// The relay configured in `data_dir`, if any.
pub fn mail_relay(data_dir: &Path) -> Result<Option<MailRelay>, ServerError> {
    let path = data_dir.join(MAIL_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            serde_json::from_str(&text).map(Some).map_err(|e| ServerError::Config(format!("{}: {e}", path.display())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ServerError::io(format!("reading {}", path.display()))(e)),
    }
}

fn check_week(week: &str) -> Result<(), ApiError> {
    let b = week.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 8 && digits(0..4) && b[4] == b'-' && b[5] == b'W' && digits(6..8) {
        Ok(())
    } else {
        Err(ApiError::invalid("sync.week_invalid", "A week is written as its ISO week, e.g. 2026-W49.").at("week"))
    }
}

/// Takes a desk's review of `week` and mails it, unless another desk's was mailed already.
pub(crate) async fn take_weekly_review(
    store: &Store,
    data_dir: &Path,
    desk_id: &str,
    week: &str,
    pdf: &[u8],
) -> Result<WeeklyReviewReceipt, ServerError> {
    check_week(week)?;
    if !pdf.starts_with(b"%PDF-") {
        return Err(ApiError::invalid("sync.not_a_pdf", "The weekly review must be a PDF.").into());
    }
    let receipt = |mailed_to: u32, already_mailed: bool, mail_configured: bool| WeeklyReviewReceipt {
        week: week.to_owned(),
        mailed_to,
        already_mailed,
        mail_configured,
    };
    let Some(relay) = mail_relay(data_dir)? else { return Ok(receipt(0, false, false)) };
    sqlx::query(
        "INSERT INTO weekly_review_mails (week, desk_id, received_at) VALUES ($1, $2, $3) ON CONFLICT (week) DO NOTHING",
    )
    .bind(week.to_owned())
    .bind(desk_id.to_owned())
    .bind(now_text())
    .execute(&store.pool)
    .await?;
    let mailed: Option<String> = sqlx::query_scalar("SELECT mailed_at FROM weekly_review_mails WHERE week = $1")
        .bind(week.to_owned())
        .fetch_one(&store.pool)
        .await?;
    if mailed.is_some() {
        return Ok(receipt(0, true, true));
    }
    send(&relay, week, pdf).await?;
    let count = u32::try_from(relay.recipients.len()).unwrap_or(u32::MAX);
    sqlx::query("UPDATE weekly_review_mails SET mailed_at = $1, recipients = $2 WHERE week = $3")
        .bind(now_text())
        .bind(i64::from(count))
        .bind(week.to_owned())
        .execute(&store.pool)
        .await?;
    Ok(receipt(count, false, true))
}

/// The message: a short text and the PDF attached.
fn message(relay: &MailRelay, week: &str, pdf: &[u8]) -> Result<Message, ServerError> {
    let config = |e: &dyn std::fmt::Display| ServerError::Config(format!("the weekly review's mail: {e}"));
    let from: Mailbox = relay.from.parse().map_err(|e| config(&e))?;
    let mut builder = Message::builder().from(from).subject(format!("Lotline weekly review {week}"));
    for recipient in &relay.recipients {
        builder = builder.to(recipient.parse::<Mailbox>().map_err(|e| config(&e))?);
    }
    let text = format!("The weekly review of {week} is attached as a PDF.\n\nLotline\n");
    let pdf_type = ContentType::parse("application/pdf").map_err(|e| config(&e))?;
    let attachment = Attachment::new(format!("weekly-review-{week}.pdf")).body(pdf.to_vec(), pdf_type);
    builder
        .multipart(MultiPart::mixed().singlepart(SinglePart::plain(text)).singlepart(attachment))
        .map_err(|e| config(&e))
}

async fn send(relay: &MailRelay, week: &str, pdf: &[u8]) -> Result<(), ServerError> {
    let message = message(relay, week, pdf)?;
    let failed = |e: &dyn std::fmt::Display| {
        // The relay's own words go to the operator's log; lettre's errors name no credentials.
        eprintln!("lotline-server: mailing the weekly review {week} through {}:{}: {e}", relay.host, relay.port);
        ServerError::from(ApiError::unavailable("sync.mail_failed", "The team's mail relay did not take the message."))
    };
    let builder = match relay.security {
        MailSecurity::Starttls => {
            AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&relay.host).map_err(|e| failed(&e))?
        }
        MailSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&relay.host).map_err(|e| failed(&e))?,
        MailSecurity::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&relay.host),
    };
    let mut builder = builder.port(relay.port);
    if let (Some(user), Some(password)) = (&relay.username, &relay.password) {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    builder.build().send(message).await.map_err(|e| failed(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relay() -> MailRelay {
        MailRelay {
            host: "smtp.example.com".into(),
            port: 587,
            security: MailSecurity::Starttls,
            from: "Lotline <lotline@example.com>".into(),
            recipients: vec!["ops@example.com".into()],
            username: Some("lotline".into()),
            password: Some("hunter2-secret".into()),
        }
    }

    #[test]
    fn the_password_never_prints_and_never_goes_out_without_tls() {
        let shown = format!("{:?}", relay());
        assert!(!shown.contains("hunter2") && shown.contains("<secret>"), "{shown}");
        assert!(relay().check().is_ok());
        let plain = MailRelay { security: MailSecurity::None, ..relay() };
        assert!(plain.check().is_err());
        let nobody = MailRelay { recipients: vec!["not an address".into()], ..relay() };
        assert!(nobody.check().is_err());
        assert!(check_week("2026-W49").is_ok());
        assert!(check_week("2026-49").is_err() && check_week("2026-Wxx").is_err());
    }

    #[test]
    fn the_relay_is_kept_readable_by_the_server_only() {
        let dir = tempfile::tempdir().unwrap();
        configure_mail(dir.path(), Some(&relay())).unwrap();
        assert_eq!(mail_relay(dir.path()).unwrap(), Some(relay()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(MAIL_FILE)).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        configure_mail(dir.path(), None).unwrap();
        assert_eq!(mail_relay(dir.path()).unwrap(), None);
    }
}
