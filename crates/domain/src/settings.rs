//! Installation settings and the configurable lists a quality lead maintains.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{FieldError, Violations};
use crate::master::{check_code, check_currency};
use crate::people::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DefectCategory {
    pub code: String,
    pub name_en: String,
    pub name_zh: String,
    pub name_nl: String,
    pub active: bool,
}

impl DefectCategory {
    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        check_code(&mut v, "code", &self.code, 30);
        for (field, value) in [("name_en", &self.name_en), ("name_zh", &self.name_zh), ("name_nl", &self.name_nl)] {
            v.required(field, value);
            v.max_len(field, value, crate::limits::LABEL);
        }
        v
    }
}

/// A place stock is kept ("MAIN", "RETURNS", "SHELF-4"): a list an administrator keeps, so a
/// location typed freely is refused instead of silently becoming a new one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Location {
    pub code: String,
    pub name: String,
    pub active: bool,
}

impl Location {
    pub fn violations(&self) -> Violations {
        let mut v = Violations::default();
        check_code(&mut v, "code", &self.code, 40);
        v.required("name", &self.name);
        v.max_len("name", &self.name, crate::limits::LABEL);
        v
    }
}

/// The locations a new installation starts with: where received lots, returns and restocked
/// goods go unless told otherwise.
pub fn default_locations() -> Vec<Location> {
    [("MAIN", "Main warehouse"), ("INBOUND", "Goods in"), ("RETURNS", "Returns area"), ("QUARANTINE", "Quarantine")]
        .into_iter()
        .map(|(code, name)| Location { code: code.into(), name: name.into(), active: true })
        .collect()
}

/// The categories a new installation starts with, in all three languages.
pub fn default_defect_categories() -> Vec<DefectCategory> {
    [
        ("DIM", "Dimensional out of tolerance", "尺寸超差", "Maatafwijking"),
        ("COS", "Cosmetic damage", "外观损伤", "Cosmetische schade"),
        ("FUN", "Functional failure", "功能故障", "Functioneel defect"),
        ("PKG", "Packaging damage", "包装破损", "Verpakkingsschade"),
        ("LBL", "Labelling error", "标签错误", "Etiketteringsfout"),
        ("MAT", "Wrong material", "材料错误", "Verkeerd materiaal"),
        ("CNT", "Contamination", "污染", "Verontreiniging"),
        ("QTY", "Quantity short", "数量短缺", "Tekort in aantal"),
        ("DOC", "Missing documentation", "缺少文件", "Ontbrekende documentatie"),
    ]
    .into_iter()
    .map(|(code, en, zh, nl)| DefectCategory {
        code: code.into(),
        name_en: en.into(),
        name_zh: zh.into(),
        name_nl: nl.into(),
        active: true,
    })
    .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupRequest {
    pub company_name: String,
    pub site_code: String,
    pub currency: String,
    pub language: Language,
}

/// Site codes appear in every human-facing number (QF-AMS1-000001), so they are short and plain.
pub fn check_setup(request: &SetupRequest) -> Violations {
    let mut v = Violations::default();
    v.required("company_name", &request.company_name);
    v.max_len("company_name", &request.company_name, crate::limits::NAME);
    let site = &request.site_code;
    if !(2..=6).contains(&site.len()) || !site.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        v.push(FieldError::new("site_code", "error.setup.bad_site_code").with("value", site));
    }
    check_currency(&mut v, "currency", &request.currency);
    v
}

/// The demo data set goes only into a database that holds nothing but its setup (`acts` written
/// so far, the setup being one) on a desk outside any team: its accounts share a published
/// password, a finance user's included.
pub fn check_demo_allowed(acts: i64, enrolled: bool) -> Result<(), crate::ApiError> {
    if enrolled {
        return Err(crate::ApiError::conflict("error.demo.enrolled"));
    }
    if acts > 1 {
        return Err(crate::ApiError::conflict("error.demo.not_empty"));
    }
    Ok(())
}
