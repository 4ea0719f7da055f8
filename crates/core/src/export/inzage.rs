//! A dossier for its client (right of access, domain page §7) as two files in one directory:
//! `inzage-<achternaam>-<datum>.json`, every record as stored with its history, and
//! `inzage-<achternaam>-<datum>.html`, the same in Dutch for a person to read or print — one
//! section per kind of record, dates as dd-mm-jjjj, no external resources (a beschikking's
//! PDF is inside it as a data link).

use std::fmt::{Display, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::domain::glossary::{
    category_label, channel_label, client_type_label, entity_label, field_label, outcome_label,
    route_label, source_label, status_label, table_title, version_kind_label,
};
use crate::store::{
    AuditEntry, DossierExport, ExportedQuestion, ExportedRecord, ExportedTable, Result, Store,
};

/// Columns with a yes or no (stored as 0 or 1).
const YES_NO: [&str; 7] = [
    "interpreter_needed",
    "stagnating",
    "excused",
    "migrated",
    "culpable",
    "letter_sent",
    "rent_collected_by_corporation",
];

/// A table with at most this many filled columns is one table with a row per record;
/// a wider one shows each record as its own list of fields.
const ROW_TABLE_COLUMNS: usize = 8;

/// Exports client `id`'s dossier (audited) and writes both files into `dir` (made when
/// missing). Returns the JSON file's path, then the document's.
pub fn save(store: &mut Store, id: &Uuid, dir: &Path, today: NaiveDate) -> Result<[PathBuf; 2]> {
    let export = store.export_dossier(id)?;
    let stem = file_stem(&export.family_name, today);
    std::fs::create_dir_all(dir)?;
    let json_path = dir.join(format!("{stem}.json"));
    std::fs::write(&json_path, json(&export)?)?;
    let html_path = dir.join(format!("{stem}.html"));
    std::fs::write(&html_path, html(&export, &chrono::Local))?;
    Ok([json_path, html_path])
}

/// `inzage-<achternaam>-<jjjj-mm-dd>`, the name's letters and digits kept.
pub fn file_stem(family_name: &str, today: NaiveDate) -> String {
    format!(
        "inzage-{}-{}",
        super::file_safe(family_name.trim()),
        today.format("%Y-%m-%d")
    )
}

/// The export as indented JSON.
pub fn json(export: &DossierExport) -> serde_json::Result<String> {
    serde_json::to_string_pretty(export)
}

/// The export as a Dutch HTML document; times in `zone` (the laptop's).
pub fn html<Tz: TimeZone>(export: &DossierExport, zone: &Tz) -> String
where
    Tz::Offset: Display,
{
    let view = Renderer { export, zone };
    let mut out = String::new();
    let name = escape(&export.full_name());
    let history = export.history();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>Inzage in het dossier van {name}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>Inzage in het dossier van {name}</h1>\n<dl class=\"meta\">\
         <dt>Opgesteld op</dt><dd>{at}</dd>\
         <dt>Door</dt><dd>{by}, {organisation}</dd>\
         <dt>Kenmerk van het dossier</dt><dd class=\"mono\">{id}</dd></dl>\n\
         <p>Dit overzicht bevat alle gegevens die {organisation} in Traject over u heeft \
         vastgelegd voor de Wet inburgering 2021, en wie die gegevens wanneer heeft vastgelegd, \
         gewijzigd of ingezien. U ontvangt het omdat u om inzage heeft gevraagd (artikel 15 van \
         de Algemene verordening gegevensbescherming). Dezelfde gegevens staan ook in het \
         bijbehorende JSON-bestand, dat een computer kan lezen.</p>\n</header>\n",
        at = view.timestamp(&export.exported_at),
        by = escape(&export.exported_by),
        organisation = escape(&export.organisation),
        id = export.client_id,
    );
    out.push_str("<nav>\n<h2>Inhoud</h2>\n<ol>\n");
    for table in &export.tables {
        let _ = writeln!(
            out,
            "<li><a href=\"#{t}\">{title}</a> <span class=\"count\">({n})</span></li>",
            t = table.table,
            title = escape(table_title(&table.table)),
            n = table.records.len(),
        );
    }
    let _ = writeln!(
        out,
        "<li><a href=\"#historie\">{}</a> <span class=\"count\">({})</span></li>\n</ol>\n</nav>",
        escape(table_title("audit_log")),
        history.len()
    );
    for table in &export.tables {
        let _ = write!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            table.table,
            escape(table_title(&table.table))
        );
        match table.table.as_str() {
            "clients" => view.fields_list(&mut out, table, &table.records[0]),
            "intake_answers" => view.answers(&mut out, &table.records),
            "pip_documents" => view.documents(&mut out, &table.records),
            _ => view.records(&mut out, table),
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "<section id=\"historie\">\n<h2>{}</h2>\n",
        escape(table_title("audit_log"))
    );
    view.history(&mut out, &history);
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

struct Renderer<'a, Tz: TimeZone> {
    export: &'a DossierExport,
    zone: &'a Tz,
}

