//! Production and what customers tell us: work orders that consume component lots into an output
//! lot (and the blocks in-process failures put on them), and complaints with no goods coming back.

mod complaints;
mod work_orders;

pub use complaints::{
    AdvanceComplaintInput, ComplaintDetail, ComplaintNoInput, OpenComplaintInput, advance_complaint, get_complaint,
    list_complaints, open_complaint,
};
pub(crate) use work_orders::block_for_failure;
pub use work_orders::{
    CompleteWorkOrderInput, DecideBlockInput, ListWorkOrdersInput, PlanWorkOrderInput, WorkOrderDetail,
    WorkOrderNoInput, complete_work_order, decide_work_order_block, get_work_order, list_work_orders, plan_work_order,
    start_work_order,
};

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}
