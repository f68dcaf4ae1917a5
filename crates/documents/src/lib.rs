//! Printable documents as PDF bytes: pure functions from a document's data to a file.
//!
//! Nothing here touches the database or the file system: the app gathers the data, this crate
//! lays it out with embedded fonts, and the caller decides where the bytes go.

// Unit tests may walk a whole scenario in one function: the 120-line limit (clippy.toml) is for
// the code they test, which the build without tests still checks.
#![cfg_attr(test, allow(clippy::too_many_lines))]

mod barcode;
pub mod bare_label;
mod credit_note;
mod error;
mod fonts;
mod i18n;
mod layout;
mod lot_label;
mod packing_slip;
mod qr;
mod rma_label;
mod trace_report;
mod vendor_report;
mod weekly_review;

// The vendor report's unit tests share their sample with the integration tests, which name the
// crate.
#[cfg(test)]
extern crate self as lotline_documents;

pub use barcode::BarcodeError;
pub use credit_note::{CreditNote, CreditNoteApproval, CreditNoteDuties, CreditNoteLine, credit_note};
pub use error::DocumentError;
pub use i18n::document_text;
pub use layout::MAX_IMAGE_PIXELS;
pub use lot_label::{LotLabel, lot_labels};
pub use packing_slip::{PackingSlip, SlipAddress, SlipItem, packing_slip};
pub use rma_label::{LabelAddress, LabelSize, RmaLabel, rma_labels};
pub use trace_report::{
    ReportCustomer, ReportLot, ReportOrder, ReportStock, TraceReport, TraceReportKind, trace_report,
};
pub use vendor_report::{
    VendorDefectCount, VendorReport, VendorReportFailure, VendorReportFigures, VendorReportMember, VendorReportParty,
    VendorReportPhoto, VendorReportRecord, VendorReportScope, VendorReportStep, vendor_report,
};
pub use weekly_review::{WeeklyColumn, WeeklyReview, WeeklySection, weekly_review};
