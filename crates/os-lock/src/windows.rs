//! Windows: a hidden top-level window (never shown) on a thread of its own, registered for this
//! session's notifications. Windows sends it `WM_WTSSESSION_CHANGE` when the session locks and
//! broadcasts `WM_POWERBROADCAST` to every top-level window before sleeping (a message-only
//! window would not hear the broadcast). The window procedure only notes the event; the thread's
//! loop hands it to the callback.
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::sync::Arc;

use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::System::RemoteDesktop::{
    WTSRegisterSessionNotification, WTSUnRegisterSessionNotification, NOTIFY_FOR_THIS_SESSION,
};
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DestroyWindow, DispatchMessageW, MsgWaitForMultipleObjects,
    PeekMessageW, RegisterClassW, TranslateMessage, MSG, PM_REMOVE, QS_ALLINPUT, WNDCLASSW,
};

use crate::meaning;
use crate::{OnEvent, SystemEvent, POLL};

// The numbers `meaning` matches on are the system's own.
const _: () = {
    use windows_sys::Win32::UI::WindowsAndMessaging as wm;
    assert!(meaning::WM_WTSSESSION_CHANGE == wm::WM_WTSSESSION_CHANGE);
    assert!(meaning::WM_POWERBROADCAST == wm::WM_POWERBROADCAST);
    assert!(meaning::WTS_SESSION_LOCK == wm::WTS_SESSION_LOCK as usize);
    assert!(meaning::PBT_APMSUSPEND == wm::PBT_APMSUSPEND as usize);
};

/// The hidden window's class name, also how a test finds the window.
pub const WINDOW_CLASS: &str = "AlongsideLockWatcher";

thread_local! {
    /// Events the window procedure heard and the loop has not yet handed on.
    static HEARD: RefCell<Vec<SystemEvent>> = const { RefCell::new(Vec::new()) };
}

fn wide(text: &str) -> Vec<u16> {
    text.encode_utf16().chain(std::iter::once(0)).collect()
}

unsafe extern "system" fn window_procedure(
    window: HWND,
    message: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    if let Some(event) = meaning::windows_message(message, wparam) {
        HEARD.with(|heard| heard.borrow_mut().push(event));
    }
    // SAFETY: the arguments are the ones Windows passed to this window procedure.
    unsafe { DefWindowProcW(window, message, wparam, lparam) }
}

/// Creates the hidden window; `None` when Windows refuses.
fn create_window() -> Option<HWND> {
    let class_name = wide(WINDOW_CLASS);
    // SAFETY: a null module name asks for this program's own module handle.
    let instance = unsafe { GetModuleHandleW(std::ptr::null()) };
    let class = WNDCLASSW {
        style: 0,
        lpfnWndProc: Some(window_procedure),
        cbClsExtra: 0,
        cbWndExtra: 0,
        hInstance: instance,
        hIcon: std::ptr::null_mut(),
        hCursor: std::ptr::null_mut(),
        hbrBackground: std::ptr::null_mut(),
        lpszMenuName: std::ptr::null(),
        lpszClassName: class_name.as_ptr(),
    };
    // SAFETY: `class` and the name it points to outlive the call. Registering the class a second
    // time (a second watcher) fails harmlessly; creating the window below still finds it.
    unsafe { RegisterClassW(&class) };
    let title = wide("Alongside lock watcher");
    // SAFETY: the class and title strings are valid, NUL-terminated and outlive the call; no
    // parent, menu or creation data. The window is never shown (no WS_VISIBLE).
    let window = unsafe {
        CreateWindowExW(
            0,
            class_name.as_ptr(),
            title.as_ptr(),
            0,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        )
    };
    (!window.is_null()).then_some(window)
}

/// Handles every waiting message, then hands what was heard to the callback.
fn pump(on_event: &OnEvent) {
    // SAFETY: MSG is plain data; all zeros is a valid (empty) message.
    let mut message: MSG = unsafe { std::mem::zeroed() };
    // SAFETY: `message` is a valid MSG to fill; a null window takes this thread's messages.
    while unsafe { PeekMessageW(&mut message, std::ptr::null_mut(), 0, 0, PM_REMOVE) } != 0 {
        // SAFETY: `message` was just filled by PeekMessageW.
        unsafe {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
    }
    for event in HEARD.with(|heard| std::mem::take(&mut *heard.borrow_mut())) {
        on_event(event);
    }
}

fn watch(on_event: OnEvent, stop: Arc<AtomicBool>, ready: Sender<bool>) {
    let Some(window) = create_window() else {
        tracing::info!("no lock watcher: Windows would not create its window");
        let _ = ready.send(false);
        return;
    };
    // SAFETY: `window` is this thread's live window.
    let registered = unsafe { WTSRegisterSessionNotification(window, NOTIFY_FOR_THIS_SESSION) };
    if registered == 0 {
        tracing::info!("session notifications refused; only sleep will lock the vault");
    }
    let _ = ready.send(true);
    let poll = u32::try_from(POLL.as_millis()).unwrap_or(250);
    while !stop.load(Ordering::SeqCst) {
        // SAFETY: no handles to wait on; returns when a message arrives or after `poll`.
        unsafe { MsgWaitForMultipleObjects(0, std::ptr::null(), 0, poll, QS_ALLINPUT) };
        pump(&on_event);
    }
    // SAFETY: `window` is still this thread's window; it is not used afterwards.
    unsafe {
        if registered != 0 {
            WTSUnRegisterSessionNotification(window);
        }
        DestroyWindow(window);
    }
}

/// Starts the window's thread.
pub fn spawn(on_event: OnEvent, stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<()>> {
    crate::spawn_listening("os-lock-window", move |ready| watch(on_event, stop, ready))
        .into_iter()
        .collect()
}
