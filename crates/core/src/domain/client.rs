//! The client (inburgeringsplichtige) record, domain page §2.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::bsn::Bsn;
use super::validation::{FieldError, ValidationErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub enum Gender {
    M,
    V,
    X,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientType {
    Statushouder,
    Gezinsmigrant,
    OverigeMigrant,
}

/// Only for statushouders: family members who follow later, and refugees resettled via UNHCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum StatushouderSubtype {
    Nareiziger,
    Hervestiger,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ClientStatus {
    Aangemeld,
    Intake,
    Pip,
    InTraject,
    Afgerond,
    Ontheffing,
    Verhuisd,
    Beeindigd,
}

/// What a person enters or changes: everything of a client except identity and bookkeeping.
/// The field names are also the outbox and audit field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClientInput {
    /// The id in the system the client came from (a municipality's list), for idempotent imports.
    pub external_id: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub country_of_origin: Option<String>,
    pub mother_tongue: Option<String>,
    pub other_languages: Vec<String>,
    pub interpreter_needed: bool,
    pub interpreter_language: Option<String>,
    pub client_type: Option<ClientType>,
    pub statushouder_subtype: Option<StatushouderSubtype>,
    pub municipality: String,
    pub brp_registration_date: Option<NaiveDate>,
    pub kennisgeving_date: Option<NaiveDate>,
    /// The date the integration obligation started; its year is the client's cohort.
    pub obligation_date: Option<NaiveDate>,
    pub housing_date: Option<NaiveDate>,
    /// Stored in full; shown masked unless deliberately revealed.
    pub bsn: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    pub consultant: Option<String>,
    pub status: ClientStatus,
}

/// A stored client.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Client {
    pub id: Uuid,
    #[serde(flatten)]
    pub input: ClientInput,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// One row of the caseload table: what the list shows, nothing more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ClientSummary {
    pub id: Uuid,
    pub given_name: String,
    pub family_name: String,
    pub birth_date: Option<NaiveDate>,
    pub municipality: String,
    pub client_type: Option<ClientType>,
    pub status: ClientStatus,
    pub consultant: Option<String>,
    pub brp_registration_date: Option<NaiveDate>,
    /// The end of the inburgeringstermijn in force, once the first PIP is vastgesteld.
    pub termijn_end: Option<NaiveDate>,
}

const MAX_NAME_LEN: usize = 100;
const MAX_AGE_YEARS: i32 = 120;

impl ClientInput {
    /// An empty form for a new registration.
    pub fn new(given_name: &str, family_name: &str, municipality: &str) -> Self {
        Self {
            external_id: None,
            given_name: given_name.to_owned(),
            family_name: family_name.to_owned(),
            birth_date: None,
            gender: None,
            country_of_origin: None,
            mother_tongue: None,
            other_languages: Vec::new(),
            interpreter_needed: false,
            interpreter_language: None,
            client_type: None,
            statushouder_subtype: None,
            municipality: municipality.to_owned(),
            brp_registration_date: None,
            kennisgeving_date: None,
            obligation_date: None,
            housing_date: None,
            bsn: None,
            phone: None,
            email: None,
            address: None,
            consultant: None,
            status: ClientStatus::Aangemeld,
        }
    }

    /// Trims text, turns blank optional text into `None`, writes the BSN as nine digits,
    /// and drops an interpreter language or subtype that no longer applies.
    pub fn normalised(mut self) -> Self {
        fn opt(value: Option<String>) -> Option<String> {
            value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
        }
        self.given_name = self.given_name.trim().to_owned();
        self.family_name = self.family_name.trim().to_owned();
        self.municipality = self.municipality.trim().to_owned();
        self.external_id = opt(self.external_id);
        self.country_of_origin = opt(self.country_of_origin);
        self.mother_tongue = opt(self.mother_tongue);
        self.interpreter_language = opt(self.interpreter_language);
        self.phone = opt(self.phone);
        self.email = opt(self.email);
        self.address = opt(self.address);
        self.consultant = opt(self.consultant);
        self.bsn = opt(self.bsn).map(|b| Bsn::parse(&b).map(String::from).unwrap_or(b));
        self.other_languages = self
            .other_languages
            .into_iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        if !self.interpreter_needed {
            self.interpreter_language = None;
        }
        if self.client_type != Some(ClientType::Statushouder) {
            self.statushouder_subtype = None;
        }
        self
    }

