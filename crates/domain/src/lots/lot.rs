//! A lot as received, the links between lots, and shipments of lots to customers, each with the
//! checks a form and an imported row share.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, Violations};

/// GS1's batch/lot field (AI 10) holds at most 20 characters; a lot code longer than that could
/// not go on its label.
pub const MAX_LOT_CODE_LEN: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LotStatus {
    Available,
    OnHold,
    Quarantined,
    Released,
    Consumed,
    Shipped,
    Expired,
    Recalled,
}

impl LotStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            LotStatus::Available => "available",
            LotStatus::OnHold => "on_hold",
            LotStatus::Quarantined => "quarantined",
            LotStatus::Released => "released",
            LotStatus::Consumed => "consumed",
            LotStatus::Shipped => "shipped",
            LotStatus::Expired => "expired",
            LotStatus::Recalled => "recalled",
        }
    }

    pub fn parse(text: &str) -> Option<LotStatus> {
        serde_json::from_value(serde_json::Value::String(text.to_owned())).ok()
    }
}

/// A lot received from a supplier (or made here): recorded once, never rewritten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotReceipt {
    pub lot_code: String,
    pub sku: String,
    pub vendor_code: String,
    /// The supplier's own lot number, as printed on their paperwork.
    #[serde(default)]
    pub supplier_lot: Option<String>,
    pub qty: i64,
    pub unit: String,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub mfg_date: Option<NaiveDate>,
    #[serde(default)]
    #[ts(type = "string | null")]
    pub expiry_date: Option<NaiveDate>,
    /// Where the lot is stored on receipt.
    pub location: String,
    /// The day the supplier promised it (the purchase order's due date), when known: the
    /// vendor scorecard's on-time delivery compares the receipt with it.
    #[serde(default)]
    #[ts(type = "string | null")]
    pub promised_on: Option<NaiveDate>,
}

/// Units a lot's quantity may be counted in: whole numbers of each.
pub const UNITS: [&str; 7] = ["pcs", "kg", "g", "l", "ml", "m", "box"];

/// Characters a GS1 AI (10) field may hold (GS1 "CSet 82"), so every lot code can be printed.
pub fn lot_code_char_ok(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!\"%&'()*+,-./:;<=>?_".contains(c)
}

/// The lot code as it is kept: trimmed and upper-cased, so a scan and a typed code match.
pub fn normalise_lot_code(code: &str) -> String {
    code.trim().to_uppercase()
}

pub fn check_lot_code(v: &mut Violations, field: &str, code: &str) {
    if code.is_empty() {
        v.push(FieldError::new(field, "error.field.required"));
    } else if code.chars().count() > MAX_LOT_CODE_LEN {
        v.push(FieldError::new(field, "error.lot.code_too_long").with("max", MAX_LOT_CODE_LEN));
    } else if let Some((position, ch)) = code.chars().enumerate().find(|(_, c)| !lot_code_char_ok(*c)) {
        v.push(FieldError::new(field, "error.lot.code_char").with("char", ch).with("position", position + 1));
    }
}

impl LotReceipt {
    /// Codes trimmed and upper-cased, the unit lower-cased.
    pub fn normalised(self) -> LotReceipt {
        LotReceipt {
            lot_code: normalise_lot_code(&self.lot_code),
            sku: self.sku.trim().to_owned(),
            vendor_code: self.vendor_code.trim().to_owned(),
            supplier_lot: self.supplier_lot.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
            unit: self.unit.trim().to_lowercase(),
            location: self.location.trim().to_uppercase(),
            ..self
        }
    }

