//! Demo production: wall brackets assembled here from DGMT's hinges and screws. One run done (a
//! customer has complained about it), one blocked by an in-process failure for the quality lead
//! to decide, one planned; and complaints on shipped chargers and glue, one closed as unfounded.

use std::collections::HashMap;

use chrono::Duration;
use lotline_domain::ApiError;
use lotline_domain::failure::{Severity, Stage, Team};
use lotline_domain::lots::LotReceipt;
use lotline_domain::people::Actor;
use lotline_domain::production::{ComplaintOutcome, ComplaintReport, ComplaintStatus, WorkOrderInput};

use crate::acts::failures::{self, LogFailureInput};
use crate::acts::lots;
use crate::acts::production::{
    AdvanceComplaintInput, CompleteWorkOrderInput, OpenComplaintInput, PlanWorkOrderInput, WorkOrderNoInput,
    advance_complaint, complete_work_order, open_complaint, plan_work_order, start_work_order,
};
use crate::context::Ctx;

fn bracket_run(output: &str, qty: i64, due_in_days: i64, today: chrono::NaiveDate) -> PlanWorkOrderInput {
    PlanWorkOrderInput {
        sku: "BRK-WALL-L".into(),
        output_lot_code: output.into(),
        planned_qty: qty,
        unit: "pcs".into(),
        location: "MAIN".into(),
        components: vec![
            WorkOrderInput { lot_code: "DG-HNG-2610".into(), qty: qty * 2 },
            WorkOrderInput { lot_code: "DG-SCR-2610".into(), qty },
        ],
        due_on: Some((today + Duration::days(due_in_days)).format("%Y-%m-%d").to_string()),
        note: "Wall bracket: two hinges and a bag of M4 screws each".into(),
    }
}

pub(super) async fn demo_production(ctx: &Ctx, actors: &HashMap<&str, Actor>) -> Result<(), ApiError> {
    let as_user = |username: &str| actors.get(username).map(|actor| ctx.acting_as(actor.clone()));
    let (Some(logistics), Some(inspector), Some(analyst)) =
        (as_user("jan.devries"), as_user("mei.chen"), as_user("tom.jansen"))
    else {
        return Ok(());
    };
    let today = ctx.today().await?;
    for (code, sku, qty, supplier_lot) in
        [("DG-HNG-2610", "HNG-INOX-3", 300, "MT-H-2610-2"), ("DG-SCR-2610", "SCR-M4-100", 160, "MT-S-2610-9")]
    {
        let receipt = LotReceipt {
            lot_code: code.into(),
            sku: sku.into(),
            vendor_code: "DGMT".into(),
            supplier_lot: Some(supplier_lot.into()),
            qty,
            unit: "pcs".into(),
            mfg_date: Some(today - Duration::days(30)),
            expiry_date: None,
            location: "MAIN".into(),
            promised_on: None,
        };
        lots::receive_lot(&logistics, receipt).await?;
    }
    let done = plan_work_order(&logistics, bracket_run("AMS-BRK-0001", 40, -5, today)).await?.row.work_order_no;
    start_work_order(&logistics, WorkOrderNoInput { work_order_no: done.clone() }).await?;
    let complete =
        CompleteWorkOrderInput { work_order_no: done.clone(), output_qty: None, consumed: None, expiry_date: None };
    complete_work_order(&logistics, complete).await?;

    let blocked = plan_work_order(&logistics, bracket_run("AMS-BRK-0002", 30, 2, today)).await?.row.work_order_no;
    start_work_order(&logistics, WorkOrderNoInput { work_order_no: blocked.clone() }).await?;
    let failure = LogFailureInput {
        occurred_at: None,
        sku: "BRK-WALL-L".into(),
        vendor_code: "DGMT".into(),
        // The run's output lot, not received yet: the failure names it, the block holds it back.
        lot_code: Some("AMS-BRK-0002".into()),
        serials: Vec::new(),
        accepted_serials: None,
        stage: Stage::InProcess,
        qty_inspected: 10,
        qty_failed: 3,
        category_code: "FUN".into(),
        description: "Hinge pin does not seat: bracket wobbles under 5 kg".into(),
        severity: Severity::Major,
        inspection: None,
        attachment_ids: Vec::new(),
        disposition: None,
        owner_team: Team::WarehouseQc,
        reinspection_of: None,
        rma_no: None,
        hold_lot: None,
        work_order_no: Some(blocked),
    };
    failures::log_failure(&inspector, failure).await?;
    plan_work_order(&logistics, bracket_run("AMS-BRK-0003", 50, 9, today)).await?;

    let complaint =
        |order_no: Option<&str>, lot: Option<&str>, work_order_no: Option<&str>, qty, text: &str, severity| {
            OpenComplaintInput {
                received_on: None,
                report: ComplaintReport {
                    customer_code: None,
                    order_no: order_no.map(str::to_owned),
                    lot_code: lot.map(str::to_owned),
                    work_order_no: work_order_no.map(str::to_owned),
                    sku: None,
                    qty_affected: qty,
                    description: text.into(),
                    severity,
                },
            }
        };
    let hot = complaint(
        Some("SO-2026-01003"),
        Some("AMS-CHG-0001"),
        None,
        4,
        "Charger gets hot enough to mark the desk after an hour of charging",
        Severity::Major,
    );
    let hot = open_complaint(&analyst, hot).await?.row.complaint_no;
    let looking = AdvanceComplaintInput {
        complaint_no: hot,
        to: ComplaintStatus::Investigating,
        outcome: None,
        note: "Asked the customer for photos and the phone models used".into(),
    };
    advance_complaint(&analyst, looking).await?;
    let wobbly = complaint(None, None, Some(&done), 2, "Two brackets came loose from the wall", Severity::Minor);
    let wobbly = OpenComplaintInput {
        report: ComplaintReport { customer_code: Some("C-GAM".into()), ..wobbly.report },
        ..wobbly
    };
    open_complaint(&analyst, wobbly).await?;
    let glue = complaint(Some("SO-2026-01031"), Some("HZ-GLU-2609"), None, 1, "Glue stays tacky", Severity::Minor);
    let glue = open_complaint(&analyst, glue).await?.row.complaint_no;
    let unfounded = AdvanceComplaintInput {
        complaint_no: glue,
        to: ComplaintStatus::Closed,
        outcome: Some(ComplaintOutcome::Unfounded),
        note: "Applied at 2 °C; the datasheet asks for at least 10 °C".into(),
    };
    advance_complaint(&analyst, unfounded).await?;
    Ok(())
}
