//! `traject report NAME --reference-date DATE [--municipality M] [--format table|json|csv|xlsx]
//! [--output FILE]`: the report tables; `traject report --list` names them.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use traject_core::domain::reports::{AgeGroups, ReportTable, REPORTS};
use traject_core::export::{report_cells, report_csv, report_header, report_xlsx};
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
    /// Show counts of 1–4 as "<5" (exports for policy officers); default: the setting.
    #[arg(long)]
    mask: bool,
    /// Write to this file instead of the terminal (required for xlsx).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
    Xlsx,
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
    let mask = args.mask || store.mask_small_counts()?;
    let format = if as_json { Format::Json } else { args.format };
    let bytes = match format {
        Format::Json => format!("{}\n", serde_json::to_string_pretty(&table)?).into_bytes(),
        Format::Csv => report_csv(&table, mask)?.into_bytes(),
        Format::Xlsx if args.output.is_none() => {
            bail!("een xlsx-bestand gaat niet naar de terminal: geef --output BESTAND.xlsx")
        }
        Format::Xlsx => report_xlsx(&table, mask)?,
        Format::Table => table_text(&table, mask).into_bytes(),
    };
    match args.output {
        Some(path) => {
            std::fs::write(&path, bytes)
                .with_context(|| format!("{} kon niet worden geschreven", path.display()))?;
            eprintln!("{} opgeslagen in {}", table.title, path.display());
        }
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(())
}

/// `traject age-groups [BOUNDS]`: shows, or sets and shows, the cohort report's age groups.
pub fn run_age_groups(store: &mut Store, bounds: Option<&str>) -> Result<()> {
    if let Some(bounds) = bounds {
        store.set_report_age_groups(&AgeGroups::parse(bounds)?)?;
    }
    println!(
        "Leeftijdsgroepen: {}",
        store.report_age_groups()?.titles().join(", ")
    );
    Ok(())
}

fn table_text(table: &ReportTable, mask: bool) -> String {
    let header = report_header(table);
    let rows = report_cells(table, mask);
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
        let text = cells
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
            .join("  ");
        format!("{}\n", text.trim_end())
    };
    let mut out = format!(
        "{} — peildatum {}\n",
        table.title,
        table.reference_date.format("%d-%m-%Y")
    );
    out.push_str(&line(&header));
    for row in &rows {
        out.push_str(&line(row));
    }
    out.push_str(&table.note);
    out.push('\n');
    out
}
