//! Linux: logind's `PrepareForSleep` on the system bus (with a sleep inhibitor in "delay" mode,
//! so that logind waits until the vault is locked), the screen saver's `ActiveChanged` and
//! logind's `Session.Lock` on the session bus.
use crate::{OnEvent, SystemEvent};
use dbus::blocking::Connection;
use dbus::message::MatchRule;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Rules = Vec<(MatchRule<'static>, Option<SystemEvent>)>;

/// Where logind lives: the system bus, or (for tests, which cannot own the real logind)
/// the bus named by `ALONGSIDE_LOGIND_BUS`.
fn connect_system() -> Result<Connection, dbus::Error> {
    match std::env::var("ALONGSIDE_LOGIND_BUS") {
        Ok(address) if !address.is_empty() => {
            let mut channel = dbus::channel::Channel::open_private(&address)?;
            channel.register()?;
            Ok(Connection::from(channel))
        }
        _ => Connection::new_system(),
    }
}
type Connect = fn() -> Result<Connection, dbus::Error>;

/// `None` as the event means "a boolean signal: true is a screen lock".
fn system_rules() -> Rules {
    vec![(
        MatchRule::new_signal("org.freedesktop.login1.Manager", "PrepareForSleep"),
        Some(SystemEvent::Sleep),
    )]
}

fn session_rules() -> Rules {
    vec![
        (
            MatchRule::new_signal("org.freedesktop.ScreenSaver", "ActiveChanged"),
            None,
        ),
        (
            MatchRule::new_signal("org.gnome.ScreenSaver", "ActiveChanged"),
            None,
        ),
    ]
}

/// The sleep inhibitor, held while awake and released once the vault is locked for sleep.
#[derive(Default)]
struct Inhibitor {
    fd: Mutex<Option<dbus::arg::OwnedFd>>,
    /// Set on waking: the main loop takes the inhibitor again.
    wanted: AtomicBool,
}

impl Inhibitor {
    fn take(&self, conn: &Connection) {
        let proxy = conn.with_proxy(
            "org.freedesktop.login1",
            "/org/freedesktop/login1",
            Duration::from_secs(2),
        );
        let taken: Result<(dbus::arg::OwnedFd,), dbus::Error> = proxy.method_call(
            "org.freedesktop.login1.Manager",
            "Inhibit",
            (
                "sleep",
                "Alongside",
                "Locks the encrypted vault before the computer sleeps",
                "delay",
            ),
        );
        match (taken, self.fd.lock()) {
            (Ok((fd,)), Ok(mut held)) => *held = Some(fd),
            _ => tracing::info!("no sleep inhibitor (logind did not grant one)"),
        }
    }

    fn release(&self) {
        if let Ok(mut held) = self.fd.lock() {
            held.take();
        }
    }

    fn held(&self) -> bool {
        self.fd.lock().is_ok_and(|f| f.is_some())
    }
}

fn watch(
    connect: Connect,
    rules: Rules,
    on_event: OnEvent,
    stop: Arc<AtomicBool>,
    ready: std::sync::mpsc::Sender<bool>,
    inhibitor: Option<Arc<Inhibitor>>,
) {
    let conn = match connect() {
        Ok(c) => c,
        Err(_) => {
            let _ = ready.send(false);
            return;
        }
    };
    if let Some(i) = &inhibitor {
        i.take(&conn);
    }
    for (rule, event) in rules {
        let cb = on_event.clone();
        let inhibitor = inhibitor.clone();
        let added = conn.add_match(
            rule,
            move |args: (bool,), _: &Connection, _: &dbus::Message| {
                match event {
                    Some(SystemEvent::Sleep) if args.0 => {
                        cb(SystemEvent::Sleep);
                        if let Some(i) = &inhibitor {
                            i.release();
                        }
                    }
                    Some(SystemEvent::Sleep) => {
                        if let Some(i) = &inhibitor {
                            i.wanted.store(true, Ordering::SeqCst);
                        }
                    }
                    None if args.0 => cb(SystemEvent::ScreenLocked),
                    _ => {}
                }
                true
            },
        );
        if added.is_err() {
            tracing::warn!("could not watch a system lock signal");
        }
    }
    // `Session.Lock` has no arguments, so it needs its own match.
    let cb = on_event.clone();
    let _ = conn.add_match(
        MatchRule::new_signal("org.freedesktop.login1.Session", "Lock"),
        move |_: (), _: &Connection, _: &dbus::Message| {
            cb(SystemEvent::ScreenLocked);
            true
        },
    );
    let _ = ready.send(true);
    while !stop.load(Ordering::SeqCst) {
        if conn.process(Duration::from_millis(250)).is_err() {
            break;
        }
        if let Some(i) = &inhibitor {
            if i.wanted.swap(false, Ordering::SeqCst) && !i.held() {
                i.take(&conn);
            }
        }
    }
}

/// Starts one watching thread per bus that could be reached.
pub fn spawn(on_event: OnEvent, stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<()>> {
    let mut threads = Vec::new();
    let sources: [(Connect, Rules, Option<Arc<Inhibitor>>); 2] = [
        (
            connect_system,
            system_rules(),
            Some(Arc::new(Inhibitor::default())),
        ),
        (Connection::new_session, session_rules(), None),
    ];
    for (connect, rules, inhibitor) in sources {
        let (tx, rx) = std::sync::mpsc::channel();
        let (cb, stop) = (on_event.clone(), stop.clone());
        let Ok(handle) = std::thread::Builder::new()
            .name("os-lock-signals".into())
            .spawn(move || watch(connect, rules, cb, stop, tx, inhibitor))
        else {
            continue;
        };
        // Wait until the matches are registered so no signal is missed after `start`.
        match rx.recv_timeout(Duration::from_secs(5)) {
            Ok(true) => threads.push(handle),
            _ => {
                let _ = handle.join();
            }
        }
    }
    threads
}
