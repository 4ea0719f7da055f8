//! MAP and PVT: still open while the termijn's end comes near.

use chrono::{Months, NaiveDate};

use super::facts::Derived;
use super::{date, ClientFacts, DossierTab, Severity, Signal, SignalKind, SignalSettings};
use crate::domain::hours::Quarters;
use crate::domain::portfolio::PortfolioTarget;

/// Within the set months before the termijn's end (and before it passes).
fn near_end(ctx: &Derived, settings: &SignalSettings, today: NaiveDate) -> Option<NaiveDate> {
    let end = ctx.termijn_end?;
    let from = end.checked_sub_months(Months::new(settings.modules_warning_months))?;
    (today >= from && today <= end).then_some(end)
}

/// B1- or Z-route, MAP not exempt and not completed, fewer than 40 practice hours.
pub(super) fn map_practice_missing(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if !ctx.map_owed() || facts.map_completed {
        return;
    }
    let Some(end) = near_end(ctx, settings, today) else {
        return;
    };
    let done = ctx.done(PortfolioTarget::MapPraktijk);
    if done < Quarters::hours(40) {
        out.push(
            Signal::new(
                SignalKind::MapPracticeMissing,
                Severity::Warning,
                Some(end),
                DossierTab::Voortgang,
                format!(
                    "MAP-praktijk {done} van 40 uur; de termijn eindigt op {}",
                    date(end)
                ),
            )
            .with_fingerprint(format!("{end}:{}", done.0)),
        );
    }
}

pub(super) fn pvt_not_signed(
    facts: &ClientFacts,
    ctx: &Derived,
    settings: &SignalSettings,
    today: NaiveDate,
    out: &mut Vec<Signal>,
) {
    if facts.pvt_signed.is_some() {
        return;
    }
    let Some(end) = near_end(ctx, settings, today) else {
        return;
    };
    out.push(Signal::new(
        SignalKind::PvtNotSigned,
        Severity::Warning,
        Some(end),
        DossierTab::Voortgang,
        format!(
            "De participatieverklaring is nog niet ondertekend; de termijn eindigt op {}",
            date(end)
        ),
    ));
}
