//! The name → act table every host dispatches through. Adding an act is one line here.

use std::any::TypeId;

use lotline_domain::error::FieldError;
use lotline_domain::{ApiError, ErrorCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::acts::{
    attachments, chargebacks, conflicts, documents, exports, failure_lines, failures, imports, locations, lots, master,
    notifications, passwords, production, reshipments, returns, review, scars, search, session, site_time, switching,
    team, team_admin, users,
};
use crate::context::Ctx;

/// Deserialises the input, runs the act, serialises the output as JSON text (what the desktop's
/// IPC carries; building a `Value` first took longer than the act for a 4,000-lot trace). A
/// malformed input names the field at fault (e.g. `qty_failed`) rather than a line and column.
async fn run<'a, I, O, F, Fut>(ctx: &'a Ctx, name: &str, input: Value, act: F) -> Result<String, ApiError>
where
    I: DeserializeOwned,
    O: Serialize,
    F: FnOnce(&'a Ctx, I) -> Fut,
    Fut: Future<Output = Result<O, ApiError>>,
{
    crate::acts::guard::admit(ctx, name).await?;
    let input = if input.is_null() { Value::Object(Default::default()) } else { input };
    let parsed: I = serde_path_to_error::deserialize(input).map_err(|err| {
        let field = err.path().to_string();
        let field = if field == "." { "input".to_owned() } else { field };
        let mut error = ApiError::field(FieldError::new(field, "error.field.malformed").with("reason", err.inner()));
        error.code = ErrorCode::Invalid;
        error
    })?;
    // Boxed: the dispatch below holds one of these per act, and a debug build's frame for it
    // grows with every act whose future sits inline, until a test thread's stack overflows.
    let output = Box::pin(act(ctx, parsed)).await?;
    serde_json::to_string(&output).map_err(ApiError::internal)
}

/// `import_csv` for a host that shows its progress and offers to cancel it: the same act, through
/// the same checks of input and session as `call_json`.
pub async fn call_import_json(ctx: &Ctx, input: Value, control: &imports::ImportControl) -> Result<String, ApiError> {
    run(ctx, "import_csv", input, |ctx, input| imports::import_csv_with(ctx, input, control)).await
}

/// Runs one of the catalogue's acts with its own input and output types, through the same session
/// checks as `call`: for a host written in Rust (the CLI), where a renamed field must fail to
/// compile rather than read as missing. An act that is not in the catalogue is refused.
pub async fn call_act<'a, I, O, F, Fut>(ctx: &'a Ctx, act: F, input: I) -> Result<O, ApiError>
where
    F: FnOnce(&'a Ctx, I) -> Fut + 'static,
    Fut: Future<Output = Result<O, ApiError>>,
{
    let Some(name) = act_name(TypeId::of::<F>()) else {
        return Err(ApiError::new(ErrorCode::NotFound, "error.unknown_act").with("act", std::any::type_name::<F>()));
    };
    crate::acts::guard::admit(ctx, name).await?;
    Box::pin(act(ctx, input)).await
}

/// `import_csv` for a Rust host that shows its progress and offers to cancel it, typed as
/// `call_act` is.
pub async fn call_import(
    ctx: &Ctx,
    input: imports::ImportInput,
    control: &imports::ImportControl,
) -> Result<imports::ImportReport, ApiError> {
    crate::acts::guard::admit(ctx, "import_csv").await?;
    Box::pin(imports::import_csv_with(ctx, input, control)).await
}

fn type_id_of<T: 'static>(_: &T) -> TypeId {
    TypeId::of::<T>()
}

macro_rules! catalogue {
    ($($name:ident => $act:path),* $(,)?) => {
        /// Every act's name, for `lotline call --list` and the hosts' checks.
        pub const ACTS: &[&str] = &[$(stringify!($name)),*];

        /// The catalogue's name of the act whose function has this type.
        fn act_name(function: TypeId) -> Option<&'static str> {
            $(if function == type_id_of(&$act) {
                return Some(stringify!($name));
            })*
            None
        }

        /// Runs the act called `act` with a JSON `input`; the output as JSON text.
        pub async fn call_json(ctx: &Ctx, act: &str, input: Value) -> Result<String, ApiError> {
            match act {
                $(stringify!($name) => run(ctx, stringify!($name), input, $act).await,)*
                _ => Err(ApiError::new(ErrorCode::NotFound, "error.unknown_act").with("act", act)),
            }
        }

        /// Runs the act called `act` with a JSON `input`.
        pub async fn call(ctx: &Ctx, act: &str, input: Value) -> Result<Value, ApiError> {
            let text = call_json(ctx, act, input).await?;
            serde_json::from_str(&text).map_err(ApiError::internal)
        }

        /// Every act with its input and output types, for the generated act map and docs table.
        #[cfg(test)]
        pub(crate) fn signatures() -> Vec<crate::act_map::Signature> {
            vec![$(crate::act_map::signature(stringify!($name), stringify!($act), $act)),*]
        }
    };
}

