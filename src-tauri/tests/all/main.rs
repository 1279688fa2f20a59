//! The app shell's integration tests, as one test binary: the commands over the real IPC layer
//! (Tauri's mock runtime, real core, real SQLCipher vault), hostile IPC input, the security
//! settings of the window, and the drift check of the generated TypeScript bindings.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

mod bindings;
mod hostile_ipc;
mod ipc;
mod os_lock;
mod read_aloud;
mod security;
mod support;
