//! A person as a lead sees them: their page (sessions and register, consents, voices, actions,
//! payments, the exports that held their words) and merging two records of the same person.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqlitePool};

use super::choices::{AttendanceStatus, PersonRole};
use super::export_log::{self, ExportLogEntry};
use super::list::{Arg, Where};
use super::{store, Action, Consent, Payment, Person, Stored, Voice};
use crate::error::{CoreError, CoreResult};

/// One session on a person's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PersonSession {
    /// The meeting.
    pub meeting_id: i64,
    /// Its title.
    pub title: String,
    /// Its day.
    pub date: String,
    /// The project's title.
    pub project: String,
    /// The role they came in.
    pub role: PersonRole,
    /// Their place in the register.
    pub status: AttendanceStatus,
}

/// Everything about one person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct PersonPage {
    /// The person.
    pub person: Stored<Person>,
    /// The sessions they are in the register of, newest first.
    pub sessions: Vec<PersonSession>,
    /// Their consent entries.
    pub consents: Vec<Stored<Consent>>,
    /// Their words (here, in the app, whatever consent says; outputs follow consent).
    pub voices: Vec<Stored<Voice>>,
    /// Actions they own.
    pub actions: Vec<Stored<Action>>,
    /// What they were paid, or are owed, per session (newest first).
    pub payments: Vec<Stored<Payment>>,
    /// Earlier exports that held their words.
    pub exports: Vec<ExportLogEntry>,
}

fn of_person(column: &str, id: i64) -> Where {
    let mut filter = Where::default();
    filter.push("deleted_at IS NULL", []);
    filter.push(format!("{column} = ?"), [Arg::Int(id)]);
    filter
}

/// The person's page.
pub async fn page(pool: &SqlitePool, person_id: i64) -> CoreResult<PersonPage> {
    let person = store::get::<Person>(pool, person_id).await?;
    let rows = sqlx::query(
        "SELECT m.id, m.title, m.date, p.title AS project, a.role, a.status
         FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
         JOIN projects p ON p.id = m.project_id
         WHERE a.person_id = ? AND m.deleted_at IS NULL ORDER BY m.date DESC, m.id DESC",
    )
    .bind(person_id)
    .fetch_all(pool)
    .await?;
    let sessions = rows
        .iter()
        .map(|r| {
            Ok(PersonSession {
                meeting_id: r.try_get("id")?,
                title: r.try_get("title")?,
                date: r.try_get("date")?,
                project: r.try_get("project")?,
                role: PersonRole::from_stored(r.try_get("role")?)?,
                status: AttendanceStatus::from_stored(r.try_get("status")?)?,
            })
        })
        .collect::<CoreResult<Vec<_>>>()?;
    let mut conn = pool.acquire().await?;
    let consents = store::matching(
        &mut conn,
        &of_person("person_id", person_id),
        "given_on DESC, id",
    )
    .await?;
    let voices = store::matching(&mut conn, &of_person("person_id", person_id), "id DESC").await?;
    let actions =
        store::matching(&mut conn, &of_person("owner_id", person_id), "due_date, id").await?;
    let payments =
        store::matching(&mut conn, &of_person("person_id", person_id), "id DESC").await?;
    drop(conn);
    Ok(PersonPage {
        person,
        sessions,
        consents,
        voices,
        actions,
        payments,
        exports: export_log::with_words_of(pool, person_id).await?,
    })
}

/// What a merge moved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Merged {
    /// The person kept.
    pub kept: i64,
    /// Register lines, consent entries, voices, actions, payment lines, feedback dates and
    /// project leads moved.
    pub moved: i64,
}

