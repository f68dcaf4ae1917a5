//! A mail relay on 127.0.0.1 that speaks just enough SMTP to take one message, for the weekly
//! review's mail: what the server sent arrives here whole, envelope and data.

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// One message as the relay received it.
#[derive(Debug, Default)]
pub struct Received {
    pub mail_from: String,
    pub rcpt_to: Vec<String>,
    /// The message's lines after DATA, dot-unstuffed, joined with "\n".
    pub data: String,
}

pub struct SmtpSink {
    pub port: u16,
    received: oneshot::Receiver<Received>,
}

impl SmtpSink {
    /// Listens on a free loopback port for one connection.
    pub async fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
        let port = listener.local_addr().unwrap().port();
        let (sent, received) = oneshot::channel();
        tokio::spawn(async move {
            let (socket, _) = listener.accept().await.expect("the server connects");
            let (read, mut write) = socket.into_split();
            let mut lines = BufReader::new(read).lines();
            let mut got = Received::default();
            let mut in_data = false;
            write.write_all(b"220 sink.test ESMTP\r\n").await.unwrap();
            while let Ok(Some(line)) = lines.next_line().await {
                if in_data {
                    if line == "." {
                        in_data = false;
                        write.write_all(b"250 2.0.0 queued\r\n").await.unwrap();
                    } else {
                        got.data.push_str(line.strip_prefix('.').unwrap_or(&line));
                        got.data.push('\n');
                    }
                    continue;
                }
                let verb = line.split_whitespace().next().unwrap_or_default().to_ascii_uppercase();
                let answer: &[u8] = match verb.as_str() {
                    "EHLO" => b"250-sink.test\r\n250 8BITMIME\r\n",
                    "MAIL" => {
                        got.mail_from = line[line.find(':').map_or(0, |i| i + 1)..].trim().to_owned();
                        b"250 2.1.0 ok\r\n"
                    }
                    "RCPT" => {
                        got.rcpt_to.push(line[line.find(':').map_or(0, |i| i + 1)..].trim().to_owned());
                        b"250 2.1.5 ok\r\n"
                    }
                    "DATA" => {
                        in_data = true;
                        b"354 end with <CRLF>.<CRLF>\r\n"
                    }
                    "QUIT" => {
                        write.write_all(b"221 2.0.0 bye\r\n").await.unwrap();
                        break;
                    }
                    "HELO" | "RSET" | "NOOP" => b"250 ok\r\n",
                    _ => b"502 5.5.2 not here\r\n",
                };
                write.write_all(answer).await.unwrap();
            }
            let _ = sent.send(got);
        });
        SmtpSink { port, received }
    }

    /// The message, once the server has said QUIT.
    pub async fn received(self) -> Received {
        self.received.await.expect("the sink took a message")
    }
}
