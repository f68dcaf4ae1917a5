//! Traces against a plain reference: the transitive closure of the links, computed the slow way.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;

/// Random links among `lots` lots, always from a lower id to a higher one, so the graph has no
/// cycles (as the store keeps it).
fn genealogy() -> impl Strategy<Value = (u32, Vec<(u32, u32)>)> {
    (2u32..40).prop_flat_map(|lots| {
        let link = (0..lots - 1).prop_flat_map(move |from| (Just(from), from + 1..lots));
        (Just(lots), prop::collection::vec(link, 0..80))
    })
}

fn build(lots: u32, links: &[(u32, u32)]) -> Genealogy {
    let mut g = Genealogy::new();
    g.add_lot(lots - 1);
    for (i, (from, to)) in links.iter().enumerate() {
        g.add_link(*from, *to, i as u32);
    }
    g
}

/// Reachability by repeated relaxation until nothing changes, and the shortest distance.
fn closure(root: u32, links: &[(u32, u32)], direction: Direction) -> BTreeMap<u32, u32> {
    let mut dist: BTreeMap<u32, u32> = BTreeMap::from([(root, 0)]);
    loop {
        let mut changed = false;
        for (a, b) in links {
            let (from, to) = match direction {
                Direction::Forward => (*a, *b),
                Direction::Backward => (*b, *a),
            };
            if let Some(&d) = dist.get(&from) {
                let better = dist.get(&to).is_none_or(|&old| d + 1 < old);
                if better {
                    dist.insert(to, d + 1);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    dist.remove(&root);
    dist
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn traces_equal_the_transitive_closure((lots, links) in genealogy(), root in 0u32..40) {
        let root = root % lots;
        let g = build(lots, &links);
        for direction in [Direction::Forward, Direction::Backward] {
            let reached = g.trace(root, direction);
            let got: BTreeMap<u32, u32> = reached.iter().map(|r| (r.lot, r.depth)).collect();
            prop_assert_eq!(got.len(), reached.len(), "a lot reported twice");
            prop_assert_eq!(&got, &closure(root, &links, direction));
            for r in &reached {
                // Each lot is reached through a real link from a lot one step nearer.
                let (from, to) = links[r.link as usize];
                let (from, to) = if direction == Direction::Forward { (from, to) } else { (to, from) };
                prop_assert_eq!((from, to), (r.via, r.lot));
                let via_depth = if r.via == root { 0 } else { got[&r.via] };
                prop_assert_eq!(via_depth + 1, r.depth);
            }
        }
    }

    #[test]
    fn a_link_closes_a_cycle_exactly_when_its_target_reaches_its_source(
        (lots, links) in genealogy(), a in 0u32..40, b in 0u32..40,
    ) {
        let (from, to) = (a % lots, b % lots);
        let g = build(lots, &links);
        prop_assert_eq!(g.find_cycle(), None);
        let reaches = from == to || closure(to, &links, Direction::Forward).contains_key(&from);
        let cycle = g.cycle_if_linked(from, to);
        prop_assert_eq!(cycle.is_some(), reaches);
        let mut with = build(lots, &links);
        with.add_link(from, to, links.len() as u32);
        prop_assert_eq!(with.find_cycle().is_some(), reaches);
        if let Some(cycle) = cycle {
            // The cycle is a real one: each lot links to the next, and the last back to the first.
            let all: BTreeSet<(u32, u32)> = links.iter().copied().chain([(from, to)]).collect();
            prop_assert_eq!(cycle[0], from);
            for pair in cycle.windows(2) {
                prop_assert!(all.contains(&(pair[0], pair[1])), "{:?} not a link", pair);
            }
            prop_assert!(all.contains(&(*cycle.last().unwrap(), from)));
        }
    }
}

#[test]
fn recall_scope_from_several_lots_reports_each_lot_once() {
    // 0 → 2, 1 → 2, 2 → 3: tracing from both 0 and 1 reaches 2 once, then 3.
    let g = build(4, &[(0, 2), (1, 2), (2, 3)]);
    let reached = g.trace_from(&[0, 1], Direction::Forward);
    let lots: Vec<(u32, u32)> = reached.iter().map(|r| (r.lot, r.depth)).collect();
    assert_eq!(lots, [(2, 1), (3, 2)]);
}

#[test]
fn a_long_chain_is_walked_without_recursion() {
    let links: Vec<(u32, u32)> = (0..200_000).map(|i| (i, i + 1)).collect();
    let g = build(200_001, &links);
    assert_eq!(g.trace(0, Direction::Forward).len(), 200_000);
    assert_eq!(g.find_cycle(), None);
    assert_eq!(g.cycle_if_linked(200_000, 0).map(|c| c.len()), Some(200_001));
}
