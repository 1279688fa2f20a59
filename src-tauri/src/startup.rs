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