/// Merges `duplicate` into `keep`: every register line, consent entry, voice, action, payment
/// line (both kept where each has one for a session: money is never lost), feedback date,
/// project lead, sharing identity (when `keep` has none) and file sent or received moves to
/// `keep`; roles and access needs are combined, empty fields are
/// filled from the duplicate and its notes are added. Where both have consent for the same
/// session the stricter answer of each kind stands (nothing is allowed that either refused).
/// Then the duplicate is deleted (with undo, like any delete). One transaction.
pub async fn merge(pool: &SqlitePool, keep: i64, duplicate: i64) -> CoreResult<Merged> {
    if keep == duplicate {
        return Err(CoreError::invalid(
            "duplicate",
            "Choose two different people to merge.",
        ));
    }
    let kept = store::get::<Person>(pool, keep).await?;
    let dup = store::get::<Person>(pool, duplicate).await?;
    let mut data = kept.data.clone();
    for role in &dup.data.roles {
        if !data.roles.contains(role) {
            data.roles.push(*role);
        }
    }
    for need in &dup.data.access_needs {
        if !data.access_needs.contains(need) {
            data.access_needs.push(*need);
        }
    }
    for (mine, theirs) in [
        (&mut data.preferred_name, &dup.data.preferred_name),
        (&mut data.pronouns, &dup.data.pronouns),
        (&mut data.organisation, &dup.data.organisation),
        (&mut data.contact, &dup.data.contact),
        (&mut data.access_other, &dup.data.access_other),
    ] {
        if mine.trim().is_empty() {
            mine.clone_from(theirs);
        }
    }
    data.payment_preference = data.payment_preference.or(dup.data.payment_preference);
    data.keep_until = match (data.keep_until.take(), dup.data.keep_until.clone()) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if !dup.data.notes.trim().is_empty() {
        data.notes = [data.notes.trim(), dup.data.notes.trim()]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n");
    }
    super::Record::validate(&data)?;

    let mut tx = store::write_tx(pool).await?;
    let mut moved = 0i64;
    let mut run = |n: u64| moved += i64::try_from(n).unwrap_or(i64::MAX);
    // Consent for a session both have: the stricter answer of each kind, on the kept entry.
    sqlx::query(
        "UPDATE consents AS k SET
            quote = k.quote AND d.quote, named = k.named AND d.named,
            photo = k.photo AND d.photo, audio = k.audio AND d.audio,
            withdrawn_on = CASE WHEN k.withdrawn_on IS NULL THEN d.withdrawn_on
                                WHEN d.withdrawn_on IS NULL THEN k.withdrawn_on
                                ELSE min(k.withdrawn_on, d.withdrawn_on) END,
            updated_at = ?3
         FROM consents AS d
         WHERE k.person_id = ?1 AND d.person_id = ?2 AND k.meeting_id = d.meeting_id
           AND k.deleted_at IS NULL AND d.deleted_at IS NULL",
    )
    .bind(keep)
    .bind(duplicate)
    .bind(store::now_stamp())
    .execute(&mut *tx)
    .await?;
    let statements = [
        "DELETE FROM consents WHERE person_id = ?2 AND deleted_at IS NULL AND meeting_id IN
            (SELECT meeting_id FROM consents WHERE person_id = ?1 AND deleted_at IS NULL)",
        "UPDATE consents SET person_id = ?1 WHERE person_id = ?2",
        "DELETE FROM meeting_attendees WHERE person_id = ?2 AND meeting_id IN
            (SELECT meeting_id FROM meeting_attendees WHERE person_id = ?1)",
        "UPDATE meeting_attendees SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE voices SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE actions SET owner_id = ?1 WHERE owner_id = ?2",
        "UPDATE payments SET person_id = ?1 WHERE person_id = ?2",
        "DELETE FROM feedback_returns WHERE person_id = ?2 AND item_id IN
            (SELECT item_id FROM feedback_returns WHERE person_id = ?1)",
        "UPDATE feedback_returns SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE projects SET lead_id = ?1 WHERE lead_id = ?2",
        // Exchange: a sharing identity moves when the kept person has none (one per person),
        // and the files received from or sent to them follow.
        "UPDATE contacts SET person_id = ?1 WHERE person_id = ?2
            AND NOT EXISTS (SELECT 1 FROM contacts WHERE person_id = ?1)",
        "UPDATE received SET person_id = ?1 WHERE person_id = ?2",
        "DELETE FROM sent_to WHERE person_id = ?2 AND sent_id IN
            (SELECT sent_id FROM sent_to WHERE person_id = ?1)",
        "UPDATE sent_to SET person_id = ?1 WHERE person_id = ?2",
        "UPDATE export_log SET quoted_person_ids = (SELECT json_group_array(DISTINCT
            CASE WHEN value = ?2 THEN ?1 ELSE value END) FROM json_each(quoted_person_ids))
         WHERE EXISTS (SELECT 1 FROM json_each(quoted_person_ids) WHERE value = ?2)",
    ];
    for sql in statements {
        let done = sqlx::query(sql)
            .bind(keep)
            .bind(duplicate)
            .execute(&mut *tx)
            .await?;
        run(done.rows_affected());
    }
    let sql = format!(
        "UPDATE people SET {}, updated_at = ? WHERE id = ?",
        <Person as super::Columns>::columns()
            .iter()
            .map(|c| format!("{c} = ?"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    super::Columns::bind(&data, sqlx::query(&sql))
        .bind(store::now_stamp())
        .bind(keep)
        .execute(&mut *tx)
        .await?;
    sqlx::query("UPDATE people SET deleted_at = ? WHERE id = ?")
        .bind(store::now_stamp())
        .bind(duplicate)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Merged { kept: keep, moved })
}
