//! The Windows watcher's hidden window, for real: messages sent to it reach the callback
//! (`make windows-test` runs this under Wine).
#![cfg(windows)]
#![allow(unsafe_code)]

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use alongside_os_lock::meaning::{
    PBT_APMSUSPEND, WM_POWERBROADCAST, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK,
};
use alongside_os_lock::{SystemEvent, Watcher};
use windows_sys::Win32::UI::WindowsAndMessaging::{FindWindowW, SendMessageW};

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

#[test]
fn session_lock_and_suspend_messages_reach_the_callback() {
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let watcher = Watcher::start(Arc::new(move |event: SystemEvent| {
        let _ = tx.lock().unwrap().send(event);
    }));
    assert_eq!(watcher.sources(), 1, "the hidden window is listening");
    let class = wide("AlongsideLockWatcher");
    // SAFETY: a valid class name; no title.
    let window = unsafe { FindWindowW(class.as_ptr(), std::ptr::null()) };
    assert!(!window.is_null(), "the hidden window exists");
    let send = |message: u32, wparam: usize| {
        // SAFETY: `window` is the watcher's live window; the message carries no pointers.
        unsafe { SendMessageW(window, message, wparam, 0) };
    };

    send(WM_WTSSESSION_CHANGE, 0x8); // unlocked: nothing
    assert!(rx.recv_timeout(Duration::from_millis(600)).is_err());
    send(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        SystemEvent::ScreenLocked
    );
    send(WM_POWERBROADCAST, PBT_APMSUSPEND);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        SystemEvent::Sleep
    );
    drop(watcher);
    // SAFETY: as above.
    let gone = unsafe { FindWindowW(class.as_ptr(), std::ptr::null()) };
    assert!(gone.is_null(), "the window is destroyed with the watcher");
}
