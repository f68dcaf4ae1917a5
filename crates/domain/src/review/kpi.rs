//! The returns KPIs: what each one measures, which way is good, and how a figure is coloured.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A figure may miss its target by this share of the target (basis points) and still be amber.
pub const AMBER_TOLERANCE_BPS: i64 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KpiId {
    ReturnRate,
    CostPerReturn,
    ReceiptToDecision,
    RefundProcessing,
    RestockRate,
    DamagedRate,
    InventoryImpact,
    RefundAccuracy,
    AutomationRate,
    DenialRate,
    LabelSuccessRate,
    TimeToAuthorization,
    DiscardRate,
    RefundShare,
    CostPerReturnedUnit,
}

/// How a KPI's numbers read. The unit fixes the integer each value is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KpiUnit {
    /// Basis points (600 = 6%).
    Percent,
    /// Minor units of the figure's currency, one figure per currency.
    Money,
    /// Minutes, shown as days (2,880 = 2 days): minutes keep hand-checked figures exact.
    Days,
}

/// Which side of the target is good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KpiDirection {
    AtMost,
    AtLeast,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum KpiState {
    Green,
    Amber,
    Red,
    /// No data, or no target to judge by.
    Neutral,
}

impl KpiId {
    pub const ALL: [KpiId; 15] = [
        KpiId::ReturnRate,
        KpiId::CostPerReturn,
        KpiId::ReceiptToDecision,
        KpiId::RefundProcessing,
        KpiId::RestockRate,
        KpiId::DamagedRate,
        KpiId::InventoryImpact,
        KpiId::RefundAccuracy,
        KpiId::AutomationRate,
        KpiId::DenialRate,
        KpiId::LabelSuccessRate,
        KpiId::TimeToAuthorization,
        KpiId::DiscardRate,
        KpiId::RefundShare,
        KpiId::CostPerReturnedUnit,
    ];

    /// Stable code, as serialized and in i18n keys.
    pub fn code(self) -> &'static str {
        match self {
            KpiId::ReturnRate => "return_rate",
            KpiId::CostPerReturn => "cost_per_return",
            KpiId::ReceiptToDecision => "receipt_to_decision",
            KpiId::RefundProcessing => "refund_processing",
            KpiId::RestockRate => "restock_rate",
            KpiId::DamagedRate => "damaged_rate",
            KpiId::InventoryImpact => "inventory_impact",
            KpiId::RefundAccuracy => "refund_accuracy",
            KpiId::AutomationRate => "automation_rate",
            KpiId::DenialRate => "denial_rate",
            KpiId::LabelSuccessRate => "label_success_rate",
            KpiId::TimeToAuthorization => "time_to_authorization",
            KpiId::DiscardRate => "discard_rate",
            KpiId::RefundShare => "refund_share",
            KpiId::CostPerReturnedUnit => "cost_per_returned_unit",
        }
    }

    /// The translated definition's key, e.g. `kpi.return_rate.definition`.
    pub fn definition_key(self) -> String {
        format!("kpi.{}.definition", self.code())
    }

    pub fn unit(self) -> KpiUnit {
        match self {
            KpiId::CostPerReturn | KpiId::CostPerReturnedUnit => KpiUnit::Money,
            KpiId::ReceiptToDecision | KpiId::RefundProcessing | KpiId::TimeToAuthorization => KpiUnit::Days,
            _ => KpiUnit::Percent,
        }
    }

    /// The good side; `None` for the denial rate, which is neither good nor bad when high.
    pub fn direction(self) -> Option<KpiDirection> {
        match self {
            KpiId::ReturnRate
            | KpiId::CostPerReturn
            | KpiId::CostPerReturnedUnit
            | KpiId::ReceiptToDecision
            | KpiId::RefundProcessing
            | KpiId::DamagedRate
            | KpiId::InventoryImpact
            | KpiId::TimeToAuthorization
            | KpiId::DiscardRate => Some(KpiDirection::AtMost),
            KpiId::RestockRate | KpiId::RefundAccuracy | KpiId::AutomationRate | KpiId::LabelSuccessRate => {
                Some(KpiDirection::AtLeast)
            }
            // Refunds against credits is a mix to watch, not a side to be on.
            KpiId::DenialRate | KpiId::RefundShare => None,
        }
    }

    /// The English definition, which the `en` locale file repeats under `definition_key`.
    pub fn definition(self) -> &'static str {
        match self {
            KpiId::ReturnRate => {
                "Orders placed in the period with goods returned on an RMA (not rejected or cancelled, \
                 whenever it came), as a share of orders placed in the period."
            }
            KpiId::CostPerReturn => {
                "What handling the RMAs settled in the period cost, divided by those RMAs: the costs recorded \
                 on an RMA where there are any, else the handling cost and prepaid label postage set in the \
                 return policy it was opened under; in the installation's currency, never converted."
            }
            KpiId::CostPerReturnedUnit => {
                "The same cost of the RMAs settled in the period, divided by the units they took back; RMAs \
                 whose units are not all counted in pieces are left out, as pieces and kilograms do not add up."
            }
            KpiId::ReceiptToDecision => {
                "Mean time from receiving the goods to inspecting them and deciding their disposition, over \
                 RMAs inspected in the period."
            }
            KpiId::RefundProcessing => {
                "Mean time from approving a refund or store credit to paying it out, over those paid out in \
                 the period. A payout that needed no approval counts from the inspection that made it due (or, \
                 for credit ahead of the goods, from the return's approval)."
            }
            KpiId::RestockRate => {
                "Returned units restocked in the period, as a share of returned units given any disposition in \
                 the period; one figure per unit of measure."
            }
            KpiId::DamagedRate => {
                "Returned units that cannot be resold (donated, recycled or written off) in the period, as a \
                 share of returned units given any disposition in the period; one figure per unit of measure."
            }
            KpiId::InventoryImpact => {
                "Returned units disposed in the period as donate, recycle or write-off, as a share of the units \
                 in stock at the start of the period."
            }
            KpiId::RefundAccuracy => {
                "Refunds settled in the period whose amount equals the amount the return policy computes, as a \
                 share of settled refunds with a policy amount."
            }
            KpiId::AutomationRate => {
                "RMAs decided in the period by the rules without a person, as a share of RMAs decided."
            }
            KpiId::DenialRate => "RMAs rejected in the period, as a share of RMAs decided in the period.",
            KpiId::LabelSuccessRate => "Return labels printed without error, as a share of label attempts.",
            KpiId::TimeToAuthorization => {
                "Mean time from opening an RMA to approving or rejecting it, over RMAs decided in the period."
            }
            KpiId::DiscardRate => {
                "Returned units recycled or written off in the period, as a share of returned units given any \
                 disposition in the period; one figure per unit of measure."
            }
            KpiId::RefundShare => {
                "Refunds paid out in the period, as a share of refunds and store credits paid out in the period."
            }
        }
    }
}