    /// Checks every rule and reports every broken one, each naming its field.
    /// `municipalities` is the organisation's configured list.
    pub fn validate(
        &self,
        today: NaiveDate,
        municipalities: &[String],
    ) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (field, value) in [
            ("given_name", &self.given_name),
            ("family_name", &self.family_name),
        ] {
            if value.trim().is_empty() {
                errors.push(FieldError::new(field, "required", "is verplicht"));
            } else if value.chars().count() > MAX_NAME_LEN {
                errors.push(FieldError::new(
                    field,
                    "too_long",
                    format!("is langer dan {MAX_NAME_LEN} tekens"),
                ));
            }
        }
        match self.birth_date {
            None => errors.push(FieldError::new("birth_date", "required", "is verplicht")),
            Some(birth) if birth > today => errors.push(FieldError::new(
                "birth_date",
                "not_in_future",
                "ligt in de toekomst",
            )),
            Some(birth) if today.year() - birth.year() > MAX_AGE_YEARS => {
                errors.push(FieldError::new(
                    "birth_date",
                    "plausible",
                    format!("ligt meer dan {MAX_AGE_YEARS} jaar terug"),
                ))
            }
            Some(_) => {}
        }
        if self.gender.is_none() {
            errors.push(FieldError::new("gender", "required", "is verplicht"));
        }
        if self.client_type.is_none() {
            errors.push(FieldError::new("client_type", "required", "is verplicht"));
        }
        if self.statushouder_subtype.is_some() && self.client_type != Some(ClientType::Statushouder)
        {
            errors.push(FieldError::new(
                "statushouder_subtype",
                "statushouder_only",
                "geldt alleen voor statushouders",
            ));
        }
        if self.municipality.trim().is_empty() {
            errors.push(FieldError::new("municipality", "required", "is verplicht"));
        } else if !municipalities
            .iter()
            .any(|m| m.eq_ignore_ascii_case(self.municipality.trim()))
        {
            errors.push(FieldError::new(
                "municipality",
                "known_municipality",
                format!(
                    "'{}' staat niet in de lijst van gemeenten ({})",
                    self.municipality,
                    municipalities.join(", ")
                ),
            ));
        }
        if self.interpreter_needed
            && self
                .interpreter_language
                .as_deref()
                .is_none_or(|l| l.trim().is_empty())
        {
            errors.push(FieldError::new(
                "interpreter_language",
                "required_with_interpreter",
                "is verplicht als een tolk nodig is",
            ));
        }
        for (field, date) in [
            ("brp_registration_date", self.brp_registration_date),
            ("kennisgeving_date", self.kennisgeving_date),
            ("housing_date", self.housing_date),
        ] {
            if date.is_some_and(|d| d > today) {
                errors.push(FieldError::new(
                    field,
                    "not_in_future",
                    "ligt in de toekomst",
                ));
            }
        }
        if let Some(birth) = self.birth_date.filter(|b| *b <= today) {
            for (field, date) in [
                ("brp_registration_date", self.brp_registration_date),
                ("kennisgeving_date", self.kennisgeving_date),
                ("obligation_date", self.obligation_date),
                ("housing_date", self.housing_date),
            ] {
                if date.is_some_and(|d| d < birth) {
                    errors.push(FieldError::new(
                        field,
                        "after_birth",
                        "ligt vóór de geboortedatum",
                    ));
                }
            }
        }
        if let Some(bsn) = self.bsn.as_deref() {
            if let Err(e) = Bsn::parse(bsn) {
                errors.push(FieldError::new("bsn", "elfproef", e.to_string()));
            }
        }
        if let Some(email) = self.email.as_deref() {
            if !looks_like_email(email) {
                errors.push(FieldError::new(
                    "email",
                    "email",
                    "is geen geldig e-mailadres",
                ));
            }
        }
        if let Some(phone) = self.phone.as_deref() {
            let digits = phone.chars().filter(char::is_ascii_digit).count();
            if digits < 9
                || phone
                    .chars()
                    .any(|c| !(c.is_ascii_digit() || " +-()".contains(c)))
            {
                errors.push(FieldError::new(
                    "phone",
                    "phone",
                    "is geen geldig telefoonnummer",
                ));
            }
        }
        errors.into_result()
    }

    /// The year the obligation started, by which clients are counted (cohort).
    pub fn cohort(&self) -> Option<i32> {
        self.obligation_date.map(|d| d.year())
    }
}

fn looks_like_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.contains(' ')
        }
        None => false,
    }
}

