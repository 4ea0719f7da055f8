//! The beschikking of an adopted PIP version: filled from the version, the client, the termijn
//! and the municipality's letterhead (settings), rendered as PDF and kept with the version.

use chrono::NaiveDate;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::audit::{AuditAction, FieldChange};
use super::clients::timestamp;
use super::{settings, Result, Store, StoreError};
use crate::document::{render, Beschikking, Letterhead, Section};
use crate::domain::glossary::route_label;
use crate::domain::pip::MapExemption;
use crate::domain::{PipStatus, PipVersion, VersionKind};
use crate::sync::outbox::LEDGER_ROW;

/// A municipality's letterhead, kept in settings per municipality.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
pub struct LetterheadSettings {
    pub department: Option<String>,
    pub address: Option<String>,
    pub postcode_city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// A generated beschikking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct GeneratedDocument {
    pub id: Uuid,
    pub pip_id: Uuid,
    /// A file name for it: "Beschikking PIP Haddad v2.pdf".
    pub file_name: String,
    #[serde(skip)]
    #[ts(skip)]
    pub pdf: Vec<u8>,
}

fn letterhead_key(municipality: &str) -> String {
    format!("letterhead:{municipality}")
}

impl Store {
    pub fn letterhead(&self, municipality: &str) -> Result<LetterheadSettings> {
        Ok(settings::get(&self.conn, &letterhead_key(municipality))?.unwrap_or_default())
    }

    /// Saves a municipality's letterhead; blank fields are cleared.
    pub fn set_letterhead(
        &mut self,
        municipality: &str,
        letterhead: LetterheadSettings,
    ) -> Result<()> {
        fn opt(v: Option<String>) -> Option<String> {
            v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
        }
        let letterhead = LetterheadSettings {
            department: opt(letterhead.department),
            address: opt(letterhead.address),
            postcode_city: opt(letterhead.postcode_city),
            phone: opt(letterhead.phone),
            email: opt(letterhead.email),
            website: opt(letterhead.website),
        };
        settings::put(&self.conn, &letterhead_key(municipality), &letterhead)
    }

    /// Renders the beschikking of an adopted version and keeps it with the version.
    pub fn generate_pip_document(
        &mut self,
        pip_id: &Uuid,
        today: NaiveDate,
    ) -> Result<GeneratedDocument> {
        let version = self.pip_version(pip_id)?;
        if version.status != PipStatus::Vastgesteld {
            return Err(StoreError::Conflict(
                "alleen een vastgesteld PIP krijgt een beschikking: stel het eerst vast".into(),
            ));
        }
        let client = self.client(&version.client_id)?;
        let identity = self.identity()?.ok_or(StoreError::NotInitialised)?;
        let municipality = client.input.municipality.clone();
        let head = self.letterhead(&municipality)?;
        let termijn = self.termijn_view(&version.client_id, today)?.termijn;
        let doc = Beschikking {
            letterhead: Letterhead {
                municipality: format!("Gemeente {municipality}"),
                department: head
                    .department
                    .unwrap_or_else(|| identity.organisation.clone()),
                address: head.address.unwrap_or_default(),
                postcode_city: head.postcode_city.unwrap_or_else(|| municipality.clone()),
                phone: head.phone,
                email: head.email,
                website: head.website,
            },
            reference: format!(
                "PIP-{}-v{}",
                client
                    .input
                    .external_id
                    .clone()
                    .unwrap_or_else(|| client.id.to_string()[..8].to_owned()),
                version.number
            ),
            dagtekening: version.dagtekening.unwrap_or(today),
            subject: "Besluit over uw Persoonlijk Plan Inburgering en Participatie (PIP)".into(),
            client_name: format!("{} {}", client.input.given_name, client.input.family_name),
            client_address: client
                .input
                .address
                .iter()
                .flat_map(|a| a.split(',').map(|l| l.trim().to_owned()))
                .filter(|l| !l.is_empty())
                .collect(),
            client_birth_date: client.input.birth_date,
            bsn_masked: client.masked_bsn(),
            introduction: introduction(&version),
            sections: sections(&version),
            termijn_start: termijn.as_ref().map(|t| t.start),
            termijn_end: termijn.as_ref().map(|t| t.end),
            signer_name: identity.name.clone(),
            signer_role: "Inburgeringsconsulent".into(),
        };
        let pdf = render(&doc)?;
        let id = Uuid::now_v7();
        let mut w = self.begin_write()?;
        w.tx.execute(
            "INSERT INTO pip_documents (id, pip_id, generated_by, generated_at, pdf) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id.to_string(), pip_id.to_string(), w.actor, timestamp(w.now), pdf],
        )?;
        w.outbox(
            "pip_documents",
            &id.to_string(),
            LEDGER_ROW,
            &serde_json::Value::Null,
        )?;
        let changes = [FieldChange {
            field: "document".into(),
            old: None,
            new: Some(format!(
                "beschikking PIP versie {} ({} kB)",
                version.number,
                pdf.len() / 1024
            )),
        }];
        w.audit(
            AuditAction::Append,
            "pip_documents",
            &id.to_string(),
            Some(&version.client_id.to_string()),
            &changes,
        )?;
        w.commit()?;
        Ok(GeneratedDocument {
            id,
            pip_id: *pip_id,
            file_name: format!(
                "Beschikking PIP {} v{}.pdf",
                client.input.family_name, version.number
            ),
            pdf,
        })
    }

