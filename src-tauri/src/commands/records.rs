//! The record commands: create, update, read and list each kind, delete with undo, the
//! dashboard, search, preferences and the fixed choices. Each is a thin call into the core.

use alongside_core::drafts::{self, Draft};
use alongside_core::records::actions::ActionQuery;
use alongside_core::records::choices::Choices;
use alongside_core::records::consents::ConsentQuery;
use alongside_core::records::contributions::ContributionQuery;
use alongside_core::records::dashboard::{self, Dashboard};
use alongside_core::records::feedback::FeedbackQuery;
use alongside_core::records::list::Page;
use alongside_core::records::meetings::MeetingQuery;
use alongside_core::records::money;
use alongside_core::records::notices::{self, Notice, NoticeKind};
use alongside_core::records::participants::{self, Merged, PersonPage};
use alongside_core::records::payments::{self, PaymentQuery, PaymentRun};
use alongside_core::records::people::PersonQuery;
use alongside_core::records::periods::{self, MoneyPeriods};
use alongside_core::records::preferences::{self, Preferences};
use alongside_core::records::projects::ProjectQuery;
use alongside_core::records::reflections::ReflectionQuery;
use alongside_core::records::search::{self, Privacy, SearchHit};
use alongside_core::records::store::{self, Deleted};
use alongside_core::records::voices::VoiceQuery;
use alongside_core::records::{
    Action, Consent, Contribution, FeedbackItem, Meeting, Payment, Person, Project, RecordKind,
    Reflection, Stored, Voice,
};
use alongside_core::words::Language;
use tauri::State;

use super::{require_unlocked, CmdResult};
use crate::state::AppState;

/// Defines create / update / get / list commands for one kind of record.
macro_rules! kind_commands {
    ($kind:ty, $query:ty, $noun:literal, $create:ident, $update:ident, $get:ident, $list:ident) => {
        #[doc = concat!("Saves a new ", $noun, ".")]
        #[tauri::command]
        #[specta::specta]
        pub async fn $create(state: State<'_, AppState>, data: $kind) -> CmdResult<Stored<$kind>> {
            Ok(store::create(&require_unlocked(&state).await?, data).await?)
        }

        #[doc = concat!("Replaces the fields of a ", $noun, ".")]
        #[tauri::command]
        #[specta::specta]
        pub async fn $update(
            state: State<'_, AppState>,
            id: i64,
            data: $kind,
        ) -> CmdResult<Stored<$kind>> {
            Ok(store::update(&require_unlocked(&state).await?, id, data).await?)
        }

        #[doc = concat!("Reads one ", $noun, ".")]
        #[tauri::command]
        #[specta::specta]
        pub async fn $get(state: State<'_, AppState>, id: i64) -> CmdResult<Stored<$kind>> {
            Ok(store::get(&require_unlocked(&state).await?, id).await?)
        }

        #[doc = concat!("One page of ", $noun, " records.")]
        #[tauri::command]
        #[specta::specta]
        pub async fn $list(
            state: State<'_, AppState>,
            query: $query,
        ) -> CmdResult<Page<Stored<$kind>>> {
            Ok(store::list(&require_unlocked(&state).await?, &query).await?)
        }
    };
}

kind_commands!(
    Person,
    PersonQuery,
    "person",
    person_create,
    person_update,
    person_get,
    person_list
);
kind_commands!(
    Project,
    ProjectQuery,
    "project",
    project_create,
    project_update,
    project_get,
    project_list
);
kind_commands!(
    Meeting,
    MeetingQuery,
    "meeting",
    meeting_create,
    meeting_update,
    meeting_get,
    meeting_list
);
kind_commands!(
    Action,
    ActionQuery,
    "action",
    action_create,
    action_update,
    action_get,
    action_list
);
kind_commands!(
    Contribution,
    ContributionQuery,
    "contribution",
    contribution_create,
    contribution_update,
    contribution_get,
    contribution_list
);
kind_commands!(
    Reflection,
    ReflectionQuery,
    "reflection",
    reflection_create,
    reflection_update,
    reflection_get,
    reflection_list
);

kind_commands!(
    Consent,
    ConsentQuery,
    "consent entry",
    consent_create,
    consent_update,
    consent_get,
    consent_list
);
kind_commands!(
    Voice,
    VoiceQuery,
    "voice",
    voice_create,
    voice_update,
    voice_get,
    voice_list
);
kind_commands!(
    FeedbackItem,
    FeedbackQuery,
    "\"you said, we did\" item",
    feedback_create,
    feedback_update,
    feedback_get,
    feedback_list
);

kind_commands!(
    Payment,
    PaymentQuery,
    "payment line",
    payment_create,
    payment_update,
    payment_get,
    payment_list
);

/// Makes a payment line for everyone the session's register says was there and who has none.
#[tauri::command]
#[specta::specta]
pub async fn payment_run(state: State<'_, AppState>, meeting_id: i64) -> CmdResult<PaymentRun> {
    Ok(payments::run_for_session(&require_unlocked(&state).await?, meeting_id).await?)
}

/// Marks several payment lines paid on one day, all or none; returns how many were marked.
#[tauri::command]
#[specta::specta]
pub async fn payments_mark_paid(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    paid_on: String,
) -> CmdResult<u32> {
    Ok(payments::mark_paid(&require_unlocked(&state).await?, &ids, &paid_on).await?)
}

