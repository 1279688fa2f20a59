//! Create, read, update, delete with undo, and list — the same for every kind of record.
//! Each call is one transaction: a record and its child rows are written whole or not at all.

use futures_util::TryStreamExt;
use serde::Serialize;
use specta::Type;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::list::{HasListQuery, ListFilter, Page, Sort, Where};
use super::{Record, RecordKind, Stored};
use crate::error::{CoreError, CoreResult};

/// How long a deleted record can be brought back, in seconds.
pub const UNDO_SECONDS: i64 = 10 * 60;

/// Starts a transaction that will write. `BEGIN IMMEDIATE` takes the write lock at once, so
/// when the app and the command line write at the same time one waits (up to the busy timeout)
/// instead of failing with "database is locked" half-way through.
pub async fn write_tx(pool: &SqlitePool) -> CoreResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

/// The current time as stored in `created_at` / `updated_at` / `deleted_at`.
pub fn now_stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

fn select_sql<T: Record>() -> String {
    format!(
        "SELECT id, uid, created_at, updated_at, {} FROM {}",
        T::columns().join(", "),
        T::KIND.table()
    )
}

fn read_record<T: Record>(row: &sqlx::sqlite::SqliteRow) -> CoreResult<Stored<T>> {
    Ok(Stored {
        id: row.try_get("id")?,
        uid: row.try_get("uid")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        data: T::from_row(row)?,
    })
}

/// Refuses references to records that do not exist or were deleted.
pub(crate) async fn check_links<T: Record>(
    conn: &mut SqliteConnection,
    data: &T,
) -> CoreResult<()> {
    for link in data.links() {
        let sql = format!(
            "SELECT count(*) FROM {} WHERE id = ? AND deleted_at IS NULL",
            link.kind.table()
        );
        let found: i64 = sqlx::query_scalar(&sql)
            .bind(link.id)
            .fetch_one(&mut *conn)
            .await?;
        if found == 0 {
            return Err(CoreError::invalid(
                link.field,
                format!("Choose a {} that exists.", link.kind.noun()),
            ));
        }
    }
    Ok(())
}

/// Inserts a validated record with a chosen id, global id and timestamps (used by create,
/// import and demo). `id: None` lets the database choose; `uid: None` makes a new global id.
pub(crate) async fn insert_row<T: Record>(
    conn: &mut SqliteConnection,
    id: Option<i64>,
    uid: Option<&str>,
    created_at: &str,
    updated_at: &str,
    data: &T,
) -> CoreResult<i64> {
    let columns = T::columns().join(", ");
    let marks = vec!["?"; T::columns().len()].join(", ");
    let sql = format!(
        "INSERT INTO {} (id, uid, created_at, updated_at, {columns}) VALUES (?, ?, ?, ?, {marks})",
        T::KIND.table()
    );
    let uid = uid.map_or_else(super::uid::new_uid, str::to_owned);
    let query = sqlx::query(&sql)
        .bind(id)
        .bind(uid)
        .bind(created_at)
        .bind(updated_at);
    let done = data.bind(query).execute(&mut *conn).await?;
    let new_id = done.last_insert_rowid();
    data.save_children(conn, new_id).await?;
    Ok(new_id)
}

/// Reads one live record with its child rows on `conn`.
pub(crate) async fn fetch<T: Record>(
    conn: &mut SqliteConnection,
    id: i64,
) -> CoreResult<Stored<T>> {
    let sql = format!("{} WHERE id = ? AND deleted_at IS NULL", select_sql::<T>());
    let row = sqlx::query(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| not_found(T::KIND))?;
    let mut records = [read_record::<T>(&row)?];
    T::load_children(conn, &mut records).await?;
    let [record] = records;
    Ok(record)
}

fn not_found(kind: RecordKind) -> CoreError {
    CoreError::NotFound(format!(
        "That {} is not in your records any more; it may have been deleted.",
        kind.noun()
    ))
}

/// Validates and saves a new record.
pub async fn create<T: Record>(pool: &SqlitePool, mut data: T) -> CoreResult<Stored<T>> {
    data.normalise();
    data.validate()?;
    let mut tx = write_tx(pool).await?;
    check_links(&mut tx, &data).await?;
    data.check_in_vault(&mut tx, None).await?;
    let now = now_stamp();
    let id = insert_row(&mut tx, None, None, &now, &now, &data).await?;
    let record = fetch::<T>(&mut tx, id).await?;
    tx.commit().await?;
    Ok(record)
}

/// Reads one record with its child rows.
pub async fn get<T: Record>(pool: &SqlitePool, id: i64) -> CoreResult<Stored<T>> {
    let mut conn = pool.acquire().await?;
    fetch::<T>(&mut conn, id).await
}

