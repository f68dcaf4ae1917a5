//! Writes the UI's act map (`ui/src/backend/acts.ts`) and the catalogue table of `docs/catalogue.md`
//! from the `catalogue!` table and the ts-rs types, so neither can drift from the acts. It runs
//! with the bindings (`cargo test -p lotline-app --lib export_bindings`), and CI's bindings check
//! fails when the committed files differ from what it writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lotline_domain::ApiError;
use ts_rs::{Config, Dependency, TS, TypeVisitor};

use crate::context::Ctx;

/// One act: its catalogue name, the Rust function it runs, and its TypeScript input and output.
pub(crate) struct Signature {
    name: &'static str,
    function: &'static str,
    input: String,
    output: String,
    /// TypeScript name → binding file (without `.ts`) of every exported type the two mention.
    imports: BTreeMap<String, PathBuf>,
}

/// Reads the act's input and output types off its signature; the act is never run.
pub(crate) fn signature<'a, I, O, F, Fut>(name: &'static str, function: &'static str, _act: F) -> Signature
where
    I: TS + 'static,
    O: TS + 'static,
    F: FnOnce(&'a Ctx, I) -> Fut,
    Fut: Future<Output = Result<O, ApiError>>,
{
    let cfg = Config::from_env();
    let mut imports = Imports { cfg: &cfg, found: BTreeMap::new() };
    imports.visit::<I>();
    imports.visit::<O>();
    let found = imports.found;
    Signature { name, function, input: ts_name::<I>(&cfg), output: ts_name::<O>(&cfg), imports: found }
}

/// `UserView[]` rather than ts-rs's `Array<UserView>`, as the UI's own code writes arrays.
fn ts_name<T: TS>(cfg: &Config) -> String {
    let name = T::name(cfg);
    match name.strip_prefix("Array<").and_then(|rest| rest.strip_suffix('>')) {
        Some(item) if !item.contains(['<', '|', ' ']) => format!("{item}[]"),
        _ => name,
    }
}

/// Collects the exported types a signature names, its generic arguments included
/// (`Page<ProductView>` imports both).
struct Imports<'c> {
    cfg: &'c Config,
    found: BTreeMap<String, PathBuf>,
}

impl TypeVisitor for Imports<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if let Some(Dependency { ts_name, output_path, .. }) = Dependency::from_ty::<T>(self.cfg) {
            self.found.insert(ts_name, output_path.with_extension(""));
        }
        T::visit_generics(self);
    }
}

/// Biome sorts imports by their path without regard to case.
fn sorted_imports(signatures: &[Signature]) -> Vec<(String, String)> {
    let mut all: BTreeMap<String, PathBuf> = BTreeMap::new();
    for signature in signatures {
        all.extend(signature.imports.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    let mut imports: Vec<(String, String)> =
        all.into_iter().map(|(name, path)| (name, path.to_string_lossy().replace('\\', "/"))).collect();
    imports.sort_by_key(|(_, path)| path.to_lowercase());
    imports
}

pub(crate) fn acts_ts(signatures: &[Signature]) -> String {
    let mut out = String::from(
        "// Generated from the catalogue! table (crates/app/src/catalogue.rs) and the ts-rs types by\n\
         // crates/app/src/act_map.rs: do not edit; run `cargo test -p lotline-app --lib export_bindings`.\n\n",
    );
    for (name, path) in sorted_imports(signatures) {
        out.push_str(&format!("import type {{ {name} }} from \"./bindings/{path}\";\n"));
    }
    out.push_str("\nexport type Acts = {\n");
    for s in signatures {
        out.push_str(&format!("  {}: [{}, {}];\n", s.name, s.input, s.output));
    }
    out.push_str("};\n");
    out
}

const TABLE_START: &str = "<!-- generated: the catalogue table (crates/app/src/act_map.rs); do not edit by hand -->";
const TABLE_END: &str = "<!-- end of the generated catalogue table -->";

/// The table between the two markers of `docs/catalogue.md`; the prose around it is hand-written.
pub(crate) fn catalogue_md(current: &str, signatures: &[Signature]) -> String {
    let mut table = format!("{TABLE_START}\n| act | input | output | function |\n| --- | --- | --- | --- |\n");
    for s in signatures {
        let cell = |ts: &str| format!("`{}`", ts.replace('|', "\\|"));
        table.push_str(&format!(
            "| `{}` | {} | {} | `{}` |\n",
            s.name,
            cell(&s.input),
            cell(&s.output),
            rust_path(s.function)
        ));
    }
    table.push_str(TABLE_END);
    match (current.find(TABLE_START), current.find(TABLE_END)) {
        (Some(start), Some(end)) if start < end => {
            format!("{}{table}{}", &current[..start], &current[end + TABLE_END.len()..])
        }
        _ => panic!("docs/catalogue.md lacks the markers of its generated table:\n{TABLE_START}\n{TABLE_END}"),
    }
}

/// `acts::session::sign_in`, `audit::log_hold`: the function's path inside crates/app/src.
fn rust_path(function: &str) -> String {
    let function = function.replace(' ', "");
    match function.strip_prefix("crate::") {
        Some(path) => path.to_owned(),
        None => format!("acts::{function}"),
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Writes only on a change, so an unchanged run leaves the files' times alone.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|err| panic!("writing {}: {err}", path.display()));
    }
}

#[test]
fn export_bindings_act_map() {
    let signatures = crate::catalogue::signatures();
    let root = repo_root();
    write_if_changed(&root.join("ui/src/backend/acts.ts"), &acts_ts(&signatures));
    let docs = root.join("docs/catalogue.md");
    let current = std::fs::read_to_string(&docs).expect("docs/catalogue.md");
    write_if_changed(&docs, &catalogue_md(&current, &signatures));
}
