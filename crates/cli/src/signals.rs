//! `traject signals`: the Werkvoorraad on the command line — every deadline and warning of the
//! caseload, most urgent first.

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;
use traject_core::domain::signals::{Severity, SignalKind};
use traject_core::store::WerkvoorraadQuery;
use traject_core::Store;

use crate::hours::code;
use crate::output::{json, print_table};

#[derive(Args)]
pub struct SignalsArgs {
    /// Only this consultant's clients.
    #[arg(long)]
    consultant: Option<String>,
    #[arg(long)]
    municipality: Option<String>,
    /// Only this kind (repeatable), e.g. intake-due, termijn-ending, absence.
    #[arg(long = "kind", value_parser = code::<SignalKind>)]
    kinds: Vec<SignalKind>,
    /// Also list acknowledged and snoozed signals.
    #[arg(long)]
    all: bool,
}

pub fn run(store: &Store, args: SignalsArgs, today: NaiveDate, as_json: bool) -> Result<()> {
    let view = store.werkvoorraad(
        &WerkvoorraadQuery {
            consultant: args.consultant,
            municipality: args.municipality,
            kinds: args.kinds,
            include_acknowledged: args.all,
            per_group: None,
        },
        today,
    )?;
    if as_json {
        return json(&view);
    }
    let rows: Vec<[String; 5]> = view
        .items
        .iter()
        .map(|i| {
            [
                severity(i.signal.severity).to_owned(),
                i.signal
                    .due
                    .map_or_else(|| "—".to_owned(), |d| d.format("%d-%m-%Y").to_string()),
                format!("{} ({})", i.client_name, i.municipality),
                match &i.ack {
                    Some(ack) => format!("{} [opzij: {}]", i.signal.message, ack.reason),
                    None => i.signal.message.clone(),
                },
                i.client_id.to_string(),
            ]
        })
        .collect();
    print_table(&["Ernst", "Datum", "Cliënt", "Signaal", "Id"], &rows);
    let c = &view.counts;
    println!(
        "{} fout, {} te laat, {} waarschuwing(en), {} ter info; {} opzij gelegd (peildatum {})",
        c.error,
        c.overdue,
        c.warning,
        c.info,
        c.acknowledged,
        today.format("%d-%m-%Y")
    );
    Ok(())
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "fout",
        Severity::Overdue => "te laat",
        Severity::Warning => "waarschuwing",
        Severity::Info => "info",
    }
}
