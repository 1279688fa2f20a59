//! Progress on long work (demo, import, export, backup, restore): a bar or spinner on standard
//! error, only when standard error is a terminal, so scripts and pipes see none. `NO_COLOR`
//! turns colour off (https://no-color.org).

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Whether colour may be used: standard error is a terminal and `NO_COLOR` is not set.
fn colour() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A progress display that draws only on a terminal (hidden otherwise).
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn target() -> ProgressDrawTarget {
        if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        }
    }

    /// A bar for work counted from 0 to `total`, labelled `what`.
    pub fn bar(what: &str, total: u64) -> Self {
        let template = if colour() {
            "{msg} [{bar:30.cyan/blue}] {percent}% ({elapsed})"
        } else {
            "{msg} [{bar:30}] {percent}% ({elapsed})"
        };
        let bar = ProgressBar::with_draw_target(Some(total), Self::target());
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_owned());
        Progress { bar }
    }

    /// A spinner for work whose size is not known, labelled `what`.
    pub fn spinner(what: &str) -> Self {
        let template = if colour() {
            "{spinner:.cyan} {msg} ({elapsed})"
        } else {
            "{spinner} {msg} ({elapsed})"
        };
        let bar = ProgressBar::with_draw_target(None, Self::target());
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar.set_message(what.to_owned());
        bar.enable_steady_tick(Duration::from_millis(120));
        Progress { bar }
    }

    /// A function that moves the bar to `done` of `total`, for work running elsewhere to call.
    pub fn ticker(&self) -> impl Fn(u64, u64) + Send + Sync + 'static {
        let bar = self.bar.clone();
        move |done, total| {
            bar.set_length(total);
            bar.set_position(done);
        }
    }

    /// Changes the label.
    pub fn say(&self, what: &str) {
        self.bar.set_message(what.to_owned());
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
