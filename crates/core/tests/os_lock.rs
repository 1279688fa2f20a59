//! The screen-lock watcher on a real D-Bus session bus (runs inside `scripts/with-keyring.sh`,
//! which `make test` uses; elsewhere it says it was skipped).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use alongside_core::os_lock::{SystemEvent, Watcher};

fn send(active: bool) {
    let status = std::process::Command::new("dbus-send")
        .args([
            "--session",
            "--type=signal",
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            &format!("boolean:{active}"),
        ])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn a_screen_lock_signal_reaches_the_callback() {
    if std::env::var_os("ALONGSIDE_TEST_KEYRING").is_none() {
        eprintln!("skipped: needs the D-Bus session of scripts/with-keyring.sh");
        return;
    }
    let (tx, rx) = mpsc::channel();
    let tx = Arc::new(Mutex::new(tx));
    let watcher = Watcher::start(Arc::new(move |e: SystemEvent| {
        let _ = tx.lock().unwrap().send(e);
    }));
    assert!(watcher.sources() >= 1, "the session bus is watched");
    send(false);
    assert!(
        rx.recv_timeout(Duration::from_millis(500)).is_err(),
        "unlocking the screen is not a lock"
    );
    send(true);
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(5)).unwrap(),
        SystemEvent::ScreenLocked
    );
    drop(watcher);
}
