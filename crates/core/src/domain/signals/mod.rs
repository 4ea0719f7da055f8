//! The deadlines and signals engine (domain page §3). Each rule is a pure function of one
//! client's facts, the settings and `today`, returning zero or more signals with a severity, a
//! due date, a Dutch explanation that names the rule and the numbers, and the dossier tab that
//! deals with it. Missing data never panics: a rule that needs a date it lacks stays silent,
//! and [`data_quality`] says what is missing.

mod deadlines;
mod facts;
mod modules;
mod monitoring;
mod route;
mod settings;
mod support;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use facts::{AdoptedPip, ClientFacts, ReportFact};
pub use settings::SignalSettings;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignalKind {
    IntakeDue,
    PipDue,
    TermijnEnding,
    TermijnPassed,
    ProgressConversations,
    NoConversation,
    RevisionWindow,
    ChangeNotAllowed,
    ZRouteBehind,
    MapPracticeMissing,
    PvtNotSigned,
    Absence,
    ProviderReportOverdue,
    ReferToWork,
    Turning18,
    OnderwijsrouteAge,
    OntzorgenEnding,
    BegeleidingEnding,
    WaitingTooLong,
    NoContact,
    DataQuality,
}

impl SignalKind {
    pub const ALL: [Self; 21] = [
        Self::IntakeDue,
        Self::PipDue,
        Self::TermijnEnding,
        Self::TermijnPassed,
        Self::ProgressConversations,
        Self::NoConversation,
        Self::RevisionWindow,
        Self::ChangeNotAllowed,
        Self::ZRouteBehind,
        Self::MapPracticeMissing,
        Self::PvtNotSigned,
        Self::Absence,
        Self::ProviderReportOverdue,
        Self::ReferToWork,
        Self::Turning18,
        Self::OnderwijsrouteAge,
        Self::OntzorgenEnding,
        Self::BegeleidingEnding,
        Self::WaitingTooLong,
        Self::NoContact,
        Self::DataQuality,
    ];

    /// The signal's name, as the Werkvoorraad shows it.
    pub fn title(self) -> &'static str {
        match self {
            Self::IntakeDue => "Brede intake",
            Self::PipDue => "PIP vaststellen",
            Self::TermijnEnding => "Termijn loopt af",
            Self::TermijnPassed => "Termijn verlopen",
            Self::ProgressConversations => "Voortgangsgesprekken eerste jaar",
            Self::NoConversation => "Geen voortgangsgesprek",
            Self::RevisionWindow => "Routewijziging: venster sluit",
            Self::ChangeNotAllowed => "Wijziging niet toegestaan",
            Self::ZRouteBehind => "Z-route loopt achter",
            Self::MapPracticeMissing => "MAP-praktijk ontbreekt",
            Self::PvtNotSigned => "Participatieverklaring niet ondertekend",
            Self::Absence => "Verzuim",
            Self::ProviderReportOverdue => "Rapportage taalschool te laat",
            Self::ReferToWork => "Verwijzen naar werk",
            Self::Turning18 => "Wordt 18",
            Self::OnderwijsrouteAge => "Onderwijsroute: 30 jaar",
            Self::OntzorgenEnding => "Ontzorgen eindigt",
            Self::BegeleidingEnding => "Begeleiding eindigt",
            Self::WaitingTooLong => "Te lang op de wachtlijst",
            Self::NoContact => "Geen contact",
            Self::DataQuality => "Gegevens ontbreken",
        }
    }
}

/// How urgent a signal is; the most urgent sorts first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// A rule of the law is broken (blocks saving where it can).
    Error,
    /// A deadline has passed.
    Overdue,
    Warning,
    Info,
}

/// The dossier tab that deals with a signal (the UI's tab keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DossierTab {
    Overview,
    Intake,
    Pip,
    Contacts,
    Portfolio,
    Absences,
    Reports,
    Voortgang,
    Handhaving,
    Ondersteuning,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Signal {
    pub kind: SignalKind,
    pub severity: Severity,
    /// The date the signal is about (a deadline, an end), if it has one.
    pub due: Option<NaiveDate>,
    pub message: String,
    pub tab: DossierTab,
    /// The facts the signal rests on: an acknowledgement holds while they stay the same.
    pub fingerprint: String,
}

impl Signal {
    fn new(
        kind: SignalKind,
        severity: Severity,
        due: Option<NaiveDate>,
        tab: DossierTab,
        message: String,
    ) -> Self {
        Self {
            kind,
            severity,
            due,
            fingerprint: due.map_or_else(String::new, |d| d.to_string()),
            message,
            tab,
        }
    }