catalogue! {
    setup_status => session::setup_status,
    complete_setup => session::complete_setup,
    sign_in => session::sign_in,
    sign_out => session::sign_out,
    log_hold => crate::audit::log_hold,
    release_log_hold => crate::audit::release_log_hold,
    list_backups => crate::backups::list_backups,
    make_backup => crate::backups::make_backup,
    set_backups_kept => crate::backups::set_backups_kept,
    request_restore => crate::backups::request_restore,
    current_session => session::current_session,
    set_my_language => session::set_my_language,
    change_my_password => passwords::change_my_password,
    lock_session => passwords::lock_session,
    touch_session => passwords::touch_session,
    unlock_session => passwords::unlock_session,
    set_session_policy => passwords::set_session_policy,
    get_site_calendar => site_time::get_site_calendar,
    set_site_calendar => site_time::set_site_calendar,
    list_users => users::list_users,
    create_user => users::create_user,
    update_user => users::update_user,
    reset_password => users::reset_password,
    list_products => master::list_products,
    get_product => master::get_product,
    save_product => master::save_product,
    list_vendors => master::list_vendors,
    save_vendor => master::save_vendor,
    list_customers => master::list_customers,
    save_customer => master::save_customer,
    list_orders => master::list_orders,
    get_order => master::get_order,
    save_order => master::save_order,
    import_csv => imports::import_csv,
    export_csv => exports::export_csv,
    export_disposition_lines => exports::export_disposition_lines,
    aql_plan => failures::aql_plan,
    inspection_severity => switching::inspection_severity,
    get_aql_switching => switching::get_aql_switching,
    set_aql_switching => switching::set_aql_switching,
    record_lot_inspection => switching::record_lot_inspection,
    resume_inspection => switching::resume_inspection,
    list_defect_categories => failures::list_defect_categories,
    save_defect_category => failures::save_defect_category,
    list_category_reactions => master::list_category_reactions,
    set_category_reaction => master::set_category_reaction,
    list_locations => locations::list_locations,
    save_location => locations::save_location,
    upload_attachment => attachments::upload_attachment,
    get_attachment => attachments::get_attachment,
    log_failure => failures::log_failure,
    list_failures => failures::list_failures,
    get_failure => failures::get_failure,
    correct_failure => failures::correct_failure,
    set_disposition => failures::set_disposition,
    complete_disposition => failures::complete_disposition,
    approve_deviation => failures::approve_deviation,
    list_people => failure_lines::list_people,
    add_disposition_line => failure_lines::add_disposition_line,
    complete_disposition_line => failure_lines::complete_disposition_line,
    approve_disposition_line => failure_lines::approve_disposition_line,
    withdraw_disposition_line => failure_lines::withdraw_disposition_line,
    add_checklist_item => failures::add_checklist_item,
    get_checklist => failures::get_checklist,
    list_holds => failures::list_holds,
    search => search::search,
    get_approval_policy => reshipments::get_approval_policy,
    set_approval_policy => reshipments::set_approval_policy,
    request_reshipment => reshipments::request_reshipment,
    list_reshipments => reshipments::list_reshipments,
    get_reshipment => reshipments::get_reshipment,
    approve_reshipment => reshipments::approve_reshipment,
    reject_reshipment => reshipments::reject_reshipment,
    amend_reshipment => reshipments::amend_reshipment,
    cancel_reshipment => reshipments::cancel_reshipment,
    ship_reshipment => reshipments::ship_reshipment,
    deliver_reshipment => reshipments::deliver_reshipment,
    update_chargeback => reshipments::update_chargeback,
    packing_slip => documents::packing_slip,
    get_return_policy => returns::get_return_policy,
    set_return_policy => returns::set_return_policy,
    check_rma => returns::check_rma,
    open_rma => returns::open_rma,
    list_rmas => returns::list_rmas,
    get_rma => returns::get_rma,
    approve_rma => returns::approve_rma,
    reject_rma => returns::reject_rma,
    suspend_rma => returns::suspend_rma,
    record_rma_cost => returns::record_rma_cost,
    add_rma_note => returns::add_rma_note,
    rma_in_transit => returns::rma_in_transit,
    receive_rma => returns::receive_rma,
    inspect_rma => returns::inspect_rma,
    list_refurbishment_queue => returns::list_refurbishment_queue,
    record_refurbishment => returns::record_refurbishment,
    settle_rma => returns::settle_rma,
    issue_store_credit => returns::issue_store_credit,
    approve_payout => returns::approve_payout,
    pay_out_rma => returns::pay_out_rma,
    credit_note => returns::credit_note,
    list_lots => lots::list_lots,
    get_lot => lots::get_lot,
    receive_lot => lots::receive_lot,
    link_lots => lots::link_lots,
    ship_lot => lots::ship_lot,
    trace_lot => lots::trace_lot,
    recall_scope => lots::recall_scope,
    lot_labels => lots::lot_labels,
    trace_report_pdf => lots::trace_report_pdf,
    recall_report_pdf => lots::recall_report_pdf,
    hold_lot => lots::hold_lot,
    move_lot => lots::move_lot,
    pick_suggestion => lots::pick_suggestion,
    vendor_lot_quality => lots::vendor_lot_quality,
    release_hold => lots::release_hold,
    record_serials => lots::record_serials,
    get_bom => lots::get_bom,
    save_bom => lots::save_bom,
    assemble_kit => lots::assemble_kit,
    plan_work_order => production::plan_work_order,
    start_work_order => production::start_work_order,
    complete_work_order => production::complete_work_order,
    decide_work_order_block => production::decide_work_order_block,
    get_work_order => production::get_work_order,
    list_work_orders => production::list_work_orders,
    open_complaint => production::open_complaint,
    advance_complaint => production::advance_complaint,
    get_complaint => production::get_complaint,
    list_complaints => production::list_complaints,
    start_recall => lots::start_recall,
    list_recalls => lots::list_recalls,
    get_recall => lots::get_recall,
    recall_customer_notified => lots::recall_customer_notified,
    close_recall => lots::close_recall,
    recall_customers_csv => lots::recall_customers_csv,
    cancel_rma => returns::cancel_rma,
    rma_labels => returns::rma_labels,
    review_period => review::review_period,
    kpi_table => review::kpi_table,
    returns_breakdown => review::returns_breakdown,
    get_kpi_targets => review::get_kpi_targets,
    set_kpi_targets => review::set_kpi_targets,
    vendor_scorecards => review::vendor_scorecards,
    record_vendor_ratings => review::record_vendor_ratings,
    review_vendor => review::review_vendor,
    get_scorecard_settings => review::get_scorecard_settings,
    set_scorecard_settings => review::set_scorecard_settings,
    sku_flags => review::sku_flags,
    safety_stock_alerts => review::safety_stock_alerts,
    set_safety_stock => review::set_safety_stock,
    vendor_report_pdf => review::vendor_report_pdf,
    open_scar => scars::open_scar,
    advance_scar => scars::advance_scar,
    get_scar => scars::get_scar,
    list_scars => scars::list_scars,
    scar_pdf => review::scar_pdf,
    record_failure_chargeback => chargebacks::record_failure_chargeback,
    settle_failure_chargeback => chargebacks::settle_failure_chargeback,
    settle_rma_chargeback => returns::settle_rma_chargeback,
    list_chargebacks => chargebacks::list_chargebacks,
    chargebacks_csv => chargebacks::chargebacks_csv,
    team_status => team::team_status,
    enroll_desk => team::enroll_desk,
    sync_team => team::sync_team,
    leave_team => team::leave_team,
    list_refused_acts => team::list_refused_acts,
    team_administration => team_admin::team_administration,
    renew_team_session => team_admin::renew_team_session,
    revoke_team_desk => team_admin::revoke_team_desk,
    issue_team_enroll_code => team_admin::issue_team_enroll_code,
    unlock_team_user => team_admin::unlock_team_user,
    list_conflicts => conflicts::list_conflicts,
    resolve_conflict => conflicts::resolve_conflict,
    dismiss_refused_act => conflicts::dismiss_refused_act,
    count_open_conflicts => conflicts::count_open_conflicts,
    list_notifications => notifications::list_notifications,
    poll_notifications => notifications::poll_notifications,
    mark_notifications_read => notifications::mark_notifications_read,
    get_notification_preferences => notifications::get_notification_preferences,
    set_notification_preferences => notifications::set_notification_preferences,
    list_weekly_reviews => review::list_weekly_reviews,
    weekly_review_pdf => review::weekly_review_pdf,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_call_finds_the_act_by_its_function_and_nothing_else() {
        assert_eq!(act_name(type_id_of(&exports::export_csv)), Some("export_csv"));
        assert_eq!(act_name(type_id_of(&crate::audit::log_hold)), Some("log_hold"));
        // The import with progress is reached through `call_import_json`, not by itself.
        assert_eq!(act_name(type_id_of(&imports::import_csv_with)), None);
    }
}
