//! `traject pip …` and `traject termijn`: PIP versions and the termijn from the command line.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use traject_core::domain::glossary::{route_label, version_kind_label};
use traject_core::domain::{AdoptInput, PipStatus, PipVersion};
use traject_core::store::TermijnView;
use traject_core::Store;
use uuid::Uuid;

use crate::hours::find_client;
use crate::output::{json, print_table};

#[derive(Subcommand)]
pub enum PipCommand {
    /// A client's PIP versions.
    List { client: String },
    /// One version in full.
    Show { id: Uuid },
    /// Start a concept, prefilled from the previous version or the completed intake.
    Draft { client: String },
    /// Adopt (vaststellen) a concept; the law's rules are checked first.
    Adopt {
        id: Uuid,
        /// The decision date.
        #[arg(long)]
        dagtekening: NaiveDate,
        /// Why the first PIP comes after its 10-week deadline.
        #[arg(long)]
        late_reason: Option<String>,
    },
    /// Generate the PDF beschikking of an adopted version.
    Document {
        id: Uuid,
        /// Where to write it (default: the file name it gets, in the current directory).
        #[arg(long)]
        output: Option<std::path::PathBuf>,
    },
}

pub fn run(store: &mut Store, command: PipCommand, today: NaiveDate, as_json: bool) -> Result<()> {
    match command {
        PipCommand::List { client } => {
            let id = find_client(store, &client)?;
            let versions = store.pip_versions(&id)?;
            if as_json {
                return json(&versions);
            }
            let rows: Vec<[String; 5]> = versions.iter().map(row).collect();
            print_table(&["Versie", "Status", "Leerroute", "Soort", "Id"], &rows);
        }
        PipCommand::Show { id } => {
            let version = store.pip_version(&id)?;
            if as_json {
                return json(&version);
            }
            println!("{}", serde_json::to_string_pretty(&version)?);
        }
        PipCommand::Draft { client } => {
            let id = find_client(store, &client)?;
            let version = store.draft_pip(&id, None, today)?;
            if as_json {
                return json(&version);
            }
            println!(
                "Concept versie {} opgesteld ({})",
                version.number, version.id
            );
        }
        PipCommand::Adopt {
            id,
            dagtekening,
            late_reason,
        } => {
            let version = store
                .adopt_pip(
                    &id,
                    AdoptInput {
                        dagtekening,
                        late_reason,
                    },
                    today,
                )
                .context("het PIP kan niet worden vastgesteld")?;
            if as_json {
                return json(&version);
            }
            println!(
                "Versie {} vastgesteld op {}",
                version.number,
                dagtekening.format("%d-%m-%Y")
            );
        }
        PipCommand::Document { id, output } => {
            let doc = store.generate_pip_document(&id, today)?;
            let path = output.unwrap_or_else(|| doc.file_name.clone().into());
            std::fs::write(&path, &doc.pdf).with_context(|| format!("{}", path.display()))?;
            println!("Beschikking geschreven naar {}", path.display());
        }
    }
    Ok(())
}

fn row(v: &PipVersion) -> [String; 5] {
    let status = match (v.status, v.dagtekening) {
        (PipStatus::Vastgesteld, Some(d)) => format!("vastgesteld {}", d.format("%d-%m-%Y")),
        _ => "concept".to_owned(),
    };
    [
        v.number.to_string(),
        status,
        v.content.leerroute.map_or("—", route_label).to_owned(),
        version_kind_label(v.content.kind).to_owned(),
        v.id.to_string(),
    ]
}

pub fn termijn(view: &TermijnView, as_json: bool) -> Result<()> {
    if as_json {
        return json(view);
    }
    match &view.termijn {
        Some(t) => {
            println!(
                "Termijn: {} t/m {} ({} dagen {})",
                t.start.format("%d-%m-%Y"),
                t.end.format("%d-%m-%Y"),
                t.days_remaining.abs(),
                if t.days_remaining >= 0 {
                    "te gaan"
                } else {
                    "verstreken"
                }
            );
            for e in &view.extensions {
                println!(
                    "  verlengd tot {} (besluit DUO {}): {}",
                    e.input.new_end.format("%d-%m-%Y"),
                    e.input.decision_date.format("%d-%m-%Y"),
                    e.input.ground
                );
            }
        }
        None => match view.first_pip_deadline {
            Some(deadline) => println!(
                "Nog geen vastgesteld PIP; het eerste PIP moet uiterlijk {} vastgesteld zijn",
                deadline.format("%d-%m-%Y")
            ),
            None => {
                println!("Nog geen vastgesteld PIP en geen datum inschrijving BRP of kennisgeving")
            }
        },
    }
    Ok(())
}
