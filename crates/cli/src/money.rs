//! `traject money …`: the SPUK and price tables, the forecast of SPUK income against committed
//! course costs, and the check of a language school's invoice.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;
use traject_core::domain::money::{
    euros, parse_euros, CoursePrice, CourseProduct, SpukKind, SpukRate,
};
use traject_core::import::check_invoice_file;
use traject_core::Store;

use crate::hours::code;
use crate::output::{json, print_table};

#[derive(Subcommand)]
pub enum MoneyCommand {
    /// The SPUK amounts, course prices and invoice milestones.
    Tables,
    /// Add or change a SPUK amount of a cohort year (e.g. next year's figures).
    Spuk {
        year: i32,
        /// statushouder-jaar1, statushouder-jaar2, statushouder-jaar3 or gezins-overige-migrant.
        #[arg(value_parser = code::<SpukKind>)]
        kind: SpukKind,
        /// In euros, e.g. 9.154,91.
        amount: String,
    },
    /// Add or change a trajectprijs from a year on.
    Price {
        /// The language school; leave out for a price of any provider.
        #[arg(long)]
        provider: Option<String>,
        /// b1-route, z-route, map-b1, map-gezinsmigranten or onderwijsroute-mbo.
        #[arg(value_parser = code::<CourseProduct>)]
        product: CourseProduct,
        from_year: i32,
        amount: String,
    },
    /// SPUK income against committed course costs per calendar year.
    Forecast {
        #[arg(long)]
        from: i32,
        #[arg(long)]
        to: i32,
    },
    /// Checks a school's invoice (CSV: client, provider, milestone, amount, date) against the
    /// clients' records and the price table. Exit code 2 when a line is flagged.
    InvoiceCheck { file: PathBuf },
}

pub fn run(store: &mut Store, command: MoneyCommand, as_json: bool) -> Result<bool> {
    match command {
        MoneyCommand::Tables => {
            let t = store.money_tables()?;
            if as_json {
                json(&t)?;
                return Ok(true);
            }
            println!("SPUK per cohortjaar");
            let rows: Vec<[String; 3]> = t
                .spuk
                .iter()
                .map(|r| [r.year.to_string(), text(&r.kind), euros(r.cents)])
                .collect();
            print_table(&["Jaar", "Soort", "Bedrag"], &rows);
            println!("\nTrajectprijzen");
            let rows: Vec<[String; 4]> = t
                .prices
                .iter()
                .map(|p| {
                    [
                        p.provider
                            .clone()
                            .unwrap_or_else(|| "(elke aanbieder)".into()),
                        text(&p.product),
                        format!("vanaf {}", p.from_year),
                        euros(p.cents),
                    ]
                })
                .collect();
            print_table(&["Aanbieder", "Product", "Geldig", "Prijs"], &rows);
            println!("\nFacturatiemomenten");
            let rows: Vec<[String; 4]> = t
                .milestones
                .iter()
                .map(|m| {
                    [
                        m.code.clone(),
                        text(&m.route),
                        format!("{},{} %", m.share_permille / 10, m.share_permille % 10),
                        m.description.clone(),
                    ]
                })
                .collect();
            print_table(&["Code", "Leerroute", "Deel", "Omschrijving"], &rows);
        }
        MoneyCommand::Spuk { year, kind, amount } => {
            let cents = cents(&amount)?;
            store.save_spuk_rate(&SpukRate { year, kind, cents })?;
            println!("SPUK {} {year}: {}", text(&kind), euros(cents));
        }
        MoneyCommand::Price {
            provider,
            product,
            from_year,
            amount,
        } => {
            let cents = cents(&amount)?;
            store.save_course_price(&CoursePrice {
                provider: provider.clone(),
                product,
                from_year,
                cents,
            })?;
            println!(
                "Trajectprijs {} {} vanaf {from_year}: {}",
                provider.as_deref().unwrap_or("(elke aanbieder)"),
                text(&product),
                euros(cents)
            );
        }
        MoneyCommand::Forecast { from, to } => {
            let years = store.spuk_forecast(from, to, None)?;
            if as_json {
                json(&years)?;
                return Ok(true);
            }
            let rows: Vec<[String; 6]> = years
                .iter()
                .map(|y| {
                    [
                        y.year.to_string(),
                        y.clients.to_string(),
                        euros(y.spuk_cents),
                        y.courses.to_string(),
                        euros(y.committed_cents),
                        euros(y.spuk_cents - y.committed_cents),
                    ]
                })
                .collect();
            print_table(
                &[
                    "Jaar",
                    "Cliënten",
                    "SPUK",
                    "Trajecten",
                    "Toegezegd",
                    "Saldo",
                ],
                &rows,
            );
            for y in &years {
                for missing in &y.missing {
                    println!("Let op ({}): {missing} ontbreekt in de tabellen", y.year);
                }
            }
        }
        MoneyCommand::InvoiceCheck { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("{} lezen", file.display()))?;
            let check = check_invoice_file(store, &bytes)?;
            let (findings, rejected) = (&check.findings, &check.rejected);
            let flagged = findings.iter().filter(|f| !f.problems.is_empty()).count();
            if as_json {
                json(&serde_json::json!({
                    "findings": findings,
                    "rejected": rejected.iter().map(ToString::to_string).collect::<Vec<_>>(),
                }))?;
            } else {
                let rows: Vec<[String; 5]> = findings
                    .iter()
                    .map(|f| {
                        [
                            f.line.to_string(),
                            f.client.clone(),
                            f.milestone.clone(),
                            euros(f.cents),
                            f.message.clone(),
                        ]
                    })
                    .collect();
                print_table(&["Regel", "Cliënt", "Moment", "Bedrag", "Bevinding"], &rows);
                for error in rejected {
                    println!("Afgekeurd: {error}");
                }
                println!(
                    "{} regel(s) gecontroleerd: {} in orde, {} met een bevinding; {} afgekeurd",
                    findings.len(),
                    findings.len() - flagged,
                    flagged,
                    rejected.len()
                );
            }
            return Ok(check.clean());
        }
    }
    Ok(true)
}

/// A code as a person reads it: "statushouder jaar1".
fn text<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s.replace('_', " "),
        _ => String::new(),
    }
}

fn cents(amount: &str) -> Result<i64> {
    parse_euros(amount)
        .ok_or_else(|| anyhow::anyhow!("'{amount}' is geen bedrag in euro's (bijv. 9.154,91)"))
}
