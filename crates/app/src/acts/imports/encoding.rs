//! A CSV file's bytes to text. Excel saves "CSV" in the Windows code page of its language: GBK
//! on a Chinese Windows, Windows-1252 on a Dutch or English one, UTF-8 only as "CSV UTF-8". The
//! encoding is detected, or named by the user when detection is unsure, and the bytes are decoded
//! strictly: a byte the encoding does not have refuses the file, it never becomes a "�" in a
//! product name.

use base64::Engine as _;
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GB18030, GBK, UTF_8, WINDOWS_1252};
use lotline_domain::ApiError;
use lotline_domain::error::FieldError;

/// Far beyond any real master-data or lot file (a million lots is about 80 MiB), and small
/// enough that the file, its text and its rows fit in a desk's memory at once.
pub const MAX_IMPORT_BYTES: usize = 256 * 1024 * 1024;

/// What Excel writes in the languages Lotline speaks. A guess outside these is more likely a
/// wrong guess than a file from a Japanese or Russian Excel, so the user is asked to name it.
const EXPECTED: [&Encoding; 4] = [UTF_8, GBK, GB18030, WINDOWS_1252];

fn too_large(field: &str, size: usize, max: usize) -> ApiError {
    ApiError::field(
        FieldError::new(field, "error.import.too_large")
            .with("max_mib", format!("{:.1}", max as f64 / 1024.0 / 1024.0))
            .with("size_mib", format!("{:.1}", size as f64 / 1024.0 / 1024.0)),
    )
}

/// The text of the file as the caller sent it: its bytes (base64) or, from scripts that hold
/// text already, the text itself.
pub(super) fn file_text(
    csv: Option<String>,
    csv_base64: Option<&str>,
    encoding: Option<&str>,
) -> Result<String, ApiError> {
    file_text_within(csv, csv_base64, encoding, MAX_IMPORT_BYTES)
}

fn file_text_within(
    csv: Option<String>,
    csv_base64: Option<&str>,
    encoding: Option<&str>,
    max: usize,
) -> Result<String, ApiError> {
    if let Some(encoded) = csv_base64 {
        let encoded = encoded.trim();
        // Refused by its length, before a decoded copy of a huge file is made in memory.
        if encoded.len() > max.div_ceil(3) * 4 {
            return Err(too_large("csv_base64", encoded.len() / 4 * 3, max));
        }
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|_| ApiError::field(FieldError::new("csv_base64", "error.import.not_base64")))?;
        if bytes.len() > max {
            return Err(too_large("csv_base64", bytes.len(), max));
        }
        return decode(&bytes, encoding);
    }
    let Some(text) = csv else {
        return Err(ApiError::field(FieldError::new("csv_base64", "error.field.required")));
    };
    if text.len() > max {
        return Err(too_large("csv", text.len(), max));
    }
    // Someone already decoded this with the wrong encoding and replaced what did not fit.
    if let Some(line) = text.lines().position(|l| l.contains('\u{FFFD}')) {
        return Err(ApiError::field(
            FieldError::new("csv", "error.import.replacement_characters").at_row(line as u64 + 1),
        ));
    }
    Ok(text)
}

/// Decodes `bytes` in the `named` encoding, or in the one its byte-order mark or its content shows.
pub(super) fn decode(bytes: &[u8], named: Option<&str>) -> Result<String, ApiError> {
    let named = named.map(str::trim).filter(|n| !n.is_empty());
    let (encoding, body) = match (named, Encoding::for_bom(bytes)) {
        (Some(name), bom) => {
            let encoding = Encoding::for_label(name.as_bytes()).ok_or_else(|| {
                ApiError::field(FieldError::new("encoding", "error.import.unknown_encoding").with("value", name))
            })?;
            let skip = bom.filter(|(of, _)| *of == encoding).map_or(0, |(_, len)| len);
            (encoding, &bytes[skip..])
        }
        (None, Some((encoding, len))) => (encoding, &bytes[len..]),
        (None, None) => (detect(bytes)?, bytes),
    };
    let text = encoding.decode_without_bom_handling_and_without_replacement(body).ok_or_else(|| {
        let key = if named.is_some() { "error.import.not_in_encoding" } else { "error.import.encoding_unsure" };
        ApiError::field(FieldError::new("encoding", key).with("encoding", encoding.name()))
    })?;
    // A spreadsheet, a zip or UTF-16 without its mark: text files do not hold NUL characters.
    if text.contains('\0') {
        return Err(ApiError::field(FieldError::new("csv_base64", "error.import.not_text")));
    }
    Ok(text.into_owned())
}