impl Client {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.input.given_name, self.input.family_name)
    }

    pub fn masked_bsn(&self) -> Option<String> {
        self.input
            .bsn
            .as_deref()
            .and_then(|b| Bsn::parse(b).ok())
            .map(|b| b.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
    }

    fn municipalities() -> Vec<String> {
        ["Hillegom", "Lisse", "Noordwijk", "Teylingen"]
            .map(String::from)
            .to_vec()
    }

    fn valid() -> ClientInput {
        ClientInput {
            birth_date: NaiveDate::from_ymd_opt(1990, 5, 17),
            gender: Some(Gender::V),
            client_type: Some(ClientType::Statushouder),
            brp_registration_date: NaiveDate::from_ymd_opt(2026, 9, 1),
            ..ClientInput::new("Amira", "Haddad", "Lisse")
        }
    }

    fn broken_rules(input: ClientInput) -> Vec<(String, String)> {
        match input.validate(today(), &municipalities()) {
            Ok(()) => vec![],
            Err(e) => e.0.into_iter().map(|f| (f.field, f.rule)).collect(),
        }
    }

    #[test]
    fn validation_table() {
        type Case = (
            &'static str,
            fn(&mut ClientInput),
            &'static [(&'static str, &'static str)],
        );
        let cases: &[Case] = &[
            ("valid", |_| {}, &[]),
            (
                "empty given name",
                |c| c.given_name = "  ".into(),
                &[("given_name", "required")],
            ),
            (
                "long family name",
                |c| c.family_name = "x".repeat(101),
                &[("family_name", "too_long")],
            ),
            (
                "no birth date",
                |c| c.birth_date = None,
                &[("birth_date", "required")],
            ),
            (
                "born tomorrow",
                |c| c.birth_date = NaiveDate::from_ymd_opt(2026, 11, 30),
                &[("birth_date", "not_in_future")],
            ),
            (
                "born today",
                |c| c.birth_date = Some(today()),
                &[("brp_registration_date", "after_birth")],
            ),
            (
                "born 1900",
                |c| c.birth_date = NaiveDate::from_ymd_opt(1900, 1, 1),
                &[("birth_date", "plausible")],
            ),
            ("no gender", |c| c.gender = None, &[("gender", "required")]),
            (
                "no type",
                |c| c.client_type = None,
                &[("client_type", "required")],
            ),
            (
                "subtype on gezinsmigrant",
                |c| {
                    c.client_type = Some(ClientType::Gezinsmigrant);
                    c.statushouder_subtype = Some(StatushouderSubtype::Nareiziger)
                },
                &[("statushouder_subtype", "statushouder_only")],
            ),
            (
                "subtype on statushouder",
                |c| c.statushouder_subtype = Some(StatushouderSubtype::Hervestiger),
                &[],
            ),
            (
                "unknown municipality",
                |c| c.municipality = "Leiden".into(),
                &[("municipality", "known_municipality")],
            ),
            (
                "municipality case-insensitive",
                |c| c.municipality = "lisse".into(),
                &[],
            ),
            (
                "interpreter without language",
                |c| c.interpreter_needed = true,
                &[("interpreter_language", "required_with_interpreter")],
            ),
            (
                "interpreter with language",
                |c| {
                    c.interpreter_needed = true;
                    c.interpreter_language = Some("Tigrinya".into())
                },
                &[],
            ),
            (
                "brp in future",
                |c| c.brp_registration_date = NaiveDate::from_ymd_opt(2027, 1, 1),
                &[("brp_registration_date", "not_in_future")],
            ),
            (
                "brp today",
                |c| c.brp_registration_date = Some(today()),
                &[],
            ),
            (
                "obligation in future is allowed",
                |c| c.obligation_date = NaiveDate::from_ymd_opt(2027, 1, 1),
                &[],
            ),
            (
                "bad bsn",
                |c| c.bsn = Some("123456781".into()),
                &[("bsn", "elfproef")],
            ),
            ("good bsn", |c| c.bsn = Some("123456782".into()), &[]),
            (
                "bad email",
                |c| c.email = Some("amira@".into()),
                &[("email", "email")],
            ),
            (
                "good email",
                |c| c.email = Some("amira@example.nl".into()),
                &[],
            ),
            (
                "bad phone",
                |c| c.phone = Some("06-abc".into()),
                &[("phone", "phone")],
            ),
            (
                "good phone",
                |c| c.phone = Some("+31 6 1234 5678".into()),
                &[],
            ),
        ];
        for (name, change, expected) in cases {
            let mut input = valid();
            change(&mut input);
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|(f, r)| (f.to_string(), r.to_string()))
                .collect();
            assert_eq!(broken_rules(input), expected, "case: {name}");
        }
    }

    #[test]
    fn errors_are_dutch_and_name_the_field() {
        let mut input = valid();
        input.birth_date = NaiveDate::from_ymd_opt(2030, 1, 1);
        let err = input.validate(today(), &municipalities()).unwrap_err();
        assert_eq!(err.to_string(), "Geboortedatum: ligt in de toekomst");
    }

    #[test]
    fn normalising_trims_and_drops_what_no_longer_applies() {
        let input = ClientInput {
            given_name: "  Amira ".into(),
            phone: Some("   ".into()),
            bsn: Some("1234.56.782".into()),
            interpreter_language: Some("Arabisch".into()),
            statushouder_subtype: Some(StatushouderSubtype::Nareiziger),
            client_type: Some(ClientType::Gezinsmigrant),
            other_languages: vec![" Engels ".into(), "".into()],
            ..valid()
        }
        .normalised();
        assert_eq!(input.given_name, "Amira");
        assert_eq!(input.phone, None);
        assert_eq!(input.bsn.as_deref(), Some("123456782"));
        assert_eq!(input.interpreter_language, None);
        assert_eq!(input.statushouder_subtype, None);
        assert_eq!(input.other_languages, vec!["Engels".to_string()]);
    }

    #[test]
    fn cohort_is_the_year_of_the_obligation() {
        let input = ClientInput {
            obligation_date: NaiveDate::from_ymd_opt(2024, 3, 1),
            ..valid()
        };
        assert_eq!(input.cohort(), Some(2024));
    }
}
