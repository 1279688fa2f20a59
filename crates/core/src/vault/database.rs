//! Opening the SQLCipher database with a raw key, the per-connection pragmas, integrity checks
//! and migrations with an encrypted copy made first.

use std::str::FromStr;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Connection};

use crate::error::{CoreError, CoreResult};
use crate::paths::VaultPaths;
use crate::vault::key::DataKey;

/// The migrations that define the vault's schema.
pub static MIGRATOR: Migrator = sqlx::migrate!("./migrations");

/// How long a connection waits for another writer (the app and the CLI may both be open).
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The per-connection settings (docs/architecture.md, "Storage"), without a key (benchmarks use this alone for the
/// plain-SQLite side of the cipher ratio).
pub fn base_options(path: &std::path::Path, create: bool) -> CoreResult<SqliteConnectOptions> {
    openssl_without_exit_cleanup();
    let url = format!("sqlite://{}", path.display());
    let opts = SqliteConnectOptions::from_str(&url)
        .map_err(|e| CoreError::Internal(format!("Bad database path: {e}")))?
        .filename(path)
        .create_if_missing(create)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(BUSY_TIMEOUT)
        .pragma("temp_store", "MEMORY")
        .pragma("cache_size", "-65536")
        // Deleted records are overwritten, not left in free pages.
        .pragma("secure_delete", "ON")
        .disable_statement_logging();
    Ok(opts)
}

/// Starts OpenSSL (SQLCipher's cipher library) without its clean-up at process exit, before
/// any connection uses it. SQLCipher closes each connection on its own thread; if the process
/// ends while one is still closing, OpenSSL's exit handler frees its tables under that thread
/// and the process dies with heap corruption. The operating system frees everything at exit
/// anyway. Safe to call any number of times (the first call does the work).
pub fn openssl_without_exit_cleanup() {
    openssl_sys::init();
}

/// Connection options for the vault database. The options hold the key: never log them.
pub(crate) fn connect_options(
    paths: &VaultPaths,
    key: &DataKey,
    create: bool,
) -> CoreResult<SqliteConnectOptions> {
    // sqlx keeps `key` first among the pragmas, as SQLCipher requires. The literal is built in
    // a buffer wiped on drop; sqlx keeps its own copy for as long as the pool lives.
    let literal = key.sqlcipher_literal();
    Ok(base_options(&paths.database(), create)?.pragma("key", String::from(literal.as_str())))
}

/// Opens a pool on the database with `key`. A wrong key fails here, before anything is written.
pub async fn open_pool(paths: &VaultPaths, key: &DataKey, create: bool) -> CoreResult<SqlitePool> {
    let opts = connect_options(paths, key, create)?;
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .min_connections(0)
        .connect_with(opts)
        .await
        .map_err(map_open_error)?;
    // Reading the schema proves the key is right (a wrong key reads as "not a database").
    sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sqlite_master")
        .fetch_one(&pool)
        .await
        .map_err(map_open_error)?;
    Ok(pool)
}

fn map_open_error(err: sqlx::Error) -> CoreError {
    let text = err.to_string();
    if text.contains("not a database") || text.contains("file is encrypted") {
        CoreError::Damaged(
            "The vault's database could not be read with its key: the key file and the database \
             do not belong together, or the database is damaged. Nothing has been changed."
                .into(),
        )
    } else {
        CoreError::Database(err)
    }
}

/// The newest migration version applied to the database, or `None` for a fresh database.
pub async fn applied_version(pool: &SqlitePool) -> CoreResult<Option<i64>> {
    let has_table: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(pool)
    .await?;
    if has_table == 0 {
        return Ok(None);
    }
    let v: Option<i64> =
        sqlx::query_scalar("SELECT max(version) FROM _sqlx_migrations WHERE success = 1")
            .fetch_one(pool)
            .await?;
    Ok(v)
}

/// What a migration run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationReport {
    /// Schema version before.
    pub from: Option<i64>,
    /// Schema version after.
    pub to: Option<i64>,
    /// Whether an encrypted copy was made first (and removed after success).
    pub copy_made: bool,
}

