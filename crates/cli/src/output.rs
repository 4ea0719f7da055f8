//! How the CLI prints: aligned Dutch tables for people, JSON (`--json`) for scripts.

use anyhow::Result;
use traject_core::domain::glossary::{
    channel_label, client_type_label, field_label, outcome_label, status_label,
};
use traject_core::domain::{Client, ClientSummary};
use traject_core::import::ImportReport;
use traject_core::store::{Dossier, QuestionnaireSummary};

pub fn json<T: serde::Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn date(d: Option<chrono::NaiveDate>) -> String {
    d.map_or_else(|| "—".to_owned(), |d| d.format("%d-%m-%Y").to_string())
}

pub fn client_saved(client: &Client, verb: &str, as_json: bool) -> Result<()> {
    if as_json {
        return json(client);
    }
    println!("{} {verb} ({})", client.full_name(), client.id);
    Ok(())
}

pub fn summaries(rows: &[ClientSummary], as_json: bool) -> Result<()> {
    if as_json {
        return json(&rows);
    }
    let table: Vec<[String; 6]> = rows
        .iter()
        .map(|c| {
            [
                format!("{}, {}", c.family_name, c.given_name),
                c.municipality.clone(),
                c.client_type.map_or("—", client_type_label).to_owned(),
                status_label(c.status).to_owned(),
                c.consultant.clone().unwrap_or_else(|| "—".into()),
                c.id.to_string(),
            ]
        })
        .collect();
    let header = ["Naam", "Gemeente", "Doelgroep", "Status", "Consulent", "Id"];
    print_table(&header, &table);
    println!("{} cliënt(en)", rows.len());
    Ok(())
}

/// Prints rows under a header, each column as wide as its widest cell.
pub fn print_table<const N: usize>(header: &[&str; N], rows: &[[String; N]]) {
    let header = header.map(String::from);
    let widths: Vec<usize> = (0..N)
        .map(|i| {
            rows.iter()
                .chain(std::iter::once(&header))
                .map(|r| r[i].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        println!("{}", cells.join("  ").trim_end());
    }
}

pub fn dossier(dossier: &Dossier, as_json: bool) -> Result<()> {
    if as_json {
        return json(dossier);
    }
    let c = &dossier.client.input;
    println!(
        "{} {}  ({})",
        c.given_name, c.family_name, dossier.client.id
    );
    let rows = [
        ("birth_date", date(c.birth_date)),
        (
            "bsn",
            dossier.bsn_masked.clone().unwrap_or_else(|| "—".into()),
        ),
        (
            "client_type",
            c.client_type.map_or("—", client_type_label).to_owned(),
        ),
        ("municipality", c.municipality.clone()),
        ("status", status_label(c.status).to_owned()),
        (
            "consultant",
            c.consultant.clone().unwrap_or_else(|| "—".into()),
        ),
        (
            "country_of_origin",
            c.country_of_origin.clone().unwrap_or_else(|| "—".into()),
        ),
        ("brp_registration_date", date(c.brp_registration_date)),
        ("obligation_date", date(c.obligation_date)),
        (
            "cohort",
            c.cohort().map_or_else(|| "—".to_owned(), |y| y.to_string()),
        ),
    ];
    for (field, value) in rows {
        println!("  {:<26} {value}", field_label(field));
    }
    println!("Contactpogingen: {}", dossier.contact_attempts.len());
    for a in &dossier.contact_attempts {
        println!(
            "  {}  {:<12} {}",
            a.input.date.format("%d-%m-%Y"),
            channel_label(a.input.channel),
            outcome_label(a.input.outcome)
        );
    }
    println!("Notities: {}", dossier.notes.len());
    for n in &dossier.notes {
        println!(
            "  {} {}: {}",
            n.created_at.format("%d-%m-%Y %H:%M"),
            n.author,
            n.text
        );
    }
    Ok(())
}

pub fn import_report(report: &ImportReport, as_json: bool) -> Result<()> {
    if as_json {
        return json(report);
    }
    for error in &report.rejected {
        eprintln!("{error}");
    }
    println!("{report}");
    Ok(())
}

pub fn questionnaires(list: &[QuestionnaireSummary], as_json: bool) -> Result<()> {
    if as_json {
        return json(&list);
    }
    for q in list {
        println!(
            "{:<24} versie {:<3} {:>3} groepen {:>4} vragen  {}",
            q.id, q.version, q.groups, q.questions, q.title
        );
    }
    Ok(())
}
