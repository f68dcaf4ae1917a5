//! A loopback TCP proxy in front of the sync server that can lose a push's answer: it forwards
//! the push, and when the server's answer starts coming back (the server answers only after its
//! transaction committed) it closes the desk's connection instead of passing the answer on.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

#[derive(Default)]
struct Plan {
    /// Push answers still to pass before the next one is cut; None passes everything.
    pass_before_cut: Option<usize>,
    cut: usize,
}

/// What one connection's client asked last, so the answer that follows is known to be a push's.
#[derive(Default)]
struct Exchange {
    push: bool,
    answer_due: bool,
}

pub struct Proxy {
    pub url: String,
    plan: Arc<Mutex<Plan>>,
}

impl Proxy {
    pub fn start(upstream: &str) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let plan = Arc::new(Mutex::new(Plan::default()));
        let upstream = upstream.to_owned();
        let shared = plan.clone();
        thread::spawn(move || {
            for client in listener.incoming() {
                let Ok(client) = client else { return };
                let Ok(server) = TcpStream::connect(&upstream) else { continue };
                relay(client, server, shared.clone());
            }
        });
        Proxy { url, plan }
    }

    /// Lets `pass` push answers through, then cuts the next one; after it everything passes.
    pub fn cut_push_answer_after(&self, pass: usize) {
        self.plan.lock().unwrap().pass_before_cut = Some(pass);
    }

    /// How many push answers were lost so far.
    pub fn cut(&self) -> usize {
        self.plan.lock().unwrap().cut
    }
}

fn relay(client: TcpStream, server: TcpStream, plan: Arc<Mutex<Plan>>) {
    let exchange = Arc::new(Mutex::new(Exchange::default()));
    let (mut from_client, mut to_server) = (client.try_clone().unwrap(), server.try_clone().unwrap());
    let asked = exchange.clone();
    thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        while let Ok(n) = from_client.read(&mut buf) {
            if n == 0 {
                break;
            }
            let chunk = &buf[..n];
            // A request line opens every request (bodies are JSON or blob bytes): marked before
            // it is forwarded, so the answer can never come back before the mark.
            if contains(chunk, b" HTTP/1.1\r\n") {
                let mut exchange = asked.lock().unwrap();
                exchange.push = contains(chunk, b"POST /v1/push");
                exchange.answer_due = true;
            }
            if to_server.write_all(chunk).is_err() {
                break;
            }
        }
        let _ = to_server.shutdown(Shutdown::Write);
    });
    let (mut from_server, mut to_client) = (server, client);
    thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        while let Ok(n) = from_server.read(&mut buf) {
            if n == 0 {
                break;
            }
            let starts_push_answer = {
                let mut exchange = exchange.lock().unwrap();
                let starts = exchange.answer_due && exchange.push;
                exchange.answer_due = false;
                starts
            };
            if starts_push_answer && cut_now(&plan) {
                let _ = to_client.shutdown(Shutdown::Both);
                let _ = from_server.shutdown(Shutdown::Both);
                return;
            }
            if to_client.write_all(&buf[..n]).is_err() {
                break;
            }
        }
        let _ = to_client.shutdown(Shutdown::Write);
    });
}

fn cut_now(plan: &Mutex<Plan>) -> bool {
    let mut plan = plan.lock().unwrap();
    match plan.pass_before_cut {
        Some(0) => {
            plan.pass_before_cut = None;
            plan.cut += 1;
            true
        }
        Some(n) => {
            plan.pass_before_cut = Some(n - 1);
            false
        }
        None => false,
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
