//! How long the app took to show its overview: measured from the start of `run` to the moment
//! the window says it has drawn the overview with its figures (once per start), with the page's
//! own moments so a slow start can be placed: before the page, in the page, in the vault.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Instant;

/// Set to any value to have the start-up time printed on standard output (for `make bench`).
pub const REPORT_ENV: &str = "ALONGSIDE_REPORT_STARTUP";

/// Moments of the page's start, in milliseconds since the web view began loading the page.
#[derive(Debug, Clone, Copy, serde::Deserialize, specta::Type)]
pub struct PageTimes {
    /// The app's script began running.
    pub script_ms: f64,
    /// The vault's status (unlocked from the keyring) arrived.
    pub status_ms: f64,
    /// The overview's figures arrived.
    pub dashboard_ms: f64,
    /// The overview was drawn (two animation frames after its figures).
    pub drawn_ms: f64,
}

impl PageTimes {
    /// The moments as one line; a value that is not a plausible time prints as `-`.
    fn line(&self) -> String {
        let shown = |v: f64| {
            if (0.0..1e9).contains(&v) {
                format!("{v:.1}")
            } else {
                "-".to_owned()
            }
        };
        format!(
            "script {} status {} dashboard {} drawn {}",
            shown(self.script_ms),
            shown(self.status_ms),
            shown(self.dashboard_ms),
            shown(self.drawn_ms)
        )
    }
}

static STARTED: OnceLock<Instant> = OnceLock::new();
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Notes the moment the app began starting.
pub fn began() {
    let _ = STARTED.set(Instant::now());
}

/// Notes that the overview is on screen; only the first call of a run counts.
pub fn shown(page: &PageTimes) {
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
        let _ = writeln!(out, "alongside-shown-ms {ms:.1} page {}", page.line());
        let _ = out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::PageTimes;

    #[test]
    fn page_times_print_only_plausible_numbers() {
        let t = PageTimes {
            script_ms: 120.04,
            status_ms: f64::NAN,
            dashboard_ms: -1.0,
            drawn_ms: 412.5,
        };
        assert_eq!(t.line(), "script 120.0 status - dashboard - drawn 412.5");
    }
}
