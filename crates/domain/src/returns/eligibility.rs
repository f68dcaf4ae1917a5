use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::policy::ReturnPolicy;
use crate::money::format_money;

/// What proves the customer bought the goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProofOfPurchase {
    /// The order is in Lotline.
    Order,
    /// A receipt is attached to the RMA.
    Receipt,
    None,
}

/// The state the customer says (or photos show) the goods are in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct GoodsCondition {
    pub original_packaging: bool,
    pub unused: bool,
    pub tags_attached: bool,
}

/// One RMA line as the rules need it; the app gathers these from the order and master data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReturnLineFacts {
    pub sku: String,
    pub category: String,
    /// The product's own flag; a category on the policy's list also makes it non-returnable.
    pub returnable: bool,
    pub serial_tracked: bool,
    pub qty: i64,
    pub serials_given: usize,
    /// Serials given for a serial-tracked product that no receipt or shipment here records: an
    /// analyst checks them before the return is approved.
    pub unknown_serials: Vec<String>,
    /// What the customer paid for these units, in minor units.
    pub value_minor: i64,
    pub condition: GoodsCondition,
}

/// Everything the verdict depends on, so the same facts always give the same verdict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EligibilityFacts {
    /// The day the RMA is opened and the day of delivery, both in the site's time zone.
    pub opened_on: NaiveDate,
    pub delivered_on: Option<NaiveDate>,
    pub proof: ProofOfPurchase,
    pub reason_code: String,
    pub lines: Vec<ReturnLineFacts>,
    pub currency: String,
    /// The installation's currency, in which the auto-approval maximum is set.
    pub home_currency: String,
    pub photos: usize,
    /// An analyst or the intake saw damage in the photos that the carrier did not cause.
    pub non_carrier_damage_seen: bool,
    /// The customer's returned share of delivered lines so far, in basis points, when known.
    pub customer_return_rate_bps: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RuleResult {
    Pass,
    Escalate,
    Refuse,
}

/// One rule's outcome, as a message key and params the UI turns into a sentence such as
/// "window: 12 of 30 days used".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RuleOutcome {
    /// The rule: window, proof, category, condition, reason, value, serials, damage, return_rate, evidence.
    pub rule: String,
    pub result: RuleResult,
    pub message_key: String,
    pub params: BTreeMap<String, String>,
}

