//! ISO 2859-1:1999 tables for single sampling: Table 1 (code letters, general and special
//! levels), Table 2-A (normal), 2-B (tightened) and 2-C (reduced).
//!
//! Table 2-A is not stored cell by cell: the standard builds it along diagonals. Going one row
//! down (the next, about 1.6 times larger sample) or one column right (the next AQL, about 1.6
//! times larger) moves one step along the same sequence of plans. So a cell is found from
//! `step = aql_column + letter_row - 14`, which puts "0 1" exactly where the printed table has it
//! (A at 6.5, J at 0.15, Q at 0.010). The tests check the result against printed cells.

/// Sample size code letters in order, with the sample size each stands for.
pub const LETTERS: [(char, u64); 16] = [
    ('A', 2),
    ('B', 3),
    ('C', 5),
    ('D', 8),
    ('E', 13),
    ('F', 20),
    ('G', 32),
    ('H', 50),
    ('J', 80),
    ('K', 125),
    ('L', 200),
    ('M', 315),
    ('N', 500),
    ('P', 800),
    ('Q', 1250),
    ('R', 2000),
];

/// Table 1: the upper bound of each lot-size range and its code letter (as an index into
/// `LETTERS`) for the general inspection levels I, II and III.
pub const CODE_LETTERS: [(u64, [usize; 3]); 15] = [
    (8, [0, 0, 1]),
    (15, [0, 1, 2]),
    (25, [1, 2, 3]),
    (50, [2, 3, 4]),
    (90, [2, 4, 5]),
    (150, [3, 5, 6]),
    (280, [4, 6, 7]),
    (500, [5, 7, 8]),
    (1_200, [6, 8, 9]),
    (3_200, [7, 9, 10]),
    (10_000, [8, 10, 11]),
    (35_000, [9, 11, 12]),
    (150_000, [10, 12, 13]),
    (500_000, [11, 13, 14]),
    (u64::MAX, [12, 14, 15]),
];

/// Table 1, special inspection levels S-1 to S-4, for the same lot-size ranges.
pub const SPECIAL_LETTERS: [[usize; 4]; 15] = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 1, 1],
    [0, 1, 1, 2],
    [1, 1, 2, 2],
    [1, 1, 2, 3],
    [1, 2, 3, 4],
    [1, 2, 3, 4],
    [2, 2, 4, 5],
    [2, 3, 4, 6],
    [2, 3, 5, 6],
    [2, 3, 5, 7],
    [3, 4, 6, 8],
    [3, 4, 6, 8],
    [3, 4, 7, 9],
];

/// Table 2-B's extra last row: code letter S, 3150 units, reached only by tightened arrows.
pub const TIGHTENED_LAST: (char, u64) = ('S', 3150);

/// The AQL columns of Table 2-A, in hundredths of a percent (so 0.065 % is 65 / 1000 ...);
/// stored as thousandths to keep them integers: 0.010 -> 10, 6.5 -> 6_500, 1000 -> 1_000_000.
pub const AQL_COLUMNS: [u32; 26] = [
    10, 15, 25, 40, 65, 100, 150, 250, 400, 650, 1_000, 1_500, 2_500, 4_000, 6_500, 10_000, 15_000, 25_000, 40_000,
    65_000, 100_000, 150_000, 250_000, 400_000, 650_000, 1_000_000,
];

/// What a cell of Table 2-A holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Plan {
        accept: u32,
        reject: u32,
    },
    /// Use the first sampling plan below the arrow.
    Down,
    /// Use the first sampling plan above the arrow.
    Up,
}

/// The acceptance numbers along a diagonal after the first "0 1" and its two arrows.
const ACCEPT_AFTER_ARROWS: [u32; 10] = [1, 2, 3, 5, 7, 10, 14, 21, 30, 44];

/// Table 2-B's acceptance numbers along a diagonal after its "0 1" and two arrows: tightened
/// plans keep the normal sample size and accept fewer (8 where normal accepts 10, 12 for 14...).
const TIGHTENED_ACCEPT_AFTER_ARROWS: [u32; 9] = [1, 2, 3, 5, 8, 12, 18, 27, 41];

/// Where a column's diagonal turns up for good: acceptance numbers of 30 and 44 appear only in
/// the nonconformities-per-hundred-units columns from 100 and 150 upwards; elsewhere the table
/// turns up at 21/22.
fn ceiling(column: usize) -> i64 {
    match column {
        c if c >= 21 => 12,
        20 => 11,
        _ => 10,
    }
}

/// One diagonal of a table: "0 1", an up arrow, a down arrow, then the acceptance numbers.
fn diagonal(step: i64, ceiling: i64, accepts: &[u32]) -> Cell {
    match step {
        s if s < 0 => Cell::Down,
        0 => Cell::Plan { accept: 0, reject: 1 },
        1 => Cell::Up,
        2 => Cell::Down,
        s if s > ceiling => Cell::Up,
        s => {
            let accept = accepts[(s - 3) as usize];
            Cell::Plan { accept, reject: accept + 1 }
        }
    }
}

/// Table 2-A, normal inspection, single sampling.
pub fn normal_cell(letter: usize, column: usize) -> Cell {
    diagonal(column as i64 + letter as i64 - 14, ceiling(column), &ACCEPT_AFTER_ARROWS)
}

/// Table 2-B, tightened inspection: the same sample sizes (and letter S, 3150 units, below R),
/// the "0 1" plan one row further down (a larger sample for the same AQL), and the tightened
/// acceptance numbers, turning up where Table 2-A does.
pub fn tightened_cell(letter: usize, column: usize) -> Cell {
    diagonal(column as i64 + letter as i64 - 15, ceiling(column) - 1, &TIGHTENED_ACCEPT_AFTER_ARROWS)
}

/// Table 2-C, reduced inspection (ISO 2859-1:1999): each code letter takes the sample two rows
/// up (K: 50 instead of 125; A to C all 2) with the acceptance numbers Table 2-A has for that
/// sample, and, unlike ANSI Z1.4's reduced table, a rejection number of Ac + 1.
pub fn reduced_cell(letter: usize, column: usize) -> Cell {
    normal_cell(letter.saturating_sub(2), column)
}