/// Green meets the target; amber misses it by at most 10% of the target; red misses it by more.
/// Compared in integers (`value × 10,000` against `target × (10,000 ± tolerance)`) so a figure
/// exactly on the amber edge is amber on every host.
pub fn kpi_state(value: Option<i64>, target: Option<i64>, direction: Option<KpiDirection>) -> KpiState {
    let (Some(value), Some(target), Some(direction)) = (value, target, direction) else {
        return KpiState::Neutral;
    };
    let scaled = i128::from(value) * 10_000;
    let (meets, within) = match direction {
        KpiDirection::AtMost => {
            (value <= target, scaled <= i128::from(target) * i128::from(10_000 + AMBER_TOLERANCE_BPS))
        }
        KpiDirection::AtLeast => {
            (value >= target, scaled >= i128::from(target) * i128::from(10_000 - AMBER_TOLERANCE_BPS))
        }
    };
    match (meets, within) {
        (true, _) => KpiState::Green,
        (false, true) => KpiState::Amber,
        (false, false) => KpiState::Red,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_match_the_serialized_ids() {
        let mut codes: Vec<_> = KpiId::ALL.iter().map(|id| id.code()).collect();
        for id in KpiId::ALL {
            assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{}\"", id.code()));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KpiId::ALL.len());
        assert_eq!(KpiId::ReturnRate.definition_key(), "kpi.return_rate.definition");
    }

    #[test]
    fn units_and_directions_follow_the_users_table() {
        use KpiDirection::*;
        let table: Vec<_> = KpiId::ALL.iter().map(|id| (id.code(), id.unit(), id.direction())).collect();
        assert_eq!(
            table,
            vec![
                ("return_rate", KpiUnit::Percent, Some(AtMost)),
                ("cost_per_return", KpiUnit::Money, Some(AtMost)),
                ("receipt_to_decision", KpiUnit::Days, Some(AtMost)),
                ("refund_processing", KpiUnit::Days, Some(AtMost)),
                ("restock_rate", KpiUnit::Percent, Some(AtLeast)),
                ("damaged_rate", KpiUnit::Percent, Some(AtMost)),
                ("inventory_impact", KpiUnit::Percent, Some(AtMost)),
                ("refund_accuracy", KpiUnit::Percent, Some(AtLeast)),
                ("automation_rate", KpiUnit::Percent, Some(AtLeast)),
                ("denial_rate", KpiUnit::Percent, None),
                ("label_success_rate", KpiUnit::Percent, Some(AtLeast)),
                ("time_to_authorization", KpiUnit::Days, Some(AtMost)),
                ("discard_rate", KpiUnit::Percent, Some(AtMost)),
                ("refund_share", KpiUnit::Percent, None),
                ("cost_per_returned_unit", KpiUnit::Money, Some(AtMost)),
            ]
        );
    }
}
