use super::policy::{RESTOCKING_FEE_CAP_BPS, ReturnPolicy};

/// The restocking fee on a refund, in minor units: charged only when the goods cannot be sold
/// as new and the return was the customer's own choice; never above the 10% cap, whatever the
/// policy says; rounded half up to the minor unit.
pub fn restocking_fee(policy: &ReturnPolicy, reason_code: &str, refund_minor: i64, resalable_as_new: bool) -> i64 {
    let customer_choice = policy.reason(reason_code).is_some_and(|r| r.customer_choice);
    if resalable_as_new || !customer_choice || refund_minor <= 0 {
        return 0;
    }
    let bps = i128::from(policy.restocking_fee_bps.min(RESTOCKING_FEE_CAP_BPS));
    let fee = (i128::from(refund_minor) * bps + 5_000) / 10_000;
    // Rounding up may not carry a fee past the cap (10% of 10.15 is 1.01, not 1.02).
    i64::try_from(fee).unwrap_or(i64::MAX).min(restocking_fee_cap(refund_minor))
}

/// The largest fee the cap allows on a refund (10%, rounded down so the cap is never passed).
pub fn restocking_fee_cap(refund_minor: i64) -> i64 {
    let cap = i128::from(refund_minor.max(0)) * i128::from(RESTOCKING_FEE_CAP_BPS) / 10_000;
    i64::try_from(cap).unwrap_or(i64::MAX)
}
