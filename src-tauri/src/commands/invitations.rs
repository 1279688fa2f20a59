//! Meetings and calendars: a new meeting filled from an invitation (`.ics` from Outlook, Teams
//! or Google), chosen in the system's dialog or dropped on the window, and "Add to my calendar"
//! (a meeting saved as an `.ics` file). Nothing is written to the records until the person
//! saves the meeting with its project.

use std::path::Path;

use alongside_core::atomic_file::write_atomic;
use alongside_core::records::invitation::{self, Invitation, MAX_ICS_BYTES};
use alongside_core::records::{store, Meeting, Project};
use alongside_core::CoreError;
use tauri::{AppHandle, Runtime, State};

use super::{require_unlocked, CmdResult};
use crate::file_dialogs::{open_from, save_to, Ask};
use crate::state::AppState;

const CALENDAR_FILES: Ask<'static> = Ask {
    title: "Choose the invitation",
    filter: "Calendar invitation",
    extensions: &["ics"],
};

fn read(path: &Path) -> CmdResult<Invitation> {
    let unreadable = || CoreError::invalid("file", "That file could not be read.");
    let size = std::fs::metadata(path).map_err(|_| unreadable())?.len();
    if usize::try_from(size).map_or(true, |s| s > MAX_ICS_BYTES) {
        return Err(
            CoreError::invalid("file", "This file is far larger than an invitation.").into(),
        );
    }
    let bytes = std::fs::read(path).map_err(|_| unreadable())?;
    Ok(invitation::read(&bytes)?)
}

/// Asks for an invitation file and reads the meeting it describes; nothing is written. `None`
/// when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn invitation_choose<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CmdResult<Option<Invitation>> {
    require_unlocked(&state).await?;
    let Some(path) = open_from(&app, &CALENDAR_FILES)? else {
        return Ok(None);
    };
    read(&path).map(Some)
}

/// An invitation dropped on the window (or given to the app), read; `None` when none waits.
#[tauri::command]
#[specta::specta]
pub async fn invitation_pending(state: State<'_, AppState>) -> CmdResult<Option<Invitation>> {
    require_unlocked(&state).await?;
    let Some(path) = state
        .arrived_invitation
        .lock()
        .ok()
        .and_then(|mut a| a.take())
    else {
        return Ok(None);
    };
    read(&path).map(Some)
}

/// "Add to my calendar": asks where to save the meeting as an `.ics` file and writes it; the
/// file's name, or `None` when the dialog was closed.
#[tauri::command]
#[specta::specta]
pub async fn meeting_calendar_save<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: i64,
) -> CmdResult<Option<String>> {
    let pool = require_unlocked(&state).await?;
    let meeting = store::get::<Meeting>(&pool, id).await?;
    let project = store::get::<Project>(&pool, meeting.data.project_id).await?;
    let ics = invitation::write(&meeting.data, &project.data.title, &meeting.uid)?;
    let ask = Ask {
        title: "Save the meeting for your calendar",
        filter: "Calendar file",
        extensions: &["ics"],
    };
    let name =
        format!("{} {}.ics", meeting.data.date, meeting.data.title).replace(['/', '\\', ':'], "-");
    let Some(path) = save_to(&app, &ask, name)? else {
        return Ok(None);
    };
    state.vault.paths().refuse_as_output(&path)?;
    write_atomic(&path, ics.as_bytes()).map_err(|e| {
        CoreError::invalid("out", format!("The calendar file could not be saved: {e}."))
    })?;
    Ok(path.file_name().map(|n| n.to_string_lossy().into_owned()))
}
