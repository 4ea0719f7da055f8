//! Thin commands: reach the store through the session (which answers "vergrendeld" while the
//! app is locked), call core, map the error to `{code, message, fields}`.

use chrono::NaiveDate;
use tauri::State;
use traject_core::app::{ApiError, AppState};
use traject_core::domain::{
    Client, ClientInput, ClientSummary, ContactAttempt, ContactAttemptInput, Identity, Note,
    NoteInput,
};
use traject_core::generate;
use traject_core::store::{CaseloadQuery, Dossier, Intake, IntakeSessionInput, IntakeView};
use traject_core::Store;
use uuid::Uuid;

use crate::AppStore;

mod about;
mod hours;
mod lock;
mod money;
mod pip;
mod privacy;
mod reports;
mod signals;
mod sync;
mod trajectory;
pub use about::*;
pub use hours::*;
pub use lock::*;
pub use money::*;
pub use pip::*;
pub use privacy::*;
pub use reports::*;
pub use signals::*;
pub use sync::*;
pub use trajectory::*;

pub(crate) type Result<T> = std::result::Result<T, ApiError>;

/// The day set by `--today DATE` (demonstrations and end-to-end tests), as the CLI has it.
static TODAY: std::sync::OnceLock<NaiveDate> = std::sync::OnceLock::new();

pub(crate) fn work_as_if_today(day: &str) -> std::result::Result<(), String> {
    let day = day
        .parse::<NaiveDate>()
        .map_err(|e| format!("--today {day}: {e}"))?;
    TODAY.set(day).map_err(|_| "--today given twice".to_owned())
}

/// Dates are calendar dates in Europe/Amsterdam; the laptop's local date is that date.
pub(crate) fn today() -> NaiveDate {
    TODAY
        .get()
        .copied()
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

pub(crate) fn with_store<T, E: Into<ApiError>>(
    state: &State<'_, AppStore>,
    f: impl FnOnce(&mut Store) -> std::result::Result<T, E>,
) -> Result<T> {
    state.0.with_store(|store| f(store).map_err(Into::into))
}

#[tauri::command(async)]
pub fn app_state(state: State<'_, AppStore>) -> Result<AppState> {
    with_store(&state, |s| AppState::read(s, today()))
}

#[tauri::command]
pub fn save_identity(state: State<'_, AppStore>, identity: Identity) -> Result<Identity> {
    with_store(&state, |s| s.save_identity(identity))
}

/// Loads the demo caseload (synthetic clients) into an empty database.
#[tauri::command]
pub fn load_demo(state: State<'_, AppStore>) -> Result<usize> {
    with_store(&state, |s| {
        let identity = s
            .identity()?
            .ok_or(traject_core::StoreError::NotInitialised)?;
        generate::into_store(s, &generate::demo_options(&identity, today()))
    })
}

#[tauri::command(async)]
pub fn caseload(state: State<'_, AppStore>, query: CaseloadQuery) -> Result<Vec<ClientSummary>> {
    with_store(&state, |s| s.caseload(&query))
}

/// The ids of the clients whose name or BSN matches `text` (the caseload filters its rows by
/// them as the user types).
#[tauri::command(async)]
pub fn search_clients(state: State<'_, AppStore>, text: String) -> Result<Vec<Uuid>> {
    with_store(&state, |s| s.search_ids(&text))
}

/// The dossier with its PIP overview and signals: one round trip when it opens.
#[tauri::command(async)]
pub fn open_dossier(state: State<'_, AppStore>, id: Uuid) -> Result<Dossier> {
    with_store(&state, |s| s.open_dossier(&id, today()))
}

#[tauri::command]
pub fn open_client(state: State<'_, AppStore>, id: Uuid) -> Result<Client> {
    with_store(&state, |s| s.open_client(&id))
}

#[tauri::command]
pub fn create_client(state: State<'_, AppStore>, input: ClientInput) -> Result<Client> {
    with_store(&state, |s| s.create_client(input, today()))
}

#[tauri::command]
pub fn update_client(state: State<'_, AppStore>, id: Uuid, input: ClientInput) -> Result<Client> {
    with_store(&state, |s| s.update_client(&id, input, today()))
}

#[tauri::command]
pub fn add_contact_attempt(
    state: State<'_, AppStore>,
    client_id: Uuid,
    input: ContactAttemptInput,
) -> Result<ContactAttempt> {
    with_store(&state, |s| {
        s.add_contact_attempt(&client_id, input, today())
    })
}

#[tauri::command]
pub fn add_note(state: State<'_, AppStore>, client_id: Uuid, input: NoteInput) -> Result<Note> {
    with_store(&state, |s| s.add_note(&client_id, input))
}

/// Starts the client's Brede intake, or continues the one in progress.
#[tauri::command]
pub fn start_intake(state: State<'_, AppStore>, client_id: Uuid) -> Result<IntakeView> {
    with_store(&state, |s| {
        let view = s.start_intake(&client_id, today())?;
        s.open_intake(&view.intake.id, today())
    })
}

#[tauri::command]
pub fn client_intakes(state: State<'_, AppStore>, client_id: Uuid) -> Result<Vec<Intake>> {
    with_store(&state, |s| s.intakes(&client_id))
}

#[tauri::command]
pub fn open_intake(state: State<'_, AppStore>, intake_id: Uuid) -> Result<IntakeView> {
    with_store(&state, |s| s.open_intake(&intake_id, today()))
}

#[tauri::command]
pub fn save_answer(
    state: State<'_, AppStore>,
    intake_id: Uuid,
    question_id: String,
    instance: u32,
    value: serde_json::Value,
) -> Result<IntakeView> {
    with_store(&state, |s| {
        s.save_answer(&intake_id, &question_id, instance, value, today())
    })
}

#[tauri::command]
pub fn add_repeat_instance(
    state: State<'_, AppStore>,
    intake_id: Uuid,
    group_id: String,
) -> Result<IntakeView> {
    with_store(&state, |s| {
        s.add_repeat_instance(&intake_id, &group_id, today())
    })
}

#[tauri::command]
pub fn remove_repeat_instance(
    state: State<'_, AppStore>,
    intake_id: Uuid,
    group_id: String,
    instance: u32,
) -> Result<IntakeView> {
    with_store(&state, |s| {
        s.remove_repeat_instance(&intake_id, &group_id, instance, today())
    })
}

#[tauri::command]
pub fn add_intake_session(
    state: State<'_, AppStore>,
    intake_id: Uuid,
    input: IntakeSessionInput,
) -> Result<IntakeView> {
    with_store(&state, |s| s.add_intake_session(&intake_id, input, today()))
}

#[tauri::command]
pub fn complete_intake(state: State<'_, AppStore>, intake_id: Uuid) -> Result<IntakeView> {
    with_store(&state, |s| s.complete_intake(&intake_id, today()))
}

#[tauri::command]
pub fn reopen_intake(
    state: State<'_, AppStore>,
    intake_id: Uuid,
    reason: String,
) -> Result<IntakeView> {
    with_store(&state, |s| s.reopen_intake(&intake_id, &reason, today()))
}
