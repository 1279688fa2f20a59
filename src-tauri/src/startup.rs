//! How long the app took to show its overview: measured from the start of `run` to the moment
//! the window says it has drawn the overview with its figures (once per start).

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// Set to any value to have the start-up time printed on standard output (for `make bench`).
pub const REPORT_ENV: &str = "ALONGSIDE_REPORT_STARTUP";

static STARTED: OnceLock<Instant> = OnceLock::new();
static SHOWN: AtomicBool = AtomicBool::new(false);

/// On Linux, WebKitGTK draws the window without GPU compositing unless the person has chosen
/// otherwise with WebKit's own variables. Alongside's pages are forms, lists and text; going
/// through the GL driver cost about 95 MB in the web view and a fifth of a second at start
/// (measured under Xvfb with Mesa). Called first, before any thread exists.
pub fn draw_without_compositing() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
        && std::env::var_os("WEBKIT_FORCE_COMPOSITING_MODE").is_none()
    {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
}

/// Notes the moment the app began starting.
pub fn began() {
    let _ = STARTED.set(Instant::now());
}

/// Notes that the overview is on screen; only the first call of a run counts.
pub fn shown() {
    if SHOWN.swap(true, Ordering::SeqCst) {
        return;
    }
    let Some(started) = STARTED.get() else {
        return;
    };
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    tracing::info!(ms = format!("{ms:.0}"), "the overview is on screen");
    if std::env::var_os(REPORT_ENV).is_some() {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "alongside-shown-ms {ms:.1}");
        let _ = out.flush();
    }
}
