//! The leerroute: the route-change window, changes the law does not allow, Z-route hours, the
//! onderwijsroute's age limit and the waiting list.

use chrono::{Duration, Months, NaiveDate};

use super::facts::{course_hours_until, Derived};
use super::{date, days, ClientFacts, DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::level::CefrLevel;
use crate::domain::pip::{VersionKind, ROUTE_CHANGE_MONTHS};
use crate::domain::portfolio::{PortfolioTarget, AFSCHALEN_COURSE_HOURS};
use crate::domain::route::Leerroute;
use crate::domain::termijn::add_years;

/// B1-route, at least 600 course hours, no A2 in any report, and the 18-month window for a
/// route change closing within the set days.
pub(super) fn revision_window(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if ctx.route != Some(Leerroute::B1) {
        return;
    }
    let Some(start) = ctx.termijn_start else {
        return;
    };
    let Some(closes) = start.checked_add_months(Months::new(ROUTE_CHANGE_MONTHS)) else {
        return;
    };
    let left = (closes - today).num_days();
    if left < 0 || left > i64::from(settings.revision_warning_days) {
        return;
    }
    let hours = course_hours_until(&facts.hours, today);
    let a2 = facts
        .reports
        .iter()
        .any(|r| r.highest.is_some_and(|l| l >= CefrLevel::A2));
    if hours >= AFSCHALEN_COURSE_HOURS && !a2 {
        out.push(Signal::new(
            SignalKind::RevisionWindow,
            Severity::Warning,
            Some(closes),
            DossierTab::Pip,
            format!(
                "De 18 maanden voor een routewijziging eindigen over {} ({}): {hours} lesuren \
                 en nog geen A2 in de rapportages; overweeg afschalen of de Z-route",
                days(left),
                date(closes)
            ),
        ));
    }
}

/// An adopted version that breaks the law: afschalen to A2 with fewer than 600 course hours,
/// or a route change after 18 months (other than onderwijsroute → B1-route). Versions from a
/// previous system can carry such history.
pub(super) fn change_not_allowed(facts: &ClientFacts, ctx: &Derived, out: &mut Vec<Signal>) {
    let window_end = ctx
        .termijn_start
        .and_then(|s| s.checked_add_months(Months::new(ROUTE_CHANGE_MONTHS)));
    for pair in facts.pips.windows(2) {
        let (previous, version) = (&pair[0], &pair[1]);
        let Some(day) = version.dagtekening else {
            continue;
        };
        if version.kind == VersionKind::Afschalen {
            let hours = course_hours_until(&facts.hours, day);
            if hours < AFSCHALEN_COURSE_HOURS {
                out.push(
                    Signal::new(
                        SignalKind::ChangeNotAllowed,
                        Severity::Error,
                        Some(day),
                        DossierTab::Pip,
                        format!(
                            "De PIP-versie van {} schaalt af naar A2 na {hours} lesuren; de wet \
                             vraagt er minstens {AFSCHALEN_COURSE_HOURS}",
                            date(day)
                        ),
                    )
                    .with_fingerprint(format!("afschalen:{day}")),
                );
            }
        }
        let changed = previous.leerroute.is_some()
            && version.leerroute.is_some()
            && previous.leerroute != version.leerroute;
        let allowed_any_time = previous.leerroute == Some(Leerroute::Onderwijsroute)
            && version.leerroute == Some(Leerroute::B1);
        if changed && !allowed_any_time && window_end.is_some_and(|end| day > end) {
            out.push(
                Signal::new(
                    SignalKind::ChangeNotAllowed,
                    Severity::Error,
                    Some(day),
                    DossierTab::Pip,
                    format!(
                        "De PIP-versie van {} wijzigt de leerroute na de 18 maanden die de wet \
                         daarvoor geeft",
                        date(day)
                    ),
                )
                .with_fingerprint(format!("route:{day}")),
            );
        }
    }
}

/// Z-route hours behind the straight line from the course start to the termijn end by more
/// than the set percentage.
pub(super) fn z_route_behind(
    _facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    _today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if ctx.route != Some(Leerroute::ZRoute) {
        return;
    }
    let Some(portfolio) = &ctx.portfolio else {
        return;
    };
    let pct = 100 - i64::from(settings.z_route_behind_pct.min(100));
    let behind: Vec<String> = portfolio
        .lines
        .iter()
        .filter(|l| {
            matches!(
                l.target,
                PortfolioTarget::Taal | PortfolioTarget::Participatie
            )
        })
        .filter_map(|l| {
            let (required, planned) = (l.required?, l.planned?);
            (planned.0 > 0 && l.done.0 * 100 < planned.0 * pct).then(|| {
                format!(
                    "{} {} van {} uur (volgens planning nu {})",
                    super::hours_label(l.target),
                    l.done,
                    required,
                    planned
                )
            })
        })
        .collect();
    if !behind.is_empty() {
        out.push(
            Signal::new(
                SignalKind::ZRouteBehind,
                Severity::Warning,
                ctx.termijn_end,
                DossierTab::Portfolio,
                format!(
                    "Z-route loopt meer dan {}% achter: {}",
                    settings.z_route_behind_pct,
                    behind.join("; ")
                ),
            )
            .with_fingerprint(behind.join(";")),
        );
    }
}

/// Onderwijsroute: the client turns 30 within the set months and has no study start date
/// (student finance needs a start before 30).
pub(super) fn onderwijsroute_age(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if ctx.route != Some(Leerroute::Onderwijsroute) {
        return;
    }
    let Some(birth) = facts.birth_date else {
        return;
    };
    if ctx
        .latest
        .as_ref()
        .is_some_and(|p| p.course_start_date.is_some())
    {
        return;
    }
    let thirty = add_years(birth, 30);
    let warn_from = thirty
        .checked_sub_months(Months::new(settings.onderwijsroute_age_months))
        .unwrap_or(thirty);
    if today >= warn_from && today < thirty {
        out.push(Signal::new(
            SignalKind::OnderwijsrouteAge,
            Severity::Warning,
            Some(thirty),
            DossierTab::Pip,
            format!(
                "Wordt 30 op {} en heeft nog geen startdatum van de opleiding: studiefinanciering \
                 vraagt een start vóór het 30e jaar",
                date(thirty)
            ),
        ));
    }
}

/// On a provider's waiting list for more than the set weeks without a course start date.
pub(super) fn waiting_too_long(
    _facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    let Some(pip) = ctx
        .latest
        .as_ref()
        .filter(|p| p.course_start_date.is_none())
    else {
        return;
    };
    let Some(since) = pip.waiting_list_date else {
        return;
    };
    let due = since + Duration::weeks(i64::from(settings.waiting_weeks));
    if today > due {
        out.push(Signal::new(
            SignalKind::WaitingTooLong,
            Severity::Warning,
            Some(due),
            DossierTab::Pip,
            format!(
                "Staat sinds {} op de wachtlijst ({} weken) en heeft nog geen startdatum",
                date(since),
                (today - since).num_weeks()
            ),
        ));
    }
}
