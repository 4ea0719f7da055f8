//! `traject audit`: the audit log on the command line — who did what to which dossier, newest
//! first, filtered by dossier, user, action and period — and `traject client export`, a whole
//! dossier for its client (right of access).

use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;
use traject_core::domain::glossary::entity_label;
use traject_core::store::{AuditAction, AuditPage, AuditQuery};
use traject_core::Store;
use uuid::Uuid;

use crate::hours::{code, find_client};
use crate::output::{json, print_table};

#[derive(Args)]
pub struct AuditArgs {
    /// Only this client's dossier: id, external id or BSN.
    #[arg(long)]
    client: Option<String>,
    /// Only what this user did (the name as it signs the entries).
    #[arg(long)]
    user: Option<String>,
    /// Only this action: create, update, read, append, reveal, export or purge.
    #[arg(long, value_parser = code::<AuditAction>)]
    action: Option<AuditAction>,
    /// From this day on (JJJJ-MM-DD or DD-MM-JJJJ).
    #[arg(long, value_parser = day)]
    from: Option<NaiveDate>,
    /// Up to and including this day.
    #[arg(long, value_parser = day)]
    to: Option<NaiveDate>,
    /// At most this many entries, newest first (at most 1000).
    #[arg(long, default_value_t = AuditQuery::DEFAULT_LIMIT)]
    limit: u32,
}

fn day(text: &str) -> Result<NaiveDate, String> {
    traject_core::import::parse_date(text.trim())
        .ok_or_else(|| format!("'{text}' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)"))
}

pub fn run(store: &Store, args: AuditArgs, as_json: bool) -> Result<()> {
    let client_id = args
        .client
        .as_deref()
        .map(|key| find_client(store, key))
        .transpose()?;
    let page = store.audit(&AuditQuery {
        client_id,
        actor: args.user,
        action: args.action,
        from: args.from,
        until: args.to,
        after: None,
        limit: args.limit,
    })?;
    if as_json {
        return json(&page);
    }
    print(&page);
    Ok(())
}

fn print(page: &AuditPage) {
    if page.entries.is_empty() {
        println!("Geen auditregels gevonden.");
        return;
    }
    let rows: Vec<[String; 5]> = page
        .entries
        .iter()
        .map(|row| {
            let entry = &row.entry;
            let what = entry
                .changes
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            [
                entry
                    .at
                    .with_timezone(&chrono::Local)
                    .format("%d-%m-%Y %H:%M")
                    .to_string(),
                entry.actor.clone(),
                entry.action.label().to_owned(),
                row.client_name
                    .clone()
                    .unwrap_or_else(|| "Teamgegevens".to_owned()),
                match (entry.entity.as_str(), what.is_empty()) {
                    (_, true) => entity_label(&entry.entity).to_owned(),
                    ("clients", false) => what,
                    (entity, false) => format!("{}: {what}", entity_label(entity)),
                },
            ]
        })
        .collect();
    print_table(&["Tijdstip", "Wie", "Actie", "Dossier", "Wat"], &rows);
    match (page.entries.len(), &page.next) {
        (n, Some(_)) => println!(
            "{n} regels, de nieuwste eerst; er zijn er meer (verhoog --limit of kies een kortere periode)"
        ),
        (1, None) => println!("1 regel"),
        (n, None) => println!("{n} regels"),
    }
}

/// Writes client `id`'s whole dossier into `out` as JSON and as a readable document.
pub fn export(
    store: &mut Store,
    id: &Uuid,
    out: &Path,
    today: NaiveDate,
    as_json: bool,
) -> Result<()> {
    let [json_path, html_path] = traject_core::export::inzage::save(store, id, out, today)?;
    if as_json {
        return json(&serde_json::json!({
            "json": json_path.display().to_string(),
            "html": html_path.display().to_string(),
        }));
    }
    println!("Dossier geëxporteerd (inzage):");
    println!("  {}", html_path.display());
    println!("  {}", json_path.display());
    Ok(())
}
