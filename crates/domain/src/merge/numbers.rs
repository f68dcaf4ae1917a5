//! Numbers issued before a desk joined its team carry the site's code (`QF-AMS1-000001`), so two
//! desks of one site may have issued the same one. The team's server keeps the first it received;
//! a later desk's record with that number goes by its desk's number instead (`QF-AMS1B-000001`),
//! in every desk's projections, while its events keep the text they were written with.

use crate::Event;

/// The number an event opens a record with, for the records that carry human numbers.
pub fn opened_number(event: &Event) -> Option<&str> {
    match event {
        Event::FailureLogged { failure_no, .. } => Some(failure_no),
        Event::ReshipmentRequested(request) => Some(&request.reshipment_no),
        Event::RmaOpened(opening) => Some(&opening.rma_no),
        Event::RecallStarted(opening) => Some(&opening.recall_no),
        Event::ScarOpened(opening) => Some(&opening.scar_no),
        Event::WorkOrderPlanned(plan) => Some(&plan.work_order_no),
        Event::ComplaintOpened(opening) => Some(&opening.complaint_no),
        _ => None,
    }
}

/// `QF-AMS1-000001` issued by the desk that became `AMS1B` → `QF-AMS1B-000001`: the kind and
/// the count stay, the site gives way to the desk. `None` for a number not of that shape.
pub fn renumbered(number: &str, desk_code: &str) -> Option<String> {
    let (kind, rest) = number.split_once('-')?;
    let (_, count) = rest.rsplit_once('-')?;
    if kind.is_empty() || count.is_empty() || !count.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(format!("{kind}-{desk_code}-{count}"))
}

/// A payload as projections read it once `renames` apply: every JSON string equal to a renamed
/// number is the new number. Human numbers are plain text (letters, digits, dashes), so the quoted
/// form matches only whole string values.
pub fn apply_renames(payload: &str, renames: &[(String, String)]) -> String {
    renames
        .iter()
        .fold(payload.to_owned(), |text, (from, to)| text.replace(&format!("\"{from}\""), &format!("\"{to}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_gives_way_to_the_desk() {
        assert_eq!(renumbered("QF-AMS1-000001", "AMS1B").as_deref(), Some("QF-AMS1B-000001"));
        assert_eq!(renumbered("RMA-AMS1-000042", "AMS1C").as_deref(), Some("RMA-AMS1C-000042"));
        assert_eq!(renumbered("plain", "AMS1B"), None);
        assert_eq!(renumbered("QF-AMS1-x1", "AMS1B"), None);
    }

    #[test]
    fn renames_touch_whole_string_values_only() {
        let payload = r#"{"failure_no":"QF-AMS1-000001","note":"see QF-AMS1-000001","other":"QF-AMS1-0000012"}"#;
        let renames = vec![("QF-AMS1-000001".to_owned(), "QF-AMS1B-000001".to_owned())];
        assert_eq!(
            apply_renames(payload, &renames),
            r#"{"failure_no":"QF-AMS1B-000001","note":"see QF-AMS1-000001","other":"QF-AMS1-0000012"}"#
        );
    }
}
