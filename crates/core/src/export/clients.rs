//! Client lists out of Traject: CSV in the import's own columns (so an export can be
//! imported elsewhere), or JSON with every field.

use std::io::Write;

use crate::domain::Client;
use crate::import::clients_csv::{OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use crate::store::{CaseloadQuery, Result, Store};

/// The columns of a CSV export: exactly the import's, so an export imports elsewhere.
pub fn csv_columns() -> impl Iterator<Item = &'static str> {
    REQUIRED_COLUMNS.into_iter().chain(OPTIONAL_COLUMNS)
}

/// Every client, in caseload order.
pub fn all_clients(store: &Store) -> Result<Vec<Client>> {
    store
        .caseload(&CaseloadQuery::default())?
        .iter()
        .map(|summary| store.client(&summary.id))
        .collect()
}

pub fn write_csv(clients: &[Client], out: impl Write) -> std::result::Result<(), csv::Error> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(csv_columns())?;
    for client in clients {
        let fields = match serde_json::to_value(client)
            .map_err(|e| csv::Error::from(std::io::Error::other(e)))?
        {
            serde_json::Value::Object(map) => map,
            _ => continue,
        };
        let row: Vec<String> = csv_columns()
            // The import reads a statushouder's subtype from the client_type column.
            .map(|column| match column {
                "client_type" if client.input.statushouder_subtype.is_some() => {
                    "statushouder_subtype"
                }
                other => other,
            })
            .map(|column| match fields.get(column) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            })
            .collect();
        writer.write_record(&row)?;
    }
    writer.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_clients;
    use crate::store::test_support::{amira, store, today};

    /// An export is a valid import file (the round trip keeps every imported column).
    #[test]
    fn csv_export_round_trips_through_import() {
        let (_dir, mut store) = store();
        let mut input = amira();
        input.external_id = Some("L-1".into());
        input.obligation_date = input.brp_registration_date;
        store.create_client(input.clone(), today()).unwrap();
        let mut out = Vec::new();
        write_csv(&all_clients(&store).unwrap(), &mut out).unwrap();
        let parsed = parse_clients(&out, today(), &store.municipalities().unwrap()).unwrap();
        assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
        let back = &parsed.rows[0].1;
        assert_eq!(
            (
                back.given_name.as_str(),
                back.bsn.as_deref(),
                back.birth_date
            ),
            ("Amira", Some("123456782"), input.birth_date)
        );
    }
}