fn detect(bytes: &[u8]) -> Result<&'static Encoding, ApiError> {
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(UTF_8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    if EXPECTED.contains(&guess) {
        Ok(guess)
    } else {
        Err(ApiError::field(FieldError::new("encoding", "error.import.encoding_unsure").with("encoding", guess.name())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{text} fits {}", encoding.name());
        bytes.into_owned()
    }

    const CHINESE: &str =
        "sku,name\nCHG-15W,无线充电器 15W 白色\nCBL-1M,数据线 一米 快速充电\nBOX-5L,收纳箱 五升 透明塑料\n";
    const DUTCH: &str = "sku,name\nMUG-1,Mok café 0,3 l\nBON-5,Cadeaubon € 5\nTAS-2,Tas één maat\n";

    #[test]
    fn excel_files_in_the_code_pages_of_our_languages_are_read_as_written() {
        assert_eq!(decode(&encode(CHINESE, GBK), None).unwrap(), CHINESE);
        assert_eq!(decode(&encode(DUTCH, WINDOWS_1252), None).unwrap(), DUTCH);
        assert_eq!(decode(CHINESE.as_bytes(), None).unwrap(), CHINESE);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(DUTCH.as_bytes());
        assert_eq!(decode(&with_bom, None).unwrap(), DUTCH);
    }

    #[test]
    fn a_named_encoding_is_used_and_bytes_it_lacks_refuse_the_file() {
        assert_eq!(decode(&encode(DUTCH, WINDOWS_1252), Some("cp1252")).unwrap(), DUTCH);
        assert_eq!(decode(&encode(CHINESE, GBK), Some(" GBK ")).unwrap(), CHINESE);
        let err = decode(&encode(DUTCH, WINDOWS_1252), Some("utf-8")).unwrap_err();
        assert_eq!(
            (err.fields[0].message_key.as_str(), err.params["encoding"].as_str()),
            ("error.import.not_in_encoding", "UTF-8")
        );
        let err = decode(b"sku\nA\n", Some("klingon")).unwrap_err();
        assert_eq!(
            (err.fields[0].field.as_str(), err.message_key.as_str()),
            ("encoding", "error.import.unknown_encoding")
        );
    }

    #[test]
    fn a_file_that_no_expected_encoding_reads_is_refused_not_garbled() {
        // Japanese from a Japanese Excel: the user is asked to name it rather than shown mojibake.
        let err = decode(
            &encode("sku,name\nA-1,充電器 白 ケーブル付き\nB-2,データケーブル 一メートル\n", encoding_rs::SHIFT_JIS),
            None,
        )
        .unwrap_err();
        assert_eq!(err.message_key, "error.import.encoding_unsure");
        let err = decode(b"PK\x03\x04\x14\x00\x00\x00\x08\x00sheet", None).unwrap_err();
        assert_eq!(err.message_key, "error.import.not_text");
    }

    #[test]
    fn text_that_was_already_garbled_is_refused_and_a_huge_file_by_its_length() {
        let err = file_text(Some("sku,name\nMUG-1,Mok caf\u{FFFD}\n".into()), None, None).unwrap_err();
        assert_eq!((err.message_key.as_str(), err.fields[0].row), ("error.import.replacement_characters", Some(2)));
        let err = file_text_within(None, Some(&"!".repeat(1400)), None, 1024).unwrap_err();
        assert_eq!(err.message_key, "error.import.too_large", "refused before the (invalid) base64 is decoded");
        let err = file_text_within(Some("x".repeat(1025)), None, None, 1024).unwrap_err();
        assert_eq!(err.fields[0].field, "csv");
        assert!(file_text_within(None, Some("c2t1CkEK"), None, 1024).is_ok());
    }
}
