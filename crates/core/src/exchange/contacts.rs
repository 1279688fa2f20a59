//! Contacts: the public identities of people in the vault, with how and when their sharing code
//! was checked. A contact is what a file can be sent to, and what tells a received file's
//! sender apart from an unknown key.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::{Row, SqlitePool};

use super::identity::PublicIdentity;
use crate::error::{CoreError, CoreResult};
use crate::records::choices::{CheckedHow, PersonRole};
use crate::records::people::Person;
use crate::records::store::{self, now_stamp};

/// A person's public identity as kept in this vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Contact {
    /// The person it belongs to.
    pub person_id: i64,
    /// The person's name in this vault.
    pub person_name: String,
    /// Their identity.
    pub identity: PublicIdentity,
    /// Their fingerprint.
    pub fingerprint: String,
    /// Their sharing code.
    pub sharing_code: String,
    /// How the code was checked.
    pub checked_how: CheckedHow,
    /// When (`YYYY-MM-DD`).
    pub checked_on: Option<String>,
}

const SELECT: &str = "SELECT c.person_id, p.name AS person_name, c.name, c.role, c.signing_key,
    c.encryption_key, c.fingerprint, c.checked_how, c.checked_on
    FROM contacts c JOIN people p ON p.id = c.person_id AND p.deleted_at IS NULL";

fn read(row: &sqlx::sqlite::SqliteRow) -> CoreResult<Contact> {
    let fingerprint: String = row.try_get("fingerprint")?;
    let how: String = row.try_get("checked_how")?;
    Ok(Contact {
        person_id: row.try_get("person_id")?,
        person_name: row.try_get("person_name")?,
        identity: PublicIdentity {
            name: row.try_get("name")?,
            role: row.try_get("role")?,
            signing_key: row.try_get("signing_key")?,
            encryption_key: row.try_get("encryption_key")?,
        },
        sharing_code: super::identity::sharing_code_of(&fingerprint),
        fingerprint,
        checked_how: CheckedHow::parse(&how).unwrap_or(CheckedHow::NotChecked),
        checked_on: row.try_get("checked_on")?,
    })
}

/// Every contact, by name.
pub async fn list(pool: &SqlitePool) -> CoreResult<Vec<Contact>> {
    let sql = format!("{SELECT} ORDER BY p.name COLLATE NOCASE");
    let rows = sqlx::query(&sql).fetch_all(pool).await?;
    rows.iter().map(read).collect()
}

/// The contact with this fingerprint, if any.
pub async fn by_fingerprint(pool: &SqlitePool, fingerprint: &str) -> CoreResult<Option<Contact>> {
    let sql = format!("{SELECT} WHERE c.fingerprint = ?");
    let row = sqlx::query(&sql)
        .bind(fingerprint)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(read).transpose()
}

/// The contact of a person, if they have one.
pub async fn of_person(pool: &SqlitePool, person_id: i64) -> CoreResult<Option<Contact>> {
    let sql = format!("{SELECT} WHERE c.person_id = ?");
    let row = sqlx::query(&sql)
        .bind(person_id)
        .fetch_optional(pool)
        .await?;
    row.as_ref().map(read).transpose()
}

/// The live person with exactly this name (any case), if one; an error when several share it.
pub async fn person_named(pool: &SqlitePool, name: &str) -> CoreResult<Option<i64>> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM people WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE",
    )
    .bind(name.trim())
    .fetch_all(pool)
    .await?;
    match ids.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(*one)),
        _ => Err(CoreError::invalid(
            "person",
            format!(
                "More than one person is called \"{}\"; rename one first.",
                name.trim()
            ),
        )),
    }
}

/// The contact of the person with this name, or an error that says what is missing.
pub async fn named(pool: &SqlitePool, name: &str) -> CoreResult<Contact> {
    let person = person_named(pool, name).await?.ok_or_else(|| {
        CoreError::invalid("to", format!("There is no one called \"{}\".", name.trim()))
    })?;
    of_person(pool, person).await?.ok_or_else(|| {
        CoreError::invalid(
            "to",
            format!(
                "You have no sharing identity for {} yet; add theirs as a contact first.",
                name.trim()
            ),
        )
    })
}

/// Keeps `identity` as the contact of `person_id` (replacing one they had), checked as said
/// on `today`. Refused when the identity already belongs to someone else here.
pub async fn add(
    pool: &SqlitePool,
    person_id: i64,
    identity: &PublicIdentity,
    checked: CheckedHow,
    today: &str,
) -> CoreResult<Contact> {
    identity.validate()?;
    let fingerprint = identity.fingerprint();
    if let Some(other) = by_fingerprint(pool, &fingerprint).await? {
        if other.person_id != person_id {
            return Err(CoreError::invalid(
                "identity",
                format!("That identity is already {}'s.", other.person_name),
            ));
        }
    }
    store::get::<Person>(pool, person_id).await?;
    let checked_on = (checked != CheckedHow::NotChecked).then(|| today.to_owned());
    sqlx::query(
        "INSERT INTO contacts (person_id, name, role, signing_key, encryption_key, fingerprint,
            checked_how, checked_on, added_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET name = excluded.name, role = excluded.role,
            signing_key = excluded.signing_key, encryption_key = excluded.encryption_key,
            fingerprint = excluded.fingerprint, checked_how = excluded.checked_how,
            checked_on = excluded.checked_on",
    )
    .bind(person_id)
    .bind(&identity.name)
    .bind(&identity.role)
    .bind(&identity.signing_key)
    .bind(&identity.encryption_key)
    .bind(&fingerprint)
    .bind(checked.as_str())
    .bind(checked_on)
    .bind(now_stamp())
    .execute(pool)
    .await?;
    of_person(pool, person_id)
        .await?
        .ok_or_else(|| CoreError::Internal("contact not saved".into()))
}

/// Adds a contact to the person called `name`, making the person (from the identity's name
/// and role) when no one here has that name.
pub async fn add_for_name(
    pool: &SqlitePool,
    name: &str,
    identity: &PublicIdentity,
    checked: CheckedHow,
    today: &str,
) -> CoreResult<Contact> {
    identity.validate()?;
    let person = match person_named(pool, name).await? {
        Some(id) => id,
        None => {
            let person = Person {
                name: name.trim().to_owned(),
                preferred_name: String::new(),
                pronouns: String::new(),
                roles: role_of(&identity.role).into_iter().collect(),
                organisation: String::new(),
                contact: String::new(),
                access_needs: Vec::new(),
                access_other: String::new(),
                payment_preference: None,
                keep_until: None,
                notes: String::new(),
            };
            store::create(pool, person).await?.id
        }
    };
    add(pool, person, identity, checked, today).await
}

fn role_of(words: &str) -> Option<PersonRole> {
    let words = words.trim().to_lowercase();
    PersonRole::ALL
        .iter()
        .copied()
        .find(|r| r.label().to_lowercase() == words || r.as_str() == words)
}