/// Validates and replaces the fields (and child rows) of an existing record.
pub async fn update<T: Record>(pool: &SqlitePool, id: i64, mut data: T) -> CoreResult<Stored<T>> {
    data.normalise();
    data.validate()?;
    let mut tx = write_tx(pool).await?;
    refuse_received::<T>(&mut tx, id).await?;
    check_links(&mut tx, &data).await?;
    data.check_in_vault(&mut tx, Some(id)).await?;
    if !replace_row(&mut tx, id, &data).await? {
        return Err(not_found(T::KIND));
    }
    let record = fetch::<T>(&mut tx, id).await?;
    tx.commit().await?;
    Ok(record)
}

/// Replaces the stored fields and child rows of live record `id` on `conn`, stamping
/// `updated_at` (callers validate first); `false` when there is no such live record.
pub(crate) async fn replace_row<T: Record>(
    conn: &mut SqliteConnection,
    id: i64,
    data: &T,
) -> CoreResult<bool> {
    let sets = T::columns()
        .iter()
        .map(|c| format!("{c} = ?"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "UPDATE {} SET {sets}, updated_at = ? WHERE id = ? AND deleted_at IS NULL",
        T::KIND.table()
    );
    let done = data
        .bind(sqlx::query(&sql))
        .bind(now_stamp())
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    data.save_children(conn, id).await?;
    Ok(true)
}

/// Refuses to change a record that came in a shared file: it stays as it was sent (the person
/// writes their own notes beside it).
async fn refuse_received<T: Record>(conn: &mut SqliteConnection, id: i64) -> CoreResult<()> {
    if !matches!(
        T::KIND,
        RecordKind::Project | RecordKind::Meeting | RecordKind::Feedback
    ) {
        return Ok(());
    }
    let sql = format!("SELECT received_id FROM {} WHERE id = ?", T::KIND.table());
    let received: Option<Option<i64>> = sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if matches!(received, Some(Some(_))) {
        return Err(CoreError::invalid(
            "received",
            format!(
                "This {} came in a shared file and stays as it was sent; add your own notes \
                 to your contribution or a reflection instead.",
                T::KIND.noun()
            ),
        ));
    }
    Ok(())
}

/// What a delete did, for the undo offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Deleted {
    /// The kind deleted.
    pub kind: RecordKind,
    /// The record deleted.
    pub id: i64,
    /// Records that belonged to it and went with it (meetings and contributions of a project…).
    pub with_it: i64,
    /// Seconds the delete can be undone for.
    pub undo_seconds: i64,
}

/// Deletes a record (and what belongs to it) so that [`restore`] can bring it back for
/// [`UNDO_SECONDS`]; after that [`purge_expired`] removes it for good.
pub async fn delete(pool: &SqlitePool, kind: RecordKind, id: i64) -> CoreResult<Deleted> {
    let stamp = now_stamp();
    let mut tx = write_tx(pool).await?;
    let sql = format!(
        "UPDATE {} SET deleted_at = ?1 WHERE id = ?2 AND deleted_at IS NULL",
        kind.table()
    );
    let done = sqlx::query(&sql)
        .bind(&stamp)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(not_found(kind));
    }
    let mut with_it = 0;
    let mut belonging = Vec::new();
    for (table, condition) in kind.cascade() {
        let sql =
            format!("UPDATE {table} SET deleted_at = ?1 WHERE deleted_at IS NULL AND {condition}");
        let done = sqlx::query(&sql)
            .bind(&stamp)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        with_it += i64::try_from(done.rows_affected()).unwrap_or(i64::MAX);
        belonging.push((*table, done.rows_affected()));
    }
    tx.commit().await?;
    if kind == RecordKind::Person && with_it > 0 {
        // Counts only: never a name or any record text.
        tracing::info!(
            id,
            ?belonging,
            "a person was deleted with their consent entries, words and payment lines (undo \
             possible for a while)"
        );
    }
    Ok(Deleted {
        kind,
        id,
        with_it,
        undo_seconds: UNDO_SECONDS,
    })
}

