//! Monitoring (§2 step 10): progress conversations, absences, the language school's reports
//! and whether the client can be reached at all.

use chrono::{Months, NaiveDate};

use super::facts::Derived;
use super::{date, days, ClientFacts, DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::client::ClientType;
use crate::domain::termijn::add_years;
use crate::domain::ContactOutcome;

/// Fewer than the minimum of conversations in the first year of the termijn while that year
/// ends within the set days.
pub(super) fn progress_conversations(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let Some(start) = ctx.termijn_start else {
        return;
    };
    let year_end = add_years(start, 1);
    let left = (year_end - today).num_days();
    if left <= 0 || left > i64::from(settings.conversations_warning_days) {
        return;
    }
    let held = facts
        .conversations
        .iter()
        .filter(|d| **d >= start && **d < year_end)
        .count();
    let needed = settings.min_conversations_first_year as usize;
    if held < needed {
        out.push(
            Signal::new(
                SignalKind::ProgressConversations,
                Severity::Warning,
                Some(year_end),
                DossierTab::Voortgang,
                format!(
                    "{held} van de {needed} voortgangsgesprekken in het eerste jaar van de termijn; \
                     dat jaar eindigt over {} ({})",
                    days(left),
                    date(year_end)
                ),
            )
            .with_fingerprint(format!("{year_end}:{held}")),
        );
    }
}

/// No progress conversation for more than the set months since the last one (or since the
/// first PIP when there was none).
pub(super) fn no_conversation(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let last = facts.conversations.iter().max().copied();
    let Some(since) = last.or(ctx.termijn_start.and_then(|s| s.pred_opt())) else {
        return;
    };
    let Some(due) = since.checked_add_months(Months::new(settings.no_conversation_months)) else {
        return;
    };
    if today > due {
        let what = match last {
            Some(d) => format!("Laatste voortgangsgesprek op {}", date(d)),
            None => format!(
                "Nog geen voortgangsgesprek sinds het PIP van {}",
                date(since)
            ),
        };
        out.push(Signal::new(
            SignalKind::NoConversation,
            Severity::Warning,
            Some(due),
            DossierTab::Voortgang,
            format!(
                "{what}: meer dan {} maanden geleden",
                settings.no_conversation_months
            ),
        ));
    }
}

/// The set number of unexcused absences within the window, the last of them recent (within the
/// window before today); for statushouders with a handhaving prompt.
pub(super) fn absence(
    facts: &ClientFacts,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let window = i64::from(settings.absence_window_days);
    let count = (settings.absence_count as usize).max(1);
    let mut unexcused: Vec<NaiveDate> = facts
        .absences
        .iter()
        .filter(|(d, excused)| !excused && *d <= today)
        .map(|(d, _)| *d)
        .collect();
    unexcused.sort_unstable();
    let recent = unexcused
        .windows(count)
        .rev()
        .find(|w| (w[count - 1] - w[0]).num_days() < window);
    let Some(run) = recent.filter(|w| (today - w[count - 1]).num_days() <= window) else {
        return;
    };
    let dates: Vec<String> = run.iter().map(|d| date(*d)).collect();
    let prompt = if facts.client_type == Some(ClientType::Statushouder) {
        "; zoek uit waarom en overweeg handhaving"
    } else {
        ""
    };
    out.push(
        Signal::new(
            SignalKind::Absence,
            Severity::Warning,
            None,
            DossierTab::Absences,
            format!(
                "{count} keer ongeoorloofd verzuim binnen {window} dagen ({}){prompt}",
                dates.join(", ")
            ),
        )
        .with_fingerprint(dates.join(",")),
    );
}

/// A statushouder in a course without a report from the language school for more than the set
/// months (fewer when the last report says the client stagnates).
pub(super) fn provider_report_overdue(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if facts.client_type != Some(ClientType::Statushouder) {
        return;
    }
    let Some(course_start) = ctx
        .latest
        .as_ref()
        .and_then(|p| p.course_start_date)
        .filter(|s| *s <= today)
    else {
        return;
    };
    let last = facts.reports.iter().max_by_key(|r| r.period_end);
    let since = last.map_or(course_start, |r| r.period_end);
    let stagnating = last.is_some_and(|r| r.stagnating);
    let months = if stagnating {
        settings.report_overdue_stagnating_months
    } else {
        settings.report_overdue_months
    };
    let Some(due) = since.checked_add_months(Months::new(months)) else {
        return;
    };
    if today > due {
        let what = match last {
            Some(r) => format!(
                "Laatste rapportage van de taalschool tot {}",
                date(r.period_end)
            ),
            None => format!(
                "Nog geen rapportage van de taalschool sinds de start op {}",
                date(course_start)
            ),
        };
        let why = if stagnating {
            " (stagneert: maandelijks)"
        } else {
            ""
        };
        out.push(Signal::new(
            SignalKind::ProviderReportOverdue,
            Severity::Warning,
            Some(due),
            DossierTab::Reports,
            format!(
                "{what}: meer dan {months} {} geleden{why}",
                if months == 1 { "maand" } else { "maanden" }
            ),
        ));
    }
}

/// At least the set number of failed contact attempts since the last successful contact, and
/// none successful within the set days.
pub(super) fn no_contact(
    facts: &ClientFacts,
    _ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let success =
        |o: &ContactOutcome| matches!(o, ContactOutcome::Bereikt | ContactOutcome::AfspraakGemaakt);
    let last_success = facts
        .contacts
        .iter()
        .filter(|(_, o)| success(o))
        .map(|(d, _)| *d)
        .max();
    if last_success.is_some_and(|d| (today - d).num_days() <= i64::from(settings.no_contact_days)) {
        return;
    }
    let failed: Vec<NaiveDate> = facts
        .contacts
        .iter()
        .filter(|(d, o)| !success(o) && last_success.is_none_or(|s| *d > s))
        .map(|(d, _)| *d)
        .collect();
    if failed.len() >= settings.no_contact_attempts as usize {
        let last = failed.iter().max().copied().unwrap_or(today);
        out.push(
            Signal::new(
                SignalKind::NoContact,
                Severity::Warning,
                None,
                DossierTab::Contacts,
                format!(
                    "{} contactpogingen zonder resultaat, de laatste op {}; geen contact in de \
                     afgelopen {} dagen",
                    failed.len(),
                    date(last),
                    settings.no_contact_days
                ),
            )
            .with_fingerprint(format!("{}:{last}", failed.len())),
        );
    }
}
