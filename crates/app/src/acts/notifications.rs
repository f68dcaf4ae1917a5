//! The inbox: what asks the signed-in person's attention now, derived from the records as the log
//! leaves them (so another desk's act, once pulled, shows at once, and an approval given elsewhere
//! clears it), filtered by the kinds they chose. This desk keeps only what it told them: which it
//! announced (the operating system shows only new ones) and which they read.

use std::collections::BTreeMap;

use lotline_domain::approval::Limit;
use lotline_domain::notify::{KINDS, NotificationKind, NotificationPreferences};
use lotline_domain::people::{Actor, Permission};
use lotline_domain::reshipment::{self as rs, ReshipmentAction};
use lotline_domain::returns::RmaAction;
use lotline_domain::{ApiError, Event, FieldError};
use lotline_store::queries::notifications::{self as q, Candidate};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;
use ts_rs::TS;

use super::Empty;
use crate::context::{Ctx, sql_error};

/// Lots are told about this many days before they expire: the window the pick list warns in.
pub const EXPIRY_WARNING_DAYS: i64 = super::lots::NEAR_EXPIRY_DAYS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Notification {
    /// Stable while the occasion lasts: "lot_held:L-1:<hold>".
    pub id: String,
    pub kind: NotificationKind,
    /// "reshipment", "rma", "lot", "scar" or "work_order": the page that opens it.
    pub record_type: String,
    pub record_no: String,
    /// When it began to ask for attention: an RFC 3339 time or a date (YYYY-MM-DD).
    pub at: String,
    /// What its sentence names (amounts in minor units with their currency, dates, codes).
    pub params: BTreeMap<String, String>,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotificationInbox {
    /// Newest first.
    pub items: Vec<Notification>,
    pub unread: u32,
}

/// What the shell asks every little while: the unread count, and what is new since it last
/// asked (each announced once on this desk), for the operating system to show while the app is
/// in the background.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotificationPoll {
    pub unread: u32,
    pub fresh: Vec<Notification>,
    /// The person lets the operating system show them.
    pub system: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MarkNotificationsInput {
    #[serde(default)]
    pub ids: Vec<String>,
    /// Every notification in the inbox now.
    #[serde(default)]
    pub all: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotificationSettings {
    pub preferences: NotificationPreferences,
    /// The kinds that can reach this person, in the order the page lists them.
    pub kinds: Vec<NotificationKind>,
}

fn notification(kind: NotificationKind, c: Candidate) -> Notification {
    let id = match c.occasion.as_str() {
        "" => format!("{}:{}", kind.as_str(), c.record_no),
        occasion => format!("{}:{}:{occasion}", kind.as_str(), c.record_no),
    };
    Notification {
        id,
        kind,
        record_type: kind.record_type().to_owned(),
        record_no: c.record_no,
        at: c.at,
        params: c.params,
        read: false,
    }
}

/// Whether some approval limit, of reshipments or payouts, is the person's.
fn approves(policy: &rs::ApprovalPolicy, actor: &Actor) -> bool {
    policy.reshipment_rules().limit_of(&actor.roles) != Limit::None
        || policy.settlement_rules().limit_of(&actor.roles) != Limit::None
}

/// The records of one kind that are `actor`'s: an approval is theirs when their limits let them
/// give it now (each folded from its stream); every other kind's records reach its whole audience.
async fn mine(
    kind: NotificationKind,
    candidates: Vec<Candidate>,
    conn: &mut SqliteConnection,
    actor: &Actor,
    policy: &rs::ApprovalPolicy,
) -> Result<Vec<Candidate>, ApiError> {
    Ok(match kind {
        NotificationKind::ReshipmentApproval => {
            let mut mine = Vec::new();
            for mut c in candidates {
                let (state, _) = super::reshipments::load(conn, &c.record_no).await?;
                if rs::offered_actions(&state, policy, actor).contains(&ReshipmentAction::Approve) {
                    // An amended amount asks again: approvals of the old one no longer count.
                    c.occasion = state.amount_version.to_string();
                    mine.push(c);
                }
            }
            mine
        }
        NotificationKind::PayoutApproval => {
            let rules = policy.settlement_rules();
            let mut mine = Vec::new();
            for mut c in candidates {
                let (rma, _) = super::returns::load(conn, &c.record_no).await?;
                if lotline_domain::returns::offered_actions(&rma, &rules, actor).contains(&RmaAction::ApprovePayout) {
                    if let Some(request) = &rma.payout {
                        c.params.insert("total_minor".into(), request.requirement.total_minor.to_string());
                        c.params.insert("currency".into(), request.requirement.currency.clone());
                        c.occasion = request.amount_version.to_string();
                    }
                    mine.push(c);
                }
            }
            mine
        }
        NotificationKind::RmaEscalated
        | NotificationKind::LotHeld
        | NotificationKind::ScarOverdue
        | NotificationKind::ExpirySoon
        | NotificationKind::WorkOrderBlocked => candidates,
    })
}

/// Everything that asks `actor`'s attention now, of the kinds they want, newest first, with
/// what this desk remembers of each.
async fn inbox_of(ctx: &Ctx, actor: &Actor) -> Result<(Vec<Notification>, NotificationPreferences), ApiError> {
    let today = ctx.today().await?;
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let mut conn = ctx.read().await?;
    let prefs = q::preferences(&mut conn, &actor.user_id).await?;
    let policy = super::reshipments::policy(&mut conn).await?;
    let approver = approves(&policy, actor);
    let last_day = today + chrono::Duration::days(EXPIRY_WARNING_DAYS);
    let kinds: Vec<NotificationKind> =
        KINDS.iter().copied().filter(|k| prefs.wants(*k) && k.reaches(actor, approver)).collect();
    let mut candidates = q::candidates(&mut conn, &kinds, &day(today), &day(last_day)).await?;
    let mut items = Vec::new();
    for kind in kinds {
        let of_kind = candidates.remove(&kind).unwrap_or_default();
        items.extend(mine(kind, of_kind, &mut conn, actor, &policy).await?.into_iter().map(|c| notification(kind, c)));
    }
    let marks = q::marks(&mut conn, &actor.user_id).await?;
    for item in &mut items {
        item.read = marks.get(&item.id).is_some_and(|m| m.read_at.is_some());
    }
    items.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.id.cmp(&b.id)));
    Ok((items, prefs))
}

