//! The client fields as command-line flags, shared by `client add` and `client edit`.

use anyhow::{anyhow, Result};
use clap::Args;
use traject_core::domain::ClientInput;
use traject_core::import::parse_date;

/// Each flag sets one field; an empty value (`--phone ""`) clears it.
#[derive(Args, Default, PartialEq)]
pub struct ClientArgs {
    #[arg(long)]
    given_name: Option<String>,
    #[arg(long)]
    family_name: Option<String>,
    /// YYYY-MM-DD or DD-MM-YYYY.
    #[arg(long)]
    birth_date: Option<String>,
    /// M, V or X.
    #[arg(long)]
    gender: Option<String>,
    #[arg(long)]
    country_of_origin: Option<String>,
    #[arg(long)]
    mother_tongue: Option<String>,
    /// Comma-separated.
    #[arg(long)]
    other_languages: Option<String>,
    /// The interpreter's language; setting it marks an interpreter as needed ("" clears both).
    #[arg(long)]
    interpreter: Option<String>,
    /// statushouder, gezinsmigrant or overige_migrant.
    #[arg(long)]
    client_type: Option<String>,
    /// nareiziger or hervestiger (statushouders only).
    #[arg(long)]
    subtype: Option<String>,
    #[arg(long)]
    municipality: Option<String>,
    #[arg(long)]
    brp_registration_date: Option<String>,
    #[arg(long)]
    kennisgeving_date: Option<String>,
    #[arg(long)]
    obligation_date: Option<String>,
    #[arg(long)]
    housing_date: Option<String>,
    #[arg(long)]
    bsn: Option<String>,
    #[arg(long)]
    phone: Option<String>,
    #[arg(long)]
    email: Option<String>,
    #[arg(long)]
    address: Option<String>,
    #[arg(long)]
    consultant: Option<String>,
    /// aangemeld, intake, pip, in_traject, afgerond, ontheffing, verhuisd or beeindigd.
    #[arg(long)]
    status: Option<String>,
    #[arg(long)]
    external_id: Option<String>,
}

fn text(value: String) -> Option<String> {
    Some(value).filter(|v| !v.trim().is_empty())
}

fn date(flag: &str, value: String) -> Result<Option<chrono::NaiveDate>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    parse_date(value.trim())
        .map(Some)
        .ok_or_else(|| anyhow!("--{flag}: '{value}' is geen datum (JJJJ-MM-DD of DD-MM-JJJJ)"))
}

fn code<T: serde::de::DeserializeOwned>(
    flag: &str,
    value: String,
    allowed: &str,
) -> Result<Option<T>> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    let normalised = value.trim().replace(' ', "_");
    // Gender codes are capitals, the other codes lower case.
    let candidates = [normalised.to_uppercase(), normalised.to_lowercase()];
    candidates
        .iter()
        .find_map(|c| serde_json::from_value(serde_json::Value::String(c.clone())).ok())
        .map(Some)
        .ok_or_else(|| anyhow!("--{flag}: '{value}' is niet toegestaan ({allowed})"))
}

impl ClientArgs {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Applies the given flags to `input`; the store validates the result.
    pub fn apply(self, mut input: ClientInput) -> Result<ClientInput> {
        if let Some(v) = self.given_name {
            input.given_name = v;
        }
        if let Some(v) = self.family_name {
            input.family_name = v;
        }
        if let Some(v) = self.municipality {
            input.municipality = v;
        }
        if let Some(v) = self.birth_date {
            input.birth_date = date("birth-date", v)?;
        }
        if let Some(v) = self.gender {
            input.gender = code("gender", v, "M, V of X")?;
        }
        if let Some(v) = self.client_type {
            input.client_type = code(
                "client-type",
                v,
                "statushouder, gezinsmigrant, overige_migrant",
            )?;
        }
        if let Some(v) = self.subtype {
            input.statushouder_subtype = code("subtype", v, "nareiziger, hervestiger")?;
        }
        if let Some(v) = self.status {
            input.status = code(
                "status",
                v,
                "aangemeld, intake, pip, in_traject, afgerond, ontheffing, verhuisd, beeindigd",
            )?
            .unwrap_or(input.status);
        }
        if let Some(v) = self.interpreter {
            input.interpreter_language = text(v);
            input.interpreter_needed = input.interpreter_language.is_some();
        }
        if let Some(v) = self.other_languages {
            input.other_languages = v
                .split(',')
                .map(|l| l.trim().to_owned())
                .filter(|l| !l.is_empty())
                .collect();
        }
        for (flag, value, field) in [
            (
                "brp-registration-date",
                self.brp_registration_date,
                &mut input.brp_registration_date,
            ),
            (
                "kennisgeving-date",
                self.kennisgeving_date,
                &mut input.kennisgeving_date,
            ),
            (
                "obligation-date",
                self.obligation_date,
                &mut input.obligation_date,
            ),
            ("housing-date", self.housing_date, &mut input.housing_date),
        ] {
            if let Some(v) = value {
                *field = date(flag, v)?;
            }
        }
        for (value, field) in [
            (self.country_of_origin, &mut input.country_of_origin),
            (self.mother_tongue, &mut input.mother_tongue),
            (self.bsn, &mut input.bsn),
            (self.phone, &mut input.phone),
            (self.email, &mut input.email),
            (self.address, &mut input.address),
            (self.consultant, &mut input.consultant),
            (self.external_id, &mut input.external_id),
        ] {
            if let Some(v) = value {
                *field = text(v);
            }
        }
        Ok(input)
    }
}
