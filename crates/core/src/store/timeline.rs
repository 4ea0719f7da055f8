//! The dossier's timeline: the dates of the trajectory in order (issue "PIP versions" item 6).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::intakes::IntakeStatus;
use super::{Result, Store};
use crate::domain::glossary::route_label;
use crate::domain::{PipStatus, VersionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimelineKind {
    Registratie,
    Kennisgeving,
    Huisvesting,
    Intakegesprek,
    Pip,
    Routewijziging,
    Wachtlijst,
    StartCursus,
    TermijnStart,
    Verlenging,
    Ontheffing,
    TermijnEinde,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TimelineEvent {
    pub date: NaiveDate,
    pub kind: TimelineKind,
    /// Dutch text: what happened.
    pub label: String,
    /// Still to come on `today`.
    pub upcoming: bool,
}

impl Store {
    /// Every dated step of the client's trajectory, oldest first.
    pub fn timeline(&self, client_id: &Uuid, today: NaiveDate) -> Result<Vec<TimelineEvent>> {
        let client = self.client(client_id)?;
        let mut events = Vec::new();
        let mut push = |date: Option<NaiveDate>, kind, label: String| {
            if let Some(date) = date {
                events.push(TimelineEvent {
                    date,
                    kind,
                    label,
                    upcoming: date > today,
                });
            }
        };
        let c = &client.input;
        push(
            c.brp_registration_date,
            TimelineKind::Registratie,
            "Inschrijving BRP".into(),
        );
        push(
            c.kennisgeving_date,
            TimelineKind::Kennisgeving,
            "Kennisgeving DUO".into(),
        );
        push(
            c.housing_date,
            TimelineKind::Huisvesting,
            "Huisvesting".into(),
        );
        for intake in self.intakes(client_id)? {
            for session in self.intake_sessions(&intake.id)? {
                push(
                    Some(session.input.date),
                    TimelineKind::Intakegesprek,
                    "Gesprek brede intake".into(),
                );
            }
            if intake.status == IntakeStatus::Completed {
                if let Some(done) = intake.completed_at {
                    push(
                        Some(done.date_naive()),
                        TimelineKind::Intakegesprek,
                        "Brede intake afgerond".into(),
                    );
                }
            }
        }
        let mut previous_route = None;
        for v in self.pip_versions(client_id)? {
            if v.status != PipStatus::Vastgesteld {
                continue;
            }
            let route = v
                .content
                .leerroute
                .map_or("leerroute onbekend", route_label);
            let changed = previous_route.is_some() && previous_route != v.content.leerroute;
            let (kind, label) = if changed {
                (
                    TimelineKind::Routewijziging,
                    format!(
                        "PIP versie {} vastgesteld: andere leerroute, {route}",
                        v.number
                    ),
                )
            } else if v.content.kind == VersionKind::Migratie {
                (
                    TimelineKind::Pip,
                    format!(
                        "PIP versie {} (overgenomen uit het vorige systeem): {route}",
                        v.number
                    ),
                )
            } else {
                (
                    TimelineKind::Pip,
                    format!("PIP versie {} vastgesteld: {route}", v.number),
                )
            };
            push(v.dagtekening, kind, label);
            previous_route = v.content.leerroute.or(previous_route);
            let provider = v
                .content
                .provider
                .clone()
                .unwrap_or_else(|| "taalschool".into());
            push(
                v.content.waiting_list_date,
                TimelineKind::Wachtlijst,
                format!("Op de wachtlijst bij {provider}"),
            );
            push(
                v.content.course_start_date,
                TimelineKind::StartCursus,
                format!("Start cursus bij {provider}"),
            );
        }
        let view = self.termijn_view(client_id, today)?;
        if let Some(t) = &view.termijn {
            push(
                Some(t.start),
                TimelineKind::TermijnStart,
                "Start inburgeringstermijn".into(),
            );
            for e in &view.extensions {
                push(
                    Some(e.input.decision_date),
                    TimelineKind::Verlenging,
                    format!(
                        "Verlenging door DUO tot {}",
                        e.input.new_end.format("%d-%m-%Y")
                    ),
                );
            }
            push(
                Some(t.end),
                TimelineKind::TermijnEinde,
                "Einde inburgeringstermijn".into(),
            );
        }
        for e in &view.exemptions {
            push(
                Some(e.input.decision_date),
                TimelineKind::Ontheffing,
                "Ontheffing door DUO".into(),
            );
        }
        // Dates of placements repeat over versions: keep each event once.
        events.sort_by(|a, b| (a.date, &a.label).cmp(&(b.date, &b.label)));
        events.dedup();
        Ok(events)
    }
}