fn unread(items: &[Notification]) -> u32 {
    u32::try_from(items.iter().filter(|n| !n.read).count()).unwrap_or(u32::MAX)
}

pub async fn list_notifications(ctx: &Ctx, _: Empty) -> Result<NotificationInbox, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let (items, _) = inbox_of(ctx, &actor).await?;
    Ok(NotificationInbox { unread: unread(&items), items })
}

/// The unread count and what this desk has not announced to the person yet; what it returns
/// counts as announced from now on, so each is shown by the operating system once.
pub async fn poll_notifications(ctx: &Ctx, _: Empty) -> Result<NotificationPoll, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let (items, prefs) = inbox_of(ctx, &actor).await?;
    let announced = {
        let mut conn = ctx.read().await?;
        q::marks(&mut conn, &actor.user_id).await?
    };
    let fresh: Vec<Notification> =
        items.iter().filter(|n| !n.read && !announced.get(&n.id).is_some_and(|m| m.announced)).cloned().collect();
    if !fresh.is_empty() {
        let ids: Vec<String> = fresh.iter().map(|n| n.id.clone()).collect();
        let mut tx = ctx.store.begin_write().await?;
        q::mark_announced(&mut tx, &actor.user_id, &ids, &ctx.now_text()).await?;
        tx.commit().await.map_err(sql_error)?;
    }
    Ok(NotificationPoll { unread: unread(&items), fresh, system: prefs.system })
}

/// Marks notifications read for the signed-in person, on this desk.
pub async fn mark_notifications_read(ctx: &Ctx, input: MarkNotificationsInput) -> Result<NotificationInbox, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let (items, _) = inbox_of(ctx, &actor).await?;
    let ids: Vec<String> = if input.all {
        items.iter().map(|n| n.id.clone()).collect()
    } else {
        let ids: Vec<String> = input.ids.iter().map(|id| id.trim().to_owned()).filter(|id| !id.is_empty()).collect();
        if ids.is_empty() {
            return Err(ApiError::field(FieldError::new("ids", "error.field.required")));
        }
        ids
    };
    let mut tx = ctx.store.begin_write().await?;
    q::mark_read(&mut tx, &actor.user_id, &ids, &ctx.now_text()).await?;
    tx.commit().await.map_err(sql_error)?;
    let (items, _) = inbox_of(ctx, &actor).await?;
    Ok(NotificationInbox { unread: unread(&items), items })
}

async fn settings_of(ctx: &Ctx, actor: &Actor) -> Result<NotificationSettings, ApiError> {
    let mut conn = ctx.read().await?;
    let preferences = q::preferences(&mut conn, &actor.user_id).await?;
    let approver = approves(&super::reshipments::policy(&mut conn).await?, actor);
    let kinds = KINDS.iter().copied().filter(|k| k.reaches(actor, approver)).collect();
    Ok(NotificationSettings { preferences, kinds })
}

pub async fn get_notification_preferences(ctx: &Ctx, _: Empty) -> Result<NotificationSettings, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    settings_of(ctx, &actor).await
}

/// The person's own choice, saved whole in the log so every desk of theirs tells them the same.
pub async fn set_notification_preferences(
    ctx: &Ctx,
    input: NotificationPreferences,
) -> Result<NotificationSettings, ApiError> {
    let actor = ctx.allowed(Permission::ViewData)?;
    let preferences = input.normalised();
    let tx = ctx.begin().await?;
    ctx.commit(tx, vec![Event::NotificationPreferencesSet { user_id: actor.user_id.clone(), preferences }]).await?;
    settings_of(ctx, &actor).await
}
