//! Serial numbers belonging to a lot, for serial-tracked products: each unit's own number, as
//! printed after the GS1 application identifier (21). A serial is unique per product, belongs to
//! one lot, and a lot holds no more serials than units were received.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::lot::{MAX_LOT_CODE_LEN, lot_code_char_ok, normalise_lot_code};
use crate::error::{ApiError, FieldError, Violations};

/// GS1 AI (21) allows 20 characters, from the same set as a lot code.
pub const MAX_SERIAL_LEN: usize = MAX_LOT_CODE_LEN;

/// One unit's serial in its lot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SerialRecord {
    pub lot_code: String,
    pub serial: String,
}

impl SerialRecord {
    /// The lot code as every lot code is kept; the serial trimmed only (serials are
    /// case-sensitive in GS1).
    pub fn normalised(self) -> SerialRecord {
        SerialRecord { lot_code: normalise_lot_code(&self.lot_code), serial: self.serial.trim().to_owned() }
    }

    pub fn validate(&self) -> Result<(), ApiError> {
        let mut v = Violations::default();
        if self.lot_code.is_empty() {
            v.push(FieldError::new("lot_code", "error.field.required"));
        }
        check_serial(&mut v, "serial", &self.serial);
        v.into_result()
    }
}

pub(crate) fn check_serial(v: &mut Violations, field: &str, serial: &str) {
    if serial.is_empty() {
        v.push(FieldError::new(field, "error.field.required"));
    } else if serial.chars().count() > MAX_SERIAL_LEN {
        v.push(FieldError::new(field, "error.lot.serial_too_long").with("max", MAX_SERIAL_LEN));
    } else if let Some((position, ch)) = serial.chars().enumerate().find(|(_, c)| !lot_code_char_ok(*c)) {
        v.push(FieldError::new(field, "error.lot.serial_char").with("char", ch).with("position", position + 1));
    }
}

/// What recording serials into one lot is checked against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerialLot {
    pub serial_tracked: bool,
    /// Units received into the lot, and serials it holds already.
    pub received_qty: i64,
    pub serials: i64,
}

/// Refuses a serial for a lot of a product without serials, or beyond the lot's units.
pub fn check_serial_room(lot: &SerialLot, lot_code: &str, sku: &str) -> Result<(), FieldError> {
    if !lot.serial_tracked {
        return Err(FieldError::new("lot_code", "error.lot.not_serial_tracked").with("sku", sku));
    }
    if lot.serials >= lot.received_qty {
        return Err(FieldError::new("serial", "error.lot.serials_above_qty")
            .with("lot", lot_code)
            .with("qty", lot.received_qty));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serials_keep_their_case_and_use_the_gs1_characters() {
        let record = SerialRecord { lot_code: " sz-2611-a ".into(), serial: " SN-00a1 ".into() }.normalised();
        assert_eq!((record.lot_code.as_str(), record.serial.as_str()), ("SZ-2611-A", "SN-00a1"));
        assert!(record.validate().is_ok());
        let bad = SerialRecord { lot_code: "L".into(), serial: "SN 1".into() }.validate().unwrap_err();
        assert_eq!(
            (bad.fields[0].message_key.as_str(), bad.fields[0].params["position"].as_str()),
            ("error.lot.serial_char", "3")
        );
        let long = SerialRecord { lot_code: "L".into(), serial: "X".repeat(21) }.validate().unwrap_err();
        assert_eq!(long.fields[0].message_key, "error.lot.serial_too_long");
    }

    #[test]
    fn a_lot_holds_no_more_serials_than_units_and_only_for_serial_products() {
        let lot = SerialLot { serial_tracked: true, received_qty: 2, serials: 1 };
        assert!(check_serial_room(&lot, "L-1", "CHG").is_ok());
        let full = SerialLot { serials: 2, ..lot.clone() };
        assert_eq!(check_serial_room(&full, "L-1", "CHG").unwrap_err().message_key, "error.lot.serials_above_qty");
        let plain = SerialLot { serial_tracked: false, ..lot };
        assert_eq!(check_serial_room(&plain, "L-1", "BOX").unwrap_err().message_key, "error.lot.not_serial_tracked");
    }
}
