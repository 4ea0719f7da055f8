//! Formal documents as PDF: the PIP beschikking (issue "PIP versions"). The caller fills a
//! [`Beschikking`] with Dutch text; this module only typesets it.

use chrono::NaiveDate;

mod beschikking;
#[cfg(test)]
mod tests;
mod typeset;

pub use beschikking::{dutch_date, render};

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{0} ontbreekt; de brief kan zo niet worden opgemaakt")]
    MissingField(&'static str),
    #[error("het einde van de inburgeringstermijn ({end}) ligt vóór het begin ({start})")]
    TermijnReversed { start: String, end: String },
    #[error(
        "het teken ‘{}’ (U+{:04X}) zit niet in het lettertype van de brief; pas de tekst aan",
        .0,
        u32::from(*.0)
    )]
    UnsupportedCharacter(char),
    #[error("het ingebouwde lettertype kon niet worden geladen")]
    Font,
    #[error("ongeldig paginaformaat")]
    PageSize,
    #[error("de PDF kon niet worden gemaakt: {0}")]
    Pdf(String),
}

/// The municipality's letterhead (from settings).
#[derive(Debug, Clone, PartialEq)]
pub struct Letterhead {
    /// "Gemeente Lisse"
    pub municipality: String,
    /// "Team Inburgering" or the organisation carrying it out ("ISD Bollenstreek").
    pub department: String,
    /// Street and number of the town hall / office.
    pub address: String,
    /// "2161 AR Lisse"
    pub postcode_city: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// One titled block of label/value rows ("Leerroute" / "B1-route").
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub heading: String,
    pub rows: Vec<(String, String)>,
}

/// A beschikking (formal decision) on a client's PIP.
#[derive(Debug, Clone, PartialEq)]
pub struct Beschikking {
    pub letterhead: Letterhead,
    /// Our reference (kenmerk), e.g. "PIP-2026-0193-v2".
    pub reference: String,
    /// The decision date.
    pub dagtekening: NaiveDate,
    /// "Besluit over uw Persoonlijk Plan Inburgering en Participatie (PIP)"
    pub subject: String,
    pub client_name: String,
    /// Address lines of the client, if known.
    pub client_address: Vec<String>,
    pub client_birth_date: Option<NaiveDate>,
    /// Masked, e.g. "******782".
    pub bsn_masked: Option<String>,
    /// Opening paragraph(s) of the letter.
    pub introduction: Vec<String>,
    /// The decision content.
    pub sections: Vec<Section>,
    pub termijn_start: Option<NaiveDate>,
    pub termijn_end: Option<NaiveDate>,
    /// Who signs: name and role ("Sanne de Vries", "Inburgeringsconsulent").
    pub signer_name: String,
    pub signer_role: String,
}
