//! Work and support: the referral to work, a minor turning 18, and the ends of financieel
//! ontzorgen and maatschappelijke begeleiding.

use chrono::NaiveDate;

use super::{date, days, ClientFacts, DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::client::ClientType;
use crate::domain::level::CefrLevel;
use crate::domain::termijn::add_years;

/// On social assistance, A1 reached on any skill, not referred to work yet.
pub(super) fn refer_to_work(facts: &ClientFacts, out: &mut Vec<Signal>) {
    if !facts.social_assistance || facts.referred_to_work {
        return;
    }
    let a1 = facts
        .reports
        .iter()
        .filter(|r| r.highest.is_some_and(|l| l >= CefrLevel::A1))
        .map(|r| r.period_end)
        .min();
    if let Some(since) = a1 {
        out.push(Signal::new(
            SignalKind::ReferToWork,
            Severity::Info,
            None,
            DossierTab::Ondersteuning,
            format!(
                "A1 bereikt (rapportage tot {}) en een bijstandsuitkering: verwijs naar de \
                 Participatiewet-consulent",
                date(since)
            ),
        ));
    }
}

/// A statushouder minor turns 18 within the set days: then the obligation starts.
pub(super) fn turning_18(
    facts: &ClientFacts,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if facts.client_type != Some(ClientType::Statushouder) {
        return;
    }
    let Some(birth) = facts.birth_date else {
        return;
    };
    let eighteen = add_years(birth, 18);
    let left = (eighteen - today).num_days();
    if left > 0 && left <= i64::from(settings.turning_18_days) {
        out.push(Signal::new(
            SignalKind::Turning18,
            Severity::Info,
            Some(eighteen),
            DossierTab::Overview,
            format!(
                "Wordt 18 op {} (over {}) en is dan inburgeringsplichtig; leg uit wat dat betekent",
                date(eighteen),
                days(left)
            ),
        ));
    }
}

fn ending(
    ends: &[NaiveDate],
    within: u32,
    today: NaiveDate,
    kind: SignalKind,
    what: &str,
    out: &mut Vec<Signal>,
) {
    for end in ends {
        let left = (*end - today).num_days();
        if left >= 0 && left <= i64::from(within) {
            out.push(Signal::new(
                kind,
                Severity::Info,
                Some(*end),
                DossierTab::Ondersteuning,
                format!("{what} eindigt op {} (over {})", date(*end), days(left)),
            ));
        }
    }
}

pub(super) fn ontzorgen_ending(
    facts: &ClientFacts,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    ending(
        &facts.ontzorgen_ends,
        settings.ontzorgen_warning_days,
        today,
        SignalKind::OntzorgenEnding,
        "Financieel ontzorgen",
        out,
    );
}

pub(super) fn begeleiding_ending(
    facts: &ClientFacts,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    ending(
        &facts.begeleiding_ends,
        settings.begeleiding_warning_days,
        today,
        SignalKind::BegeleidingEnding,
        "Maatschappelijke begeleiding",
        out,
    );
}
