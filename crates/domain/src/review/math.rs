//! The rounding every review figure uses, in one place so two screens never disagree by one.

use chrono::{DateTime, Utc};

/// Basis points in a whole (100%).
pub const WHOLE_BPS: i64 = 10_000;

/// `num / den` rounded to the nearest integer, halves away from zero; `None` when `den` is 0.
/// i128 inside so sums of minor units times 10,000 cannot overflow.
pub fn div_round(num: i128, den: i128) -> Option<i64> {
    if den == 0 {
        return None;
    }
    let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
    let (quotient, remainder) = (num.abs() / den, num.abs() % den);
    let magnitude = if 2 * remainder >= den { quotient + 1 } else { quotient };
    let rounded = if num < 0 { -magnitude } else { magnitude };
    Some(i64::try_from(rounded).unwrap_or(if rounded < 0 { i64::MIN } else { i64::MAX }))
}

/// `part / whole` in basis points; no data when there is no whole to divide by.
pub fn ratio_bps(part: i64, whole: i64) -> Option<i64> {
    if whole <= 0 {
        return None;
    }
    div_round(i128::from(part) * i128::from(WHOLE_BPS), i128::from(whole))
}

/// Mean of whole numbers, rounded; `None` for an empty list.
pub fn mean_rounded(values: &[i64]) -> Option<i64> {
    let sum: i128 = values.iter().map(|v| i128::from(*v)).sum();
    div_round(sum, i128::try_from(values.len()).ok()?)
}

/// Median; of an even count, the mean of the two middle values rounded as above (the usual
/// statistical median, so it does not lean towards the faster or the slower half).
pub fn median_rounded(values: &[i64]) -> Option<i64> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => div_round(i128::from(sorted[n / 2 - 1]) + i128::from(sorted[n / 2]), 2),
    }
}

/// Whole minutes from `from` to `to`, rounded to the nearest minute. Negative spans come from
/// device clocks that disagree, not from real work, so they count as 0.
pub fn minutes_between(from: DateTime<Utc>, to: DateTime<Utc>) -> i64 {
    let seconds = (to - from).num_seconds().max(0);
    div_round(i128::from(seconds), 60).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_halves_away_from_zero() {
        assert_eq!(div_round(5, 2), Some(3));
        assert_eq!(div_round(-5, 2), Some(-3));
        assert_eq!(div_round(7, 3), Some(2));
        assert_eq!(div_round(8, 3), Some(3));
        assert_eq!(div_round(-8, 3), Some(-3));
        assert_eq!(div_round(3, -2), Some(-2));
        assert_eq!(div_round(1, 0), None);
    }

    #[test]
    fn ratios_without_a_whole_are_no_data() {
        assert_eq!(ratio_bps(1, 3), Some(3_333));
        assert_eq!(ratio_bps(2, 3), Some(6_667));
        assert_eq!(ratio_bps(0, 5), Some(0));
        assert_eq!(ratio_bps(0, 0), None);
        assert_eq!(ratio_bps(3, 0), None);
    }

    #[test]
    fn median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median_rounded(&[]), None);
        assert_eq!(median_rounded(&[9, 1, 5]), Some(5));
        assert_eq!(median_rounded(&[10, 1, 4, 7]), Some(6)); // (4 + 7) / 2 = 5.5 -> 6
        assert_eq!(median_rounded(&[2, 4]), Some(3));
        assert_eq!(mean_rounded(&[1, 2]), Some(2)); // 1.5 -> 2
        assert_eq!(mean_rounded(&[]), None);
    }
}
