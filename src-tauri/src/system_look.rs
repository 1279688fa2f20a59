//! Light or dark, as the desktop says. GNOME keeps the choice in the desktop portal's settings
//! (`org.freedesktop.appearance` `color-scheme`), which a GTK 3 app does not read by itself; this
//! reads it at start and follows its changes, and the window (its title bar and the web view's
//! `prefers-color-scheme`) follows. The person's own choice in Settings still wins: the page
//! applies it over the system's.
//!
//! It talks to the portal with the `dbus` crate the screen-lock watcher already uses (rather
//! than `ashpd`, which would bring a second D-Bus stack into the package).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// The desktop's colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorScheme {
    /// No preference: the app's default (light) or the theme's own.
    NoPreference,
    /// Prefers dark.
    Dark,
    /// Prefers light.
    Light,
}

impl ColorScheme {
    /// The portal's number: 1 dark, 2 light, anything else no preference.
    pub fn from_portal(value: u64) -> Self {
        match value {
            1 => ColorScheme::Dark,
            2 => ColorScheme::Light,
            _ => ColorScheme::NoPreference,
        }
    }

    /// The window theme that follows it (`None` lets the toolkit decide).
    pub fn theme(self) -> Option<tauri::Theme> {
        match self {
            ColorScheme::Dark => Some(tauri::Theme::Dark),
            ColorScheme::Light => Some(tauri::Theme::Light),
            ColorScheme::NoPreference => None,
        }
    }
}

/// Called with the scheme at start and after every change.
pub type OnScheme = Box<dyn Fn(ColorScheme) + Send + Sync>;

/// Follows the desktop's colour scheme until dropped.
pub struct Follower {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Follower {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Follower {
    /// Starts following on a background thread. Without a portal (another desktop, or none),
    /// nothing is called and the toolkit's own setting stays.
    pub fn start(on_scheme: OnScheme) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::Builder::new()
            .name("system-look".into())
            .spawn(move || platform::follow(on_scheme, flag))
            .ok();
        Follower { stop, thread }
    }
}

#[cfg(target_os = "linux")]
mod platform {
    use super::{ColorScheme, OnScheme};
    use dbus::arg::{RefArg, Variant};
    use dbus::blocking::Connection;
    use dbus::message::MatchRule;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;
    use std::time::Duration;

    const PORTAL: &str = "org.freedesktop.portal.Desktop";
    const PATH: &str = "/org/freedesktop/portal/desktop";
    const SETTINGS: &str = "org.freedesktop.portal.Settings";
    const NAMESPACE: &str = "org.freedesktop.appearance";
    const KEY: &str = "color-scheme";

    type Value = Variant<Box<dyn RefArg>>;

    /// The number inside a value, through any variants around it (`Read` wraps it twice).
    fn number(value: &dyn RefArg) -> Option<u64> {
        value.as_u64().or_else(|| {
            let mut inner = value.as_iter()?;
            inner.next().and_then(number)
        })
    }

    fn read(conn: &Connection) -> Option<ColorScheme> {
        let proxy = conn.with_proxy(PORTAL, PATH, Duration::from_secs(2));
        let one: Result<(Value,), _> = proxy.method_call(SETTINGS, "ReadOne", (NAMESPACE, KEY));
        // Portals before version 2 have only the deprecated `Read`.
        let value = match one {
            Ok((v,)) => v,
            Err(_) => {
                proxy
                    .method_call::<(Value,), _, _, _>(SETTINGS, "Read", (NAMESPACE, KEY))
                    .ok()?
                    .0
            }
        };
        number(&value).map(ColorScheme::from_portal)
    }

    pub fn follow(on_scheme: OnScheme, stop: Arc<AtomicBool>) {
        let Ok(conn) = Connection::new_session() else {
            return;
        };
        let on_scheme = Arc::new(on_scheme);
        let cb = on_scheme.clone();
        let watched = conn.add_match(
            MatchRule::new_signal(SETTINGS, "SettingChanged"),
            move |(namespace, key, value): (String, String, Value),
                  _: &Connection,
                  _: &dbus::Message| {
                if namespace == NAMESPACE && key == KEY {
                    if let Some(n) = number(&value) {
                        cb(ColorScheme::from_portal(n));
                    }
                }
                true
            },
        );
        if watched.is_err() {
            tracing::info!("the desktop's colour scheme cannot be followed");
        }
        match read(&conn) {
            Some(scheme) => on_scheme(scheme),
            None => tracing::info!("no desktop portal reports a colour scheme"),
        }
        while !stop.load(Ordering::SeqCst) {
            if conn.process(Duration::from_millis(250)).is_err() {
                break;
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod platform {
    use super::OnScheme;
    use std::sync::atomic::AtomicBool;
    use std::sync::Arc;

    /// Windows and macOS tell the window themselves.
    pub fn follow(_on_scheme: OnScheme, _stop: Arc<AtomicBool>) {}
}

#[cfg(test)]
mod tests {
    use super::ColorScheme;

    #[test]
    fn portal_numbers() {
        assert_eq!(ColorScheme::from_portal(1), ColorScheme::Dark);
        assert_eq!(ColorScheme::from_portal(2), ColorScheme::Light);
        assert_eq!(ColorScheme::from_portal(0), ColorScheme::NoPreference);
        assert_eq!(ColorScheme::from_portal(7), ColorScheme::NoPreference);
        assert_eq!(ColorScheme::Dark.theme(), Some(tauri::Theme::Dark));
        assert_eq!(ColorScheme::NoPreference.theme(), None);
    }
}
