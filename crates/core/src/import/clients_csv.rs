//! The client list import (README "Client CSV import"): `,` or `;` delimited, UTF-8 with or
//! without BOM, dates as YYYY-MM-DD or DD-MM-YYYY, one client per row, idempotent by
//! `external_id`.

use chrono::NaiveDate;

use super::table::{ImportError, ImportReport, RowError, Table};
use crate::domain::{ClientInput, ClientStatus, ClientType, Gender, StatushouderSubtype};
use crate::store::Store;

pub const REQUIRED_COLUMNS: [&str; 9] = [
    "external_id",
    "given_name",
    "family_name",
    "birth_date",
    "gender",
    "client_type",
    "municipality",
    "brp_registration_date",
    "obligation_date",
];

pub const OPTIONAL_COLUMNS: [&str; 7] = [
    "bsn",
    "country_of_origin",
    "mother_tongue",
    "kennisgeving_date",
    "housing_date",
    "consultant",
    "status",
];

/// The parsed file: valid rows with their line numbers, and the errors of the others.
#[derive(Debug, Default)]
pub struct ParsedClients {
    pub rows: Vec<(u64, ClientInput)>,
    pub rejected: Vec<RowError>,
}

/// Reads and validates a client CSV without touching the store.
pub fn parse_clients(
    bytes: &[u8],
    today: NaiveDate,
    municipalities: &[String],
) -> Result<ParsedClients, ImportError> {
    let mut table = Table::read(bytes, &REQUIRED_COLUMNS, &OPTIONAL_COLUMNS)?;
    let mut parsed = ParsedClients {
        rows: Vec::new(),
        rejected: std::mem::take(&mut table.rejected),
    };
    let mut seen_ids: Vec<(String, u64)> = Vec::new();
    for row in table.rows() {
        let line = row.line;
        let cell = |name: &str| -> String { row.cell(name).to_owned() };
        match parse_row(&cell, today, municipalities) {
            Ok(input) => {
                let ext = input.external_id.clone().unwrap_or_default();
                if let Some((_, first)) = seen_ids.iter().find(|(id, _)| *id == ext) {
                    parsed.rejected.push(RowError {
                        line,
                        column: "external_id".into(),
                        message: format!("'{ext}' staat al op regel {first} van dit bestand"),
                    });
                } else {
                    seen_ids.push((ext, line));
                    parsed.rows.push((line, input));
                }
            }
            Err(errors) => parsed
                .rejected
                .extend(errors.into_iter().map(|(column, message)| RowError {
                    line,
                    column,
                    message,
                })),
        }
    }
    parsed.rejected.sort_by_key(|e| e.line);
    Ok(parsed)
}

