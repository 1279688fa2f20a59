//! Signals from the operating system that should lock the vault (the `alongside-os-lock` crate,
//! where the platforms' own code lives).

pub use alongside_os_lock::{OnEvent, SystemEvent, Watcher};
