//! The genealogy graph: lots as nodes (dense integer ids, as the store numbers them), links as
//! edges. Traces walk it breadth first, so each lot is reported once, at its shortest distance
//! from the root, with the lot and link it was first reached through.
//!
//! Kept in memory rather than walked with recursive SQL: a trace reaching 10,000 lots took tens
//! of milliseconds as a recursive query on a million lots and is a fraction of one here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A lot's place in the graph (the store's `lot_id`).
pub type LotId = u32;
/// A link's place in the store (its `link_id`).
pub type LinkId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Direction {
    /// Everything made from the lot, down to what was shipped.
    Forward,
    /// Everything that went into the lot, down to the supplier lots.
    Backward,
}

/// One lot a trace reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reached {
    pub lot: LotId,
    /// Links between the root and this lot on the shortest way (1 for a direct link).
    pub depth: u32,
    /// The lot it was first reached from, and the link between them.
    pub via: LotId,
    pub link: LinkId,
}

#[derive(Debug, Clone, Default)]
pub struct Genealogy {
    forward: Vec<Vec<(LotId, LinkId)>>,
    backward: Vec<Vec<(LotId, LinkId)>>,
    links: usize,
}

/// A set of lot ids as bits: a trace over a million lots marks them in 125 KB.
struct Seen(Vec<u64>);

impl Seen {
    fn new(lots: usize) -> Self {
        Seen(vec![0; lots / 64 + 1])
    }

    /// Marks `lot`; false when it was marked already.
    fn insert(&mut self, lot: LotId) -> bool {
        let (word, bit) = (lot as usize / 64, 1u64 << (lot % 64));
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }
}

impl Genealogy {
    pub fn new() -> Self {
        Self::default()
    }

    /// Lots the graph has room for: one more than the highest id seen.
    pub fn lots(&self) -> usize {
        self.forward.len()
    }

    pub fn links(&self) -> usize {
        self.links
    }

    /// Makes room for lots up to `lot`, which may have no links yet.
    pub fn add_lot(&mut self, lot: LotId) {
        let needed = lot as usize + 1;
        if self.forward.len() < needed {
            self.forward.resize_with(needed, Vec::new);
            self.backward.resize_with(needed, Vec::new);
        }
    }

    pub fn add_link(&mut self, from: LotId, to: LotId, link: LinkId) {
        self.add_lot(from.max(to));
        self.forward[from as usize].push((to, link));
        self.backward[to as usize].push((from, link));
        self.links += 1;
    }

    fn edges(&self, direction: Direction) -> &[Vec<(LotId, LinkId)>] {
        match direction {
            Direction::Forward => &self.forward,
            Direction::Backward => &self.backward,
        }
    }

    /// The direct neighbours of `lot` in `direction`, with the links.
    pub fn neighbours(&self, lot: LotId, direction: Direction) -> &[(LotId, LinkId)] {
        self.edges(direction).get(lot as usize).map_or(&[], Vec::as_slice)
    }

    /// Every lot reachable from `root` in `direction`, root excluded, nearest first.
    pub fn trace(&self, root: LotId, direction: Direction) -> Vec<Reached> {
        self.trace_from(&[root], direction)
    }

    /// Every lot reachable from any of `roots`, the roots excluded, nearest first.
    pub fn trace_from(&self, roots: &[LotId], direction: Direction) -> Vec<Reached> {
        let edges = self.edges(direction);
        let mut seen = Seen::new(self.lots().max(roots.iter().map(|r| *r as usize + 1).max().unwrap_or(0)));
        for root in roots {
            seen.insert(*root);
        }
        let mut reached: Vec<Reached> = Vec::new();
        let mut frontier: Vec<(LotId, u32)> = roots.iter().map(|r| (*r, 0)).collect();
        let mut next = 0;
        while next < frontier.len() {
            let (lot, depth) = frontier[next];
            next += 1;
            for &(other, link) in edges.get(lot as usize).map_or(&[][..], Vec::as_slice) {
                if seen.insert(other) {
                    reached.push(Reached { lot: other, depth: depth + 1, via: lot, link });
                    frontier.push((other, depth + 1));
                }
            }
        }
        reached
    }

    /// A way from `from` to `to` following links forward, both ends included, if there is one.
    pub fn path(&self, from: LotId, to: LotId) -> Option<Vec<LotId>> {
        if from == to {
            return Some(vec![from]);
        }
        let reached = self.trace(from, Direction::Forward);
        let mut parent = std::collections::HashMap::with_capacity(reached.len());
        for r in &reached {
            parent.insert(r.lot, r.via);
            if r.lot == to {
                let mut path = vec![to];
                let mut at = to;
                while at != from {
                    at = parent[&at];
                    path.push(at);
                }
                path.reverse();
                return Some(path);
            }
        }
        None
    }

    /// The cycle a new link `from` → `to` would close, as the lots around it starting at `from`
    /// (`from`, `to`, …, back before `from`), or None when the link is safe.
    pub fn cycle_if_linked(&self, from: LotId, to: LotId) -> Option<Vec<LotId>> {
        let mut way_back = self.path(to, from)?;
        // `way_back` runs to → … → from; the cycle reads from → to → … .
        way_back.pop();
        let mut cycle = vec![from];
        cycle.extend(way_back);
        Some(cycle)
    }

    /// Some cycle in the whole graph, as its lots in link order, or None when it is acyclic.
    /// Depth-first with an explicit stack, so a long chain cannot overflow the thread's stack.
    pub fn find_cycle(&self) -> Option<Vec<LotId>> {
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.lots()];
        for start in 0..self.lots() {
            if state[start] != NEW || self.forward[start].is_empty() {
                continue;
            }
            // (lot, index of the next edge to follow)
            let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
            state[start] = OPEN;
            while let Some(top) = stack.last_mut() {
                let (lot, edge) = *top;
                if let Some(&(next, _)) = self.forward[lot].get(edge) {
                    top.1 += 1;
                    let next = next as usize;
                    match state[next] {
                        NEW => {
                            state[next] = OPEN;
                            stack.push((next, 0));
                        }
                        OPEN => {
                            let from = stack.iter().position(|(l, _)| *l == next).unwrap_or(0);
                            return Some(stack[from..].iter().map(|(l, _)| *l as LotId).collect());
                        }
                        _ => {}
                    }
                } else {
                    state[lot] = DONE;
                    stack.pop();
                }
            }
        }
        None
    }
}
