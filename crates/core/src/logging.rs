//! Logging for the app and the command line: to standard error, filtered by `ALONGSIDE_LOG`,
//! and for the app also to a log file a day in the platform's log folder (the last
//! [`KEPT_LOG_FILES`] kept), for support. Nothing secret or personal is ever logged
//! (docs/architecture.md); sqlx statement logging is off, and other libraries' debug and trace
//! events never reach the file whatever `ALONGSIDE_LOG` says.

use std::path::{Path, PathBuf};

use tracing_subscriber::filter::{filter_fn, EnvFilter, FilterExt};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::Layer;

/// Environment variable with a `tracing` filter, e.g. `debug` or `alongside_core=trace`.
pub const LOG_ENV: &str = "ALONGSIDE_LOG";
/// Environment variable naming the folder for the app's log files instead of the platform's.
pub const LOG_DIR_ENV: &str = "ALONGSIDE_LOG_DIR";
/// How many daily log files are kept (older ones are removed as new days begin).
pub const KEPT_LOG_FILES: usize = 7;

/// Libraries whose debug events carry what people wrote (the speech service's client logs the
/// text it sends to be read aloud): held at info whatever `ALONGSIDE_LOG` asks.
const QUIET_LIBRARIES: [&str; 1] = ["ssip_client"];

fn filter(default_filter: &str) -> EnvFilter {
    let mut filter =
        EnvFilter::try_from_env(LOG_ENV).unwrap_or_else(|_| EnvFilter::new(default_filter));
    for library in QUIET_LIBRARIES {
        if let Ok(directive) = format!("{library}=info").parse() {
            filter = filter.add_directive(directive);
        }
    }
    filter
}

/// Starts logging to standard error with `default_filter` unless `ALONGSIDE_LOG` says otherwise.
pub fn init(default_filter: &str) {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter(default_filter))
        .with_writer(std::io::stderr)
        .try_init();
}

/// The folder for the app's log files: `ALONGSIDE_LOG_DIR`, else the platform's place for
/// logs (`~/.local/state/alongside/logs` on Linux, `~/Library/Logs/Alongside` on macOS,
/// `%LOCALAPPDATA%\Alongside\logs` on Windows).
pub fn log_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(LOG_DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(target_os = "macos") {
        return dirs::home_dir().map(|h| h.join("Library").join("Logs").join("Alongside"));
    }
    if cfg!(windows) {
        return dirs::data_local_dir().map(|d| d.join("Alongside").join("logs"));
    }
    dirs::state_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local").join("state")))
        .map(|d| d.join("alongside").join("logs"))
}

/// Makes the log folder (and its parents), readable by its owner alone.
pub fn make_log_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Starts logging to standard error and to a daily file in `folder` (both with
/// `default_filter` unless `ALONGSIDE_LOG` says otherwise). When the folder cannot be made,
/// logs go to standard error alone and the reason is logged.
pub fn init_with_file(default_filter: &str, folder: &Path) {
    let appender = make_log_dir(folder).map_err(|e| e.kind()).and_then(|()| {
        tracing_appender::rolling::Builder::new()
            .rotation(tracing_appender::rolling::Rotation::DAILY)
            .filename_prefix("alongside")
            .filename_suffix("log")
            .max_log_files(KEPT_LOG_FILES)
            .build(folder)
            .map_err(|_| std::io::ErrorKind::Other)
    });
    let stderr = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter(default_filter));
    let (file, problem) = match appender {
        Ok(appender) => {
            // Only Alongside's own debug and trace events; other libraries' at info and above.
            let ours_or_info = filter_fn(|meta| {
                meta.target().starts_with("alongside") || *meta.level() <= tracing::Level::INFO
            });
            let layer = tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(appender)
                .with_filter(filter(default_filter).and(ours_or_info));
            (Some(layer), None)
        }
        Err(kind) => (None, Some(kind)),
    };
    let _ = tracing_subscriber::registry()
        .with(stderr)
        .with(file)
        .try_init();
    if let Some(kind) = problem {
        tracing::warn!(
            ?kind,
            "the log folder could not be used; logging to standard error only"
        );
    }
}