/// Brings back a deleted record and exactly what was deleted with it.
pub async fn restore(pool: &SqlitePool, kind: RecordKind, id: i64) -> CoreResult<()> {
    let mut tx = write_tx(pool).await?;
    let sql = format!(
        "SELECT deleted_at FROM {} WHERE id = ? AND deleted_at IS NOT NULL",
        kind.table()
    );
    let stamp: String = sqlx::query_scalar(&sql)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            CoreError::NotFound(format!(
                "That {} cannot be brought back: it was not deleted, or the time to undo has \
                 passed.",
                kind.noun()
            ))
        })?;
    for (table, condition) in kind.cascade() {
        let sql =
            format!("UPDATE {table} SET deleted_at = NULL WHERE deleted_at = ?1 AND {condition}");
        sqlx::query(&sql)
            .bind(&stamp)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let sql = format!("UPDATE {} SET deleted_at = NULL WHERE id = ?", kind.table());
    sqlx::query(&sql).bind(id).execute(&mut *tx).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes for good every record deleted more than [`UNDO_SECONDS`] before `now`.
/// Returns how many rows went.
pub async fn purge_expired(
    pool: &SqlitePool,
    now: chrono::DateTime<chrono::Utc>,
) -> CoreResult<u64> {
    let cutoff = (now - chrono::Duration::seconds(UNDO_SECONDS))
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true);
    let mut tx = write_tx(pool).await?;
    // Detached files first; files of purged records go with them (ON DELETE CASCADE).
    let mut removed =
        sqlx::query("DELETE FROM attachments WHERE deleted_at IS NOT NULL AND deleted_at < ?")
            .bind(&cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    // Children before parents, so cascades never meet a half-deleted parent.
    for kind in [
        RecordKind::Payment,
        RecordKind::Feedback,
        RecordKind::Voice,
        RecordKind::Consent,
        RecordKind::Action,
        RecordKind::Reflection,
        RecordKind::Contribution,
        RecordKind::Meeting,
        RecordKind::Project,
        RecordKind::Person,
    ] {
        let sql = format!(
            "DELETE FROM {} WHERE deleted_at IS NOT NULL AND deleted_at < ?",
            kind.table()
        );
        removed += sqlx::query(&sql)
            .bind(&cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    }
    tx.commit().await?;
    Ok(removed)
}

/// One page of records of kind `T` matching `query`.
pub async fn list<T: Record>(pool: &SqlitePool, asked: &T::Query) -> CoreResult<Page<Stored<T>>> {
    let query = asked.common();
    let limit = query.limit()?;
    let offset = query.offset.unwrap_or(0);
    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    query.date_range(T::DATE_COLUMN, &mut filter)?;
    asked.add_to(&mut filter);
    let (column, natural_desc) = match (query.sort, T::DATE_COLUMN) {
        (Some(Sort::Title), _) | (None, None) => (T::TITLE_COLUMN, false),
        (Some(Sort::Updated), _) => ("updated_at", true),
        (Some(Sort::Date), Some(date)) | (None, Some(date)) => (date, true),
        (Some(Sort::Date), None) => ("created_at", true),
    };
    let desc = query.descending.unwrap_or(natural_desc);
    let direction = if desc { "DESC" } else { "ASC" };
    let collate = if column == T::TITLE_COLUMN {
        " COLLATE NOCASE"
    } else {
        ""
    };
    let sql = format!(
        "{} WHERE {} ORDER BY {column}{collate} {direction}, id {direction} LIMIT ? OFFSET ?",
        select_sql::<T>(),
        filter.sql()
    );
    let q = filter.bind(sqlx::query(&sql));
    let mut conn = pool.acquire().await?;
    let rows = q
        .bind(i64::from(limit) + 1)
        .bind(i64::from(offset))
        .fetch_all(&mut *conn)
        .await?;
    let has_more = rows.len() > limit as usize;
    let mut items = rows
        .iter()
        .take(limit as usize)
        .map(read_record::<T>)
        .collect::<CoreResult<Vec<_>>>()?;
    T::load_children(&mut conn, &mut items).await?;
    Ok(Page {
        items,
        offset,
        has_more,
    })
}

/// Ids of a batch of records as a JSON array, for `IN (SELECT value FROM json_each(?))`.
pub(crate) fn id_array<T>(records: &[Stored<T>]) -> String {
    super::to_json(&records.iter().map(|r| r.id).collect::<Vec<_>>())
}

/// Deletes the rows of a child table that belong to record `id` (before writing them again).
pub(crate) async fn clear_children(
    conn: &mut SqliteConnection,
    table: &str,
    owner_column: &str,
    id: i64,
) -> CoreResult<()> {
    sqlx::query(&format!("DELETE FROM {table} WHERE {owner_column} = ?"))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Reads the child rows of a batch of records: `sql` selects them for a JSON array of ids
/// (`... WHERE {owner_column} IN (SELECT value FROM json_each(?)) ORDER BY ...`), and `push`
/// puts each row into the record it belongs to.
pub(crate) async fn load_child_rows<T>(
    conn: &mut SqliteConnection,
    records: &mut [Stored<T>],
    sql: &str,
    owner_column: &str,
    mut push: impl FnMut(&mut T, &sqlx::sqlite::SqliteRow) -> CoreResult<()>,
) -> CoreResult<()> {
    if records.is_empty() {
        return Ok(());
    }
    let rows = sqlx::query(sql)
        .bind(id_array(records))
        .fetch_all(&mut *conn)
        .await?;
    let index = index_by_id(records);
    for row in rows {
        let owner: i64 = row.try_get(owner_column)?;
        if let Some(&i) = index.get(&owner) {
            push(&mut records[i].data, &row)?;
        }
    }
    Ok(())
}

/// Position of each record in a batch, by id.
pub(crate) fn index_by_id<T>(records: &[Stored<T>]) -> std::collections::HashMap<i64, usize> {
    records.iter().enumerate().map(|(i, r)| (r.id, i)).collect()
}

/// Every live record of kind `T`, oldest id first, with child rows.
pub async fn all<T: Record>(conn: &mut SqliteConnection) -> CoreResult<Vec<Stored<T>>> {
    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    matching(conn, &filter, "id").await
}

/// Every record of kind `T` that `filter` lets through, in `order` (SQL), with child rows.
pub async fn matching<T: Record>(
    conn: &mut SqliteConnection,
    filter: &Where,
    order: &str,
) -> CoreResult<Vec<Stored<T>>> {
    let sql = format!(
        "{} WHERE {} ORDER BY {order}",
        select_sql::<T>(),
        filter.sql()
    );
    let q = filter.bind(sqlx::query(&sql));
    // Rows are read one at a time so a large selection never holds raw rows and records at once.
    let mut records = Vec::new();
    {
        let mut rows = q.fetch(&mut *conn);
        while let Some(row) = rows.try_next().await? {
            records.push(read_record::<T>(&row)?);
        }
    }
    for chunk in records.chunks_mut(5_000) {
        T::load_children(conn, chunk).await?;
    }
    Ok(records)
}

/// How many records (deleted or not) the vault holds, of every kind.
pub async fn count_all(conn: &mut SqliteConnection) -> CoreResult<i64> {
    let mut total = 0;
    for kind in RecordKind::ALL {
        let sql = format!("SELECT count(*) FROM {}", kind.table());
        total += sqlx::query_scalar::<_, i64>(&sql)
            .fetch_one(&mut *conn)
            .await?;
    }
    Ok(total)
}

/// How many live records of each kind the vault holds.
pub async fn live_counts(pool: &SqlitePool) -> CoreResult<super::transfer::Counts> {
    let row = sqlx::query(
        "SELECT (SELECT count(*) FROM people WHERE deleted_at IS NULL) AS people,
                (SELECT count(*) FROM projects WHERE deleted_at IS NULL) AS projects,
                (SELECT count(*) FROM meetings WHERE deleted_at IS NULL) AS meetings,
                (SELECT count(*) FROM actions WHERE deleted_at IS NULL) AS actions,
                (SELECT count(*) FROM contributions WHERE deleted_at IS NULL) AS contributions,
                (SELECT count(*) FROM expenses) - (SELECT count(*) FROM expenses e
                 JOIN contributions c ON c.id = e.contribution_id WHERE c.deleted_at IS NOT NULL)
                 AS expenses,
                (SELECT count(*) FROM reflections WHERE deleted_at IS NULL) AS reflections,
                (SELECT count(*) FROM consents WHERE deleted_at IS NULL) AS consents,
                (SELECT count(*) FROM voices WHERE deleted_at IS NULL) AS voices,
                (SELECT count(*) FROM feedback_items WHERE deleted_at IS NULL) AS feedback,
                (SELECT count(*) FROM payments WHERE deleted_at IS NULL) AS payments,
                (SELECT count(*) FROM attachments a WHERE a.deleted_at IS NULL
                 AND (a.contribution_id IN (SELECT id FROM contributions WHERE deleted_at IS NULL)
                   OR a.meeting_id IN (SELECT id FROM meetings WHERE deleted_at IS NULL)
                   OR a.reflection_id IN (SELECT id FROM reflections WHERE deleted_at IS NULL)))
                 AS attachments",
    )
    .fetch_one(pool)
    .await?;
    let get = |name: &str| -> CoreResult<u32> {
        let n: i64 = row.try_get(name)?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    };
    Ok(super::transfer::Counts {
        people: get("people")?,
        projects: get("projects")?,
        meetings: get("meetings")?,
        actions: get("actions")?,
        contributions: get("contributions")?,
        expenses: get("expenses")?,
        reflections: get("reflections")?,
        consents: get("consents")?,
        voices: get("voices")?,
        feedback: get("feedback")?,
        payments: get("payments")?,
        attachments: get("attachments")?,
    })
}
