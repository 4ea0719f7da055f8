//! The one place where code names meet the Dutch words users see (domain page §8).
//! The UI keeps its own copy for its labels; the CLI and exports use these.

use super::client::{ClientStatus, ClientType};
use super::hours::{HourCategory, HourSource};
use super::ledger::{ContactChannel, ContactOutcome};
use super::pip::VersionKind;
use super::portfolio::PortfolioTarget;
use super::route::Leerroute;

/// The Dutch label of a record field, as the form shows it.
pub fn field_label(field: &str) -> &str {
    match field {
        "external_id" => "Extern kenmerk",
        "given_name" => "Voornaam",
        "family_name" => "Achternaam",
        "birth_date" => "Geboortedatum",
        "gender" => "Geslacht",
        "country_of_origin" => "Land van herkomst",
        "mother_tongue" => "Moedertaal",
        "other_languages" => "Andere talen",
        "interpreter_needed" => "Tolk nodig",
        "interpreter_language" => "Taal van de tolk",
        "client_type" => "Doelgroep",
        "statushouder_subtype" => "Soort statushouder",
        "municipality" => "Gemeente",
        "brp_registration_date" => "Datum inschrijving BRP",
        "kennisgeving_date" => "Datum kennisgeving DUO",
        "obligation_date" => "Start inburgeringsplicht",
        "housing_date" => "Datum huisvesting",
        "bsn" => "BSN",
        "phone" => "Telefoon",
        "email" => "E-mail",
        "address" => "Adres",
        "consultant" => "Consulent",
        "status" => "Status",
        "cohort" => "Cohort",
        "date" => "Datum",
        "channel" => "Kanaal",
        "outcome" => "Uitkomst",
        "text" => "Tekst",
        "name" => "Naam",
        "quarters" => "Uren",
        "category" => "Soort",
        "source" => "Bron",
        "provider" => "Aanbieder",
        "note" => "Toelichting",
        "reason" => "Reden",
        "activity" => "Les of activiteit",
        "excused" => "Geoorloofd",
        "period_start" => "Begin periode",
        "period_end" => "Einde periode",
        "attendance_pct" => "Aanwezigheid (%)",
        "course_hours" => "Lesuren",
        "map_theory_hours" => "MAP-theorie (uren)",
        "map_practice_hours" => "MAP-praktijk (uren)",
        "obstacles" => "Belemmeringen",
        "stagnating" => "Stagnatie",
        "part" => "Onderdeel",
        "level" => "Niveau",
        "result" => "Uitslag",
        "lezen" => "Lezen",
        "luisteren" => "Luisteren",
        "spreken" => "Spreken",
        "schrijven" => "Schrijven",
        "knm" => "KNM",
        "client" => "Cliënt",
        "leerroute" => "Leerroute",
        "target_level" => "Beoogd niveau",
        "goals" => "Doelen",
        "waiting_list_date" => "Op wachtlijst sinds",
        "course_start_date" => "Start cursus",
        "map_exemption_reason" => "Reden ontheffing MAP",
        "participation_hours_per_week" => "Participatie (uur per week)",
        "dagtekening" => "Dagtekening",
        "late_reason" => "Reden na 10 weken",
        "decision_date" => "Datum besluit DUO",
        "ground" => "Verlengingsgrond",
        "new_end" => "Nieuwe einddatum",
        "from" => "Van",
        "until" => "Tot en met",
        "organisation" => "Organisatie",
        "municipalities" => "Gemeenten",
        "attendees" => "Aanwezigen",
        "interpreter" => "Tolk",
        "notes" => "Verslag",
        "agreements" => "Afspraken",
        "next_date" => "Volgend gesprek",
        "topic" => "Kernwaarde",
        "signed_on" => "Ondertekend op",
        "theme" => "Thema",
        "culpable" => "Verwijtbaar",
        "trigger" => "Aanleiding",
        "opened_on" => "Geopend op",
        "investigation" => "Onderzoek",
        "decision" => "Besluit",
        "decided_on" => "Datum besluit",
        "culpability" => "Verwijtbaarheid",
        "fine_rule" => "Artikel boeteverordening",
        "fine_cents" => "Bedrag boete",
        "case_id" => "Handhavingszaak",
        "letter_sent" => "Brief verstuurd",
        "start" => "Start",
        "end" => "Einde",
        "months" => "Duur (maanden)",
        "extended_until" => "Verlengd tot en met",
        "huur_from" => "Huur ingehouden vanaf",
        "zorgverzekering_from" => "Zorgverzekering ingehouden vanaf",
        "energie_from" => "Energie ingehouden vanaf",
        "water_from" => "Water ingehouden vanaf",
        "rent_collected_by_corporation" => "Woningcorporatie int de huur",
        "budget_coach" => "Budgetcoach",
        "contact_person" => "Contactpersoon",
        "walk_in_until" => "Spreekuur tot",
        "target" => "Verwezen naar",
        "target_other" => "Andere instantie",
        "outcome_date" => "Datum uitkomst",
        "kind" => "Soort",
        "employer" => "Werkgever",
        "quarters_per_week" => "Uren per week",
        "retention_years" => "Bewaartermijn (jaren)",
        "retention_end" => "Einde bewaartermijn",
        "purged_rows" => "Verwijderde regels",
        "code" => "Artikel",
        "description" => "Omschrijving",
        "max_cents" => "Maximum",
        // The bookkeeping of records, as the right-of-access export shows it.
        "recorded_by" => "Vastgelegd door",
        "recorded_at" => "Vastgelegd op",
        "updated_by" => "Gewijzigd door",
        "updated_at" => "Gewijzigd op",
        "created_by" => "Aangemaakt door",
        "created_at" => "Aangemaakt op",
        "adopted_by" => "Vastgesteld door",
        "author" => "Geschreven door",
        "answered_by" => "Beantwoord door",
        "answered_at" => "Beantwoord op",
        "generated_by" => "Opgemaakt door",
        "generated_at" => "Opgemaakt op",
        "acked_by" => "Opzij gelegd door",
        "acked_at" => "Opzij gelegd op",
        "started_at" => "Begonnen op",
        "completed_at" => "Afgerond op",
        "questionnaire_id" => "Vragenlijst",
        "questionnaire_version" => "Versie van de vragenlijst",
        "question_id" => "Vraag",
        "instance" => "Herhaling",
        "value" => "Antwoord",
        "number" => "Versie",
        "duration_minutes" => "Duur (minuten)",
        "from_date" => "Van",
        "until_date" => "Tot en met",
        "course_quarters" => "Lesuren",
        "map_theory_quarters" => "MAP-theorie (uren)",
        "map_practice_quarters" => "MAP-praktijk (uren)",
        "map_exemption" => "MAP",
        "map_agreement" => "Afspraken MAP",
        "pvt_agreement" => "Afspraken PVT",
        "participation_agreement" => "Afspraken participatie",
        "participatiewet" => "Besluiten Participatiewet",
        "preconditions" => "Randvoorwaarden",
        "monitoring" => "Monitoring van de voortgang",
        "migrated" => "Overgenomen uit het vorige systeem",
        "booked_until" => "Uren geboekt tot en met",
        "pdf" => "Document",
        "view" => "Weergave",
        other => other,
    }
}

