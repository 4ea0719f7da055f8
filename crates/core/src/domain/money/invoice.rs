//! The invoice check: a language school's invoice lines against the client's record and the
//! price table. A line is flagged when its milestone is not reached, was reached later than
//! invoiced, is invoiced twice, or its amount differs from the milestone's share of the price.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::euros;
use super::milestones::{reached, MilestoneFacts};
use super::tables::{share, CourseProduct, MoneyTables};
use crate::domain::route::Leerroute;

/// One invoice line, and what the store found of its client.
#[derive(Debug, Clone, PartialEq)]
pub struct InvoiceLine {
    pub line: u64,
    pub client: String,
    pub provider: String,
    pub milestone: String,
    pub cents: i64,
    pub date: NaiveDate,
    /// Whether a client has that key.
    pub known: bool,
    /// The client's route (of the adopted PIP) and milestone facts; `None` without a route.
    pub facts: Option<(Leerroute, MilestoneFacts)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum InvoiceProblem {
    UnknownClient,
    /// The client has no adopted PIP with a leerroute.
    NoRoute,
    UnknownMilestone,
    /// The milestone belongs to another route than the client's.
    OtherRoute,
    NotReached,
    ReachedLater {
        reached: NaiveDate,
    },
    Duplicate {
        #[ts(type = "number")]
        first_line: u64,
    },
    AmountMismatch {
        #[ts(type = "number")]
        expected_cents: i64,
    },
    /// The price table has no price for the provider, route and year.
    NoPrice,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceFinding {
    #[ts(type = "number")]
    pub line: u64,
    pub client: String,
    pub milestone: String,
    #[ts(type = "number")]
    pub cents: i64,
    pub problems: Vec<InvoiceProblem>,
    /// The problems in Dutch; "in orde" when there are none.
    pub message: String,
}

/// Checks every line; one finding per line, in line order.
pub fn check_invoice(lines: &[InvoiceLine], tables: &MoneyTables) -> Vec<InvoiceFinding> {
    let mut findings = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let mut problems = Vec::new();
        if let Some(first) = lines[..i]
            .iter()
            .find(|l| l.client == line.client && l.milestone == line.milestone)
        {
            problems.push(InvoiceProblem::Duplicate {
                first_line: first.line,
            });
        }
        let milestone = tables.milestone(&line.milestone);
        match (&line.facts, milestone) {
            (None, _) if !line.known => problems.push(InvoiceProblem::UnknownClient),
            (None, _) => problems.push(InvoiceProblem::NoRoute),
            (_, None) => problems.push(InvoiceProblem::UnknownMilestone),
            (Some((route, facts)), Some(milestone)) => {
                if milestone.route != *route
                    && !(milestone.route == Leerroute::B1 && *route == Leerroute::Onderwijsroute)
                {
                    problems.push(InvoiceProblem::OtherRoute);
                }
                match reached(&milestone.code, facts) {
                    None => problems.push(InvoiceProblem::NotReached),
                    Some(day) if day > line.date => {
                        problems.push(InvoiceProblem::ReachedLater { reached: day })
                    }
                    Some(_) => {}
                }
                let year = facts.course_start.map_or(line.date.year(), |s| s.year());
                match tables.price(Some(&line.provider), CourseProduct::of_route(*route), year) {
                    None => problems.push(InvoiceProblem::NoPrice),
                    Some(price) => {
                        let expected = share(price, milestone.share_permille);
                        if expected != line.cents {
                            problems.push(InvoiceProblem::AmountMismatch {
                                expected_cents: expected,
                            });
                        }
                    }
                }
            }
        }
        let message = if problems.is_empty() {
            "in orde".to_owned()
        } else {
            problems
                .iter()
                .map(|p| describe(p, line))
                .collect::<Vec<_>>()
                .join("; ")
        };
        findings.push(InvoiceFinding {
            line: line.line,
            client: line.client.clone(),
            milestone: line.milestone.clone(),
            cents: line.cents,
            problems,
            message,
        });
    }
    findings
}

fn describe(problem: &InvoiceProblem, line: &InvoiceLine) -> String {
    let date = |d: NaiveDate| d.format("%d-%m-%Y").to_string();
    match problem {
        InvoiceProblem::UnknownClient => format!("geen cliënt met kenmerk {}", line.client),
        InvoiceProblem::NoRoute => "de cliënt heeft geen vastgesteld PIP met een leerroute".into(),
        InvoiceProblem::UnknownMilestone => format!("onbekend facturatiemoment {}", line.milestone),
        InvoiceProblem::OtherRoute => "het facturatiemoment hoort bij een andere leerroute".into(),
        InvoiceProblem::NotReached => {
            "het facturatiemoment is volgens het dossier niet bereikt".into()
        }
        InvoiceProblem::ReachedLater { reached } => format!(
            "gefactureerd op {}, maar pas bereikt op {}",
            date(line.date),
            date(*reached)
        ),
        InvoiceProblem::Duplicate { first_line } => {
            format!("dubbel gefactureerd (ook op regel {first_line})")
        }
        InvoiceProblem::AmountMismatch { expected_cents } => format!(
            "bedrag {} wijkt af van {} volgens de prijstabel",
            euros(line.cents),
            euros(*expected_cents)
        ),
        InvoiceProblem::NoPrice => {
            format!("geen trajectprijs van {} in de prijstabel", line.provider)
        }
    }
}
