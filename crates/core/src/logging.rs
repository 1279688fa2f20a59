//! Logging for the app and the command line: to standard error, filtered by `ALONGSIDE_LOG`.
//! Nothing secret or personal is ever logged (docs/architecture.md); sqlx statement logging is off.

/// Environment variable with a `tracing` filter, e.g. `debug` or `alongside_core=trace`.
pub const LOG_ENV: &str = "ALONGSIDE_LOG";

/// Starts logging with `default_filter` unless `ALONGSIDE_LOG` says otherwise.
pub fn init(default_filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env(LOG_ENV)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
