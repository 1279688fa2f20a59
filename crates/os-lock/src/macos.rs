//! macOS: observers on the distributed notification centre (`com.apple.screenIsLocked`) and on
//! the workspace's centre (about to sleep; another user took the screen). Their blocks run on the
//! main queue, which the app's own run loop serves, and only pass the event to this module's
//! thread, which hands it to the callback — so a slow lock never holds up the main thread.
#![allow(unsafe_code)]

use std::ptr::NonNull;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::Arc;

use block2::RcBlock;
use objc2::rc::Retained;
use objc2::runtime::ProtocolObject;
use objc2_app_kit::{
    NSWorkspace, NSWorkspaceSessionDidResignActiveNotification, NSWorkspaceWillSleepNotification,
};
use objc2_foundation::{
    NSDistributedNotificationCenter, NSNotification, NSNotificationCenter, NSObjectProtocol,
    NSOperationQueue, NSString,
};

use crate::meaning;
use crate::{OnEvent, SystemEvent, POLL};

type Observer = Retained<ProtocolObject<dyn NSObjectProtocol>>;

/// Adds an observer for `name` on `center` that sends what the notification means to `heard`.
fn observe(center: &NSNotificationCenter, name: &NSString, heard: Sender<SystemEvent>) -> Observer {
    let block = RcBlock::new(move |notification: NonNull<NSNotification>| {
        // SAFETY: the centre passes a live notification for as long as the block runs.
        let name = unsafe { notification.as_ref() }.name().to_string();
        match meaning::macos_notification(&name) {
            Some(event) => {
                let _ = heard.send(event);
            }
            None => tracing::debug!("a notification that does not lock the vault"),
        }
    });
    let main_queue = NSOperationQueue::mainQueue();
    // SAFETY: the name, queue and block are live objects; the centre copies the block, and the
    // returned observer is removed (below) before this thread ends.
    unsafe {
        center.addObserverForName_object_queue_usingBlock(
            Some(name),
            None,
            Some(&main_queue),
            &block,
        )
    }
}

fn watch(on_event: OnEvent, stop: Arc<AtomicBool>, ready: Sender<bool>) {
    let (heard, events) = mpsc::channel();
    let distributed: Retained<NSNotificationCenter> =
        Retained::into_super(NSDistributedNotificationCenter::defaultCenter());
    let workspace = NSWorkspace::sharedWorkspace().notificationCenter();
    let screen_locked = NSString::from_str(meaning::MACOS_SCREEN_LOCKED);
    // SAFETY: AppKit's notification names are immutable statics, valid for the program's life.
    let (will_sleep, resigned) = unsafe {
        (
            NSWorkspaceWillSleepNotification,
            NSWorkspaceSessionDidResignActiveNotification,
        )
    };
    let observers = [
        (
            distributed.clone(),
            observe(&distributed, &screen_locked, heard.clone()),
        ),
        (
            workspace.clone(),
            observe(&workspace, will_sleep, heard.clone()),
        ),
        (workspace.clone(), observe(&workspace, resigned, heard)),
    ];
    let _ = ready.send(true);
    while !stop.load(Ordering::SeqCst) {
        if let Ok(event) = events.recv_timeout(POLL) {
            on_event(event);
        }
    }
    for (center, observer) in observers {
        // SAFETY: `observer` was returned by this centre's addObserver… and is removed once.
        unsafe { center.removeObserver(observer.as_ref()) };
    }
}

/// Starts the observers' thread.
pub fn spawn(on_event: OnEvent, stop: Arc<AtomicBool>) -> Vec<std::thread::JoinHandle<()>> {
    crate::spawn_listening("os-lock-notices", move |ready| watch(on_event, stop, ready))
        .into_iter()
        .collect()
}
