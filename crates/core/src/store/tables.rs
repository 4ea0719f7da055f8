//! How every table of the laptop's schema takes part in sync (ARCHITECTURE §2). A test fails
//! when a migration adds a table that is not listed here, so no later table can forget sync.

/// The sync class of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncClass {
    /// Field-level last-writer-wins with HLC clocks; conflicts recorded.
    Mutable,
    /// Insert-only rows that never conflict; corrections are new entries.
    Ledger,
    /// Never leaves this laptop.
    LocalOnly,
}

pub const TABLES: &[(&str, SyncClass)] = &[
    ("clients", SyncClass::Mutable),
    ("contact_attempts", SyncClass::Ledger),
    ("notes", SyncClass::Ledger),
    ("audit_log", SyncClass::Ledger),
    // Questionnaire versions never change once imported.
    ("questionnaires", SyncClass::Ledger),
    ("intakes", SyncClass::Mutable),
    // Each answer is its own record, so two devices' answers merge question by question.
    ("intake_answers", SyncClass::Mutable),
    ("intake_sessions", SyncClass::Ledger),
    ("hour_entries", SyncClass::Ledger),
    ("progress_reports", SyncClass::Ledger),
    ("exams", SyncClass::Ledger),
    // An absence is later marked excused or not.
    ("absences", SyncClass::Mutable),
    // A concept changes field by field; an adopted version is final (a trigger guards it).
    ("pip_versions", SyncClass::Mutable),
    ("termijn_extensions", SyncClass::Ledger),
    ("termijn_exemptions", SyncClass::Ledger),
    ("pip_pauses", SyncClass::Ledger),
    // Each generated beschikking is kept as it was sent.
    ("pip_documents", SyncClass::Ledger),
    ("providers", SyncClass::Mutable),
    // The rest of the trajectory: records that are later completed or corrected change field
    // by field; PVT meetings (their hours are in the ledger), MAP themes done and warnings
    // given are facts that stay.
    ("progress_conversations", SyncClass::Mutable),
    ("pvt_meetings", SyncClass::Ledger),
    ("pvt_statements", SyncClass::Mutable),
    ("map_themes", SyncClass::Ledger),
    ("map_closings", SyncClass::Mutable),
    ("enforcement_cases", SyncClass::Mutable),
    ("enforcement_warnings", SyncClass::Ledger),
    ("fine_rules", SyncClass::Mutable),
    ("ontzorgen", SyncClass::Mutable),
    ("begeleidingen", SyncClass::Mutable),
    ("referrals", SyncClass::Mutable),
    ("work_periods", SyncClass::Mutable),
    ("closings", SyncClass::Mutable),
    // A consultant's acknowledgement or snooze is an event; the latest one holds, so the team
    // lead sees what was put aside and why.
    ("signal_acks", SyncClass::Ledger),
    // The money tables are the team's data, kept by the beheerder and changed per year.
    ("spuk_rates", SyncClass::Mutable),
    ("course_prices", SyncClass::Mutable),
    // The team's conflicts are the server's; this laptop keeps a copy to review offline.
    ("sync_conflicts", SyncClass::LocalOnly),
    // Removing a dossier whole (moved to another team, retention ended) and its record.
    ("removal_permit", SyncClass::LocalOnly),
    ("dossier_removals", SyncClass::LocalOnly),
    ("invoice_milestones", SyncClass::Mutable),
    ("outbox", SyncClass::LocalOnly),
    // Kept by triggers: how many ops wait; each client's signal facts, gathered again after
    // any change of its records; the generation of what the signals are computed from.
    ("outbox_size", SyncClass::LocalOnly),
    ("signal_facts", SyncClass::LocalOnly),
    ("facts_generation", SyncClass::LocalOnly),
    ("settings", SyncClass::LocalOnly),
    ("hlc_state", SyncClass::LocalOnly),
    // The search index is rebuilt from `clients` on every laptop.
    ("clients_fts", SyncClass::LocalOnly),
];

pub fn sync_class(table: &str) -> Option<SyncClass> {
    TABLES
        .iter()
        .find(|(name, _)| *name == table)
        .map(|(_, class)| *class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::store;

    #[test]
    fn every_table_is_classified() {
        let (_dir, store) = store();
        let mut stmt = store
            .conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        // FTS5 keeps its data in shadow tables named after the index (clients_fts_data, …).
        let fts: Vec<&str> = TABLES
            .iter()
            .map(|(n, _)| *n)
            .filter(|n| n.ends_with("_fts"))
            .collect();
        let unclassified: Vec<&String> = tables
            .iter()
            .filter(|t| sync_class(t).is_none())
            .filter(|t| !fts.iter().any(|f| t.starts_with(&format!("{f}_"))))
            .collect();
        assert!(
            unclassified.is_empty(),
            "classify these tables in store/tables.rs: {unclassified:?}"
        );
        for (name, _) in TABLES {
            assert!(
                tables.contains(&name.to_string()),
                "{name} is classified but does not exist"
            );
        }
    }
}
