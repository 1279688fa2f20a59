//! Alongside's core: domain rules, the encrypted vault and its storage.
//!
//! Every rule of the product lives here. The Tauri shell and the `alongside` command line are thin
//! callers of these functions; neither holds business logic of its own.

pub mod app_info;
pub mod atomic_file;
pub mod backup;
pub mod clock;
pub mod drafts;
pub mod error;
pub mod exchange;
pub mod folder_lock;
pub mod hardening;
pub mod logging;
pub mod paths;
pub mod records;
pub mod vault;
pub mod words;

pub use app_info::AppInfo;
pub use error::{ApiError, CoreError, CoreResult, ErrorCode};

/// The database pool type, re-exported so callers need no direct sqlx dependency.
pub use sqlx::SqlitePool;
