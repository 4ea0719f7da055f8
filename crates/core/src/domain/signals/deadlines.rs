//! The legal deadlines: intake and PIP within 10 weeks, and the termijn's end.

use chrono::{Months, NaiveDate};

use super::facts::Derived;
use super::{date, days, ClientFacts, DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::hours::Quarters;
use crate::domain::portfolio::PortfolioTarget;
use crate::domain::termijn::{add_years, ExemptionKind};

/// Intake due / PIP due: no adopted PIP yet and the 10-week deadline near (warning) or passed
/// (overdue). Minors are not obliged yet.
pub(super) fn intake_and_pip_due(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if ctx.adopted {
        return;
    }
    if facts.birth_date.is_some_and(|b| add_years(b, 18) > today) {
        return;
    }
    let Some(deadline) = ctx.first_pip_deadline else {
        return;
    };
    let (kind, tab, what) = if facts.intake_completed {
        (SignalKind::PipDue, DossierTab::Pip, "PIP")
    } else {
        (SignalKind::IntakeDue, DossierTab::Intake, "Brede intake")
    };
    let left = (deadline - today).num_days();
    if left < 0 {
        out.push(Signal::new(
            kind,
            Severity::Overdue,
            Some(deadline),
            tab,
            format!(
                "{what} te laat: de 10 weken na inschrijving verliepen op {} ({} geleden)",
                date(deadline),
                days(-left)
            ),
        ));
    } else if left <= i64::from(settings.intake_warning_days) {
        out.push(Signal::new(
            kind,
            Severity::Warning,
            Some(deadline),
            tab,
            if left == 0 {
                format!(
                    "{what} uiterlijk vandaag ({}): 10 weken na inschrijving",
                    date(deadline)
                )
            } else {
                format!(
                    "{what} uiterlijk {}: nog {} (10 weken na inschrijving)",
                    date(deadline),
                    days(left)
                )
            },
        ));
    }
}

/// Termijn ending (warning, within the set months) or passed (overdue) while the obligation is
/// not complete and no full ontheffing applies; the message says what is still open.
pub(super) fn termijn(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let Some(end) = ctx.termijn_end else {
        return;
    };
    if ctx.obligation_complete || facts.exemption == Some(ExemptionKind::Volledig) {
        return;
    }
    let open = open_parts(facts, ctx).join(", ");
    let left = (end - today).num_days();
    if left < 0 {
        out.push(Signal::new(
            SignalKind::TermijnPassed,
            Severity::Overdue,
            Some(end),
            DossierTab::Pip,
            format!(
                "Termijn verlopen op {} en de plicht is niet voltooid; nog open: {open}",
                date(end)
            ),
        ));
        return;
    }
    let warn_from = end
        .checked_sub_months(Months::new(settings.termijn_warning_months))
        .unwrap_or(end);
    if today >= warn_from {
        out.push(Signal::new(
            SignalKind::TermijnEnding,
            Severity::Warning,
            Some(end),
            DossierTab::Pip,
            format!(
                "Termijn eindigt over {} ({}); nog open: {open}",
                days(left),
                date(end)
            ),
        ));
    }
}

/// What of the obligation is still open, with the numbers.
fn open_parts(facts: &ClientFacts, ctx: &Derived) -> Vec<String> {
    let mut open = Vec::new();
    if facts.pvt_signed.is_none() {
        open.push("participatieverklaring".to_owned());
    }
    if ctx.map_owed() && !facts.map_completed {
        let practice = ctx.done(PortfolioTarget::MapPraktijk);
        open.push(if practice >= Quarters::hours(40) {
            "MAP (eindgesprek)".to_owned()
        } else {
            format!("MAP (praktijk {practice} van 40 uur)")
        });
    }
    if let Some(portfolio) = &ctx.portfolio {
        for line in &portfolio.lines {
            if let Some(required) = line.required.filter(|r| line.done < *r) {
                if matches!(
                    line.target,
                    PortfolioTarget::Taal | PortfolioTarget::Participatie
                ) {
                    open.push(format!(
                        "{} {} van {} uur",
                        super::hours_label(line.target),
                        line.done,
                        required
                    ));
                }
            }
        }
    }
    if !ctx.route_done {
        open.push("leerroute (examen of eindgesprek)".to_owned());
    }
    open
}
