//! The scorecard's settings: how much each component counts and where a vendor is flagged.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{ApiError, FieldError, Violations};

/// Component weights; they must add up to 100 so each reads as "percent of the rating".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScorecardWeights {
    pub lot_defects: u32,
    pub unit_defects: u32,
    pub severity: u32,
    pub returns: u32,
    pub on_time: u32,
    pub chargebacks: u32,
}

impl Default for ScorecardWeights {
    /// Defects and returns weigh most, as our users asked for a rating driven by quality, not
    /// only by delivery.
    fn default() -> Self {
        Self { lot_defects: 20, unit_defects: 20, severity: 15, returns: 20, on_time: 15, chargebacks: 10 }
    }
}

impl ScorecardWeights {
    pub fn total(&self) -> u64 {
        [self.lot_defects, self.unit_defects, self.severity, self.returns, self.on_time, self.chargebacks]
            .into_iter()
            .map(u64::from)
            .sum()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ScorecardSettings {
    pub weights: ScorecardWeights,
    /// A rating strictly below this flags the vendor.
    pub flag_below: u32,
    /// Whether receipts from a flagged vendor are blocked; the receiving act reads it.
    pub block_receipts_below_threshold: bool,
}

impl Default for ScorecardSettings {
    fn default() -> Self {
        Self { weights: ScorecardWeights::default(), flag_below: 70, block_receipts_below_threshold: false }
    }
}

impl ScorecardSettings {
    pub fn validate(&self) -> Result<(), ApiError> {
        let mut v = Violations::default();
        let total = self.weights.total();
        if total != 100 {
            v.push(FieldError::new("weights", "error.review.weights_total").with("total", total));
        }
        if self.flag_below > 100 {
            v.push(FieldError::new("flag_below", "error.review.rating_out_of_range").with("value", self.flag_below));
        }
        v.into_result()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_add_up_to_100() {
        assert_eq!(ScorecardWeights::default().total(), 100);
        assert_eq!(ScorecardSettings::default().validate(), Ok(()));
        assert_eq!(ScorecardSettings::default().flag_below, 70);
    }

    #[test]
    fn weights_that_do_not_add_up_name_the_weights_field() {
        let weights = ScorecardWeights { on_time: 25, ..ScorecardWeights::default() };
        let err = ScorecardSettings { weights, ..ScorecardSettings::default() }.validate().unwrap_err();
        assert_eq!(err.fields[0].field, "weights");
        assert_eq!(err.message_key, "error.review.weights_total");
        assert_eq!(err.params["total"], "110");
    }

    #[test]
    fn a_threshold_above_100_is_refused() {
        let settings = ScorecardSettings { flag_below: 101, ..ScorecardSettings::default() };
        let err = settings.validate().unwrap_err();
        assert_eq!(err.fields[0].field, "flag_below");
    }
}
