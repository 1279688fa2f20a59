//! Read aloud: the window's text spoken by the computer's speech service (see
//! [`crate::read_aloud`]); each step comes back as a [`ReadAloudChanged`] event.

use std::sync::atomic::{AtomicU32, Ordering};

use alongside_core::words::Language;
use alongside_core::{ApiError, ErrorCode};
use tauri::{AppHandle, Runtime, State};

use super::CmdResult;
use crate::events::ReadAloudChanged;
use crate::read_aloud::ReadAloudError;
use crate::state::AppState;

impl From<ReadAloudError> for ApiError {
    fn from(err: ReadAloudError) -> Self {
        let (code, field) = match err {
            ReadAloudError::NoService => (ErrorCode::Io, None),
            ReadAloudError::NoVoice(_) => (ErrorCode::InvalidInput, Some("language".to_owned())),
            ReadAloudError::Refused => (ErrorCode::Internal, None),
            ReadAloudError::NothingReading => (ErrorCode::NotFound, None),
        };
        ApiError {
            code,
            message: err.to_string(),
            field,
        }
    }
}

/// Numbers the readings, so the window can tell a reading's events from the last one's.
static READINGS: AtomicU32 = AtomicU32::new(0);

/// Reads `text` aloud in `language`, stopping any reading before it. Answers the reading's
/// number once the speech service has begun; the reading's steps arrive as events.
#[tauri::command]
#[specta::specta]
pub async fn read_aloud<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    text: String,
    language: Language,
) -> CmdResult<u32> {
    let reading = READINGS.fetch_add(1, Ordering::Relaxed) + 1;
    let reader = state.read_aloud.clone();
    let on_change = Box::new(move |speech| {
        crate::events::send(&app, ReadAloudChanged { reading, speech });
    });
    blocking(move || reader.speak(&text, language, on_change)).await?;
    Ok(reading)
}

/// Pauses the reading.
#[tauri::command]
#[specta::specta]
pub async fn read_aloud_pause(state: State<'_, AppState>) -> CmdResult<()> {
    let reader = state.read_aloud.clone();
    blocking(move || reader.pause()).await
}

/// Carries on a paused reading.
#[tauri::command]
#[specta::specta]
pub async fn read_aloud_resume(state: State<'_, AppState>) -> CmdResult<()> {
    let reader = state.read_aloud.clone();
    blocking(move || reader.resume()).await
}

/// Stops the reading (stopping when nothing is read is not an error).
#[tauri::command]
#[specta::specta]
pub async fn read_aloud_stop(state: State<'_, AppState>) -> CmdResult<()> {
    let reader = state.read_aloud.clone();
    blocking(move || match reader.stop() {
        Err(ReadAloudError::NothingReading) => Ok(()),
        other => other,
    })
    .await
}

/// Runs a talk with the speech service off the async threads (it waits on a socket).
async fn blocking(
    work: impl FnOnce() -> Result<(), ReadAloudError> + Send + 'static,
) -> CmdResult<()> {
    match tokio::task::spawn_blocking(work).await {
        Ok(answer) => Ok(answer?),
        Err(_) => Err(ReadAloudError::Refused.into()),
    }
}
