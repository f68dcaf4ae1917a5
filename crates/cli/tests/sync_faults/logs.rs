//! The logs the fault tests hold side by side: the server's (in SQLite or PostgreSQL) and a
//! desk's, and what "nothing half-stored, nothing lost, nothing doubled" means on them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use lotline_domain::envelope::GENESIS;
use sqlx::Row;

pub struct ServerEvent {
    pub server_seq: i64,
    pub id: String,
    pub desk_id: String,
    pub desk_seq: i64,
    pub act_id: String,
    pub hash: String,
}

pub struct ServerLog {
    /// In server order.
    pub events: Vec<ServerEvent>,
    /// desk_id → (next_seq, head_hash): where the server expects each desk's chain to go on.
    pub desks: HashMap<String, (i64, String)>,
    pub last_server_seq: i64,
}

impl ServerLog {
    /// Read straight from the server's database, with the server stopped or running.
    pub async fn read(server_dir: &Path, database_url: Option<&str>) -> ServerLog {
        sqlx::any::install_default_drivers();
        let url = database_url
            .map(str::to_owned)
            .unwrap_or_else(|| format!("sqlite://{}?mode=rw", server_dir.join("server.db").display()));
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        let events =
            sqlx::query("SELECT server_seq, id, desk_id, desk_seq, act_id, hash FROM events ORDER BY server_seq")
                .fetch_all(&pool)
                .await
                .unwrap()
                .iter()
                .map(|r| ServerEvent {
                    server_seq: r.get("server_seq"),
                    id: r.get("id"),
                    desk_id: r.get("desk_id"),
                    desk_seq: r.get("desk_seq"),
                    act_id: r.get("act_id"),
                    hash: r.get("hash"),
                })
                .collect();
        let desks = sqlx::query("SELECT desk_id, next_seq, head_hash FROM desks")
            .fetch_all(&pool)
            .await
            .unwrap()
            .iter()
            .map(|r| (r.get("desk_id"), (r.get("next_seq"), r.get("head_hash"))))
            .collect();
        let last_server_seq =
            sqlx::query_scalar("SELECT last_server_seq FROM server_state WHERE id = 1").fetch_one(&pool).await.unwrap();
        pool.close().await;
        ServerLog { events, desks, last_server_seq }
    }

    /// Nothing half-stored: server sequences 1..=N without a gap and recorded as given, every
    /// event id once, each desk's events 1..next_seq without a gap, its head the last one's hash.
    pub fn assert_whole(&self) {
        let seqs: Vec<i64> = self.events.iter().map(|e| e.server_seq).collect();
        assert_eq!(first_gap(&seqs), None, "server sequences from 1 without a gap");
        assert_eq!(self.last_server_seq, self.events.len() as i64, "the last server sequence given");
        let ids: HashSet<&str> = self.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), self.events.len(), "every event once");
        for (desk_id, (next_seq, head)) in &self.desks {
            let mut mine: Vec<&ServerEvent> = self.events.iter().filter(|e| &e.desk_id == desk_id).collect();
            mine.sort_by_key(|e| e.desk_seq);
            let desk_seqs: Vec<i64> = mine.iter().map(|e| e.desk_seq).collect();
            assert_eq!(first_gap(&desk_seqs), None, "desk {desk_id}: its sequence from 1 without a gap");
            assert_eq!(*next_seq, mine.len() as i64 + 1, "desk {desk_id}: the server expects its next event");
            let last = mine.last().map_or(GENESIS, |e| e.hash.as_str());
            assert_eq!(head, last, "desk {desk_id}: its head is its last event");
        }
    }

    /// Every act of `desk` the server holds, it holds whole: as many events as the desk wrote.
    pub fn assert_acts_whole(&self, desk: &DeskLog) {
        let mut held: HashMap<&str, usize> = HashMap::new();
        for event in &self.events {
            *held.entry(event.act_id.as_str()).or_default() += 1;
        }
        let mut written: HashMap<&str, usize> = HashMap::new();
        for event in &desk.events {
            *written.entry(event.act_id.as_str()).or_default() += 1;
        }
        for event in self.events.iter().filter(|e| e.desk_id == desk.desk_id) {
            let act = event.act_id.as_str();
            assert_eq!(held[act], written[act], "act {act} held whole");
        }
    }

    /// event id → server sequence.
    pub fn placed(&self) -> BTreeMap<String, i64> {
        self.events.iter().map(|e| (e.id.clone(), e.server_seq)).collect()
    }

    pub fn of_desk(&self, desk_id: &str) -> usize {
        self.events.iter().filter(|e| e.desk_id == desk_id).count()
    }
}

