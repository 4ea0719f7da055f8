//! Money (domain page §6): amounts in integer euro cents, shown and typed the Dutch way; the
//! SPUK grant, course prices and invoice milestones as data tables; the forecast of income
//! against committed course costs; and the check of a school's invoice lines against what the
//! client's record shows was reached.

mod forecast;
mod invoice;
mod milestones;
mod tables;
#[cfg(test)]
mod tests;

pub use forecast::{forecast, ForecastClient, ForecastYear};
pub use invoice::{check_invoice, InvoiceFinding, InvoiceLine, InvoiceProblem};
pub use milestones::{reached, MilestoneFacts};
pub use tables::{share, CoursePrice, CourseProduct, Milestone, MoneyTables, SpukKind, SpukRate};

/// "€ 250,00", "€ 1.250,00".
pub fn euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let cents = cents.unsigned_abs();
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    format!("€ {sign}{grouped},{:02}", cents % 100)
}

/// Reads "250", "250,5", "€ 800,00", "1.234,56" or "0.05" as cents; `None` for anything else.
/// With a comma, dots are thousands separators; without one, a dot is the decimal point.
pub fn parse_euros(text: &str) -> Option<i64> {
    let text = text.trim().trim_start_matches('€').trim();
    let text = if text.contains(',') {
        text.replace('.', "")
    } else {
        text.replace('.', ",")
    };
    let (whole, frac) = text.split_once(',').unwrap_or((&text, ""));
    if whole.is_empty() || frac.len() > 2 || !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let whole: i64 = whole.parse().ok().filter(|w: &i64| *w >= 0)?;
    let frac: i64 = format!("{frac:0<2}").parse().ok()?;
    whole.checked_mul(100)?.checked_add(frac)
}

#[cfg(test)]
mod amounts {
    use super::*;

    #[test]
    fn euros_both_ways() {
        for (cents, text) in [
            (25_000, "€ 250,00"),
            (80_050, "€ 800,50"),
            (5, "€ 0,05"),
            (-150, "€ -1,50"),
        ] {
            assert_eq!(euros(cents), text);
        }
        for (text, cents) in [
            ("250", 25_000),
            ("250,5", 25_050),
            ("€ 800,00", 80_000),
            ("0.05", 5),
        ] {
            assert_eq!(parse_euros(text), Some(cents), "{text}");
        }
        for bad in ["", "abc", "1,234", "-", "-5", ",50", "99999999999999999999"] {
            assert_eq!(parse_euros(bad), None, "{bad}");
        }
    }
}
