//! Signals from the operating system that should lock the vault: the computer going to sleep and
//! the screen locking (docs/security.md, "Locking").
//!
//! - **Linux**: over D-Bus — logind on the system bus, the screen saver on the session bus. The
//!   watcher also holds a logind sleep inhibitor in "delay" mode: when the computer is about to
//!   sleep, logind waits (up to its `InhibitDelayMaxSec`) until the callback has run (the vault
//!   is locked) and the inhibitor is released, then sleeps; on waking it is taken again. The
//!   callback must therefore finish its work before returning.
//! - **Windows**: a hidden window registered for session notifications
//!   (`WTSRegisterSessionNotification`: the session locked) that also hears the power broadcast
//!   (`PBT_APMSUSPEND`: about to sleep; Windows allows about two seconds).
//! - **macOS**: the distributed notification `com.apple.screenIsLocked`, and the workspace's
//!   `NSWorkspaceWillSleepNotification` and `NSWorkspaceSessionDidResignActiveNotification`
//!   (another user took the screen).
//!
//! Elsewhere nothing is reported and the watcher does nothing. What each platform's message
//! means is decided by the plain functions in [`meaning`], tested everywhere.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub mod meaning;

/// What the operating system reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SystemEvent {
    /// The computer is about to sleep.
    Sleep,
    /// The screen or session was locked.
    ScreenLocked,
}

/// Callback for system events.
pub type OnEvent = Arc<dyn Fn(SystemEvent) + Send + Sync>;

/// Watches for system events until dropped.
pub struct Watcher {
    stop: Arc<AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

impl Watcher {
    /// Starts watching; `on_event` runs on a background thread for every event.
    pub fn start(on_event: OnEvent) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let threads = platform::spawn(on_event, stop.clone());
        Watcher { stop, threads }
    }

    /// How many sources are being watched (0 where the platform reports nothing).
    pub fn sources(&self) -> usize {
        self.threads.len()
    }
}

/// How often a watching thread looks at the stop flag.
#[cfg(any(target_os = "windows", target_os = "macos"))]
const POLL: std::time::Duration = std::time::Duration::from_millis(250);

/// Starts `watch` on a thread of its own and waits until it says whether it is listening, so
/// that no event is missed after [`Watcher::start`] returns. The thread is kept only if it is.
#[cfg(any(target_os = "windows", target_os = "macos"))]
fn spawn_listening(
    name: &str,
    watch: impl FnOnce(std::sync::mpsc::Sender<bool>) + Send + 'static,
) -> Option<std::thread::JoinHandle<()>> {
    let (ready, listening) = std::sync::mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(name.into())
        .spawn(move || watch(ready))
        .ok()?;
    match listening.recv_timeout(std::time::Duration::from_secs(5)) {
        Ok(true) => Some(handle),
        _ => {
            let _ = handle.join();
            None
        }
    }
}

#[cfg(target_os = "linux")]
#[path = "linux.rs"]
mod platform;

#[cfg(target_os = "windows")]
#[path = "windows.rs"]
mod platform;

#[cfg(target_os = "macos")]
#[path = "macos.rs"]
mod platform;

#[cfg(not(any(target_os = "linux", target_os = "windows", target_os = "macos")))]
mod platform {
    use super::OnEvent;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    pub fn spawn(_on_event: OnEvent, _stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<()>> {
        Vec::new()
    }
}
