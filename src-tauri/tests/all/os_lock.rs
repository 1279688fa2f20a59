//! The screen-lock watcher on a real D-Bus session bus (runs inside `scripts/with-keyring.sh`,
//! which `make test` uses; elsewhere it says it was skipped).

use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use alongside_app::os_lock::{SystemEvent, Watcher};

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

#[cfg(target_os = "linux")]
mod sleep_inhibitor {
    use super::*;

    /// A stand-in for logind on the test's session bus: grants sleep inhibitors (the write end of a
    /// pipe; the read end sees end-of-file once every copy is closed) and says when sleep comes.
    struct FakeLogind {
        granted: Arc<Mutex<Vec<std::io::PipeReader>>>,
        stop: Arc<std::sync::atomic::AtomicBool>,
        thread: Option<std::thread::JoinHandle<()>>,
    }

    impl FakeLogind {
        fn start() -> Self {
            use dbus::blocking::Connection;
            use dbus::channel::MatchingReceiver;
            use dbus::message::MatchRule;
            let granted = Arc::new(Mutex::new(Vec::new()));
            let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
            let (ready_tx, ready_rx) = mpsc::channel();
            let (g, s) = (granted.clone(), stop.clone());
            let thread = std::thread::spawn(move || {
                let conn = Connection::new_session().unwrap();
                conn.request_name("org.freedesktop.login1", false, true, false)
                    .unwrap();
                conn.start_receive(
                    MatchRule::new_method_call(),
                    Box::new(move |msg, conn| {
                        if msg.member().as_deref() == Some("Inhibit") {
                            let (reader, writer) = std::io::pipe().unwrap();
                            g.lock().unwrap().push(reader);
                            let fd: std::os::fd::OwnedFd = writer.into();
                            let _ =
                                dbus::channel::Sender::send(conn, msg.method_return().append1(fd));
                        }
                        true
                    }),
                );
                ready_tx.send(()).unwrap();
                while !s.load(std::sync::atomic::Ordering::SeqCst) {
                    conn.process(Duration::from_millis(50)).unwrap();
                }
            });
            ready_rx.recv_timeout(Duration::from_secs(5)).unwrap();
            FakeLogind {
                granted,
                stop,
                thread: Some(thread),
            }
        }

        fn prepare_for_sleep(&self, start: bool) {
            let status = std::process::Command::new("dbus-send")
                .args([
                    "--session",
                    "--type=signal",
                    "/org/freedesktop/login1",
                    "org.freedesktop.login1.Manager.PrepareForSleep",
                    &format!("boolean:{start}"),
                ])
                .status()
                .unwrap();
            assert!(status.success());
        }

        /// Waits until the `n`th inhibitor granted has been released (its pipe reads end-of-file).
        fn released(&self, n: usize) -> bool {
            use std::io::Read;
            let mut reader = {
                let mut granted = self.granted.lock().unwrap();
                if granted.len() <= n {
                    return false;
                }
                granted.remove(n)
            };
            let mut buf = [0u8; 1];
            matches!(reader.read(&mut buf), Ok(0))
        }
    }

    impl Drop for FakeLogind {
        fn drop(&mut self) {
            self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
        }
    }

    #[test]
    fn sleep_waits_for_the_lock_then_the_inhibitor_is_taken_again() {
        if std::env::var_os("ALONGSIDE_TEST_KEYRING").is_none() {
            eprintln!("skipped: needs the D-Bus session of scripts/with-keyring.sh");
            return;
        }
        let logind = FakeLogind::start();
        // The watcher looks for logind on the session bus, where the stand-in is.
        std::env::set_var(
            "ALONGSIDE_LOGIND_BUS",
            std::env::var("DBUS_SESSION_BUS_ADDRESS").unwrap(),
        );
        let (tx, rx) = mpsc::channel();
        let tx = Arc::new(Mutex::new(tx));
        let locked_at = Arc::new(Mutex::new(None));
        let at = locked_at.clone();
        let watcher = Watcher::start(Arc::new(move |e: SystemEvent| {
            // Locking takes a while; sleep must wait for it.
            std::thread::sleep(Duration::from_millis(300));
            *at.lock().unwrap() = Some(std::time::Instant::now());
            let _ = tx.lock().unwrap().send(e);
        }));
        std::env::remove_var("ALONGSIDE_LOGIND_BUS");
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while logind.granted.lock().unwrap().is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "no inhibitor was taken"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        logind.prepare_for_sleep(true);
        // The inhibitor is released only after the callback (the lock) has finished.
        assert!(logind.released(0), "the inhibitor was not released");
        let released_at = std::time::Instant::now();
        assert_eq!(
            rx.recv_timeout(Duration::from_secs(5)).unwrap(),
            SystemEvent::Sleep
        );
        assert!(locked_at.lock().unwrap().unwrap() <= released_at);
        // On waking, a new inhibitor is taken for the next sleep.
        logind.prepare_for_sleep(false);
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while logind.granted.lock().unwrap().is_empty() {
            assert!(
                std::time::Instant::now() < deadline,
                "no inhibitor after waking"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(watcher);
    }
}