/// Both sides hold the same events at the same server sequences; a failure names a few that
/// differ rather than printing thousands.
pub fn assert_same_places(here: &BTreeMap<String, i64>, there: &BTreeMap<String, i64>, what: &str) {
    let differ: Vec<_> = here
        .iter()
        .map(|(id, seq)| (id, Some(*seq), there.get(id).copied()))
        .chain(there.iter().filter(|(id, _)| !here.contains_key(*id)).map(|(id, seq)| (id, None, Some(*seq))))
        .filter(|(_, a, b)| a != b)
        .collect();
    assert!(
        differ.is_empty(),
        "{what} differ in {} events (id, place on one, on the other), e.g. {:?}",
        differ.len(),
        &differ[..differ.len().min(5)]
    );
}

/// The first place where `seqs` is not 1, 2, 3, …: (place, what is there).
fn first_gap(seqs: &[i64]) -> Option<(usize, i64)> {
    seqs.iter().enumerate().find(|(i, seq)| **seq != *i as i64 + 1).map(|(i, seq)| (i, *seq))
}

pub struct DeskEvent {
    pub id: String,
    pub act_id: String,
    pub desk_id: String,
    pub server_seq: Option<i64>,
}

pub struct DeskLog {
    pub desk_id: String,
    pub events: Vec<DeskEvent>,
    /// Where the desk's next pull starts.
    pub cursor: i64,
}

impl DeskLog {
    pub fn read(data: &Path) -> DeskLog {
        let db = rusqlite::Connection::open(data.join("lotline.db")).unwrap();
        let mut query = db.prepare("SELECT id, act_id, desk_id, server_seq FROM events ORDER BY seq").unwrap();
        let events = query
            .query_map([], |r| {
                Ok(DeskEvent { id: r.get(0)?, act_id: r.get(1)?, desk_id: r.get(2)?, server_seq: r.get(3)? })
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let cursor: Option<String> =
            db.query_row("SELECT value FROM local_state WHERE key = 'sync_cursor'", [], |r| r.get(0)).unwrap_or(None);
        let desk_id = std::fs::read_to_string(data.join("device-id")).unwrap().trim().to_owned();
        DeskLog { desk_id, events, cursor: cursor.map_or(0, |c| c.parse().unwrap()) }
    }

    /// event id → server sequence, of the events the server confirmed to this desk.
    pub fn placed(&self) -> BTreeMap<String, i64> {
        self.events.iter().filter_map(|e| Some((e.id.clone(), e.server_seq?))).collect()
    }

    pub fn own(&self) -> usize {
        self.events.iter().filter(|e| e.desk_id == self.desk_id).count()
    }

    pub fn unconfirmed(&self) -> usize {
        self.events.iter().filter(|e| e.server_seq.is_none()).count()
    }

    /// Nothing doubled here, and everything the server holds is here at the same place.
    pub fn assert_holds_exactly(&self, server: &ServerLog) {
        let ids: HashSet<&str> = self.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), self.events.len(), "every event once on the desk");
        assert_eq!(self.unconfirmed(), 0, "nothing left unconfirmed");
        assert_same_places(&self.placed(), &server.placed(), "the desk and the server");
        assert_eq!(self.cursor, server.last_server_seq, "the pull cursor is at the end of the team's log");
    }
}
