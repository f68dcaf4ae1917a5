//! GS1 Digital Link URIs (GS1 Digital Link Standard 1.x): the same data as the element string,
//! as a web address a phone camera opens, e.g.
//! `https://id.gs1.org/01/09506000134352/10/ABC123/21/XYZ?17=201225`.
//!
//! The GTIN and its key qualifiers (lot, then serial) form the path; data attributes such as the
//! expiry date go in the query. A brand may use its own domain, so the base is a parameter.

use super::element::{Fields, format_yymmdd, trim_blank};
use super::{Ai, Gs1Data, Gs1Error, normalize_gtin};

/// GS1's resolver, which works for any GTIN: the default when a company has no resolver of its own.
pub const DEFAULT_DIGITAL_LINK_BASE: &str = "https://id.gs1.org";

impl Gs1Data {
    /// The Digital Link URI on GS1's resolver, [`DEFAULT_DIGITAL_LINK_BASE`].
    pub fn digital_link(&self) -> String {
        self.digital_link_at(DEFAULT_DIGITAL_LINK_BASE)
    }

    /// The Digital Link URI at `base` (scheme, domain and optionally a path prefix, such as
    /// `https://example.com/gs1`; a trailing slash is ignored). Lot and serial are
    /// percent-encoded, since character set 82 has characters a URI path reserves ("/", "?", …).
    pub fn digital_link_at(&self, base: &str) -> String {
        let mut uri = format!("{}/01/{}", base.trim_end_matches('/'), self.gtin);
        for (ai, value) in [(Ai::Lot, &self.lot), (Ai::Serial, &self.serial)] {
            if let Some(value) = value {
                uri.push_str(&format!("/{}/{}", ai.code(), percent_encode(value)));
            }
        }
        if let Some(expiry) = self.expiry {
            uri.push_str(&format!("?{}={}", Ai::Expiry.code(), format_yymmdd(expiry)));
        }
        uri
    }

    /// Reads a Digital Link URI on any domain and under any path prefix. The GTIN may be given
    /// as 8, 12, 13 or 14 digits. Query parameters that are not AIs (`linkType`, …) are ignored;
    /// AIs other than (17) in the query are [`Gs1Error::UnsupportedAi`].
    pub fn parse_digital_link(uri: &str) -> Result<Self, Gs1Error> {
        let uri = trim_blank(uri);
        let rest = ["https://", "http://"]
            .into_iter()
            .find_map(|scheme| {
                uri.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|s| &uri[s.len()..])
            })
            .ok_or_else(|| Gs1Error::syntax("a Digital Link URI starts with https:// or http://"))?;
        let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
        let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = address.split_once('/').map_or("", |(_, path)| path);
        let segments: Vec<&str> = path.split('/').filter(|segment| !segment.is_empty()).collect();
        // The primary key starts the GS1 part of the path; anything before it is the prefix, which
        // may itself contain "01". The GS1 part is pairs to the end whose keys are AIs other
        // than 01, so take the longest such tail (a lot of "01" is a value, not a key).
        let start = (0..segments.len())
            .find(|i| {
                segments[*i] == Ai::Gtin.code()
                    && (segments.len() - i).is_multiple_of(2)
                    && segments[i + 2..].iter().step_by(2).all(|key| {
                        *key != Ai::Gtin.code() && !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit())
                    })
            })
            .ok_or_else(|| Gs1Error::syntax("the path has no /01/ followed by a GTIN"))?;
        let mut fields = Fields::default();
        let mut previous = Ai::Gtin;
        for pair in segments[start..].chunks(2) {
            let (code, value) = (pair[0], percent_decode(pair[1])?);
            let ai = match Ai::from_code(code) {
                Some(Ai::Expiry) => {
                    return Err(Gs1Error::syntax("(17) is a data attribute: it goes in the query (?17=YYMMDD)"));
                }
                Some(ai) => ai,
                None => return Err(Gs1Error::UnsupportedAi { ai: code.to_string() }),
            };
            match ai {
                Ai::Gtin => fields.set(ai, &normalize_gtin(&value)?)?,
                _ if (previous, ai) == (Ai::Serial, Ai::Lot) => {
                    return Err(Gs1Error::syntax("(10) must come before (21) in the path"));
                }
                _ => fields.set(ai, &value)?,
            }
            previous = ai;
        }
        for parameter in query.split('&').filter(|parameter| !parameter.is_empty()) {
            let (key, value) = parameter.split_once('=').unwrap_or((parameter, ""));
            let key = percent_decode(key)?;
            if !key.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            match Ai::from_code(&key) {
                Some(Ai::Expiry) => fields.set(Ai::Expiry, &percent_decode(value)?)?,
                Some(ai) => {
                    return Err(Gs1Error::syntax(format!("({}) belongs in the path, not the query", ai.code())));
                }
                None => return Err(Gs1Error::UnsupportedAi { ai: key }),
            }
        }
        Self::from_fields(fields)
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (letters, digits, `-._~`).
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn percent_decode(value: &str) -> Result<String, Gs1Error> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let byte = value
                .get(i + 1..i + 3)
                .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
                .ok_or_else(|| Gs1Error::syntax(format!("bad percent-encoding in {value:?}")))?;
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Gs1Error::syntax(format!("{value:?} does not decode to UTF-8 text")))
}
