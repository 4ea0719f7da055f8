//! The Tauri shell: opens the store, registers the thin commands, opens the window.

mod commands;
mod sync;
pub mod update;

use std::path::PathBuf;
use std::sync::Mutex;

use tauri::Manager;
use traject_core::app::ApiError;
use traject_core::Store;

/// The one store of this window; commands lock it for the length of one call. When the database
/// could not be opened (say, it is from a newer Traject), the window still opens and every
/// command answers with that error, so the user reads why instead of seeing nothing.
pub struct AppStore(pub Mutex<Result<Store, ApiError>>);

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

/// The database file: `--db PATH` or `TRAJECT_DB` (tests), else the OS app-data directory.
fn database_path(app: &tauri::App) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(path) = arg_value("--db") {
        return Ok(PathBuf::from(path?));
    }
    if let Some(path) = std::env::var_os("TRAJECT_DB") {
        return Ok(PathBuf::from(path));
    }
    Ok(app.path().app_data_dir()?.join("traject.db"))
}

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .manage(update::PendingUpdate::default())
        .setup(|app| {
            if let Some(day) = arg_value("--today") {
                commands::work_as_if_today(&day?)?;
            }
            let path = database_path(app)?;
            let store = Store::open(&path).map_err(|e| {
                eprintln!("Traject: {}: {e}", path.display());
                ApiError::from(e)
            });
            app.manage(AppStore(Mutex::new(store)));
            let syncer = sync::Syncer::new(path);
            syncer.spawn(app.handle().clone());
            app.manage(syncer);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app_state,
            commands::save_identity,
            commands::load_demo,
            commands::caseload,
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
            commands::werkvoorraad,
            commands::acknowledge_signal,
            commands::client_signals,
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
        ])
        .run(tauri::generate_context!())
        .unwrap_or_else(|e| {
            eprintln!("Traject kon niet starten: {e}");
            std::process::exit(1);
        });
}
