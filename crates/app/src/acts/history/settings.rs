//! Settings, users and their preferences.

use lotline_domain::Event;

use super::kinds::{
    failure_events, lot_events, master_data_events, production_events, reshipment_events, return_events, review_events,
    scar_events,
};
use super::{Told, elsewhere, set};

pub(super) fn told(event: &Event) -> Told {
    match event {
        Event::NotificationPreferencesSet { preferences, .. } => {
            let muted: Vec<&str> = preferences.muted.iter().map(|k| k.as_str()).collect();
            (vec![set("muted", muted.join(", ")), set("system", preferences.system)], None)
        }
        Event::SiteCalendarSet(calendar) => {
            (vec![set("time_zone", &calendar.time_zone), set("holidays", calendar.holidays.len())], None)
        }
        // Told by their kind alone.
        Event::SettingsInitialized { .. }
        | Event::UserCreated { .. }
        | Event::UserPasswordSet { .. }
        | Event::UserUpdated { .. }
        | Event::UserPasswordReset { .. }
        | Event::UserLanguageSet { .. }
        | Event::LogCheckAccepted { .. }
        | Event::SessionPolicySet { .. } => (Vec::new(), None),
        failure_events!()
        | lot_events!()
        | master_data_events!()
        | production_events!()
        | reshipment_events!()
        | return_events!()
        | review_events!()
        | scar_events!() => elsewhere(),
    }
}