impl<Tz: TimeZone> Renderer<'_, Tz>
where
    Tz::Offset: Display,
{
    fn timestamp(&self, at: &DateTime<Utc>) -> String {
        at.with_timezone(self.zone)
            .format("%d-%m-%Y %H:%M")
            .to_string()
    }

    /// One record as a list of its fields, two pairs to a line (the client; wide records).
    fn fields_list(&self, out: &mut String, table: &ExportedTable, record: &ExportedRecord) {
        out.push_str("<dl class=\"fields\">\n");
        for column in shown_columns(table, std::slice::from_ref(record)) {
            let _ = writeln!(
                out,
                "<div><dt>{}</dt>{}</div>",
                escape(field_label(column)),
                cell(
                    "dd",
                    &self.value(&table.table, column, &record.fields[column])
                )
            );
        }
        out.push_str("</dl>\n");
    }

    /// The records of a table: a row each when few columns are filled, else a list each.
    fn records(&self, out: &mut String, table: &ExportedTable) {
        let columns = shown_columns(table, &table.records);
        if columns.len() > ROW_TABLE_COLUMNS {
            for (n, record) in table.records.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "<h3>{} {}</h3>",
                    escape(entity_label(&table.table)),
                    n + 1
                );
                self.fields_list(out, table, record);
            }
            return;
        }
        out.push_str("<table>\n<thead><tr>");
        for column in &columns {
            let _ = write!(
                out,
                "<th scope=\"col\">{}</th>",
                escape(field_label(column))
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for record in &table.records {
            out.push_str("<tr>");
            for column in &columns {
                out.push_str(&cell(
                    "td",
                    &self.value(&table.table, column, &record.fields[*column]),
                ));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// The answers of the Brede intake under their questions.
    fn answers(&self, out: &mut String, records: &[ExportedRecord]) {
        out.push_str(
            "<table>\n<thead><tr><th scope=\"col\">Vraag</th><th scope=\"col\">Antwoord</th>\
             <th scope=\"col\">Beantwoord door</th><th scope=\"col\">Beantwoord op</th></tr></thead>\n<tbody>\n",
        );
        for record in records {
            let question_id = record.fields["question_id"].as_str().unwrap_or_default();
            // The row of a repeat group lists its entries: no answer of the client.
            let Some(question) = self.question(record, question_id) else {
                continue;
            };
            let instance = record.fields["instance"].as_u64().unwrap_or(0);
            let text = if instance == 0 {
                question.text.clone()
            } else {
                format!("{} ({instance})", question.text)
            };
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td>{}{}</tr>",
                escape(&text),
                escape(&answer_text(question, &record.fields["value"])),
                cell(
                    "td",
                    &self.value(
                        "intake_answers",
                        "answered_by",
                        &record.fields["answered_by"]
                    )
                ),
                cell(
                    "td",
                    &self.value(
                        "intake_answers",
                        "answered_at",
                        &record.fields["answered_at"]
                    )
                ),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// The question an answer belongs to, in the questionnaire version of its intake.
    fn question(&self, answer: &ExportedRecord, question_id: &str) -> Option<&ExportedQuestion> {
        let intake = self
            .export
            .records("intakes")
            .iter()
            .find(|i| i.fields.get("id") == answer.fields.get("intake_id"))?;
        let questionnaire = intake.fields["questionnaire_id"].as_str()?;
        let version = intake.fields["questionnaire_version"].as_u64()?;
        self.export.questions.iter().find(|q| {
            q.questionnaire == questionnaire
                && u64::from(q.version) == version
                && q.id == question_id
        })
    }

    /// The beschikkingen, each openable from the document itself.
    fn documents(&self, out: &mut String, records: &[ExportedRecord]) {
        out.push_str(
            "<table>\n<thead><tr><th scope=\"col\">Opgemaakt op</th><th scope=\"col\">Door</th>\
             <th scope=\"col\">Document</th></tr></thead>\n<tbody>\n",
        );
        for (n, record) in records.iter().enumerate() {
            let pdf = record.fields["pdf"].as_str().unwrap_or_default();
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\">{}</td><td>{}</td><td><a download=\"beschikking-{}.pdf\" \
                 href=\"data:application/pdf;base64,{pdf}\">Beschikking {} (pdf)</a></td></tr>",
                escape(&self.value(
                    "pip_documents",
                    "generated_at",
                    &record.fields["generated_at"]
                )),
                escape(&self.value(
                    "pip_documents",
                    "generated_by",
                    &record.fields["generated_by"]
                )),
                n + 1,
                n + 1,
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// Every audit entry of the dossier, oldest first.
    fn history(&self, out: &mut String, entries: &[&AuditEntry]) {
        out.push_str(
            "<table class=\"history\">\n<thead><tr><th scope=\"col\">Tijdstip</th>\
             <th scope=\"col\">Wie</th><th scope=\"col\">Wat</th><th scope=\"col\">Onderdeel</th>\
             <th scope=\"col\">Gegevens</th></tr></thead>\n<tbody>\n",
        );
        for entry in entries {
            let changes: Vec<String> = entry
                .changes
                .iter()
                .map(|change| escape(&change.to_string()))
                .collect();
            let _ = writeln!(
                out,
                "<tr><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                self.timestamp(&entry.at),
                escape(&entry.actor),
                escape(entry.action.label()),
                escape(entity_label(&entry.entity)),
                changes.join("<br>"),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    /// A stored value as a person reads it.
    fn value(&self, table: &str, column: &str, value: &Value) -> String {
        match value {
            Value::Null => "—".to_owned(),
            Value::Bool(b) => yes_no(*b),
            Value::Number(n) if YES_NO.contains(&column) => yes_no(n.as_i64() != Some(0)),
            Value::Number(n) if column.contains("quarters") => {
                format!("{} uur", hours(n.as_i64().unwrap_or(0)))
            }
            Value::Number(n) if column == "cents" || column.ends_with("_cents") => {
                euros(n.as_i64().unwrap_or(0))
            }
            Value::Number(n) => n.to_string(),
            Value::Array(items) if items.is_empty() => "—".to_owned(),
            Value::Array(items) => items
                .iter()
                .map(|v| self.value(table, column, v))
                .collect::<Vec<_>>()
                .join(", "),
            Value::Object(_) => value.to_string(),
            Value::String(s) => {
                if let Ok(at) = DateTime::parse_from_rfc3339(s) {
                    return self.timestamp(&at.with_timezone(&Utc));
                }
                if let Ok(day) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    return day.format("%d-%m-%Y").to_string();
                }
                code_label(table, column, s).unwrap_or_else(|| readable_code(s))
            }
        }
    }
}

/// The columns of `table` worth showing, in the schema's order: not the ids that tie records
/// together, nor a column none of `records` fills (the client shows every field).
fn shown_columns<'t>(table: &'t ExportedTable, records: &[ExportedRecord]) -> Vec<&'t str> {
    table
        .columns
        .iter()
        .map(String::as_str)
        .filter(|c| {
            let internal = matches!(*c, "id" | "reverses" | "fingerprint")
                || (c.ends_with("_id") && !matches!(*c, "external_id" | "questionnaire_id"));
            !internal
        })
        .filter(|c| table.table == "clients" || records.iter().any(|r| !r.fields[*c].is_null()))
        .collect()
}

/// A cell (`td` or `dd`) with `text`; dates, times and amounts stay on one line.
fn cell(tag: &str, text: &str) -> String {
    let together = text.ends_with(" uur")
        || text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | ' ' | ',' | '.' | '€'));
    if together {
        format!("<{tag} class=\"nowrap\">{}</{tag}>", escape(text))
    } else {
        format!("<{tag}>{}</{tag}>", escape(text))
    }
}

/// The Dutch word for a stored code, where the glossary has one.
fn code_label(table: &str, column: &str, code: &str) -> Option<String> {
    use crate::store::from_code;
    let label = match (table, column) {
        ("clients", "client_type") => client_type_label(from_code(code).ok()?),
        ("clients", "status") => status_label(from_code(code).ok()?),
        ("clients", "gender") => match code {
            "M" => "Man",
            "V" => "Vrouw",
            _ => return None,
        },
        ("intakes", "status") => match code {
            "in_progress" => "Bezig",
            "completed" => "Afgerond",
            _ => return None,
        },
        ("contact_attempts", "channel") => channel_label(from_code(code).ok()?),
        ("contact_attempts", "outcome") => outcome_label(from_code(code).ok()?),
        ("hour_entries", "category") => category_label(from_code(code).ok()?),
        ("hour_entries", "source") => source_label(from_code(code).ok()?),
        (_, "leerroute") => route_label(from_code(code).ok()?),
        ("pip_versions", "kind") => version_kind_label(from_code(code).ok()?),
        _ => return None,
    };
    Some(label.to_owned())
}

/// A code without a glossary entry, readable: `in_progress` → "in progress".
fn readable_code(text: &str) -> String {
    let code_like = text.contains('_')
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if code_like {
        text.replace('_', " ")
    } else {
        text.to_owned()
    }
}

/// An intake answer: a choice by its label, yes or no, a number or text.
fn answer_text(question: &ExportedQuestion, value: &Value) -> String {
    let option = |v: &str| {
        question
            .options
            .iter()
            .find(|o| o.value == v)
            .map_or_else(|| v.to_owned(), |o| o.label.clone())
    };
    match value {
        Value::Null => "—".to_owned(),
        Value::Bool(b) => yes_no(*b),
        Value::String(s) => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(day) => day.format("%d-%m-%Y").to_string(),
            Err(_) => option(s),
        },
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().map_or_else(|| v.to_string(), option))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Number(n) => n.to_string().replace('.', ","),
        Value::Object(map) => object_text(map),
    }
}

fn object_text(map: &Map<String, Value>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes_no(yes: bool) -> String {
    if yes { "Ja" } else { "Nee" }.to_owned()
}

/// Quarter hours as hours with a decimal comma: 10 → "2,5", -1 → "-0,25".
fn hours(quarters: i64) -> String {
    let sign = if quarters < 0 { "-" } else { "" };
    let quarters = quarters.abs();
    let fraction = match quarters % 4 {
        0 => "",
        1 => ",25",
        2 => ",5",
        _ => ",75",
    };
    format!("{sign}{}{fraction}", quarters / 4)
}

/// Cents as euros: 25000 → "€ 250,00".
fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.abs();
    let mut whole = (cents / 100).to_string();
    let mut grouped = String::new();
    while whole.len() > 3 {
        let tail = whole.split_off(whole.len() - 3);
        grouped = format!(".{tail}{grouped}");
    }
    format!("€ {sign}{whole}{grouped},{:02}", cents % 100)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "
body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10.5pt;
  color: #1d2730; max-width: 62rem; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 0.75rem; color: #14535d; }
h2 { font-size: 1.15rem; margin: 2rem 0 0.6rem; padding-bottom: 0.3rem;
  border-bottom: 2px solid #1f8a9a; color: #14535d; break-after: avoid; }
h3 { font-size: 1rem; margin: 1.2rem 0 0.4rem; break-after: avoid; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 1rem; }
.meta dt { color: #5b6872; }
.meta dd { margin: 0; }
.mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 0.9em; }
nav ol { columns: 2; padding-left: 1.4rem; }
nav a { color: #14535d; }
.count { color: #5b6872; }
table { width: 100%; border-collapse: collapse; margin: 0.4rem 0 0.8rem; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem;
  border-bottom: 1px solid #d8dee3; overflow-wrap: break-word; }
thead th { background: #eef3f5; border-bottom: 2px solid #b9c6cd; font-weight: 600; }
dl.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5rem; margin: 0.4rem 0 0.8rem; }
dl.fields div { display: grid; grid-template-columns: 11rem 1fr; gap: 0.75rem;
  padding: 0.3rem 0; border-bottom: 1px solid #d8dee3; break-inside: avoid; }
dl.fields dt { color: #3d4b57; }
dl.fields dd { margin: 0; overflow-wrap: break-word; }
.nowrap { white-space: nowrap; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  nav { break-after: page; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;
    use crate::domain::NoteInput;
    use crate::generate::{into_store, GenerateOptions};
    use crate::store::test_support::{amira, store, today};
    use crate::store::{AuditAction, AuditQuery, StoreError};

    fn winter() -> FixedOffset {
        FixedOffset::east_opt(3600).unwrap()
    }

    #[test]
    fn file_names_keep_the_family_name_readable() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let cases = [
            ("Haddad", "inzage-Haddad-2026-11-29"),
            ("van der Berg", "inzage-van-der-Berg-2026-11-29"),
            ("Öztürk", "inzage-Öztürk-2026-11-29"),
            (" O'Neil/Smit ", "inzage-O-Neil-Smit-2026-11-29"),
        ];
        for (name, stem) in cases {
            assert_eq!(file_stem(name, day), stem, "{name}");
        }
    }

    #[test]
    fn amounts_read_as_hours_and_euros() {
        let hour_cases = [
            (0, "0"),
            (1, "0,25"),
            (10, "2,5"),
            (11, "2,75"),
            (-1, "-0,25"),
            (-8, "-2"),
        ];
        for (quarters, text) in hour_cases {
            assert_eq!(hours(quarters), text, "{quarters} quarters");
        }
        let euro_cases = [
            (0, "€ 0,00"),
            (25_000, "€ 250,00"),
            (123_456_789, "€ 1.234.567,89"),
            (-550, "€ -5,50"),
        ];
        for (cents, text) in euro_cases {
            assert_eq!(euros(cents), text, "{cents} cents");
        }
    }

    #[test]
    fn dates_times_and_amounts_stay_on_one_line() {
        let cases = [
            ("17-05-1990", "<td class=\"nowrap\">17-05-1990</td>"),
            (
                "06-01-2026 00:30",
                "<td class=\"nowrap\">06-01-2026 00:30</td>",
            ),
            ("2,75 uur", "<td class=\"nowrap\">2,75 uur</td>"),
            ("€ 1.250,00", "<td class=\"nowrap\">€ 1.250,00</td>"),
            ("Taalschool De Duinrand", "<td>Taalschool De Duinrand</td>"),
            ("<b>", "<td>&lt;b&gt;</td>"),
        ];
        for (text, html) in cases {
            assert_eq!(cell("td", text), html);
        }
    }

    #[test]
    fn stored_values_read_as_dutch() {
        let (_dir, mut store) = store();
        let client = store.create_client(amira(), today()).unwrap();
        let export = store.export_dossier(&client.id).unwrap();
        let zone = winter();
        let view = Renderer {
            export: &export,
            zone: &zone,
        };
        let cases = [
            (
                "clients",
                "birth_date",
                Value::from("1990-05-17"),
                "17-05-1990",
            ),
            (
                "clients",
                "created_at",
                Value::from("2026-01-05T23:30:00.000Z"),
                "06-01-2026 00:30",
            ),
            ("clients", "interpreter_needed", Value::from(0), "Nee"),
            ("absences", "excused", Value::from(1), "Ja"),
            ("hour_entries", "quarters", Value::from(10), "2,5 uur"),
            (
                "enforcement_cases",
                "fine_cents",
                Value::from(25_000),
                "€ 250,00",
            ),
            (
                "clients",
                "client_type",
                Value::from("statushouder"),
                "Statushouder",
            ),
            ("clients", "gender", Value::from("V"), "Vrouw"),
            (
                "pip_versions",
                "leerroute",
                Value::from("z_route"),
                "Z-route",
            ),
            (
                "referrals",
                "target",
                Value::from("schuldhulpverlening"),
                "schuldhulpverlening",
            ),
            (
                "closings",
                "reason",
                Value::from("vrijstelling_duo"),
                "vrijstelling duo",
            ),
            (
                "notes",
                "text",
                Value::from("Afspraak_gemaakt? Ja."),
                "Afspraak_gemaakt? Ja.",
            ),
            (
                "clients",
                "other_languages",
                Value::from(vec!["Engels", "Frans"]),
                "Engels, Frans",
            ),
            ("clients", "phone", Value::Null, "—"),
        ];
        for (table, column, value, text) in cases {
            assert_eq!(view.value(table, column, &value), text, "{table}.{column}");
        }
    }

    fn generated() -> (tempfile::TempDir, Store) {
        let (dir, mut store) = store();
        into_store(
            &mut store,
            &GenerateOptions {
                clients: 4,
                seed: 11,
                today: today(),
                municipalities: vec!["Lisse".into()],
                consultants: vec!["Els de Vries".into()],
                years: 3,
            },
        )
        .unwrap();
        (dir, store)
    }

    /// The generated client whose dossier holds an intake (its answers have questions).
    fn with_intake(store: &Store) -> Uuid {
        let caseload = store
            .caseload(&crate::store::CaseloadQuery::default())
            .unwrap();
        caseload
            .iter()
            .map(|c| c.id)
            .find(|id| !store.intakes(id).unwrap().is_empty())
            .expect("a generated caseload has an intake")
    }

    #[test]
    fn the_document_has_a_section_per_kind_of_record_and_the_history() {
        let (_dir, mut store) = generated();
        let id = with_intake(&store);
        store
            .add_note(
                &id,
                NoteInput {
                    text: "Belt <terug> & \"snel\"".into(),
                },
            )
            .unwrap();
        store.reveal_bsn(&id).unwrap();
        let export = store.export_dossier(&id).unwrap();
        let page = html(&export, &winter());

        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
        assert!(page.contains(&format!(
            "<h1>Inzage in het dossier van {}</h1>",
            escape(&export.full_name())
        )));
        for table in &export.tables {
            assert!(
                page.contains(&format!(
                    "<section id=\"{}\">\n<h2>{}</h2>",
                    table.table,
                    escape(table_title(&table.table))
                )),
                "a section for {}",
                table.table
            );
        }
        let bsn = export.records("clients")[0].fields["bsn"].as_str().unwrap();
        assert!(
            page.contains(&format!("<dt>BSN</dt><dd class=\"nowrap\">{bsn}</dd>")),
            "the client's own BSN, whole"
        );
        assert!(
            page.contains("Belt &lt;terug&gt; &amp; &quot;snel&quot;"),
            "text is escaped"
        );
        assert!(
            page.contains("<td>BSN bekeken</td>"),
            "the reveal is in the history"
        );
        assert!(page.contains("<th scope=\"col\">Vraag</th>"));
        let question = &export.questions[0].text;
        assert!(
            page.contains(&escape(question)),
            "answers stand under their question"
        );
        // Self-contained: nothing is fetched from elsewhere.
        for outside in ["http://", "https://", "<link", "<script", " src="] {
            assert!(!page.contains(outside), "no {outside}");
        }
    }

    #[test]
    fn save_writes_both_files_into_the_directory() {
        let (dir, mut store) = store();
        let client = store.create_client(amira(), today()).unwrap();
        let out = dir.path().join("inzage").join("2026");
        let [json_path, html_path] = save(&mut store, &client.id, &out, today()).unwrap();
        assert_eq!(json_path, out.join("inzage-Haddad-2026-11-29.json"));
        assert_eq!(html_path, out.join("inzage-Haddad-2026-11-29.html"));
        let json: Value =
            serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
        assert_eq!(json["client_id"], client.id.to_string());
        assert_eq!(
            json["tables"][0]["records"][0]["fields"]["bsn"],
            "123456782"
        );
        assert_eq!(
            json["tables"][0]["records"][0]["history"][0]["action"],
            "create"
        );
        let document = std::fs::read_to_string(&html_path).unwrap();
        assert!(document.contains("17-05-1990"));
        let exports = store
            .audit(&AuditQuery {
                action: Some(AuditAction::Export),
                ..AuditQuery::default()
            })
            .unwrap();
        assert_eq!(exports.entries.len(), 1);
    }

    #[test]
    fn an_unknown_client_writes_nothing() {
        let (dir, mut store) = store();
        let out = dir.path().join("inzage");
        let unknown = Uuid::nil();
        let error = save(&mut store, &unknown, &out, today()).unwrap_err();
        assert!(matches!(error, StoreError::ClientNotFound(_)));
        assert_eq!(
            error.to_string(),
            "cliënt 00000000-0000-0000-0000-000000000000 bestaat niet"
        );
        assert!(!out.exists());
    }
}