/// Brings the schema up to date. On an existing vault with pending migrations, first makes an
/// encrypted copy (`VACUUM INTO` on the keyed connection), removed only once all migrations ran.
pub async fn migrate(
    pool: &SqlitePool,
    paths: &VaultPaths,
    migrator: &Migrator,
) -> CoreResult<MigrationReport> {
    let from = applied_version(pool).await?;
    let latest = migrator.iter().map(|m| m.version).max();
    let pending = match (from, latest) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(f), Some(l)) => f < l,
    };
    let mut copy = None;
    if pending {
        if let Some(from_version) = from {
            let path = paths.pre_migration_copy(from_version);
            if path.exists() {
                std::fs::remove_file(&path)?;
            }
            encrypted_copy(pool, &path).await?;
            copy = Some(path);
        }
    }
    migrator.run(pool).await?;
    let copy_made = copy.is_some();
    if let Some(path) = copy {
        std::fs::remove_file(path)?;
    }
    Ok(MigrationReport {
        from,
        to: applied_version(pool).await?,
        copy_made,
    })
}

/// Writes a consistent, encrypted (same key) copy of the database to `dest`.
pub async fn encrypted_copy(pool: &SqlitePool, dest: &std::path::Path) -> CoreResult<()> {
    let dest = dest
        .to_str()
        .ok_or_else(|| CoreError::Internal("The data folder's path is not valid text.".into()))?;
    sqlx::query("VACUUM INTO ?")
        .bind(dest)
        .execute(pool)
        .await?;
    Ok(())
}

/// Results of SQLite's and SQLCipher's own integrity checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntegrityReport {
    /// Rows of `PRAGMA integrity_check` ("ok" alone when healthy).
    pub integrity: Vec<String>,
    /// Rows of `PRAGMA cipher_integrity_check` (empty when healthy).
    pub cipher: Vec<String>,
}

impl IntegrityReport {
    /// Whether both checks passed.
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"] && self.cipher.is_empty()
    }
}

/// Runs both integrity checks.
pub async fn integrity(pool: &SqlitePool) -> CoreResult<IntegrityReport> {
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_all(pool)
        .await?;
    let cipher: Vec<String> = sqlx::query_scalar("PRAGMA cipher_integrity_check")
        .fetch_all(pool)
        .await?;
    Ok(IntegrityReport { integrity, cipher })
}

/// Closes every connection of the pool and waits until each is really closed, then moves the
/// WAL into the database on one fresh connection that closes last, so SQLite removes the
/// `-wal` and `-shm` files (unless another process still has the vault open).
pub async fn checkpoint_and_close(
    pool: &SqlitePool,
    paths: &VaultPaths,
    key: &DataKey,
) -> CoreResult<()> {
    pool.close().await;
    // A connection on its way back to the pool closes in its own task; the pool's size drops
    // only once that close has finished, so wait for it (bounded: 10 s; on a loaded machine
    // 2 s was seen to be too short, leaving the journal behind).
    for _ in 0..2_000 {
        if pool.size() == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let mut conn = connect_options(paths, key, false)?
        .connect()
        .await
        .map_err(map_open_error)?;
    let result = sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut conn)
        .await;
    conn.close().await?;
    result?;
    // A connection of this process dropped elsewhere closes on its own thread; while it is open,
    // the journal stays, and it removes it as the last to close. Give it a moment (bounded: 2 s,
    // spent only when the journal is still there, as when another process has the vault open),
    // so a command that ends now does not leave the journal behind.
    let mut wal = paths.database().into_os_string();
    wal.push("-wal");
    let wal = std::path::PathBuf::from(wal);
    for _ in 0..200 {
        if !wal.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    Ok(())
}
