//! `traject record …`, `traject fine-rule …` and `traject retention`: the trajectory after
//! the PIP from the command line. Fields are given as `field=value` with the record's field
//! names (`traject record add CLIENT conversation date=2026-11-02 notes="…"`); hours as
//! `1,5`, dates as `2026-11-02`, yes/no as `true`/`false`.

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use clap::Subcommand;
use serde_json::{Map, Value};
use traject_core::domain::glossary::field_label;
use traject_core::domain::money::{euros, parse_euros};
use traject_core::domain::{EnforcementTrigger, FineRule, Quarters, TrajectoryInput};
use traject_core::store::TrajectoryView;
use traject_core::Store;
use uuid::Uuid;

use crate::hours::{code, find_client};
use crate::output::{json, print_table};

#[derive(Subcommand)]
pub enum RecordCommand {
    /// Add a record to a client's dossier.
    Add {
        /// The client: id, external id or BSN.
        client: String,
        /// conversation, pvt_meeting, pvt_statement, map_theme, map_closing, enforcement,
        /// warning, ontzorgen, begeleiding, referral, work or closing.
        kind: String,
        /// The record's fields as field=value.
        fields: Vec<String>,
    },
    /// Change a record: only the given fields change.
    Update {
        id: Uuid,
        kind: String,
        fields: Vec<String>,
    },
    /// Everything of a client's trajectory after the PIP.
    List { client: String },
    /// Book the finished weeks of a work period into the hours ledger.
    BookWork {
        id: Uuid,
        /// Book up to this day (default: today).
        #[arg(long)]
        until: Option<NaiveDate>,
    },
}

#[derive(Subcommand)]
pub enum FineRuleCommand {
    /// The articles of the local regulation.
    List,
    /// Add an article, or change an existing one.
    Add {
        code: String,
        #[arg(long)]
        description: String,
        /// The highest fine in euros, e.g. 250 or 250,00.
        #[arg(long)]
        max: String,
        /// The behaviour it is about (default: any).
        #[arg(long, value_parser = code::<EnforcementTrigger>)]
        trigger: Option<EnforcementTrigger>,
    },
}

pub fn run(
    store: &mut Store,
    command: RecordCommand,
    today: NaiveDate,
    as_json: bool,
) -> Result<()> {
    match command {
        RecordCommand::Add {
            client,
            kind,
            fields,
        } => {
            let client = find_client(store, &client)?;
            let input = input(&kind, Map::new(), &fields)?;
            let id = store.add_trajectory_record(&client, input, today)?;
            if as_json {
                return json(&serde_json::json!({ "id": id }));
            }
            println!("Vastgelegd: {kind} ({id})");
        }
        RecordCommand::Update { id, kind, fields } => {
            let current = store.trajectory_record(&kind, &id)?;
            let Value::Object(mut wrapped) = serde_json::to_value(&current)? else {
                bail!("registratie {id} is geen object");
            };
            let Some(Value::Object(record)) = wrapped.remove("record") else {
                bail!("registratie {id} is geen object");
            };
            store.update_trajectory_record(&id, input(&kind, record, &fields)?, today)?;
            println!("Gewijzigd: {kind} ({id})");
        }
        RecordCommand::List { client } => {
            let client = find_client(store, &client)?;
            let view = store.trajectory(&client, today)?;
            if as_json {
                return json(&view);
            }
            print_view(&view);
        }
        RecordCommand::BookWork { id, until } => {
            let entries = store.book_work_hours(&id, until.unwrap_or(today), today)?;
            if as_json {
                return json(&entries);
            }
            let total: i64 = entries.iter().map(|e| e.input.quarters.0).sum();
            println!(
                "{} week/weken geboekt, {} uur",
                entries.len(),
                Quarters(total)
            );
        }
    }
    Ok(())
}

pub fn run_fine_rule(store: &mut Store, command: FineRuleCommand, as_json: bool) -> Result<()> {
    match command {
        FineRuleCommand::List => {
            let rules = store.fine_rules()?;
            if as_json {
                return json(&rules);
            }
            let rows: Vec<[String; 4]> = rules
                .iter()
                .map(|r| {
                    [
                        r.code.clone(),
                        r.description.clone(),
                        r.trigger
                            .map_or_else(|| "elk gedrag".to_owned(), |t| code_text(&t)),
                        euros(r.max_cents),
                    ]
                })
                .collect();
            print_table(&["Artikel", "Omschrijving", "Gedrag", "Maximum"], &rows);
        }
        FineRuleCommand::Add {
            code,
            description,
            max,
            trigger,
        } => {
            let rule = store.save_fine_rule(FineRule {
                code,
                description,
                trigger,
                max_cents: cents(&max)?,
            })?;
            println!(
                "Artikel {} opgeslagen: maximaal {}",
                rule.code,
                euros(rule.max_cents)
            );
        }
    }
    Ok(())
}

/// An amount in euros as cents.
fn cents(text: &str) -> Result<i64> {
    parse_euros(text)
        .ok_or_else(|| anyhow!("'{text}' is geen bedrag in euro's (bijv. 250 of 250,00)"))
}