/// The Dutch title of a table of a dossier, as a heading over its records.
pub fn table_title(table: &str) -> &str {
    match table {
        "clients" => "Persoonsgegevens",
        "contact_attempts" => "Contactpogingen",
        "notes" => "Notities",
        "intakes" => "Brede intake",
        "intake_answers" => "Antwoorden in de Brede intake",
        "intake_sessions" => "Intakegesprekken",
        "hour_entries" => "Uren",
        "progress_reports" => "Voortgangsrapportages van de taalschool",
        "exams" => "Examens",
        "absences" => "Verzuim",
        "pip_versions" => "Plan Inburgering en Participatie (PIP)",
        "termijn_extensions" => "Verlengingen van de inburgeringstermijn",
        "termijn_exemptions" => "Ontheffingen en vrijstellingen",
        "pip_pauses" => "Pauzes van de termijn voor de eerste PIP",
        "pip_documents" => "Beschikkingen",
        "progress_conversations" => "Voortgangsgesprekken",
        "pvt_meetings" => "Bijeenkomsten Participatieverklaringstraject (PVT)",
        "pvt_statements" => "Participatieverklaring",
        "map_themes" => "Thema's Module Arbeidsmarkt en Participatie (MAP)",
        "map_closings" => "Eindgesprek MAP",
        "enforcement_cases" => "Handhaving",
        "enforcement_warnings" => "Waarschuwingen",
        "ontzorgen" => "Financieel ontzorgen",
        "begeleidingen" => "Maatschappelijke begeleiding",
        "referrals" => "Verwijzingen",
        "work_periods" => "Werk en werkervaring",
        "closings" => "Afsluiting",
        "signal_acks" => "Signalen die opzij zijn gelegd",
        "audit_log" => "Wie heeft uw gegevens vastgelegd, gewijzigd of ingezien",
        other => other,
    }
}

