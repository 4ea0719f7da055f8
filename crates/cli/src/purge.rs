//! `traject purge`: the dossiers whose retention period has ended (the obligation ended longer
//! ago than the bewaartermijn), listed with `--dry-run` or removed for good with `--confirm`
//! (a teamleider; the server and the team's other laptops follow at the next sync).

use anyhow::Result;
use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use traject_core::store::DueDossier;
use traject_core::Store;

use crate::hours::find_client;
use crate::output::{json, print_table};

#[derive(Args)]
#[command(group(ArgGroup::new("mode").required(true).args(["dry_run", "confirm"])))]
pub struct PurgeArgs {
    /// Only list the dossiers past their retention period; nothing is removed.
    #[arg(long)]
    dry_run: bool,
    /// Remove them for good: from this laptop now, from the server and the team's other
    /// laptops with the next sync (teamleider).
    #[arg(long)]
    confirm: bool,
    /// Only this client: id, external id or BSN.
    #[arg(long)]
    client: Option<String>,
}

fn day(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

pub fn run(store: &mut Store, args: PurgeArgs, today: NaiveDate, as_json: bool) -> Result<()> {
    let mut due = store.retention_due(today)?;
    let only = args
        .client
        .as_deref()
        .map(|key| find_client(store, key))
        .transpose()?;
    if let Some(id) = only {
        due.retain(|d| d.id == id);
    }
    if args.dry_run {
        return list(&due, store.retention_years()?, as_json);
    }
    // One client is purged or refused by name; without one, every dossier due.
    let ids: Vec<uuid::Uuid> = match only {
        Some(id) => vec![id],
        None => due.iter().map(|d| d.id).collect(),
    };
    let purged = store.purge(&ids, today)?;
    if as_json {
        return json(&serde_json::json!({ "purged": purged }));
    }
    if purged.is_empty() {
        println!("geen dossiers na de bewaartermijn: er is niets verwijderd");
        return Ok(());
    }
    for p in &purged {
        let name = due
            .iter()
            .find(|d| d.id == p.id)
            .map_or_else(|| p.id.to_string(), |d| d.name.clone());
        println!("verwijderd: {name} ({} regels)", p.rows);
    }
    println!(
        "{} dossier(s) verwijderd; de server en de andere laptops van het team verwijderen ze bij de volgende synchronisatie",
        purged.len()
    );
    Ok(())
}

fn list(due: &[DueDossier], years: u32, as_json: bool) -> Result<()> {
    if as_json {
        return json(&due);
    }
    if due.is_empty() {
        println!("geen dossiers na de bewaartermijn ({years} jaar na het einde van de inburgeringsplicht)");
        return Ok(());
    }
    let rows: Vec<[String; 6]> = due
        .iter()
        .map(|d| {
            [
                d.name.clone(),
                d.bsn.clone().unwrap_or_else(|| "—".into()),
                d.municipality.clone(),
                day(d.obligation_end),
                day(d.retention_end),
                d.id.to_string(),
            ]
        })
        .collect();
    print_table(
        &[
            "Naam",
            "BSN",
            "Gemeente",
            "Einde inburgeringsplicht",
            "Bewaard tot en met",
            "Id",
        ],
        &rows,
    );
    println!(
        "{} dossier(s) na de bewaartermijn ({years} jaar); verwijderen met traject purge --confirm",
        due.len()
    );
    Ok(())
}
