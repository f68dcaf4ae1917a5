//! The weekly review handed in by a desk and mailed once per week through the team's relay: a
//! real server, a loopback SMTP sink started here, and the PDF read back from the mail.

use base64::Engine as _;
use lotline_server::{MailRelay, MailSecurity, configure_mail};

use super::Harness;
use super::smtp_sink::SmtpSink;

fn review_pdf() -> Vec<u8> {
    lotline_documents::weekly_review(&lotline_documents::WeeklyReview {
        week: "2026-W49".into(),
        period: "2026-11-30 – 2026-12-06".into(),
        company: "Lotline Test BV".into(),
        summary: vec![("QC failures".into(), "12 (+3)".into())],
        language: "en".into(),
        ..Default::default()
    })
    .expect("the review draws")
}

/// The base64 body of the part whose headers name `file_name`, decoded.
fn attachment(data: &str, file_name: &str) -> Vec<u8> {
    let at = data.find(file_name).expect("the attachment is named");
    let body_start = at + data[at..].find("\n\n").expect("the part's headers end") + 2;
    let body_end = body_start + data[body_start..].find("\n--").expect("the part ends");
    let text: String = data[body_start..body_end].split_whitespace().collect();
    base64::engine::general_purpose::STANDARD.decode(text).expect("base64")
}

pub async fn weekly_review_mailed(h: &Harness) {
    let server = h.start().await;
    let (desk_a, _) = h.enrol(&server, "desk-a", "AMS1").await;
    let pdf = review_pdf();

    // No relay configured: the review is taken and nothing is mailed.
    let receipt = desk_a.put_weekly_review("2026-W49", pdf.clone()).await.unwrap();
    assert!(!receipt.mail_configured && receipt.mailed_to == 0);

    let sink = SmtpSink::start().await;
    let relay = MailRelay {
        host: "127.0.0.1".into(),
        port: sink.port,
        security: MailSecurity::None,
        from: "Lotline <lotline@ams1.test>".into(),
        recipients: vec!["head.ops@ams1.test".into(), "Quality <quality@ams1.test>".into()],
        username: None,
        password: None,
    };
    configure_mail(h.dir.path(), Some(&relay)).unwrap();
    let receipt = desk_a.put_weekly_review("2026-W49", pdf.clone()).await.unwrap();
    assert_eq!((receipt.mailed_to, receipt.already_mailed, receipt.mail_configured), (2, false, true));
    let mail = sink.received().await;
    assert_eq!(mail.mail_from, "<lotline@ams1.test>");
    assert_eq!(mail.rcpt_to, ["<head.ops@ams1.test>", "<quality@ams1.test>"]);
    assert!(mail.data.contains("Subject: Lotline weekly review 2026-W49"), "{}", mail.data);
    assert!(mail.data.contains("Content-Type: application/pdf"));
    assert_eq!(attachment(&mail.data, "weekly-review-2026-W49.pdf"), pdf, "the PDF arrives whole");

    // Another desk's review of the same week is not mailed again (the sink has closed: a second
    // mail would fail the hand-in).
    let (desk_b, _) = h.enrol(&server, "desk-b", "AMS1").await;
    let again = desk_b.put_weekly_review("2026-W49", pdf.clone()).await.unwrap();
    assert_eq!((again.mailed_to, again.already_mailed), (0, true));

    for (week, body) in [("last-week", pdf.clone()), ("2026-W50", b"not a pdf".to_vec())] {
        let lotline_sync::ClientError::Server { status, .. } =
            desk_a.put_weekly_review(week, body).await.expect_err("refused")
        else {
            panic!("answered by the server")
        };
        assert_eq!(status, 400, "{week}");
    }
    server.shutdown().await.unwrap();
}
