//! `traject report NAME --reference-date DATE [--municipality M] [--format table|json|csv]`:
//! the aggregate tables, without personal data; `traject report --list` names them.

use anyhow::{anyhow, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use traject_core::domain::reports::{ReportTable, REPORTS};
use traject_core::Store;

#[derive(Args)]
pub struct ReportArgs {
    /// The report (see --list).
    name: Option<String>,
    /// List the reports.
    #[arg(long)]
    list: bool,
    /// The day the report looks at (default: today).
    #[arg(long)]
    reference_date: Option<NaiveDate>,
    #[arg(long)]
    municipality: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Show counts of 1–4 as "<5" (exports for policy officers).
    #[arg(long)]
    mask: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

pub fn run(store: &Store, args: ReportArgs, today: NaiveDate, as_json: bool) -> Result<()> {
    if args.list || args.name.is_none() {
        for (name, title) in REPORTS {
            println!("{name:<26} {title}");
        }
        return Ok(());
    }
    let name = args.name.unwrap_or_default();
    let reference = args.reference_date.unwrap_or(today);
    let table = store
        .report(&name, reference, args.municipality.as_deref())?
        .ok_or_else(|| anyhow!("onbekend rapport '{name}' (zie traject report --list)"))?;
    match if as_json { Format::Json } else { args.format } {
        Format::Json => println!("{}", serde_json::to_string_pretty(&table)?),
        Format::Csv => print!("{}", csv(&table, args.mask)?),
        Format::Table => print_table(&table, args.mask),
    }
    Ok(())
}

fn cells(table: &ReportTable, mask: bool) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| {
            row.labels
                .iter()
                .cloned()
                .chain(
                    row.values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| table.format(i, *v, mask)),
                )
                .collect()
        })
        .collect()
}

fn header(table: &ReportTable) -> Vec<String> {
    table
        .label_columns
        .iter()
        .cloned()
        .chain(table.columns.iter().map(|c| c.title.clone()))
        .collect()
}

fn csv(table: &ReportTable, mask: bool) -> Result<String> {
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    out.write_record(header(table))?;
    for row in cells(table, mask) {
        out.write_record(row)?;
    }
    Ok(String::from_utf8(out.into_inner()?)?)
}

fn print_table(table: &ReportTable, mask: bool) {
    println!(
        "{} — peildatum {}",
        table.title,
        table.reference_date.format("%d-%m-%Y")
    );
    let header = header(table);
    let rows = cells(table, mask);
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain(std::iter::once(header[i].chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                if i < table.label_columns.len() {
                    format!("{c:<w$}")
                } else {
                    format!("{c:>w$}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    println!("{}", line(&header));
    for row in &rows {
        println!("{}", line(row));
    }
    println!("{}", table.note);
}
