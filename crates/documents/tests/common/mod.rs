//! Checks a PDF with the tools a user's machine and a print shop would use: qpdf for structure,
//! poppler for text and rendering, zbar for barcodes. A missing tool fails the test and names the
//! Debian package, so a machine without them cannot pass by skipping.

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Checked {
    pub dir: tempfile::TempDir,
    pub pdf: PathBuf,
}

fn run(tool: &str, package: &str, args: &[&str]) -> std::process::Output {
    Command::new(tool).args(args).output().unwrap_or_else(|error| {
        panic!("cannot run `{tool}` ({error}): install it with `apt-get install {package}` (cargo xtask test does)")
    })
}

/// Writes `bytes` to a temporary file and asserts qpdf finds nothing wrong with it. With
/// `LOTLINE_DOCS_OUT` set to a folder, a copy named `name` is kept there to look at.
pub fn write_and_check(name: &str, bytes: &[u8]) -> Checked {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("document.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    if let Some(out) = std::env::var_os("LOTLINE_DOCS_OUT") {
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(Path::new(&out).join(name), bytes).unwrap();
    }
    let out = run("qpdf", "qpdf", &["--check", pdf.to_str().unwrap()]);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "qpdf --check failed:\n{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(report.contains("No syntax or stream encoding errors"), "{report}");
    Checked { dir, pdf }
}

impl Checked {
    /// The text of every page, in reading order.
    pub fn text(&self) -> String {
        let out = run("pdftotext", "poppler-utils", &["-layout", self.pdf.to_str().unwrap(), "-"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn page_count(&self) -> usize {
        let out = run("qpdf", "qpdf", &["--show-npages", self.pdf.to_str().unwrap()]);
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }

    /// Renders page `page` (1-based) at `dpi` to a PNG and returns its path.
    pub fn render(&self, page: usize, dpi: u32) -> PathBuf {
        let prefix = self.dir.path().join(format!("page{page}"));
        let (page, dpi) = (page.to_string(), dpi.to_string());
        let out = run(
            "pdftoppm",
            "poppler-utils",
            &[
                "-png",
                "-singlefile",
                "-r",
                &dpi,
                "-f",
                &page,
                "-l",
                &page,
                self.pdf.to_str().unwrap(),
                prefix.to_str().unwrap(),
            ],
        );
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        prefix.with_extension("png")
    }

    /// Each page's size in points (width, height), as `pdfinfo` reports it.
    pub fn page_sizes(&self) -> Vec<(f64, f64)> {
        let last = self.page_count().to_string();
        let out = run("pdfinfo", "poppler-utils", &["-f", "1", "-l", &last, self.pdf.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Lines such as "Page    1 size: 288 x 432 pts (rotated 0 degrees)".
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|line| line.split_once(" size: ").filter(|(page, _)| page.starts_with("Page")))
            .map(|(_, size)| {
                let words: Vec<&str> = size.split_whitespace().collect();
                (words[0].parse().unwrap(), words[2].parse().unwrap())
            })
            .collect()
    }

    /// The fonts as `pdffonts` lists them: (name, embedded, subset).
    pub fn fonts(&self) -> Vec<(String, bool, bool)> {
        let out = run("pdffonts", "poppler-utils", &[self.pdf.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        // Columns: name, type (several words), encoding, emb, sub, uni, object, generation.
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .skip(2)
            .map(|line| {
                let words: Vec<&str> = line.split_whitespace().collect();
                let flag = |from_end: usize| words[words.len() - from_end] == "yes";
                (words[0].to_string(), flag(5), flag(4))
            })
            .collect()
    }
}

/// Every barcode zbar finds in `png`, as "TYPE:data" ("CODE-128:…", "QR-Code:…"), sorted so
/// that a page's symbols compare equal whatever order zbar found them in.
pub fn barcodes(png: &Path) -> Vec<String> {
    let out = run("zbarimg", "zbar-tools", &["--quiet", png.to_str().unwrap()]);
    // zbarimg exits 4 when it finds no symbol: that is a test failure, reported by the caller.
    let mut found: Vec<String> = String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect();
    found.sort();
    found
}