/// The one-time notices waiting to be shown (after an upgrade changed something).
#[tauri::command]
#[specta::specta]
pub async fn notices_pending(state: State<'_, AppState>) -> CmdResult<Vec<Notice>> {
    Ok(notices::pending(&require_unlocked(&state).await?).await?)
}

/// Marks a one-time notice as seen.
#[tauri::command]
#[specta::specta]
pub async fn notice_dismiss(state: State<'_, AppState>, kind: NoticeKind) -> CmdResult<()> {
    Ok(notices::dismiss(&require_unlocked(&state).await?, kind).await?)
}

/// A person's page: their sessions, consents, words, actions and the exports that held them.
#[tauri::command]
#[specta::specta]
pub async fn person_page(state: State<'_, AppState>, id: i64) -> CmdResult<PersonPage> {
    Ok(participants::page(&require_unlocked(&state).await?, id).await?)
}

/// Merges a duplicate record of a person into the one kept.
#[tauri::command]
#[specta::specta]
pub async fn people_merge(
    state: State<'_, AppState>,
    keep: i64,
    duplicate: i64,
) -> CmdResult<Merged> {
    Ok(participants::merge(&require_unlocked(&state).await?, keep, duplicate).await?)
}

/// Deletes a record (and what belongs to it); it can be brought back for a while.
#[tauri::command]
#[specta::specta]
pub async fn record_delete(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> CmdResult<Deleted> {
    Ok(store::delete(&require_unlocked(&state).await?, kind, id).await?)
}

/// Undoes a delete.
#[tauri::command]
#[specta::specta]
pub async fn record_restore(
    state: State<'_, AppState>,
    kind: RecordKind,
    id: i64,
) -> CmdResult<()> {
    Ok(store::restore(&require_unlocked(&state).await?, kind, id).await?)
}

/// The dashboard's figures for today.
#[tauri::command]
#[specta::specta]
pub async fn dashboard_get(state: State<'_, AppState>) -> CmdResult<Dashboard> {
    let today = alongside_core::clock::local_today();
    Ok(dashboard::dashboard(&require_unlocked(&state).await?, today).await?)
}

/// One project's totals: all its time and money.
#[tauri::command]
#[specta::specta]
pub async fn project_totals(
    state: State<'_, AppState>,
    project_id: i64,
) -> CmdResult<dashboard::ProjectTotals> {
    Ok(dashboard::project_totals(&require_unlocked(&state).await?, project_id).await?)
}

/// Money for this week, monthly period and tax year, against the user's weekly limit.
#[tauri::command]
#[specta::specta]
pub async fn money_periods(state: State<'_, AppState>) -> CmdResult<MoneyPeriods> {
    let today = alongside_core::clock::local_today();
    Ok(periods::money_periods(&require_unlocked(&state).await?, today).await?)
}

/// Searches everything, private reflections included (this is inside the app).
#[tauri::command]
#[specta::specta]
pub async fn search_records(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> CmdResult<Vec<SearchHit>> {
    Ok(search::search(
        &require_unlocked(&state).await?,
        &query,
        limit,
        Privacy::IncludePrivate,
    )
    .await?)
}

/// The user's preferences.
#[tauri::command]
#[specta::specta]
pub async fn preferences_get(state: State<'_, AppState>) -> CmdResult<Preferences> {
    Ok(preferences::load(&require_unlocked(&state).await?).await?)
}

/// Saves the user's preferences.
#[tauri::command]
#[specta::specta]
pub async fn preferences_set(
    state: State<'_, AppState>,
    preferences: Preferences,
) -> CmdResult<Preferences> {
    Ok(preferences::save(&require_unlocked(&state).await?, &preferences).await?)
}

/// The fixed choices and their labels in the window's language.
#[tauri::command]
#[specta::specta]
pub async fn choices(language: Language) -> CmdResult<Choices> {
    Ok(Choices::in_language(language))
}

/// What a mileage expense comes to: the core's rounding, so the form shows what will be saved.
#[tauri::command]
#[specta::specta]
pub async fn mileage_pence(tenth_miles: i64, pence_per_mile: i64) -> CmdResult<i64> {
    Ok(money::mileage_pence(tenth_miles, pence_per_mile)?)
}

/// Keeps unsaved text of a form as an encrypted draft.
#[tauri::command]
#[specta::specta]
pub async fn draft_save(state: State<'_, AppState>, id: String, body: String) -> CmdResult<Draft> {
    Ok(drafts::save(&require_unlocked(&state).await?, &id, &body).await?)
}

/// The draft kept for a form, if any.
#[tauri::command]
#[specta::specta]
pub async fn draft_load(state: State<'_, AppState>, id: String) -> CmdResult<Option<Draft>> {
    Ok(drafts::load(&require_unlocked(&state).await?, &id).await?)
}

/// Forgets a form's draft (after saving it for real).
#[tauri::command]
#[specta::specta]
pub async fn draft_delete(state: State<'_, AppState>, id: String) -> CmdResult<()> {
    Ok(drafts::delete(&require_unlocked(&state).await?, &id).await?)
}