/// Builds the tagged input from the current fields (empty for a new record) and `field=value`
/// arguments.
fn input(kind: &str, mut record: Map<String, Value>, fields: &[String]) -> Result<TrajectoryInput> {
    if !TrajectoryInput::KINDS.contains(&kind) {
        bail!(
            "onbekende soort registratie '{kind}' (kies uit {})",
            TrajectoryInput::KINDS.join(", ")
        );
    }
    for field in fields {
        let (name, text) = field
            .split_once('=')
            .with_context(|| format!("'{field}': schrijf veld=waarde"))?;
        record.insert(name.trim().to_owned(), value(name.trim(), text)?);
    }
    let tagged = serde_json::json!({ "kind": kind, "record": record });
    serde_json::from_value(tagged).map_err(|e| anyhow!("{kind}: {}", dutch(&e)))
}

/// serde's reason, in the Dutch the rest of the CLI speaks.
fn dutch(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or_default().to_owned();
    if text.starts_with("missing field") {
        format!("{}: is verplicht", field_label(&quoted(&text)))
    } else if let Some((value, allowed)) = text
        .strip_prefix("unknown variant ")
        .and_then(|t| t.split_once(", expected "))
    {
        format!(
            "'{}' is geen geldige waarde (kies uit {})",
            value.trim_matches('`'),
            allowed.trim_start_matches("one of ").replace('`', "")
        )
    } else if text.contains("invalid type: null") {
        "een verplicht veld is leeg".into()
    } else if [
        "invalid characters",
        "premature end",
        "trailing input",
        "out of range",
        "not enough",
    ]
    .iter()
    .any(|chrono| text.contains(chrono))
    {
        "een datum is ongeldig (schrijf jjjj-mm-dd, bijv. 2026-11-02)".into()
    } else {
        format!("de velden kloppen niet ({text})")
    }
}

fn value(name: &str, text: &str) -> Result<Value> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Value::Null);
    }
    if name.contains("quarters") {
        let quarters = Quarters::parse(text).with_context(|| {
            format!("{name}: '{text}' is geen aantal uren in kwartieren (bijv. 2, 1,5 of 1:30)")
        })?;
        return Ok(Value::from(quarters.0));
    }
    if name.ends_with("_cents") {
        return Ok(Value::from(cents(text)?));
    }
    Ok(match text {
        "true" | "ja" => Value::Bool(true),
        "false" | "nee" => Value::Bool(false),
        _ => match text.parse::<i64>() {
            Ok(n) if name == "months" => Value::from(n),
            _ => Value::String(text.to_owned()),
        },
    })
}

fn code_text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn print_view(view: &TrajectoryView) {
    println!("Voortgangsgesprekken: {}", view.conversations.len());
    for c in &view.conversations {
        let text = c.record.notes.as_deref().or(c.record.agreements.as_deref());
        println!("  {}  {}", date(c.record.date), text.unwrap_or(""));
    }
    println!(
        "PVT: {} uur; participatieverklaring {}",
        view.pvt_quarters,
        view.pvt_statement.as_ref().map_or_else(
            || "nog niet ondertekend".to_owned(),
            |s| format!("ondertekend op {}", date(s.record.signed_on))
        )
    );
    println!(
        "MAP: {} van 8 thema's, {} uur praktijk{}",
        view.map_themes.len(),
        view.map_practice_quarters,
        view.map_closings
            .first()
            .map_or_else(String::new, |c| format!(
                "; eindgesprek {} ({})",
                date(c.record.date),
                code_text(&c.record.result)
            ))
    );
    println!("Handhaving: {} zaak/zaken", view.enforcement.len());
    for case in &view.enforcement {
        let c = &case.case.record;
        println!(
            "  {}  {}; {} waarschuwing(en); besluit: {}",
            date(c.opened_on),
            code_text(&c.trigger),
            case.warnings.len(),
            c.decision
                .map_or_else(|| "nog geen".to_owned(), |d| code_text(&d))
        );
    }
    for o in &view.ontzorgen {
        println!(
            "Ontzorgen: {} t/m {}",
            date(o.stored.record.start),
            date(o.end)
        );
        for warning in &o.warnings {
            println!("  Let op: {warning}");
        }
    }
    for b in &view.begeleidingen {
        println!(
            "Maatschappelijke begeleiding: {} van {} t/m {}, spreekuur tot {}",
            b.stored.record.organisation,
            date(b.stored.record.start),
            date(b.end),
            date(b.walk_in_until)
        );
    }
    println!("Verwijzingen: {}", view.referrals.len());
    for r in &view.referrals {
        println!(
            "  {}  {}: {}",
            date(r.record.date),
            code_text(&r.record.target),
            r.record.outcome.as_deref().unwrap_or("nog geen uitkomst")
        );
    }
    for w in &view.work {
        println!(
            "Werk: {} ({}) vanaf {}, {} uur per week; {} week/weken te boeken",
            w.stored.record.employer,
            code_text(&w.stored.record.kind),
            date(w.stored.record.start),
            w.stored.record.quarters_per_week,
            w.to_book.len()
        );
    }
    match &view.closing {
        Some(c) => println!(
            "Afgesloten: {} op {}; bewaard tot {}",
            code_text(&c.stored.record.reason),
            date(c.stored.record.date),
            date(c.retention_end)
        ),
        None => println!("Niet afgesloten"),
    }
}

/// `traject retention [YEARS]`: shows or sets the retention period.
pub fn run_retention(store: &mut Store, years: Option<u32>) -> Result<()> {
    if let Some(years) = years {
        store.set_retention_years(years)?;
    }
    println!(
        "Bewaartermijn: {} jaar na het einde van de inburgeringsplicht",
        store.retention_years()?
    );
    Ok(())
}
