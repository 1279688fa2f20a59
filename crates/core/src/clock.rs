//! Clocks for idle time; tests inject a manual one so they never sleep.

use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

/// A monotonic clock measured from an arbitrary start.
pub trait Clock: Send + Sync {
    /// Time elapsed since the clock's own start.
    fn now(&self) -> Duration;
}

/// The real clock for idle time. It counts time the computer spent asleep: a plain monotonic
/// clock stops during suspend, so a laptop closed for an hour would wake with its auto-lock
/// timer where it left off. It reads the larger of the monotonic time, the boot-time clock
/// (Linux's `CLOCK_BOOTTIME`, which runs during suspend) and the wall clock since it started.
#[derive(Debug)]
pub struct SystemClock {
    start: Instant,
    start_wall: SystemTime,
    start_boot: Option<Duration>,
}

impl SystemClock {
    /// A clock starting now.
    pub fn new() -> Self {
        SystemClock {
            start: Instant::now(),
            start_wall: SystemTime::now(),
            start_boot: boot_time(),
        }
    }
}

/// Time since boot including suspend, where the platform has such a clock.
#[cfg(target_os = "linux")]
fn boot_time() -> Option<Duration> {
    use rustix::time::{clock_gettime_dynamic, DynamicClockId};
    let t = clock_gettime_dynamic(DynamicClockId::Boottime).ok()?;
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(target_os = "linux"))]
fn boot_time() -> Option<Duration> {
    None
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        let monotonic = self.start.elapsed();
        let wall = self.start_wall.elapsed().unwrap_or_default();
        let boot = match (self.start_boot, boot_time()) {
            (Some(then), Some(now)) => now.saturating_sub(then),
            _ => Duration::ZERO,
        };
        monotonic.max(wall).max(boot)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_system_clock_counts_time_the_wall_clock_saw_pass() {
        // A clock that started an hour ago by the wall clock (as after a suspend that the
        // monotonic clock did not see) reads at least an hour.
        let mut clock = SystemClock::new();
        clock.start_wall -= Duration::from_secs(3600);
        assert!(clock.now() >= Duration::from_secs(3600));
        #[cfg(target_os = "linux")]
        {
            let mut clock = SystemClock::new();
            clock.start_boot = clock
                .start_boot
                .map(|b| b.saturating_sub(Duration::from_secs(600)));
            assert!(clock.now() >= Duration::from_secs(600));
        }
    }
}
