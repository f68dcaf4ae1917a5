//! The words printed on documents, in the user's language.
//!
//! They live with the UI's translations (`ui/src/locales/<lang>/documents.json`) so translators
//! find every string of the product in one place and the UI's parity test covers these too; the
//! files are compiled in, so printing needs no files at run time.

use std::sync::LazyLock;

use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Language {
    En,
    ZhCn,
    Nl,
}

impl Language {
    /// Reads a language tag as the UI stores it ("en", "zh-CN", "nl"), also accepting regional
    /// variants ("nl-BE", "zh_Hans", "EN-gb"). Anything else is English.
    pub(crate) fn from_tag(tag: &str) -> Self {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Self::ZhCn,
            "nl" => Self::Nl,
            _ => Self::En,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

const SOURCES: [&str; 3] = [
    include_str!("../../../ui/src/locales/en/documents.json"),
    include_str!("../../../ui/src/locales/zh-CN/documents.json"),
    include_str!("../../../ui/src/locales/nl/documents.json"),
];

/// The parsed catalogues, indexed by [`Language::index`]. A file that does not parse becomes an
/// empty catalogue (so lookups fall back to English, then to the key); the tests below make sure
/// that never ships.
static CATALOGUES: LazyLock<[Value; 3]> =
    LazyLock::new(|| SOURCES.map(|source| serde_json::from_str(source).unwrap_or(Value::Null)));

/// A document text for the caller's own parts of a document (figures it computed and labels):
/// the same catalogue, language fallbacks and key, as [`Labels::get`].
pub fn document_text(language_tag: &str, key: &str) -> String {
    Labels::new(language_tag).get(key)
}

/// Looks up labels for one language.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Labels {
    language: Language,
}

impl Labels {
    pub(crate) fn new(language_tag: &str) -> Self {
        Self { language: Language::from_tag(language_tag) }
    }

    /// The text at `key` ("documents.packing_slip.title"): in this language, else in English,
    /// else the key itself, so a missing translation shows up as readable text, not a blank.
    pub(crate) fn get(&self, key: &str) -> String {
        let catalogues = &*CATALOGUES;
        let found =
            lookup(&catalogues[self.language.index()], key).or_else(|| lookup(&catalogues[Language::En.index()], key));
        debug_assert!(found.is_some(), "no English text for label {key}");
        found.unwrap_or(key).to_string()
    }

    /// What separates whole units from decimals in a number: Dutch writes "1,25", English and
    /// Chinese "1.25".
    pub(crate) fn decimal_separator(&self) -> char {
        match self.language {
            Language::Nl => ',',
            Language::En | Language::ZhCn => '.',
        }
    }

    /// Like [`Labels::get`], with each `{{name}}` replaced by its value from `args`.
    pub(crate) fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        args.iter().fold(self.get(key), |text, (name, value)| text.replace(&format!("{{{{{name}}}}}"), value))
    }
}

fn lookup<'a>(catalogue: &'a Value, key: &str) -> Option<&'a str> {
    key.split('.').try_fold(catalogue, |node, part| node.get(part))?.as_str()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf_keys(value: &Value, prefix: &str, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let path = if prefix.is_empty() { key.clone() } else { format!("{prefix}.{key}") };
                    leaf_keys(child, &path, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    #[test]
    fn every_catalogue_parses_and_has_the_english_keys() {
        let mut english = Vec::new();
        leaf_keys(&CATALOGUES[0], "", &mut english);
        english.sort();
        assert!(english.len() > 20, "{english:?}");
        for (index, catalogue) in CATALOGUES.iter().enumerate() {
            let mut keys = Vec::new();
            leaf_keys(catalogue, "", &mut keys);
            keys.sort();
            assert_eq!(keys, english, "catalogue {index} differs from English");
            for key in &keys {
                assert!(lookup(catalogue, key).is_some_and(|text| !text.trim().is_empty()), "{index}: {key}");
            }
        }
    }

    #[test]
    fn language_tags_map_to_the_three_languages() {
        assert_eq!(Language::from_tag("zh-CN"), Language::ZhCn);
        assert_eq!(Language::from_tag("zh_Hans"), Language::ZhCn);
        assert_eq!(Language::from_tag("nl-BE"), Language::Nl);
        assert_eq!(Language::from_tag("NL"), Language::Nl);
        assert_eq!(Language::from_tag("en"), Language::En);
        assert_eq!(Language::from_tag("fr"), Language::En);
        assert_eq!(Language::from_tag(""), Language::En);
    }

    #[test]
    fn labels_are_translated_and_formatted() {
        assert_eq!(Labels::new("nl").get("documents.packing_slip.title"), "Pakbon");
        assert_eq!(Labels::new("zh-CN").get("documents.packing_slip.title"), "装箱单");
        assert_eq!(Labels::new("xx").get("documents.packing_slip.title"), "Packing slip");
        assert_eq!(Labels::new("nl").format("documents.page_of", &[("page", "2"), ("pages", "3")]), "Pagina 2 van 3");
        assert_eq!(Labels::new("nl").get("documents.rma_label.from"), "Afzender");
        assert_eq!(Labels::new("zh-CN").get("documents.rma_label.to"), "收件人");
        assert_eq!(Labels::new("nl-BE").decimal_separator(), ',');
        assert_eq!(Labels::new("nl").get("documents.lot_label.expiry"), "Vervaldatum");
        assert_eq!(Labels::new("zh-CN").get("documents.lot_label.lot"), "批号");
        assert_eq!(Labels::new("en").get("documents.lot_label.supplier_lot"), "Supplier lot");
        assert_eq!(Labels::new("zh-CN").decimal_separator(), '.');
    }

    #[test]
    fn vendor_report_labels_are_translated() {
        assert_eq!(Labels::new("en").get("documents.vendor_report.title"), "Supplier corrective action request");
        assert_eq!(Labels::new("zh-CN").get("documents.vendor_report.d4.title"), "D4 根本原因");
        assert_eq!(Labels::new("nl").get("documents.vendor_report.d3.title"), "D3 Beheersmaatregelen");
        assert_eq!(
            Labels::new("nl").format("documents.vendor_report.pareto_rest", &[("count", "4")]),
            "Overig (4 categorieën)"
        );
    }
}
