//! PDFs an act returned, written to disk and read back with the real tools.

use serde_json::Value;

/// Runs a PDF tool on `pdf` and returns its standard output, failing the test when the tool does.
pub fn pdf_tool(tool: &str, args: &[&str], pdf: &std::path::Path) -> String {
    let out = std::process::Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} must be installed (cargo xtask test installs it): {e}"));
    assert!(out.status.success(), "{tool} rejected the PDF: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Writes the `PdfFile` an act returned into `dir`, under its own file name.
pub fn write_pdf(dir: &std::path::Path, file: &Value) -> std::path::PathBuf {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD.decode(file["pdf_base64"].as_str().unwrap()).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let path = dir.join(file["file_name"].as_str().unwrap());
    std::fs::write(&path, bytes).unwrap();
    path
}
