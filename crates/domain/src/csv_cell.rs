//! CSV cells safe to open in a spreadsheet, and read back to what they were.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (OWASP's CSV
//! injection), also after leading blanks and in the full-width forms `＝＋－＠` that East Asian
//! input methods type. An export puts a quote before such a cell; the import takes exactly that
//! quote off again, so an export of ours imports back to the same values. A plain number such as
//! `-5` or `+12.5` is no formula and is left as it is, so it stays a number in the sheet.

const TRIGGERS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// `-5`, `+12.50`: a sign, digits and at most one decimal point, nothing else.
fn plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let mut parts = digits.splitn(2, '.');
    let whole = parts.next().unwrap_or("");
    let fraction = parts.next();
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && fraction.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// Would a spreadsheet run this cell as a formula?
fn risky(cell: &str) -> bool {
    if cell.starts_with(['\t', '\r', '\n']) {
        return true;
    }
    cell.trim_start().starts_with(TRIGGERS) && !plain_number(cell)
}

/// A quote that an export put there: it stands before what would be defused, or before another
/// such quote (so a value that itself starts with `'=` comes back with its quote).
fn quoted(cell: &str) -> bool {
    cell.strip_prefix('\'').is_some_and(|rest| risky(rest) || quoted(rest))
}

/// The cell as an export writes it.
pub fn defuse(cell: &str) -> String {
    if risky(cell) || quoted(cell) { format!("'{cell}") } else { cell.to_owned() }
}

/// The value an exported cell stood for: the export's quote taken off, nothing else.
pub fn restore(cell: &str) -> &str {
    if quoted(cell) { &cell[1..] } else { cell }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn formulas_are_defused_and_numbers_are_not() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-2+3"), "'-2+3");
        assert_eq!(defuse("+31 20 123 4567"), "'+31 20 123 4567");
        assert_eq!(defuse("  =1+1"), "'  =1+1");
        assert_eq!(defuse("＝1+1"), "'＝1+1");
        assert_eq!(defuse("\u{3000}＋cmd"), "'\u{3000}＋cmd");
        assert_eq!(defuse("－5"), "'－5");
        assert_eq!(defuse("＠A1"), "'＠A1");
        assert_eq!(defuse("\tx"), "'\tx");
        assert_eq!(defuse("-5"), "-5");
        assert_eq!(defuse("+12.50"), "+12.50");
        assert_eq!(defuse("Kabel 2m"), "Kabel 2m");
        assert_eq!(defuse("'quoted"), "'quoted");
        // A value that starts with the export's own quote keeps it through the round trip.
        assert_eq!(defuse("'=x"), "''=x");
    }

    #[test]
    fn imports_take_off_only_the_exports_quote() {
        assert_eq!(restore("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(restore("'+31 20 123 4567"), "+31 20 123 4567");
        assert_eq!(restore("'＝1"), "＝1");
        assert_eq!(restore("''=x"), "'=x");
        assert_eq!(restore("'quoted"), "'quoted");
        assert_eq!(restore("-5"), "-5");
        assert_eq!(restore("'-5"), "'-5");
    }

    proptest! {
        #[test]
        fn every_cell_round_trips(cell in "[ '=+\\-@＝＋－＠a-z0-9.\t]{0,8}") {
            let exported = defuse(&cell);
            prop_assert_eq!(restore(&exported), cell.as_str());
        }
    }
}