/// Parses and validates one row; every broken rule is returned as (column, message).
fn parse_row(
    cell: &dyn Fn(&str) -> String,
    today: NaiveDate,
    municipalities: &[String],
) -> Result<ClientInput, Vec<(String, String)>> {
    let mut errors: Vec<(String, String)> = Vec::new();
    let mut date = |column: &str| -> Option<NaiveDate> {
        let text = cell(column);
        if text.is_empty() {
            return None;
        }
        let parsed = parse_date(&text);
        if parsed.is_none() {
            errors.push((
                column.into(),
                format!("'{text}' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"),
            ));
        }
        parsed
    };
    let birth_date = date("birth_date");
    let brp_registration_date = date("brp_registration_date");
    let obligation_date = date("obligation_date");
    let kennisgeving_date = date("kennisgeving_date");
    let housing_date = date("housing_date");

    let gender = match cell("gender").to_uppercase().as_str() {
        "" => None,
        "M" => Some(Gender::M),
        "V" => Some(Gender::V),
        "X" => Some(Gender::X),
        other => {
            errors.push((
                "gender".into(),
                format!("'{other}' is geen geslacht (M, V of X)"),
            ));
            None
        }
    };
    let (client_type, statushouder_subtype) = match cell("client_type")
        .to_lowercase()
        .replace(' ', "_")
        .as_str()
    {
        "" => (None, None),
        "statushouder" => (Some(ClientType::Statushouder), None),
        "nareiziger" => (
            Some(ClientType::Statushouder),
            Some(StatushouderSubtype::Nareiziger),
        ),
        "hervestiger" => (
            Some(ClientType::Statushouder),
            Some(StatushouderSubtype::Hervestiger),
        ),
        "gezinsmigrant" => (Some(ClientType::Gezinsmigrant), None),
        "overige_migrant" => (Some(ClientType::OverigeMigrant), None),
        other => {
            errors.push((
                "client_type".into(),
                format!("'{other}' is geen doelgroep (statushouder, nareiziger, hervestiger, gezinsmigrant of overige_migrant)"),
            ));
            (None, None)
        }
    };
    let status = match cell("status").as_str() {
        "" => ClientStatus::Aangemeld,
        code => serde_json::from_value(serde_json::Value::String(
            code.to_lowercase().replace(' ', "_"),
        ))
        .unwrap_or_else(|_| {
            errors.push((
                "status".into(),
                format!("'{code}' is geen status (aangemeld, intake, pip, in_traject, …)"),
            ));
            ClientStatus::Aangemeld
        }),
    };
    let text = |column: &str| Some(cell(column)).filter(|t| !t.is_empty());
    let input = ClientInput {
        external_id: text("external_id"),
        birth_date,
        gender,
        country_of_origin: text("country_of_origin"),
        mother_tongue: text("mother_tongue"),
        client_type,
        statushouder_subtype,
        brp_registration_date,
        kennisgeving_date,
        obligation_date,
        housing_date,
        bsn: text("bsn"),
        consultant: text("consultant"),
        status,
        ..ClientInput::new(
            &cell("given_name"),
            &cell("family_name"),
            &cell("municipality"),
        )
    }
    .normalised();
    if input.external_id.is_none() {
        errors.push(("external_id".into(), "is verplicht".into()));
    }
    for (column, value) in [
        ("brp_registration_date", brp_registration_date),
        ("obligation_date", obligation_date),
    ] {
        if value.is_none() && !errors.iter().any(|(c, _)| c == column) {
            errors.push((column.into(), "is verplicht".into()));
        }
    }
    if let Err(invalid) = input.validate(today, municipalities) {
        for e in invalid.0 {
            // A cell that did not parse already has its own message.
            if !errors.iter().any(|(c, _)| *c == e.field) {
                errors.push((e.field, e.message));
            }
        }
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        Err(errors)
    }
}

/// YYYY-MM-DD, or DD-MM-YYYY (also with `/` or `.`), as spreadsheets write them.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
        })
}