// The AQL verdict is also called `Verdict`; the TypeScript names must not collide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, rename = "RmaVerdict")]
pub enum Verdict {
    Approved,
    Escalated,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Eligibility {
    pub verdict: Verdict,
    pub policy_version: i64,
    pub outcomes: Vec<RuleOutcome>,
}

struct Outcomes(Vec<RuleOutcome>);

impl Outcomes {
    fn add(&mut self, rule: &str, result: RuleResult, key: &str, params: &[(&str, String)]) {
        self.0.push(RuleOutcome {
            rule: rule.into(),
            result,
            message_key: format!("returns.rule.{key}"),
            params: params.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        });
    }
}

/// Judges an RMA by the policy: any refusing rule refuses it, otherwise any escalating rule
/// sends it to an analyst, otherwise it is approved automatically. Every rule reports, so the
/// verdict always comes with all its reasons.
pub fn judge(policy: &ReturnPolicy, facts: &EligibilityFacts) -> Eligibility {
    use RuleResult::{Escalate, Pass, Refuse};
    let mut out = Outcomes(Vec::new());
    let reason = policy.reason(&facts.reason_code);
    let exception = reason.is_some_and(|r| r.ignores_window);

    match reason {
        Some(_) => out.add("reason", Pass, "reason_known", &[("reason", facts.reason_code.clone())]),
        None => out.add("reason", Refuse, "reason_unknown", &[("reason", facts.reason_code.clone())]),
    }

    out.0.push(window_rule(policy, &facts.reason_code, facts.opened_on, facts.delivered_on));

    match facts.proof {
        ProofOfPurchase::Order => out.add("proof", Pass, "proof_order", &[]),
        ProofOfPurchase::Receipt => out.add("proof", Pass, "proof_receipt", &[]),
        ProofOfPurchase::None if policy.proof_of_purchase_required => out.add("proof", Refuse, "proof_missing", &[]),
        ProofOfPurchase::None => out.add("proof", Pass, "proof_not_required", &[]),
    }

    for line in &facts.lines {
        let sku = ("sku", line.sku.clone());
        let category = ("category", line.category.clone());
        if !line.returnable || !policy.is_returnable_category(&line.category) {
            // Faulty goods come back even from a non-returnable category, but a person decides.
            let result = if exception { Escalate } else { Refuse };
            out.add("category", result, "category_not_returnable", &[sku.clone(), category.clone()]);
        }
        if let Some(required) = policy.condition_for(&line.category) {
            let c = line.condition;
            let missing: Vec<&str> = [
                (required.original_packaging && !c.original_packaging, "original_packaging"),
                (required.unused && !c.unused, "unused"),
                (required.tags_attached && !c.tags_attached, "tags_attached"),
            ]
            .into_iter()
            .filter_map(|(unmet, name)| unmet.then_some(name))
            .collect();
            if !missing.is_empty() {
                // A defective item is rarely unused: the condition rule is for the customer's choices.
                let result = if exception { Pass } else { Escalate };
                out.add("condition", result, "condition_unmet", &[sku.clone(), ("missing", missing.join(","))]);
            }
        }
        if line.serial_tracked && line.serials_given < usize::try_from(line.qty).unwrap_or(0) {
            let counts = [("qty", line.qty.to_string()), ("given", line.serials_given.to_string())];
            out.add("serials", Escalate, "serials_missing", &[sku.clone(), counts[0].clone(), counts[1].clone()]);
        }
        if line.serial_tracked && !line.unknown_serials.is_empty() {
            out.add("serials", Escalate, "serials_unknown", &[sku, ("serials", line.unknown_serials.join(", "))]);
        }
    }

    let value: i64 = facts.lines.iter().map(|l| l.value_minor).sum();
    let value_params = [
        ("value", format_money(value, &facts.currency)),
        ("max", format_money(policy.auto_approve_max_minor, &facts.home_currency)),
    ];
    if facts.currency != facts.home_currency {
        // The maximum is in the home currency and Lotline keeps no exchange rates: a person decides.
        out.add("value", Escalate, "value_other_currency", &value_params);
    } else if value > policy.auto_approve_max_minor {
        out.add("value", Escalate, "value_above_max", &value_params);
    } else {
        out.add("value", Pass, "value_within_max", &value_params);
    }

    if facts.non_carrier_damage_seen {
        out.add("damage", Escalate, "damage_not_carrier", &[]);
    }

    if let Some(rate) = facts.customer_return_rate_bps {
        let params = [("rate", percent(rate)), ("threshold", percent(policy.unusual_return_rate_bps))];
        if rate >= policy.unusual_return_rate_bps {
            out.add("return_rate", Escalate, "return_rate_unusual", &params);
        } else {
            out.add("return_rate", Pass, "return_rate_usual", &params);
        }
    }

    if reason.is_some_and(|r| r.needs_evidence) {
        if facts.photos == 0 {
            out.add("evidence", Escalate, "evidence_missing", &[("reason", facts.reason_code.clone())]);
        } else {
            out.add("evidence", Pass, "evidence_given", &[("photos", facts.photos.to_string())]);
        }
    }

    let worst = out.0.iter().map(|o| o.result).max().unwrap_or(Pass);
    Eligibility {
        verdict: match worst {
            Pass => Verdict::Approved,
            Escalate => Verdict::Escalated,
            Refuse => Verdict::Refused,
        },
        policy_version: policy.version,
        outcomes: out.0,
    }
}

/// The window rule: the days from delivery to the day the RMA is opened against the policy's
/// window; a reason that ignores the window passes whatever the days. The sync server judges an
/// RMA opened offline with the same rule on the day the desk opened it.
pub fn window_rule(
    policy: &ReturnPolicy,
    reason_code: &str,
    opened_on: NaiveDate,
    delivered_on: Option<NaiveDate>,
) -> RuleOutcome {
    use RuleResult::{Escalate, Pass, Refuse};
    let mut out = Outcomes(Vec::new());
    let exception = policy.reason(reason_code).is_some_and(|r| r.ignores_window);
    let window = policy.window_days.to_string();
    match delivered_on {
        None => out.add("window", Escalate, "window_no_delivery", &[("window", window)]),
        Some(delivered) => {
            // Opened before the recorded delivery (a late scan): no days have passed.
            let days = (opened_on - delivered).num_days().max(0).to_string();
            let params = [("days", days.clone()), ("window", window)];
            if exception {
                out.add("window", Pass, "window_exception", &[("days", days), ("reason", reason_code.to_owned())]);
            } else if (opened_on - delivered).num_days() <= i64::from(policy.window_days) {
                out.add("window", Pass, "window_used", &params);
            } else {
                out.add("window", Refuse, "window_passed", &params);
            }
        }
    }
    out.0.remove(0)
}

/// Basis points as a percentage with at most one decimal: 3000 → "30", 1250 → "12.5".
fn percent(bps: u32) -> String {
    if bps.is_multiple_of(100) { (bps / 100).to_string() } else { format!("{}.{}", bps / 100, (bps % 100) / 10) }
}
