//! Where an order was sold: seed 001 asks for return figures per channel. Orders and RMAs
//! recorded before channels were kept have none, shown as "unspecified" and never guessed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum SalesChannel {
    Marketplace,
    WebShop,
    Retail,
    B2b,
}

impl SalesChannel {
    pub const ALL: [SalesChannel; 4] =
        [SalesChannel::Marketplace, SalesChannel::WebShop, SalesChannel::Retail, SalesChannel::B2b];

    /// The code stored, imported and exported.
    pub fn code(self) -> &'static str {
        match self {
            SalesChannel::Marketplace => "marketplace",
            SalesChannel::WebShop => "web_shop",
            SalesChannel::Retail => "retail",
            SalesChannel::B2b => "b2b",
        }
    }

    /// Reads a code as a person types it in a CSV cell: case and surrounding spaces do not
    /// matter, and `web-shop` is `web_shop`.
    pub fn parse(text: &str) -> Option<SalesChannel> {
        let wanted = text.trim().to_ascii_lowercase().replace('-', "_");
        Self::ALL.into_iter().find(|c| c.code() == wanted)
    }

    /// The codes a CSV cell may hold, for the error that refuses another.
    pub fn allowed() -> String {
        Self::ALL.map(SalesChannel::code).join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_read_back_and_match_the_serialised_names() {
        for channel in SalesChannel::ALL {
            assert_eq!(SalesChannel::parse(channel.code()), Some(channel));
            assert_eq!(serde_json::to_string(&channel).unwrap(), format!("\"{}\"", channel.code()));
        }
        assert_eq!(SalesChannel::parse(" Web-Shop "), Some(SalesChannel::WebShop));
        assert_eq!(SalesChannel::parse("B2B"), Some(SalesChannel::B2b));
        assert_eq!(SalesChannel::parse("phone"), None);
        assert_eq!(SalesChannel::parse(""), None);
        assert_eq!(SalesChannel::allowed(), "marketplace, web_shop, retail, b2b");
    }
}
