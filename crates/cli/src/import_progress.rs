//! `lotline import` on a terminal: a progress bar of the rows on stderr, and Ctrl-C cancels the
//! import, which then writes nothing. Piped or redirected, it stays quiet.

use std::io::IsTerminal;
use std::sync::atomic::Ordering;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lotline_app::acts::imports::{ImportControl, ImportInput, ImportReport};
use lotline_app::{ApiError, Ctx};

pub async fn import(ctx: &Ctx, input: ImportInput) -> Result<ImportReport, ApiError> {
    if !std::io::stderr().is_terminal() {
        return run(ctx, input, &ImportControl::default()).await;
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} rows {msg}");
    bar.set_style(style.unwrap_or_else(|_| ProgressStyle::default_bar()));
    let shown = bar.clone();
    let control = ImportControl::reporting(move |p| {
        shown.set_length(p.total);
        shown.set_position(p.done);
        if p.writing {
            shown.set_message("writing…");
        }
    });
    let output = run(ctx, input, &control).await;
    bar.finish_and_clear();
    output
}

async fn run(ctx: &Ctx, input: ImportInput, control: &ImportControl) -> Result<ImportReport, ApiError> {
    let switch = control.cancel_switch();
    let ctrl_c = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            switch.store(true, Ordering::Relaxed);
        }
    });
    let report = lotline_app::call_import(ctx, input, control).await;
    ctrl_c.abort();
    report
}
