//! `traject login`, `logout`, `sync` and `conflict`: this laptop and the team's sync server.

use std::io::BufRead;

use anyhow::{Context, Result};
use clap::Subcommand;
use traject_core::store::ConflictChoice;
use traject_core::Store;

fn read_password() -> Result<String> {
    if let Ok(password) = std::env::var("TRAJECT_PASSWORD") {
        return Ok(password);
    }
    eprint!("Wachtwoord: ");
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("wachtwoord lezen")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

pub fn login(
    store: &mut Store,
    server: &str,
    user: &str,
    device: Option<String>,
    allow_http: bool,
    ca_cert: Option<std::path::PathBuf>,
) -> Result<()> {
    let device = device.unwrap_or_else(traject_core::sync::status::default_device_name);
    let ca_cert = ca_cert
        .map(|path| {
            std::fs::read_to_string(&path)
                .with_context(|| format!("CA-certificaat {} lezen", path.display()))
        })
        .transpose()?;
    // The address is checked before a password is asked for.
    traject_core::sync::client::server_url(server, allow_http)?;
    let password = read_password()?;
    let login = store.log_in_trusting(server, user, &password, &device, allow_http, ca_cert)?;
    println!(
        "aangemeld als {} ({}) op {}; apparaat {} ({device})",
        login.user,
        login
            .team
            .as_deref()
            .map_or_else(|| "geen team".to_owned(), |t| format!("team {t}")),
        login.server,
        login.device_id
    );
    Ok(())
}

pub fn logout(store: &mut Store) -> Result<()> {
    if store.log_out()? {
        println!("afgemeld: de server wordt niet meer gebruikt tot je opnieuw aanmeldt");
    } else {
        println!("deze computer was niet aangemeld");
    }
    Ok(())
}

/// Syncs; a device revoked on the server erases its database and says so.
pub fn sync(mut store: Store, as_json: bool) -> Result<()> {
    let report = match store.sync() {
        Ok(report) => report,
        Err(e) if e.wipe() => {
            let path = store.path().display().to_string();
            store.wipe()?;
            anyhow::bail!("{e}: {path} is gewist");
        }
        Err(e) => return Err(e.into()),
    };
    if as_json {
        crate::output::json(&report)?;
        return Ok(());
    }
    println!(
        "{} wijziging(en) verstuurd, {} ontvangen",
        report.pushed, report.pulled
    );
    if report.conflicts > 0 {
        println!(
            "{} wijziging(en) botsten met die van een ander: beide waarden staan op de server ter beoordeling",
            report.conflicts
        );
    }
    if report.purged > 0 {
        println!(
            "{} dossier(s) verwijderd: de bewaartermijn is verstreken en de teamleider heeft ze verwijderd",
            report.purged
        );
    }
    for rejected in &report.rejected {
        println!("geweigerd: {rejected}");
    }
    Ok(())
}

pub fn move_case(store: &Store, id: &uuid::Uuid, team: &str) -> Result<()> {
    let moved = store.move_case(id, team)?;
    println!(
        "dossier van team {} naar team {} ({} wijzigingen); de laptops van {} verwijderen het bij hun volgende synchronisatie",
        moved.from, moved.to, moved.copied, moved.from
    );
    Ok(())
}

#[derive(Subcommand)]
pub enum ConflictCommand {
    /// The open conflicts as last fetched (sync first for the newest).
    List,
    /// Choose which value of conflict ID stands; sent with the next sync.
    Resolve {
        id: i64,
        /// `kept` (the value that stands now) or `lost` (the other).
        #[arg(value_parser = parse_choice)]
        choice: ConflictChoice,
    },
}

fn parse_choice(text: &str) -> std::result::Result<ConflictChoice, String> {
    match text {
        "kept" | "houden" => Ok(ConflictChoice::Kept),
        "lost" | "kiezen" => Ok(ConflictChoice::Lost),
        other => Err(format!("{other}: kies kept (houden) of lost (kiezen)")),
    }
}

pub fn conflict(store: &mut Store, command: ConflictCommand, as_json: bool) -> Result<()> {
    let open = match command {
        ConflictCommand::List => store.conflicts()?,
        ConflictCommand::Resolve { id, choice } => {
            let open = store.resolve_conflict(id, choice)?;
            if !as_json {
                println!(
                    "conflict {id} opgelost; de keuze gaat mee met de volgende synchronisatie"
                );
            }
            open
        }
    };
    if as_json {
        return crate::output::json(&open);
    }
    for c in &open {
        println!(
            "#{} {} — {}: staat {} ({}), verloren {} ({})",
            c.id,
            c.client_name.as_deref().unwrap_or("teamgegevens"),
            c.label,
            c.kept.value,
            c.kept.by,
            c.lost.value,
            c.lost.by
        );
    }
    println!("{} open conflict(en)", open.len());
    Ok(())
}
