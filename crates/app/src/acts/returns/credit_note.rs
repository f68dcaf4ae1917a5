//! The credit note of a settled refund or store credit: each line with its restocking fee and
//! the fee's reason, and who opened, approved, asked for, approved the money and paid it out.

use chrono::NaiveDate;
use lotline_documents::{CreditNote, CreditNoteApproval, CreditNoteDuties, CreditNoteLine};
use lotline_domain::money::format_money;
use lotline_domain::people::{Language, Permission};
use lotline_domain::returns::{self as rt, FeeReason, RmaStatus, Settlement};
use lotline_domain::site_time::site_date;
use lotline_domain::{ApiError, Event};
use lotline_store::queries::{failures as fq, master, people};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{judged_by, load};
use crate::acts::documents::{PdfFile, document_error, reader_language};
use crate::context::Ctx;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreditNoteInput {
    pub rma_no: String,
    /// The language of the labels; the signed-in user's language when absent.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub language: Option<Language>,
}

fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_owned()
}

fn fee_reason(reason: FeeReason) -> &'static str {
    match reason {
        FeeReason::NotCustomerChoice => "not_customer_choice",
        FeeReason::ResoldAsNew => "resold_as_new",
        FeeReason::NotResoldAsNew => "not_resold_as_new",
        FeeReason::PartResoldAsNew => "part_resold_as_new",
    }
}

pub async fn credit_note(ctx: &Ctx, input: CreditNoteInput) -> Result<PdfFile, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let mut conn = ctx.read().await?;
    let (state, events) = load(&mut conn, &input.rma_no).await?;
    let number = state.rma_no().to_owned();
    let (kind, gross, fee) = match (&state.settlement, state.status) {
        (Some(Settlement::Refund { amount_minor, restocking_fee_minor }), RmaStatus::Settled) => {
            ("refund", *amount_minor, *restocking_fee_minor)
        }
        (Some(Settlement::StoreCredit { amount_minor }), RmaStatus::Settled) => ("store_credit", *amount_minor, 0),
        _ => {
            return Err(ApiError::conflict("error.rma.no_credit_note")
                .with("rma_no", &number)
                .with("status", state.status.as_str()));
        }
    };
    let language = reader_language(&mut conn, &actor, input.language).await?;
    let labels = |key: &str| lotline_documents::document_text(language.as_str(), key);
    let names = fq::user_names(&mut conn).await?;
    let name_of = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_owned());
    let settings = people::settings(&mut conn).await?;
    let policy = judged_by(&mut conn, &state).await?;
    let currency = state.opening.currency.clone();
    let money = |minor: i64| format_money(minor, &currency);
    let settled_at =
        events.iter().rev().find(|e| matches!(e.event, Event::RmaSettled { .. })).map(|e| e.occurred_at.clone());
    let zone = lotline_store::queries::site_time::site_calendar(&mut conn).await?.calendar.time_zone;
    let days = state
        .opening
        .delivered_on
        .zip(settled_at.as_deref().and_then(lotline_domain::time::from_stored))
        .map(|(delivered, settled): (NaiveDate, _)| (site_date(settled, &zone) - delivered).num_days().to_string())
        .unwrap_or_else(|| labels("documents.none"));
    let fees = rt::line_fees(&policy, &state);
    let mut lines = Vec::new();
    for (line, fee_line) in state.opening.lines.iter().zip(&fees) {
        if fee_line.qty == 0 {
            continue;
        }
        let name = master::product(&mut conn, &line.sku).await?.map(|p| p.product.name);
        // Store credit keeps no fee, whatever the goods' condition.
        let (line_fee, reason) =
            if kind == "refund" { (fee_line.fee_minor, fee_reason(fee_line.reason)) } else { (0, "not_refunded") };
        // Units of several grades are told grade by grade ("A × 1, C × 2"); one grade as itself.
        let grade = match (fee_line.grade, fee_line.unit_grades.as_slice()) {
            (Some(g), _) => format!("{g:?}"),
            (None, []) => labels("documents.none"),
            (None, counts) => {
                counts.iter().map(|c| format!("{:?} × {}", c.grade, c.qty)).collect::<Vec<_>>().join(", ")
            }
        };
        lines.push(CreditNoteLine {
            sku: line.sku.clone(),
            name: name.unwrap_or_default(),
            qty: fee_line.qty,
            unit_price: money(line.unit_price_minor),
            amount: money(fee_line.value_minor),
            fee: money(line_fee),
            fee_reason: reason.to_owned(),
            fee_reason_args: vec![
                ("grade".into(), grade),
                ("days".into(), days.clone()),
                ("qty".into(), fee_line.qty.to_string()),
                ("new".into(), fee_line.resold_as_new.to_string()),
                ("charged".into(), (fee_line.qty - fee_line.resold_as_new).to_string()),
            ],
        });
    }
    let role_words = |roles: &[lotline_domain::people::Role]| {
        roles
            .iter()
            .map(|r| labels(&format!("documents.credit_note.role.{}", r.as_str())))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let counted = rt::payout_counting(&state);
    let approvals = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::RmaPayoutApproved { approval, .. } if counted.contains(&approval) => Some(CreditNoteApproval {
                name: name_of(&approval.approver_id),
                roles: role_words(&approval.approver_roles),
                amount: format_money(approval.total_minor, &approval.currency),
                on: day(&e.occurred_at),
            }),
            _ => None,
        })
        .collect();
    let row = lotline_store::queries::returns::rma_row(&mut conn, &number).await?;
    let note = CreditNote {
        language: language.as_str().to_owned(),
        company_name: settings.map(|s| s.company_name).unwrap_or_default(),
        rma_no: number.clone(),
        customer_name: row
            .as_ref()
            .and_then(|r| r.customer_name.clone())
            .unwrap_or_else(|| state.opening.customer_code.clone()),
        order_nos: state.opening.order_nos().into_iter().map(str::to_owned).collect(),
        settled_on: settled_at.as_deref().map(day).unwrap_or_default(),
        kind: kind.to_owned(),
        reason_code: state.opening.reason_code.clone(),
        lines,
        gross: money(gross),
        fee: money(fee),
        net: money(gross - fee),
        duties: CreditNoteDuties {
            opened_by: state.opened_by.as_deref().map(name_of),
            approved_return_by: state.approved_by.as_deref().map(name_of),
            requested_by: state.payout.as_ref().map(|p| name_of(&p.requested_by)),
            approvals,
            paid_by: state.paid_by.as_deref().map(name_of),
        },
    };
    let bytes = lotline_documents::credit_note(&note).map_err(document_error)?;
    Ok(PdfFile::new(format!("credit-note-{number}.pdf"), &bytes))
}
