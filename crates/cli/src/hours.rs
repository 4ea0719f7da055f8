//! `traject hours …` and `traject portfolio`: the hours ledger from the command line.

use anyhow::{anyhow, Context, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use traject_core::domain::glossary::{category_label, route_label, source_label, target_label};
use traject_core::domain::hours::HourEntryInput;
use traject_core::domain::{HourCategory, HourEntry, HourSource, Quarters, ReversalInput};
use traject_core::store::PortfolioView;
use traject_core::Store;
use uuid::Uuid;

use crate::output::{json, print_table};

#[derive(Subcommand)]
pub enum HoursCommand {
    /// Add hours to a client's ledger.
    Add {
        /// The client: id, external id or BSN.
        client: String,
        #[arg(long)]
        date: NaiveDate,
        /// Hours in quarter hours: 2, 1,5, 0.75 or 1:30.
        #[arg(long, value_parser = parse_quarters)]
        hours: Quarters,
        /// taal, participatie, map-theorie, map-praktijk, werk, eigen-plek or pvt.
        #[arg(long, value_parser = code::<HourCategory>)]
        category: HourCategory,
        /// consultant, provider-report or client-evidence.
        #[arg(long, value_parser = code::<HourSource>, default_value = "consultant")]
        source: HourSource,
        #[arg(long)]
        provider: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// A client's ledger, newest first.
    List { client: String },
    /// Correct an entry by adding its reversal.
    Reverse {
        entry: Uuid,
        #[arg(long)]
        reason: String,
    },
}

/// Reads a code as the app stores it (`eigen_plek`, also written `eigen-plek`).
pub fn code<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    let normalised = text.trim().to_lowercase().replace('-', "_");
    serde_json::from_value(serde_json::Value::String(normalised))
        .map_err(|_| format!("'{text}' is geen geldige waarde (zie --help)"))
}

fn parse_quarters(text: &str) -> Result<Quarters, String> {
    Quarters::parse(text)
        .ok_or_else(|| format!("'{text}' is geen aantal uren in kwartieren (bijv. 2, 1,5 of 1:30)"))
}

/// A client by id, external id or whole BSN.
pub fn find_client(store: &Store, key: &str) -> Result<Uuid> {
    if let Ok(id) = key.parse::<Uuid>() {
        return Ok(id);
    }
    store
        .find_client_id(key)?
        .ok_or_else(|| anyhow!("geen cliënt met id, extern kenmerk of BSN '{key}'"))
}

pub fn run(
    store: &mut Store,
    command: HoursCommand,
    today: NaiveDate,
    as_json: bool,
) -> Result<()> {
    match command {
        HoursCommand::Add {
            client,
            date,
            hours,
            category,
            source,
            provider,
            note,
        } => {
            let id = find_client(store, &client)?;
            let input = HourEntryInput {
                date,
                quarters: hours,
                category,
                source,
                provider,
                note,
            };
            let entry = store.add_hours(&id, input, today)?;
            if as_json {
                return json(&entry);
            }
            println!(
                "{} uur {} op {} toegevoegd ({})",
                entry.input.quarters,
                category_label(entry.input.category),
                entry.input.date.format("%d-%m-%Y"),
                entry.id
            );
        }
        HoursCommand::List { client } => {
            let id = find_client(store, &client)?;
            let entries = store.hour_entries(&id)?;
            if as_json {
                return json(&entries);
            }
            ledger(&entries);
        }
        HoursCommand::Reverse { entry, reason } => {
            let reversal = store
                .reverse_hours(&entry, ReversalInput { reason }, today)
                .context("terugdraaien mislukt")?;
            if as_json {
                return json(&reversal);
            }
            println!(
                "Regel {entry} teruggedraaid: {} uur {} ({})",
                reversal.input.quarters,
                category_label(reversal.input.category),
                reversal.id
            );
        }
    }
    Ok(())
}

fn ledger(entries: &[HourEntry]) {
    let reversed: Vec<Uuid> = entries.iter().filter_map(|e| e.reverses).collect();
    let rows: Vec<[String; 7]> = entries
        .iter()
        .map(|e| {
            let remark = match (&e.reason, reversed.contains(&e.id)) {
                (Some(reason), _) => format!("terugdraaiing: {reason}"),
                (None, true) => "teruggedraaid".to_owned(),
                (None, false) => e.input.note.clone().unwrap_or_default(),
            };
            [
                e.input.date.format("%d-%m-%Y").to_string(),
                category_label(e.input.category).to_owned(),
                e.input.quarters.to_string(),
                source_label(e.input.source).to_owned(),
                e.input.provider.clone().unwrap_or_else(|| "—".into()),
                remark,
                e.id.to_string(),
            ]
        })
        .collect();
    print_table(
        &[
            "Datum",
            "Soort",
            "Uren",
            "Bron",
            "Aanbieder",
            "Opmerking",
            "Id",
        ],
        &rows,
    );
    println!("{} regel(s)", entries.len());
}

pub fn portfolio(view: &PortfolioView, as_json: bool) -> Result<()> {
    if as_json {
        return json(view);
    }
    let p = &view.portfolio;
    match p.route {
        Some(route) if view.route_assumed => {
            println!(
                "Leerroute: {} (aangenomen; nog niet in een PIP)",
                route_label(route)
            )
        }
        Some(route) => println!("Leerroute: {}", route_label(route)),
        None => {
            println!("Leerroute: nog niet bekend (geef --route om tegen een leerroute te tellen)")
        }
    }
    let rows: Vec<[String; 4]> = p
        .lines
        .iter()
        .map(|l| {
            let required = l.required.map_or_else(|| "—".to_owned(), |r| r.to_string());
            let share = l.required.filter(|r| r.0 > 0).map_or(String::new(), |r| {
                format!("{} %", (l.done.0 * 100 / r.0).min(100))
            });
            let behind = if l.behind { " achter op schema" } else { "" };
            [
                target_label(l.target).to_owned(),
                l.done.to_string(),
                required,
                format!("{share}{behind}"),
            ]
        })
        .collect();
    print_table(&["Onderdeel", "Gedaan", "Vereist", "Voortgang"], &rows);
    println!(
        "Afschalen naar A2: {} ({} van {} lesuren)",
        if p.afschalen_allowed {
            "mogelijk"
        } else {
            "nog niet mogelijk"
        },
        p.lines[0].done,
        p.afschalen_threshold
    );
    for cluster in &view.absence_clusters {
        println!(
            "Let op: {} keer ongeoorloofd verzuim tussen {} en {}",
            cluster.absence_ids.len(),
            cluster.from.format("%d-%m-%Y"),
            cluster.to.format("%d-%m-%Y")
        );
    }
    Ok(())
}
