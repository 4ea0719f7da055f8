//! The Tauri shell: starts the session (locked until the passphrase is given), registers the
//! thin commands, opens the window.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod allocator;
mod auto_lock;
mod commands;
#[cfg(target_os = "linux")]
mod rendering;
mod sync;
pub mod update;

use std::path::PathBuf;
use std::sync::Arc;

use chrono::Utc;
use tauri::Manager;
use traject_core::profiles::Profiles;
use traject_core::session::Session;

/// The window's session: which profile's database, and whether it is locked. Commands reach the
/// store through it for the length of one call; while it is locked they answer "vergrendeld",
/// and when the app cannot go on (a wiped laptop) they answer why.
pub struct AppStore(pub Arc<Session>);

/// Scripts and tests: the passphrase that opens (or creates, or encrypts) the database at
/// start-up without showing the lock screen.
const PASSPHRASE_ENV: &str = "TRAJECT_PASSPHRASE";

/// The value after `flag` on the command line, if given.
fn arg_value(flag: &str) -> Option<Result<String, String>> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == flag {
            return Some(args.next().ok_or_else(|| format!("{flag} needs a value")));
        }
    }
    None
}

/// Where the databases are: one file with `--db PATH` or `TRAJECT_DB` (tests), else a profile
/// per user in the OS app-data directory.
fn profiles(app: &tauri::App) -> Result<Profiles, Box<dyn std::error::Error>> {
    if let Some(path) = arg_value("--db") {
        return Ok(Profiles::File(PathBuf::from(path?)));
    }
    if let Some(path) = std::env::var_os("TRAJECT_DB") {
        return Ok(Profiles::File(PathBuf::from(path)));
    }
    Ok(Profiles::DataDir(app.path().app_data_dir()?))
}

/// The commands the UI calls.
fn command_handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        commands::app_state,
        commands::save_identity,
        commands::load_demo,
        commands::caseload,
        commands::search_clients,
        commands::open_dossier,
        commands::open_client,
        commands::create_client,
        commands::update_client,
        commands::add_contact_attempt,
        commands::add_note,
        commands::start_intake,
        commands::client_intakes,
        commands::open_intake,
        commands::save_answer,
        commands::add_repeat_instance,
        commands::remove_repeat_instance,
        commands::add_intake_session,
        commands::complete_intake,
        commands::reopen_intake,
        commands::client_portfolio,
        commands::add_hours,
        commands::add_hours_batch,
        commands::reverse_hours,
        commands::add_absence,
        commands::excuse_absence,
        commands::add_progress_report,
        commands::add_exam,
        commands::pip_overview,
        commands::draft_pip,
        commands::save_pip,
        commands::adopt_pip,
        commands::add_extension,
        commands::add_exemption,
        commands::add_pause,
        commands::generate_pip_document,
        commands::open_document,
        commands::letterhead,
        commands::save_letterhead,
        commands::trajectory,
        commands::add_trajectory_record,
        commands::update_trajectory_record,
        commands::book_work_hours,
        commands::fine_rules,
        commands::save_fine_rule,
        commands::retention_years,
        commands::set_retention_years,
        commands::purge_overview,
        commands::purge_dossiers,
        commands::werkvoorraad,
        commands::acknowledge_signal,
        commands::next_deadlines,
        commands::signal_settings,
        commands::save_signal_settings,
        commands::default_signal_settings,
        commands::money_tables,
        commands::save_spuk_rate,
        commands::save_course_price,
        commands::check_invoice,
        commands::reports_list,
        commands::reports,
        commands::export_report,
        commands::mask_small_counts,
        commands::set_mask_small_counts,
        commands::report_age_groups,
        commands::set_report_age_groups,
        commands::about,
        commands::check_update,
        commands::download_update,
        commands::install_update,
        commands::sync_status,
        commands::sync_log_in,
        commands::sync_log_out,
        commands::sync_now,
        commands::conflicts,
        commands::resolve_conflict,
        commands::audit_log,
        commands::audit_actors,
        commands::reveal_bsn,
        commands::export_dossier,
        commands::lock_state,
        commands::choose_profile,
        commands::new_profile,
        commands::passphrase_weakness,
        commands::create_database,
        commands::encrypt_database,
        commands::unlock,
        commands::lock,
        commands::change_passphrase,
        commands::activity,
        commands::auto_lock_minutes,
        commands::set_auto_lock_minutes,
    ]
}

pub fn run() {
    #[cfg(target_os = "linux")]
    rendering::choose();
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    let handler = allocator::trim_when_idle(command_handler());
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    let handler = command_handler();
    tauri::Builder::default()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(update::PendingUpdate::default())
        .setup(|app| {
            if let Some(day) = arg_value("--today") {
                commands::work_as_if_today(&day?)?;
            }
            let session = Arc::new(Session::start(profiles(app)?, Utc::now()));
            if let Some(passphrase) = std::env::var_os(PASSPHRASE_ENV) {
                if let Err(e) = session.open_unasked(&passphrase.to_string_lossy(), Utc::now()) {
                    eprintln!("Traject: {PASSPHRASE_ENV}: {}", e.message);
                }
            }
            app.manage(AppStore(Arc::clone(&session)));
            let syncer = sync::Syncer::new(Arc::clone(&session));
            syncer.spawn(app.handle().clone());
            app.manage(syncer);
            auto_lock::spawn(app.handle().clone(), session);
            Ok(())
        })
        .invoke_handler(handler)
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Traject kon niet starten: {e}");
            std::process::exit(1);
        });
}
