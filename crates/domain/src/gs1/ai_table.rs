//! The application identifiers a supplier's label may carry besides the four of a lot label,
//! with what the GS1 General Specifications (section 3) say about each one's data: how long it
//! is, whether its length is fixed (no FNC1 after it), and how to read it.

/// How an AI's data is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AiKind {
    /// A GS1 key with a mod-10 check digit: GTIN (14 digits), SSCC (18), GLN (13).
    CheckDigit,
    /// A date, YYMMDD; day 00 is the month's last day.
    Date,
    /// Digits whose count the AI's last digit says are decimals: (310n)–(369n), (390n)–(395n).
    Decimal,
    /// Digits only (a count, a quantity, a country code).
    Numeric,
    /// Characters of GS1 set 82.
    Text,
}

/// One AI or a family of them: every AI of `ai_len` digits that starts with `prefix`.
#[derive(Debug, Clone, Copy)]
pub struct AiSpec {
    pub prefix: &'static str,
    pub ai_len: usize,
    /// The data's length when fixed, else its maximum.
    pub len: usize,
    pub fixed: bool,
    pub kind: AiKind,
    pub title: &'static str,
}

const fn fixed(prefix: &'static str, ai_len: usize, len: usize, kind: AiKind, title: &'static str) -> AiSpec {
    AiSpec { prefix, ai_len, len, fixed: true, kind, title }
}

const fn var(prefix: &'static str, ai_len: usize, len: usize, kind: AiKind, title: &'static str) -> AiSpec {
    AiSpec { prefix, ai_len, len, fixed: false, kind, title }
}

use AiKind::*;

/// The AIs read from a scan. Measures are families: (3103) is net weight in kg with three
/// decimals, so one entry per three-digit stem covers the ten decimal positions.
pub const AI_TABLE: &[AiSpec] = &[
    fixed("00", 2, 18, CheckDigit, "SSCC"),
    fixed("01", 2, 14, CheckDigit, "GTIN"),
    fixed("02", 2, 14, CheckDigit, "CONTENT"),
    var("10", 2, 20, Text, "BATCH/LOT"),
    fixed("11", 2, 6, Date, "PROD DATE"),
    fixed("12", 2, 6, Date, "DUE DATE"),
    fixed("13", 2, 6, Date, "PACK DATE"),
    fixed("15", 2, 6, Date, "BEST BEFORE"),
    fixed("16", 2, 6, Date, "SELL BY"),
    fixed("17", 2, 6, Date, "USE BY"),
    fixed("20", 2, 2, Numeric, "VARIANT"),
    var("21", 2, 20, Text, "SERIAL"),
    var("22", 2, 20, Text, "CPV"),
    var("240", 3, 30, Text, "ADDITIONAL ID"),
    var("241", 3, 30, Text, "CUST. PART No."),
    var("250", 3, 30, Text, "SECONDARY SERIAL"),
    var("251", 3, 30, Text, "REF. TO SOURCE"),
    var("30", 2, 8, Numeric, "VAR. COUNT"),
    fixed("310", 4, 6, Decimal, "NET WEIGHT (kg)"),
    fixed("311", 4, 6, Decimal, "LENGTH (m)"),
    fixed("312", 4, 6, Decimal, "WIDTH (m)"),
    fixed("313", 4, 6, Decimal, "HEIGHT (m)"),
    fixed("314", 4, 6, Decimal, "AREA (m2)"),
    fixed("315", 4, 6, Decimal, "NET VOLUME (l)"),
    fixed("316", 4, 6, Decimal, "NET VOLUME (m3)"),
    fixed("320", 4, 6, Decimal, "NET WEIGHT (lb)"),
    fixed("32", 4, 6, Decimal, "MEASURE (imperial)"),
    fixed("33", 4, 6, Decimal, "LOGISTIC MEASURE"),
    fixed("34", 4, 6, Decimal, "LOGISTIC MEASURE (imperial)"),
    fixed("35", 4, 6, Decimal, "AREA/VOLUME (imperial)"),
    fixed("36", 4, 6, Decimal, "VOLUME (imperial)"),
    var("37", 2, 8, Numeric, "COUNT"),
    var("390", 4, 15, Decimal, "AMOUNT"),
    var("392", 4, 15, Decimal, "PRICE"),
    var("400", 3, 30, Text, "ORDER NUMBER"),
    var("401", 3, 30, Text, "GINC"),
    fixed("402", 3, 17, Numeric, "GSIN"),
    var("403", 3, 30, Text, "ROUTE"),
    fixed("41", 3, 13, CheckDigit, "GLN"),
    var("420", 3, 20, Text, "SHIP TO POST"),
    fixed("422", 3, 3, Numeric, "ORIGIN"),
    fixed("7003", 4, 10, Numeric, "EXPIRY TIME"),
    var("710", 3, 20, Text, "NHRN"),
    var("711", 3, 20, Text, "NHRN"),
    var("712", 3, 20, Text, "NHRN"),
    var("713", 3, 20, Text, "NHRN"),
    fixed("8005", 4, 6, Numeric, "PRICE PER UNIT"),
    var("8004", 4, 30, Text, "GIAI"),
    fixed("8006", 4, 18, Numeric, "ITIP"),
    var("8020", 4, 25, Text, "REF No."),
    var("8200", 4, 70, Text, "PRODUCT URL"),
    var("90", 2, 30, Text, "INTERNAL"),
    var("91", 2, 90, Text, "INTERNAL"),
    var("92", 2, 90, Text, "INTERNAL"),
    var("93", 2, 90, Text, "INTERNAL"),
    var("94", 2, 90, Text, "INTERNAL"),
    var("95", 2, 90, Text, "INTERNAL"),
    var("96", 2, 90, Text, "INTERNAL"),
    var("97", 2, 90, Text, "INTERNAL"),
    var("98", 2, 90, Text, "INTERNAL"),
    var("99", 2, 90, Text, "INTERNAL"),
];

/// The spec of the AI that starts `digits` (raw barcode data), the longest stem winning so that
/// (8200) is not read as (82) and (3103) finds the (310) family.
pub fn spec_at(digits: &str) -> Option<(String, &'static AiSpec)> {
    AI_TABLE
        .iter()
        .filter(|spec| digits.starts_with(spec.prefix) && digits.len() >= spec.ai_len)
        .filter(|spec| digits[..spec.ai_len].chars().all(|c| c.is_ascii_digit()))
        .max_by_key(|spec| spec.prefix.len())
        .map(|spec| (digits[..spec.ai_len].to_string(), spec))
}

/// The spec of a whole AI code, as written between brackets.
pub fn spec_of(code: &str) -> Option<&'static AiSpec> {
    spec_at(code).filter(|(ai, _)| ai.len() == code.len()).map(|(_, spec)| spec)
}
