//! Monotonic clocks; tests inject a manual one so they never sleep.

use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A monotonic clock measured from an arbitrary start.
pub trait Clock: Send + Sync {
    /// Time elapsed since the clock's own start.
    fn now(&self) -> Duration;
}

/// The real monotonic clock.
#[derive(Debug)]
pub struct SystemClock {
    start: Instant,
}

impl SystemClock {
    /// A clock starting now.
    pub fn new() -> Self {
        SystemClock {
            start: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.start.elapsed()
    }
}

/// A clock that moves only when told to (for tests).
#[derive(Debug, Default)]
pub struct ManualClock {
    now: Mutex<Duration>,
}

impl ManualClock {
    /// Moves the clock forward.
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.now.lock() {
            *now += by;
        }
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        self.now.lock().map(|n| *n).unwrap_or_default()
    }
}

/// Today's date where the user is (the computer's local time zone).
pub fn local_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