/// Parses the file and imports its good rows in one transaction.
pub fn import_clients(
    store: &mut Store,
    bytes: &[u8],
    today: NaiveDate,
) -> Result<ImportReport, ImportError> {
    let municipalities = store.municipalities()?;
    let parsed = parse_clients(bytes, today, &municipalities)?;
    let rows: Vec<ClientInput> = parsed.rows.into_iter().map(|(_, input)| input).collect();
    let outcomes = store.in_bulk(|s| s.import_clients(rows))?;
    Ok(ImportReport::new(&outcomes, parsed.rejected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{store, today};

    fn municipalities() -> Vec<String> {
        ["Hillegom", "Lisse", "Noordwijk", "Teylingen"]
            .map(String::from)
            .to_vec()
    }

    const HEADER: &str =
        "external_id,given_name,family_name,birth_date,gender,client_type,municipality,brp_registration_date,obligation_date";

    #[test]
    fn date_formats() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 9);
        for (text, expected) in [
            ("2025-03-09", d),
            ("09-03-2025", d),
            ("9-3-2025", d),
            ("09/03/2025", d),
            ("2025-02-30", None),
            ("gisteren", None),
        ] {
            assert_eq!(parse_date(text), expected, "{text}");
        }
    }

    #[test]
    fn bad_rows_name_line_column_and_rule_and_good_rows_stay() {
        let csv = format!(
            "{HEADER}\n\
             A1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-15\n\
             A2,Yonas,Tesfaye,31-02-1988,M,statushouder,Lisse,2026-09-01,2026-09-15\n\
             A3,Lina,Abbas,1992-01-01,Q,vluchteling,Leiden,2026-09-01,2026-09-15\n\
             A4,Nadia,Saleh,1995-07-07,V,nareiziger,hillegom,2026-08-01,2026-08-20\n"
        );
        let parsed = parse_clients(csv.as_bytes(), today(), &municipalities()).unwrap();
        let good: Vec<(u64, &str)> = parsed
            .rows
            .iter()
            .map(|(l, c)| (*l, c.given_name.as_str()))
            .collect();
        assert_eq!(good, [(2, "Amira"), (5, "Nadia")]);
        assert_eq!(
            parsed.rows[1].1.statushouder_subtype,
            Some(StatushouderSubtype::Nareiziger)
        );
        let errors: Vec<(u64, &str)> = parsed
            .rejected
            .iter()
            .map(|e| (e.line, e.column.as_str()))
            .collect();
        assert_eq!(
            errors,
            [
                (3, "birth_date"),
                (4, "gender"),
                (4, "client_type"),
                (4, "municipality")
            ]
        );
        assert_eq!(
            parsed.rejected[0].to_string(),
            "regel 3, kolom birth_date (Geboortedatum): '31-02-1988' is geen datum (gebruik JJJJ-MM-DD of DD-MM-JJJJ)"
        );
    }

    #[test]
    fn semicolons_bom_and_dutch_dates() {
        let csv = "\u{FEFF}External_ID;given_name;family_name;birth_date;gender;client_type;municipality;brp_registration_date;obligation_date;bsn\n\
                   T-9;Sven;Öztürk;17-05-1990;M;gezinsmigrant;Teylingen;01-09-2026;15-09-2026;1234.56.782\n";
        let parsed = parse_clients(csv.as_bytes(), today(), &municipalities()).unwrap();
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        let (_, client) = &parsed.rows[0];
        assert_eq!(client.family_name, "Öztürk");
        assert_eq!(client.bsn.as_deref(), Some("123456782"));
        assert_eq!(client.birth_date, NaiveDate::from_ymd_opt(1990, 5, 17));
    }

    #[test]
    fn file_level_problems() {
        let m = municipalities();
        assert!(matches!(
            parse_clients(b"", today(), &m),
            Err(ImportError::Empty)
        ));
        assert!(matches!(
            parse_clients(b"given_name,family_name\nA,B\n", today(), &m),
            Err(ImportError::MissingColumns(cols)) if cols.len() == 7
        ));
        let unknown = format!("{HEADER},shoe_size\n");
        assert!(matches!(
            parse_clients(unknown.as_bytes(), today(), &m),
            Err(ImportError::UnknownColumns { .. })
        ));
        let latin1 = format!("{HEADER}\nA1,J\u{e9}r\u{f4}me\n").replace('\u{e9}', "\u{0}");
        let mut bytes = latin1.into_bytes();
        let pos = bytes.iter().position(|b| *b == 0).unwrap();
        bytes[pos] = 0xE9; // Latin-1 é
        assert!(matches!(
            parse_clients(&bytes, today(), &m),
            Err(ImportError::NotUtf8 { line: 2 })
        ));
    }

    #[test]
    fn short_rows_and_duplicates_within_the_file() {
        let csv = format!(
            "{HEADER}\n\
             A1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-15\n\
             A2,Yonas\n\
             A1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-15\n"
        );
        let parsed = parse_clients(csv.as_bytes(), today(), &municipalities()).unwrap();
        assert_eq!(parsed.rows.len(), 1);
        let messages: Vec<String> = parsed.rejected.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "regel 3: verwacht 9 kolommen, gevonden 2",
                "regel 4, kolom external_id (Extern kenmerk): 'A1' staat al op regel 2 van dit bestand"
            ]
        );
    }

    #[test]
    fn importing_twice_adds_nothing() {
        let (_dir, mut store) = store();
        let csv = format!(
            "{HEADER}\n\
             A1,Amira,Haddad,1990-05-17,V,statushouder,Lisse,2026-09-01,2026-09-15\n\
             A2,Yonas,Tesfaye,1988-02-03,M,statushouder,Lisse,2026-09-01,2026-09-15\n"
        );
        let first = import_clients(&mut store, csv.as_bytes(), today()).unwrap();
        assert_eq!((first.imported, first.already_present), (2, 0));
        let second = import_clients(&mut store, csv.as_bytes(), today()).unwrap();
        assert_eq!((second.imported, second.already_present), (0, 2));
        assert_eq!(store.client_count().unwrap(), 2);
        assert_eq!(
            second.to_string(),
            "0 geïmporteerd, 2 al aanwezig, 0 regel(s) afgekeurd"
        );
    }
}
