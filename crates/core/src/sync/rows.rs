//! How a synced table's rows are named in ops (the row id) and which dossier they belong to
//! (the server scopes by it). Most rows are named by their `id`; the rest by their key columns
//! joined with '/'.

/// The key columns whose values, joined with '/', make a row's sync id.
pub fn key_columns(table: &str) -> &'static [&'static str] {
    match table {
        "intake_answers" => &["intake_id", "question_id", "instance"],
        "spuk_rates" => &["year", "kind"],
        // A price for any provider has provider '*' in its id (NULL in the table).
        "course_prices" => &["provider", "product", "from_year"],
        "providers" => &["name"],
        "fine_rules" | "invoice_milestones" => &["code"],
        _ => &["id"],
    }
}

/// The values of the key columns in a row id; the first part takes any '/' in it (a provider's
/// name), the others none. `None` when the id has too few parts.
pub fn split_row_id<'a>(table: &str, row_id: &'a str) -> Option<Vec<&'a str>> {
    let n = key_columns(table).len();
    let mut parts: Vec<&str> = row_id.rsplitn(n, '/').collect();
    if parts.len() != n {
        return None;
    }
    parts.reverse();
    Some(parts)
}

/// Where a row's dossier (client id) is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The row is the client.
    Client,
    /// Its `client_id` column.
    Column,
    /// The client of the intake in its `intake_id` column.
    Intake,
    /// The client of the PIP version in its `pip_id` column.
    Pip,
    /// The team's own data (price tables, providers, fine rules, questionnaires).
    Team,
}

pub fn scope(table: &str) -> Scope {
    match table {
        // A purge op is named by the dossier it purges.
        "clients" | super::wire::CASE_PURGED => Scope::Client,
        "intake_answers" | "intake_sessions" => Scope::Intake,
        "pip_documents" => Scope::Pip,
        "questionnaires" | "providers" | "fine_rules" | "spuk_rates" | "course_prices"
        | "invoice_milestones" => Scope::Team,
        _ => Scope::Column,
    }
}

/// The SQL condition that selects a table's rows of one dossier, the client's id bound as
/// `?1`; `None` for the team's own data. Removing a dossier and exporting it read the same rows.
pub fn dossier_rows(table: &str) -> Option<&'static str> {
    match scope(table) {
        Scope::Client => Some("id = ?1"),
        Scope::Column => Some("client_id = ?1"),
        Scope::Intake => Some("intake_id IN (SELECT id FROM intakes WHERE client_id = ?1)"),
        Scope::Pip => Some("pip_id IN (SELECT id FROM pip_versions WHERE client_id = ?1)"),
        Scope::Team => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tables::{SyncClass, TABLES};

    #[test]
    fn row_ids_split_into_their_key_columns() {
        let cases = [
            ("clients", "0193-c1", Some(vec!["0193-c1"])),
            (
                "intake_answers",
                "i1/taal.niveau/0",
                Some(vec!["i1", "taal.niveau", "0"]),
            ),
            (
                "spuk_rates",
                "2027/statushouder_jaar1",
                Some(vec!["2027", "statushouder_jaar1"]),
            ),
            (
                "course_prices",
                "*/z_route/2026",
                Some(vec!["*", "z_route", "2026"]),
            ),
            (
                "course_prices",
                "Taal/Werk BV/b1_route/2025",
                Some(vec!["Taal/Werk BV", "b1_route", "2025"]),
            ),
            ("spuk_rates", "2027", None),
        ];
        for (table, row_id, expected) in cases {
            assert_eq!(split_row_id(table, row_id), expected, "{table} {row_id}");
        }
    }

    /// Every synced table has a scope; a table with a client_id column is scoped by it.
    #[test]
    fn every_synced_table_is_scoped() {
        for (table, class) in TABLES {
            if *class == SyncClass::LocalOnly {
                continue;
            }
            let _ = scope(table);
            assert!(!key_columns(table).is_empty());
        }
        assert_eq!(scope("hour_entries"), Scope::Column);
        assert_eq!(scope("intake_answers"), Scope::Intake);
    }

    #[test]
    fn a_dossier_s_rows_are_found_through_their_scope() {
        let cases = [
            ("clients", Some("id = ?1")),
            ("notes", Some("client_id = ?1")),
            (
                "intake_sessions",
                Some("intake_id IN (SELECT id FROM intakes WHERE client_id = ?1)"),
            ),
            (
                "pip_documents",
                Some("pip_id IN (SELECT id FROM pip_versions WHERE client_id = ?1)"),
            ),
            ("fine_rules", None),
            ("questionnaires", None),
        ];
        for (table, condition) in cases {
            assert_eq!(dossier_rows(table), condition, "{table}");
        }
    }
}