    /// How many beschikkingen were generated for a version.
    pub fn pip_document_count(&self, pip_id: &Uuid) -> Result<u32> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM pip_documents WHERE pip_id = ?1",
            [pip_id.to_string()],
            |r| r.get(0),
        )?)
    }
}

fn introduction(v: &PipVersion) -> Vec<String> {
    let first = match v.content.kind {
        VersionKind::Eerste | VersionKind::Migratie => {
            "Na de brede intake stellen wij met deze brief uw Persoonlijk Plan Inburgering en Participatie (PIP) vast. Hierin staat welke leerroute u volgt, wat uw doelen zijn en welke afspraken wij met u maken.".to_owned()
        }
        _ => format!(
            "Met deze brief stellen wij versie {} van uw Persoonlijk Plan Inburgering en Participatie (PIP) vast. Deze versie vervangt de vorige.",
            v.number
        ),
    };
    let mut paragraphs = vec![first];
    if let Some(reason) = &v.content.reason {
        paragraphs.push(format!("Reden van deze versie: {reason}"));
    }
    paragraphs.push("Hieronder leest u wat wij hebben besloten. Hebt u vragen over deze brief? Neem dan contact op met uw consulent.".into());
    paragraphs
}

fn sections(v: &PipVersion) -> Vec<Section> {
    let c = &v.content;
    let date = |d: Option<NaiveDate>| d.map(|d| d.format("%d-%m-%Y").to_string());
    let rows = |pairs: Vec<(&str, Option<String>)>| -> Vec<(String, String)> {
        pairs
            .into_iter()
            .filter_map(|(label, value)| value.map(|v| (label.to_owned(), v)))
            .collect()
    };
    let mut out = vec![
        Section {
            heading: "Leerroute en doelen".into(),
            rows: rows(vec![
                ("Leerroute", c.leerroute.map(|r| route_label(r).to_owned())),
                ("Beoogd niveau", c.target_level.map(|l| format!("{l:?}"))),
                ("Doelen", c.goals.clone()),
            ]),
        },
        Section {
            heading: "Taalschool".into(),
            rows: rows(vec![
                ("Taalschool", c.provider.clone()),
                ("Op de wachtlijst sinds", date(c.waiting_list_date)),
                ("Start cursus", date(c.course_start_date)),
            ]),
        },
        Section {
            heading: "Module Arbeidsmarkt en Participatie (MAP)".into(),
            rows: rows(vec![
                (
                    "Deelname",
                    Some(
                        match c.map_exemption {
                            MapExemption::Geen => "Volledige deelname",
                            MapExemption::Gedeeltelijk => "Gedeeltelijke ontheffing",
                            MapExemption::Volledig => "Volledige ontheffing",
                        }
                        .to_owned(),
                    ),
                ),
                ("Reden ontheffing", c.map_exemption_reason.clone()),
                ("Afspraken", c.map_agreement.clone()),
            ]),
        },
        Section {
            heading: "Participatieverklaringstraject (PVT)".into(),
            rows: rows(vec![("Afspraken", c.pvt_agreement.clone())]),
        },
        Section {
            heading: "Participatie".into(),
            rows: rows(vec![
                (
                    "Uren per week",
                    c.participation_hours_per_week.map(|h| h.to_string()),
                ),
                ("Afspraken", c.participation_agreement.clone()),
                ("Besluiten Participatiewet", c.participatiewet.clone()),
            ]),
        },
        Section {
            heading: "Randvoorwaarden en voortgang".into(),
            rows: rows(vec![
                ("Randvoorwaarden", c.preconditions.clone()),
                ("Monitoring", c.monitoring.clone()),
            ]),
        },
    ];
    out.retain(|s| !s.rows.is_empty());
    out
}
