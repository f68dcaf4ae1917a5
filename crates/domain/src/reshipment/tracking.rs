//! Tracking numbers checked against the formats carriers publish, so a typo is caught at the
//! desk rather than by a customer whose parcel cannot be found.

use super::types::Carrier;

fn digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

fn upper_alnum(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

/// UPU S10 (international postal items, e.g. "RR123456785NL"), including its check digit.
pub fn is_s10(text: &str) -> bool {
    let b = text.as_bytes();
    if b.len() != 13
        || !b[..2].iter().all(u8::is_ascii_uppercase)
        || !b[11..].iter().all(u8::is_ascii_uppercase)
        || !digits(&text[2..11])
    {
        return false;
    }
    let weights = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = b[2..10].iter().zip(weights).map(|(d, w)| u32::from(d - b'0') * w).sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    u32::from(b[10] - b'0') == check
}

/// UPS "1Z" numbers: 18 characters with a check digit over the 15 after "1Z".
fn is_ups(text: &str) -> bool {
    if text.len() != 18 || !text.starts_with("1Z") || !upper_alnum(text) {
        return false;
    }
    let body = &text.as_bytes()[2..17];
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, c)| {
            // Letters count as (position in the alphabet - 1) mod 10 (A=2, B=3, ...).
            let value = if c.is_ascii_digit() { u32::from(c - b'0') } else { (u32::from(c - b'A') + 2) % 10 };
            if i % 2 == 1 { value * 2 } else { value }
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    u32::from(text.as_bytes()[17].wrapping_sub(b'0')) == check
}

/// Whether `tracking_no` (already trimmed and upper-cased) fits `carrier`'s formats.
pub fn tracking_fits(carrier: Carrier, tracking_no: &str) -> bool {
    let t = tracking_no;
    let len = t.len();
    match carrier {
        Carrier::Ups => is_ups(t),
        Carrier::Fedex => digits(t) && matches!(len, 12 | 15 | 20 | 22),
        Carrier::Dhl => {
            (digits(t) && matches!(len, 10 | 11))
                || (t.starts_with("JJD") && digits(&t[3..]) && (13..=21).contains(&len))
                || (t.starts_with("JVGL") && digits(&t[4..]) && (14..=24).contains(&len))
                || is_s10(t)
        }
        Carrier::Postnl => (t.starts_with("3S") && upper_alnum(t) && (13..=15).contains(&len)) || is_s10(t),
        Carrier::Dpd => digits(t) && len == 14,
        Carrier::Gls => (digits(t) && matches!(len, 11 | 12)) || (upper_alnum(t) && len == 8),
        Carrier::SfExpress => t.starts_with("SF") && digits(&t[2..]) && (14..=15).contains(&len),
        Carrier::Other => (4..=40).contains(&len) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
    }
}

/// Tracking numbers are compared without spaces and case.
pub fn normalise_tracking(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples_pass_and_typos_fail() {
        assert!(is_s10("RR123456785NL"), "UPU S10 example");
        assert!(!is_s10("RR123456784NL"), "wrong check digit");
        assert!(tracking_fits(Carrier::Ups, "1Z999AA10123456784"), "UPS developer example");
        assert!(!tracking_fits(Carrier::Ups, "1Z999AA10123456785"));
        assert!(tracking_fits(Carrier::Postnl, "3SABCD1234567"));
        assert!(tracking_fits(Carrier::Postnl, "RR123456785NL"));
        assert!(tracking_fits(Carrier::Dhl, "1234567890"));
        assert!(tracking_fits(Carrier::Dhl, "JJD000390007823456789"));
        assert!(tracking_fits(Carrier::Dpd, "01234567890123"));
        assert!(tracking_fits(Carrier::Fedex, "123456789012"));
        assert!(tracking_fits(Carrier::SfExpress, "SF1234567890123"));
        assert!(!tracking_fits(Carrier::Dpd, "0123456789012"));
        assert!(!tracking_fits(Carrier::Fedex, "12345678901A"));
        assert!(tracking_fits(Carrier::Other, "AB-12345"));
        assert!(!tracking_fits(Carrier::Other, "AB"));
        assert_eq!(normalise_tracking(" 1z 999aa1 0123456784 "), "1Z999AA10123456784");
    }
}
