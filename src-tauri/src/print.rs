//! Opening a PDF in the system's viewer to print it. The system opens a file with whatever its
//! name says, so a script in the webview that could choose the bytes and the name could have an
//! `.exe` or a `.command` run: only a PDF is written, always under a `.pdf` name, into a folder of
//! this user's own that is emptied of old prints. The PDF itself comes from the catalogue
//! (`print_document`), never from the webview.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use lotline_app::{ApiError, FieldError};

/// Long enough for a viewer to print from the file and a user to print again; then it goes.
const KEEP_PRINTS: Duration = Duration::from_secs(24 * 60 * 60);
/// A name the viewer's title bar and the print queue can show whole.
const MAX_NAME_CHARS: usize = 100;

/// The bytes, if they are a PDF: the last check before the system opens them.
pub fn check_pdf(bytes: &[u8]) -> Result<(), ApiError> {
    if bytes.starts_with(b"%PDF-") { Ok(()) } else { Err(not_a_pdf()) }
}

/// Printing was asked of an act that does not make a PDF.
pub fn not_a_pdf() -> ApiError {
    ApiError::field(FieldError::new("act", "error.print.not_a_pdf"))
}

/// A readable file name that can only be a PDF in the print folder: the last path component,
/// without control characters or characters Windows forbids, ending in `.pdf`.
pub fn pdf_file_name(suggested: &str) -> String {
    let base = suggested.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        // Bidirectional overrides too: "label\u{202e}fdp.exe" shows as "labelexe.pdf".
        .filter(|c| !c.is_control() && !matches!(c, '<' | '>' | ':' | '"' | '|' | '?' | '*'))
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let cleaned = cleaned.trim().trim_matches('.');
    let stem = match cleaned.len().checked_sub(4) {
        Some(at) if cleaned.is_char_boundary(at) && cleaned[at..].eq_ignore_ascii_case(".pdf") => &cleaned[..at],
        _ => cleaned,
    };
    let stem: String = stem.trim_end_matches(['.', ' ']).chars().take(MAX_NAME_CHARS).collect();
    if stem.trim().is_empty() { "lotline.pdf".to_owned() } else { format!("{stem}.pdf") }
}

/// The user's own folder for prints, created readable by them alone, with older prints removed.
pub fn print_dir(cache_dir: &Path) -> std::io::Result<PathBuf> {
    let dir = cache_dir.join("print");
    lotline_store::create_private_dir(&dir)?;
    remove_old_prints(&dir, SystemTime::now());
    Ok(dir)
}

/// Removes prints older than [`KEEP_PRINTS`]. A file a viewer still holds open (Windows) stays
/// until a later print.
fn remove_old_prints(dir: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > KEEP_PRINTS);
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Writes the PDF for the viewer, readable by this user alone.
pub fn write_print(dir: &Path, suggested_name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    let path = dir.join(pdf_file_name(suggested_name));
    lotline_store::write_private(&path, bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use lotline_app::ErrorCode;

    use super::*;

    #[test]
    fn only_a_pdf_is_printed() {
        assert!(check_pdf(b"%PDF-1.7\n...").is_ok());
        let err = check_pdf(b"MZ\x90\x00 a Windows program").unwrap_err();
        assert_eq!((err.code, err.message_key.as_str()), (ErrorCode::Invalid, "error.print.not_a_pdf"));
        assert!(check_pdf(b"#!/bin/sh\nrm -rf ~\n").is_err());
    }

    #[test]
    fn a_print_is_always_named_as_a_pdf_and_keeps_a_readable_name() {
        assert_eq!(pdf_file_name("RMA-AMS1-000042 label.pdf"), "RMA-AMS1-000042 label.pdf");
        assert_eq!(pdf_file_name("Leveranciersrapport 深圳华强.PDF"), "Leveranciersrapport 深圳华强.pdf");
        assert_eq!(pdf_file_name("setup.exe"), "setup.exe.pdf");
        assert_eq!(pdf_file_name("open-me.command"), "open-me.command.pdf");
        assert_eq!(pdf_file_name("../../.bashrc"), "bashrc.pdf");
        assert_eq!(pdf_file_name("C:\\Windows\\System32\\evil.bat"), "evil.bat.pdf");
        assert_eq!(pdf_file_name("label\u{202e}fdp.exe"), "labelfdp.exe.pdf");
        assert_eq!(pdf_file_name("a\nb\u{0}c?.pdf"), "abc.pdf");
        assert_eq!(pdf_file_name(".."), "lotline.pdf");
        assert_eq!(pdf_file_name(""), "lotline.pdf");
        assert_eq!(pdf_file_name(&"x".repeat(300)).chars().count(), MAX_NAME_CHARS + 4);
    }

    #[test]
    fn prints_go_to_a_private_folder_and_old_ones_are_removed() {
        let cache = tempfile::tempdir().unwrap();
        let dir = print_dir(cache.path()).unwrap();
        let old = write_print(&dir, "old.pdf", b"%PDF-1.7").unwrap();
        let new = write_print(&dir, "../new", b"%PDF-1.7").unwrap();
        assert_eq!(new, dir.join("new.pdf"));
        remove_old_prints(&dir, SystemTime::now() + KEEP_PRINTS / 2);
        assert!(old.exists() && new.exists());
        remove_old_prints(&dir, SystemTime::now() + KEEP_PRINTS * 2);
        assert!(!old.exists() && !new.exists());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777, 0o700);
            let again = write_print(&dir, "again.pdf", b"%PDF-1.7").unwrap();
            assert_eq!(std::fs::metadata(again).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }
}