/// The Dutch name of one record of a table (an audit entry's "onderdeel").
pub fn entity_label(entity: &str) -> &str {
    match entity {
        "clients" => "Cliënt",
        "contact_attempts" => "Contactpoging",
        "notes" => "Notitie",
        "intakes" => "Brede intake",
        "intake_answers" => "Intake-antwoord",
        "intake_sessions" => "Intakegesprek",
        "hour_entries" => "Urenregel",
        "progress_reports" => "Voortgangsrapportage",
        "exams" => "Examen",
        "absences" => "Verzuim",
        "pip_versions" => "PIP",
        "termijn_extensions" => "Verlenging termijn",
        "termijn_exemptions" => "Ontheffing",
        "pip_pauses" => "Pauze eerste PIP",
        "pip_documents" => "Beschikking",
        "progress_conversations" => "Voortgangsgesprek",
        "pvt_meetings" => "PVT-bijeenkomst",
        "pvt_statements" => "Participatieverklaring",
        "map_themes" => "MAP-thema",
        "map_closings" => "Eindgesprek MAP",
        "enforcement_cases" => "Handhavingszaak",
        "enforcement_warnings" => "Waarschuwing",
        "fine_rules" => "Boeteverordening",
        "ontzorgen" => "Financieel ontzorgen",
        "begeleidingen" => "Maatschappelijke begeleiding",
        "referrals" => "Verwijzing",
        "work_periods" => "Werk",
        "closings" => "Afsluiting",
        "signal_acks" => "Signaal opzij gelegd",
        "sync_conflicts" => "Conflict",
        "providers" => "Taalschool",
        "spuk_rates" => "SPUK-bedrag",
        "course_prices" => "Trajectprijs",
        "invoice_milestones" => "Facturatiemoment",
        "identity" => "Identiteit",
        other => other,
    }
}

pub fn client_type_label(t: ClientType) -> &'static str {
    match t {
        ClientType::Statushouder => "Statushouder",
        ClientType::Gezinsmigrant => "Gezinsmigrant",
        ClientType::OverigeMigrant => "Overige migrant",
    }
}

pub fn status_label(s: ClientStatus) -> &'static str {
    match s {
        ClientStatus::Aangemeld => "Aangemeld",
        ClientStatus::Intake => "Intake",
        ClientStatus::Pip => "PIP",
        ClientStatus::InTraject => "In traject",
        ClientStatus::Afgerond => "Afgerond",
        ClientStatus::Ontheffing => "Ontheffing",
        ClientStatus::Verhuisd => "Verhuisd",
        ClientStatus::Beeindigd => "Beëindigd",
    }
}

pub fn channel_label(c: ContactChannel) -> &'static str {
    match c {
        ContactChannel::Telefoon => "Telefoon",
        ContactChannel::Email => "E-mail",
        ContactChannel::Brief => "Brief",
        ContactChannel::Huisbezoek => "Huisbezoek",
        ContactChannel::Berichtenapp => "Berichtenapp",
        ContactChannel::Balie => "Balie",
    }
}

pub fn outcome_label(o: ContactOutcome) -> &'static str {
    match o {
        ContactOutcome::Bereikt => "Bereikt",
        ContactOutcome::NietBereikt => "Niet bereikt",
        ContactOutcome::VoicemailIngesproken => "Voicemail ingesproken",
        ContactOutcome::AfspraakGemaakt => "Afspraak gemaakt",
        ContactOutcome::NietVerschenen => "Niet verschenen",
    }
}

pub fn category_label(c: HourCategory) -> &'static str {
    match c {
        HourCategory::Taal => "Taal (incl. KNM)",
        HourCategory::Participatie => "Participatie",
        HourCategory::MapTheorie => "MAP-theorie",
        HourCategory::MapPraktijk => "MAP-praktijk",
        HourCategory::Werk => "Betaald werk",
        HourCategory::EigenPlek => "Eigen plek",
        HourCategory::Pvt => "PVT",
    }
}

pub fn source_label(s: HourSource) -> &'static str {
    match s {
        HourSource::ProviderReport => "Voortgangsrapportage",
        HourSource::Consultant => "Consulent",
        HourSource::ClientEvidence => "Bewijs van de klant",
    }
}

pub fn target_label(t: PortfolioTarget) -> &'static str {
    match t {
        PortfolioTarget::Taal => "Lesuren taal en KNM",
        PortfolioTarget::Participatie => "Participatie",
        PortfolioTarget::MapTheorie => "MAP-theorie",
        PortfolioTarget::MapPraktijk => "MAP-praktijk",
        PortfolioTarget::Pvt => "PVT",
    }
}

pub fn route_label(r: Leerroute) -> &'static str {
    match r {
        Leerroute::B1 => "B1-route",
        Leerroute::Onderwijsroute => "Onderwijsroute",
        Leerroute::ZRoute => "Z-route",
    }
}

pub fn version_kind_label(k: VersionKind) -> &'static str {
    match k {
        VersionKind::Eerste => "Eerste PIP",
        VersionKind::Routewijziging => "Andere leerroute",
        VersionKind::Afschalen => "Afschalen naar A2",
        VersionKind::Verhuizing => "Verhuizing",
        VersionKind::Bijstelling => "Bijstelling",
        VersionKind::Migratie => "Overgenomen uit vorig systeem",
    }
}
