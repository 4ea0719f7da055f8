//! `traject login`, `traject logout` and `traject sync`: this laptop and the team's sync server.

use std::io::BufRead;

use anyhow::{Context, Result};
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
) -> Result<()> {
    let device = device.unwrap_or_else(|| {
        let host = std::fs::read_to_string("/etc/hostname")
            .ok()
            .or_else(|| std::env::var("COMPUTERNAME").ok())
            .map(|h| h.trim().to_owned())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| "deze computer".into());
        format!("Traject op {host}")
    });
    // The address is checked before a password is asked for.
    traject_core::sync::client::server_url(server, allow_http)?;
    let password = read_password()?;
    let login = store.log_in(server, user, &password, &device, allow_http)?;
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

pub fn sync(store: &mut Store, as_json: bool) -> Result<()> {
    let report = store.sync()?;
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
    for rejected in &report.rejected {
        println!("geweigerd: {rejected}");
    }
    Ok(())
}