    /// The checks that need nothing but the row; that the SKU and vendor exist is the caller's.
    pub fn validate(&self) -> Result<(), crate::ApiError> {
        let mut v = Violations::default();
        check_lot_code(&mut v, "lot_code", &self.lot_code);
        v.required("sku", &self.sku);
        v.required("vendor_code", &self.vendor_code);
        if let Some(supplier_lot) = &self.supplier_lot {
            v.max_len("supplier_lot", supplier_lot, 40);
        }
        if self.qty <= 0 {
            v.push(FieldError::new("qty", "error.field.must_be_positive"));
        }
        if !UNITS.contains(&self.unit.as_str()) {
            v.push(FieldError::new("unit", "error.lot.unit").with("units", UNITS.join(", ")));
        }
        if let (Some(mfg), Some(expiry)) = (self.mfg_date, self.expiry_date)
            && expiry < mfg
        {
            v.push(FieldError::new("expiry_date", "error.lot.expiry_before_mfg").with("mfg_date", mfg));
        }
        v.required("location", &self.location);
        v.max_len("location", &self.location, 40);
        v.into_result()
    }
}

/// How material of one lot went into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum LinkKind {
    Split,
    Merge,
    Repack,
    Rework,
    Assembly,
}

impl LinkKind {
    pub const ALL: [LinkKind; 5] =
        [LinkKind::Split, LinkKind::Merge, LinkKind::Repack, LinkKind::Rework, LinkKind::Assembly];

    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Split => "split",
            LinkKind::Merge => "merge",
            LinkKind::Repack => "repack",
            LinkKind::Rework => "rework",
            LinkKind::Assembly => "assembly",
        }
    }

    pub fn parse(text: &str) -> Option<LinkKind> {
        LinkKind::ALL.into_iter().find(|k| k.as_str().eq_ignore_ascii_case(text.trim()))
    }
}

/// `qty` of `from_lot` (in its unit) went into `to_lot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotLink {
    pub from_lot: String,
    pub to_lot: String,
    pub qty: i64,
    pub kind: LinkKind,
}

impl LotLink {
    pub fn normalised(self) -> LotLink {
        LotLink { from_lot: normalise_lot_code(&self.from_lot), to_lot: normalise_lot_code(&self.to_lot), ..self }
    }

    pub fn validate(&self) -> Result<(), crate::ApiError> {
        let mut v = Violations::default();
        check_lot_code(&mut v, "from_lot", &self.from_lot);
        check_lot_code(&mut v, "to_lot", &self.to_lot);
        if !self.from_lot.is_empty() && self.from_lot == self.to_lot {
            v.push(FieldError::new("to_lot", "error.lot.link_to_itself").with("lot", &self.to_lot));
        }
        if self.qty <= 0 {
            v.push(FieldError::new("qty", "error.field.must_be_positive"));
        }
        v.into_result()
    }
}

/// `qty` of a lot left for a customer's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LotShipment {
    pub lot_code: String,
    pub order_no: String,
    pub customer_code: String,
    pub qty: i64,
    /// RFC 3339.
    pub shipped_at: String,
    /// The units' serials, for a serial-tracked product (at most `qty` of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub serials: Vec<String>,
}

impl LotShipment {
    pub fn normalised(self) -> LotShipment {
        LotShipment {
            lot_code: normalise_lot_code(&self.lot_code),
            order_no: self.order_no.trim().to_owned(),
            customer_code: self.customer_code.trim().to_owned(),
            serials: self.serials.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(),
            ..self
        }
    }

    pub fn validate(&self) -> Result<(), crate::ApiError> {
        let mut v = Violations::default();
        check_lot_code(&mut v, "lot_code", &self.lot_code);
        v.required("order_no", &self.order_no);
        v.required("customer_code", &self.customer_code);
        if self.qty <= 0 {
            v.push(FieldError::new("qty", "error.field.must_be_positive"));
        }
        if chrono::DateTime::parse_from_rfc3339(&self.shipped_at).is_err() {
            v.push(FieldError::new("shipped_at", "error.field.bad_datetime").with("value", &self.shipped_at));
        }
        if self.serials.len() as i64 > self.qty.max(0) {
            v.push(FieldError::new("serials", "error.lot.serials_above_shipped").with("qty", self.qty));
        }
        v.into_result()
    }
}
