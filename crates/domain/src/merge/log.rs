//! What the merge judge reads of the team's log: a record's stream, and the events that name a
//! subject beyond their own stream (the RMAs of an order, the reshipments of a failure), which is
//! where counters with ceilings find what other desks already took.

use std::collections::HashMap;

use crate::Event;
use crate::envelope::EnvelopedEvent;

/// An accepted event of the team's log.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    pub server_seq: i64,
    pub desk_id: String,
    pub event: Event,
}

/// One event of the act being judged: its envelope (time, desk, what it had seen) and payload.
#[derive(Debug, Clone, Copy)]
pub struct ActEvent<'a> {
    pub envelope: &'a EnvelopedEvent,
    pub event: &'a Event,
}

/// The team's log as the judge reads it, accepted events only, each list in the server's order.
pub trait TeamLog {
    fn stream(&mut self, stream_type: &str, stream_id: &str) -> Vec<Logged>;
    /// The events whose `subjects_of` include `subject`.
    fn naming(&mut self, subject: &str) -> Vec<Logged>;
}

/// The kinds of event that name subjects beyond their stream: a host indexing its log by
/// subject only needs to decode these.
pub const KINDS_WITH_SUBJECTS: &[&str] = &["order_recorded", "orders_imported", "rma_opened", "reshipment_requested"];

pub fn order_subject(order_no: &str) -> String {
    format!("order/{order_no}")
}

pub fn failure_subject(failure_no: &str) -> String {
    format!("failure/{failure_no}")
}

pub fn rma_subject(rma_no: &str) -> String {
    format!("rma/{rma_no}")
}

/// The subjects an event names, each once: the orders an order event defines or an RMA takes
/// back from, the failures and the return a reshipment replaces.
pub fn subjects_of(event: &Event) -> Vec<String> {
    let mut subjects: Vec<String> = match event {
        Event::OrderRecorded(o) => vec![order_subject(&o.order_no)],
        Event::OrdersImported { rows, .. } => rows.iter().map(|o| order_subject(&o.order_no)).collect(),
        Event::RmaOpened(o) => o.lines.iter().map(|l| order_subject(&l.order_no)).collect(),
        Event::ReshipmentRequested(r) => {
            r.failure_nos.iter().map(|f| failure_subject(f)).chain(r.rma_no.iter().map(|n| rma_subject(n))).collect()
        }
        _ => Vec::new(),
    };
    let mut seen = std::collections::HashSet::new();
    subjects.retain(|s| seen.insert(s.clone()));
    subjects
}

/// A read the judge made that a `ReadAhead` was not given.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Read {
    Stream(String, String),
    Naming(String),
}

/// A `TeamLog` filled ahead by a host that reads its log asynchronously (the server): what it
/// was not given reads as empty and is listed by `take_missing`, so the host fetches that and
/// judges again until nothing is missing. The judge is pure, so judging again is safe.
#[derive(Debug, Default)]
pub struct ReadAhead {
    streams: HashMap<(String, String), Vec<Logged>>,
    named: HashMap<String, Vec<Logged>>,
    missing: Vec<Read>,
}

impl ReadAhead {
    pub fn give(&mut self, read: Read, events: Vec<Logged>) {
        match read {
            Read::Stream(stream_type, stream_id) => self.streams.insert((stream_type, stream_id), events),
            Read::Naming(subject) => self.named.insert(subject, events),
        };
    }

    pub fn take_missing(&mut self) -> Vec<Read> {
        std::mem::take(&mut self.missing)
    }

    fn want(&mut self, read: Read) {
        if !self.missing.contains(&read) {
            self.missing.push(read);
        }
    }
}

impl TeamLog for ReadAhead {
    fn stream(&mut self, stream_type: &str, stream_id: &str) -> Vec<Logged> {
        match self.streams.get(&(stream_type.to_owned(), stream_id.to_owned())) {
            Some(events) => events.clone(),
            None => {
                self.want(Read::Stream(stream_type.to_owned(), stream_id.to_owned()));
                Vec::new()
            }
        }
    }

    fn naming(&mut self, subject: &str) -> Vec<Logged> {
        match self.named.get(subject) {
            Some(events) => events.clone(),
            None => {
                self.want(Read::Naming(subject.to_owned()));
                Vec::new()
            }
        }
    }
}