    fn with_fingerprint(mut self, fingerprint: impl Into<String>) -> Self {
        self.fingerprint = fingerprint.into();
        self
    }
}

/// Every signal of one client on `today`, most urgent first.
pub fn evaluate(facts: &ClientFacts, settings: &SignalSettings, today: NaiveDate) -> Vec<Signal> {
    if facts.closed {
        return Vec::new();
    }
    rules(facts, &facts::Derived::new(facts, today), settings, today)
}

/// [`evaluate`], and the client's portfolio on `today` under the adopted PIP's route history
/// (`None` before a PIP; also for a closed dossier): the reports need both, and the portfolio
/// is most of the work of either.
pub fn evaluate_with_portfolio(
    facts: &ClientFacts,
    settings: &SignalSettings,
    today: NaiveDate,
) -> (Vec<Signal>, Option<crate::domain::Portfolio>) {
    let ctx = facts::Derived::new(facts, today);
    let signals = if facts.closed {
        Vec::new()
    } else {
        rules(facts, &ctx, settings, today)
    };
    (signals, ctx.portfolio)
}

/// The rules of an open dossier, most urgent first.
fn rules(
    facts: &ClientFacts,
    ctx: &facts::Derived,
    settings: &SignalSettings,
    today: NaiveDate,
) -> Vec<Signal> {
    let mut out = Vec::new();
    data_quality(facts, &mut out);
    deadlines::intake_and_pip_due(facts, ctx, settings, today, &mut out);
    deadlines::termijn(facts, ctx, settings, today, &mut out);
    monitoring::progress_conversations(facts, ctx, settings, today, &mut out);
    monitoring::no_conversation(facts, ctx, settings, today, &mut out);
    monitoring::absence(facts, settings, today, &mut out);
    monitoring::provider_report_overdue(facts, ctx, settings, today, &mut out);
    monitoring::no_contact(facts, ctx, settings, today, &mut out);
    route::revision_window(facts, ctx, settings, today, &mut out);
    route::change_not_allowed(facts, ctx, &mut out);
    route::z_route_behind(facts, ctx, settings, today, &mut out);
    route::onderwijsroute_age(facts, ctx, settings, today, &mut out);
    route::waiting_too_long(facts, ctx, settings, today, &mut out);
    modules::map_practice_missing(facts, ctx, settings, today, &mut out);
    modules::pvt_not_signed(facts, ctx, settings, today, &mut out);
    support::refer_to_work(facts, &mut out);
    support::turning_18(facts, settings, today, &mut out);
    support::ontzorgen_ending(facts, settings, today, &mut out);
    support::begeleiding_ending(facts, settings, today, &mut out);
    sort(&mut out);
    out
}

/// Most urgent first: severity, then the earliest due date (undated last).
pub fn sort(signals: &mut [Signal]) {
    signals.sort_by(|a, b| {
        (a.severity, a.due.is_none(), a.due, a.kind).cmp(&(
            b.severity,
            b.due.is_none(),
            b.due,
            b.kind,
        ))
    });
}

/// Facts the rules need but the dossier lacks: named, so nobody is silently skipped.
fn data_quality(facts: &ClientFacts, out: &mut Vec<Signal>) {
    let mut missing = Vec::new();
    if facts.brp_registration_date.is_none() && facts.kennisgeving_date.is_none() {
        missing.push("datum inschrijving BRP");
    }
    if facts.birth_date.is_none() {
        missing.push("geboortedatum");
    }
    if facts.client_type.is_none() {
        missing.push("doelgroep");
    }
    if !missing.is_empty() {
        out.push(
            Signal::new(
                SignalKind::DataQuality,
                Severity::Warning,
                None,
                DossierTab::Overview,
                format!(
                    "Gegevens ontbreken: {}. Zonder deze gegevens kan Traject de termijnen niet bewaken.",
                    missing.join(", ")
                ),
            )
            .with_fingerprint(missing.join(",")),
        );
    }
}

/// "12 dagen", "1 dag".
fn days(n: i64) -> String {
    if n == 1 {
        "1 dag".into()
    } else {
        format!("{n} dagen")
    }
}

/// The hours a line counts, in a sentence: "taal en KNM 310 van 800 uur".
fn hours_label(target: crate::domain::portfolio::PortfolioTarget) -> &'static str {
    use crate::domain::portfolio::PortfolioTarget as T;
    match target {
        T::Taal => "taal en KNM",
        T::Participatie => "participatie",
        T::MapTheorie => "MAP-theorie",
        T::MapPraktijk => "MAP-praktijk",
        T::Pvt => "PVT",
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}
