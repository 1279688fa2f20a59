//! Notices the app shows once, after an upgrade changed something people should know about, and
//! never again once dismissed. The upgrade that needs one marks it pending in the settings.

use serde::{Deserialize, Serialize};
use specta::Type;
use sqlx::SqlitePool;

use crate::error::CoreResult;
use crate::vault::settings;

/// A one-time notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// Meeting notes written before the lead side are now "my private notes".
    NotesBecamePrivate,
}

impl NoticeKind {
    /// Every notice.
    pub const ALL: [NoticeKind; 1] = [NoticeKind::NotesBecamePrivate];

    fn key(self) -> &'static str {
        match self {
            NoticeKind::NotesBecamePrivate => "notice:notes_became_private",
        }
    }
}

/// A notice to show, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
pub struct Notice {
    /// Which notice (to dismiss it).
    pub kind: NoticeKind,
    /// The sentence to show.
    pub text: String,
}

fn text(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::NotesBecamePrivate => {
            "Your earlier meeting notes are now \"My private notes\": they stay in Alongside and \
             never go into a report or a shared file. Anything meant for the shared record can \
             be moved to \"Notes for the record\" on each meeting."
        }
    }
}

/// The notices waiting to be shown.
pub async fn pending(pool: &SqlitePool) -> CoreResult<Vec<Notice>> {
    let mut out = Vec::new();
    for kind in NoticeKind::ALL {
        if settings::get_raw(pool, kind.key()).await?.as_deref() == Some("\"pending\"") {
            out.push(Notice {
                kind,
                text: text(kind).to_owned(),
            });
        }
    }
    Ok(out)
}

/// Marks a notice as seen: it is not shown again.
pub async fn dismiss(pool: &SqlitePool, kind: NoticeKind) -> CoreResult<()> {
    settings::put_raw(pool, kind.key(), "\"seen\"").await
}
