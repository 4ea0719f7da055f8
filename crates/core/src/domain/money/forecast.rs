//! The SPUK forecast: per calendar year, the grant the caseload brings in against the course
//! costs committed (domain page §6). A statushouder whose obligation started in year C brings
//! C's year-1 amount in C, its year-2 amount in C+1 and its year-3 amount in C+2; a gezins- or
//! overige migrant C's amount once, in C. A statushouder's course — the municipality buys it;
//! other migrants pay their own — commits its trajectprijs (the provider's price for the route
//! in the year it starts) in the year it starts.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::tables::{CourseProduct, MoneyTables, SpukKind};
use crate::domain::client::ClientType;

/// What the forecast needs of one client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForecastClient {
    pub client_type: ClientType,
    /// The year the obligation started.
    pub cohort_year: i32,
    /// The course bought: provider, product and start date.
    pub course: Option<(Option<String>, CourseProduct, NaiveDate)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ForecastYear {
    pub year: i32,
    #[ts(type = "number")]
    pub spuk_cents: i64,
    #[ts(type = "number")]
    pub committed_cents: i64,
    /// Clients bringing SPUK in this year.
    pub clients: u32,
    pub courses: u32,
    /// Amounts the tables lack (counted as zero), e.g. "SPUK statushouder jaar 1, cohort 2026".
    pub missing: Vec<String>,
}

pub fn forecast(
    clients: &[ForecastClient],
    tables: &MoneyTables,
    from: i32,
    to: i32,
) -> Vec<ForecastYear> {
    let mut years: Vec<ForecastYear> = (from..=to)
        .map(|year| ForecastYear {
            year,
            ..ForecastYear::default()
        })
        .collect();
    let mut missing: Vec<BTreeSet<String>> = vec![BTreeSet::new(); years.len()];
    let slot = |year: i32| -> Option<usize> {
        (from..=to).contains(&year).then(|| (year - from) as usize)
    };
    for client in clients {
        let payments: &[(i32, SpukKind)] = match client.client_type {
            ClientType::Statushouder => &[
                (0, SpukKind::StatushouderJaar1),
                (1, SpukKind::StatushouderJaar2),
                (2, SpukKind::StatushouderJaar3),
            ],
            ClientType::Gezinsmigrant | ClientType::OverigeMigrant => {
                &[(0, SpukKind::GezinsOverigeMigrant)]
            }
        };
        for (offset, kind) in payments {
            let Some(i) = slot(client.cohort_year + offset) else {
                continue;
            };
            years[i].clients += 1;
            match tables.spuk(*kind, client.cohort_year) {
                Some(cents) => years[i].spuk_cents += cents,
                None => {
                    missing[i].insert(format!(
                        "SPUK {}, cohort {}",
                        spuk_label(*kind),
                        client.cohort_year
                    ));
                }
            }
        }
        let bought = client.client_type == ClientType::Statushouder;
        if let Some((provider, product, start)) = client.course.as_ref().filter(|_| bought) {
            if let Some(i) = slot(start.year()) {
                years[i].courses += 1;
                match tables.price(provider.as_deref(), *product, start.year()) {
                    Some(cents) => years[i].committed_cents += cents,
                    None => {
                        missing[i].insert(format!(
                            "trajectprijs {} {} {}",
                            provider.as_deref().unwrap_or("(elke aanbieder)"),
                            product_label(*product),
                            start.year()
                        ));
                    }
                }
            }
        }
    }
    for (year, missing) in years.iter_mut().zip(missing) {
        year.missing = missing.into_iter().collect();
    }
    years
}

fn spuk_label(kind: SpukKind) -> &'static str {
    match kind {
        SpukKind::StatushouderJaar1 => "statushouder jaar 1",
        SpukKind::StatushouderJaar2 => "statushouder jaar 2",
        SpukKind::StatushouderJaar3 => "statushouder jaar 3",
        SpukKind::GezinsOverigeMigrant => "gezins-/overige migrant",
    }
}

pub(super) fn product_label(product: CourseProduct) -> &'static str {
    match product {
        CourseProduct::B1Route => "B1-route",
        CourseProduct::ZRoute => "Z-route",
        CourseProduct::MapB1 => "MAP B1-praktijk",
        CourseProduct::MapGezinsmigranten => "MAP gezinsmigranten",
        CourseProduct::OnderwijsrouteMbo => "onderwijsroute mbo",
    }
}
