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
        "code" => "Artikel",
        "description" => "Omschrijving",
        "max_cents" => "Maximum",
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
