//! What each platform's message means for the vault, kept apart from the calls that receive them
//! so that it is tested on every platform.

use crate::SystemEvent;

/// Windows' `WM_WTSSESSION_CHANGE` (winuser.h).
pub const WM_WTSSESSION_CHANGE: u32 = 0x02B1;
/// Its `wParam` when the session was locked (`WTS_SESSION_LOCK`).
pub const WTS_SESSION_LOCK: usize = 0x7;
/// Windows' `WM_POWERBROADCAST` (winuser.h).
pub const WM_POWERBROADCAST: u32 = 0x0218;
/// Its `wParam` when the computer is about to sleep (`PBT_APMSUSPEND`).
pub const PBT_APMSUSPEND: usize = 0x4;

/// The event a Windows window message stands for, if any.
pub fn windows_message(message: u32, wparam: usize) -> Option<SystemEvent> {
    match (message, wparam) {
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK) => Some(SystemEvent::ScreenLocked),
        (WM_POWERBROADCAST, PBT_APMSUSPEND) => Some(SystemEvent::Sleep),
        _ => None,
    }
}

/// The distributed notification macOS posts when the screen locks (not in Apple's headers, but
/// posted by every release since 10.x; the login window sends it).
pub const MACOS_SCREEN_LOCKED: &str = "com.apple.screenIsLocked";
/// The workspace notification before the computer sleeps.
pub const MACOS_WILL_SLEEP: &str = "NSWorkspaceWillSleepNotification";
/// The workspace notification when another user takes the screen (fast user switching).
pub const MACOS_SESSION_RESIGNED: &str = "NSWorkspaceSessionDidResignActiveNotification";

/// The event a macOS notification name stands for, if any.
pub fn macos_notification(name: &str) -> Option<SystemEvent> {
    match name {
        MACOS_SCREEN_LOCKED | MACOS_SESSION_RESIGNED => Some(SystemEvent::ScreenLocked),
        MACOS_WILL_SLEEP => Some(SystemEvent::Sleep),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_locks_on_a_session_lock_and_on_suspend_only() {
        assert_eq!(
            windows_message(WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK),
            Some(SystemEvent::ScreenLocked)
        );
        assert_eq!(
            windows_message(WM_POWERBROADCAST, PBT_APMSUSPEND),
            Some(SystemEvent::Sleep)
        );
        // Unlock (0x8), logon (0x5), remote connect (0x3); resume (0x7), power status (0xA).
        for wparam in [0x1, 0x3, 0x5, 0x8] {
            assert_eq!(windows_message(WM_WTSSESSION_CHANGE, wparam), None);
        }
        for wparam in [0x7, 0x8, 0xA, 0x12] {
            assert_eq!(windows_message(WM_POWERBROADCAST, wparam), None);
        }
        // Other messages with the same wParam values (WM_PAINT, WM_CLOSE).
        assert_eq!(windows_message(0x000F, WTS_SESSION_LOCK), None);
        assert_eq!(windows_message(0x0010, PBT_APMSUSPEND), None);
    }

    #[test]
    fn macos_locks_on_screen_lock_user_switch_and_sleep_only() {
        assert_eq!(
            macos_notification("com.apple.screenIsLocked"),
            Some(SystemEvent::ScreenLocked)
        );
        assert_eq!(
            macos_notification("NSWorkspaceSessionDidResignActiveNotification"),
            Some(SystemEvent::ScreenLocked)
        );
        assert_eq!(
            macos_notification("NSWorkspaceWillSleepNotification"),
            Some(SystemEvent::Sleep)
        );
        for other in [
            "com.apple.screenIsUnlocked",
            "NSWorkspaceDidWakeNotification",
            "NSWorkspaceSessionDidBecomeActiveNotification",
            "NSWorkspaceScreensDidSleepNotification",
            "",
        ] {
            assert_eq!(macos_notification(other), None, "{other}");
        }
    }
}
