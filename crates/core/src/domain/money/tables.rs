//! The money tables: SPUK per client and year, course prices per provider and product, and the
//! invoice milestones per route. Data the beheerder extends per year (the store keeps them in
//! tables seeded from the domain page); lookups here.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::route::Leerroute;
use crate::domain::{FieldError, ValidationErrors};

/// Which SPUK amount: a statushouder's year of the trajectory, or a gezins-/overige migrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SpukKind {
    StatushouderJaar1,
    StatushouderJaar2,
    StatushouderJaar3,
    GezinsOverigeMigrant,
}

/// The SPUK amount of a cohort year (the year the obligation started).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SpukRate {
    pub year: i32,
    pub kind: SpukKind,
    #[ts(type = "number")]
    pub cents: i64,
}

/// What a course price is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CourseProduct {
    B1Route,
    ZRoute,
    MapB1,
    MapGezinsmigranten,
    OnderwijsrouteMbo,
}

impl CourseProduct {
    /// The product a leerroute buys.
    pub fn of_route(route: Leerroute) -> Self {
        match route {
            Leerroute::B1 => Self::B1Route,
            Leerroute::ZRoute => Self::ZRoute,
            Leerroute::Onderwijsroute => Self::OnderwijsrouteMbo,
        }
    }
}

/// A trajectprijs from a year on (until a later row of the same provider and product).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoursePrice {
    /// `None`: any provider.
    pub provider: Option<String>,
    pub product: CourseProduct,
    pub from_year: i32,
    #[ts(type = "number")]
    pub cents: i64,
}

/// A facturatiemoment: the share of the trajectprijs a school may invoice once it is reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Milestone {
    pub code: String,
    pub route: Leerroute,
    /// Tenths of a percent of the trajectprijs (125 = 12.5 %).
    pub share_permille: u32,
    pub description: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MoneyTables {
    pub spuk: Vec<SpukRate>,
    pub prices: Vec<CoursePrice>,
    pub milestones: Vec<Milestone>,
}

impl MoneyTables {
    pub fn spuk(&self, kind: SpukKind, cohort_year: i32) -> Option<i64> {
        self.spuk
            .iter()
            .find(|r| r.kind == kind && r.year == cohort_year)
            .map(|r| r.cents)
    }

    /// The price in force in `year`: the provider's own, else the one for any provider.
    pub fn price(&self, provider: Option<&str>, product: CourseProduct, year: i32) -> Option<i64> {
        let in_force = |for_provider: Option<&str>| {
            self.prices
                .iter()
                .filter(|p| {
                    p.product == product
                        && p.from_year <= year
                        && p.provider.as_deref() == for_provider
                })
                .max_by_key(|p| p.from_year)
                .map(|p| p.cents)
        };
        provider
            .and_then(|p| in_force(Some(p)))
            .or_else(|| in_force(None))
    }

    pub fn milestone(&self, code: &str) -> Option<&Milestone> {
        self.milestones.iter().find(|m| m.code == code)
    }
}

/// Years a money table row may be for (the law took effect in 2022; 2021 for earlier cohorts).
const YEARS: std::ops::RangeInclusive<i32> = 2021..=2100;

fn check_amount(errors: &mut ValidationErrors, year: i32, year_field: &str, cents: i64) {
    if !YEARS.contains(&year) {
        errors.push(FieldError::new(
            year_field,
            "year_range",
            format!("{year} ligt niet tussen 2021 en 2100"),
        ));
    }
    if cents <= 0 {
        errors.push(FieldError::new(
            "cents",
            "positive",
            "het bedrag moet groter zijn dan € 0,00",
        ));
    }
}

impl SpukRate {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_amount(&mut errors, self.year, "year", self.cents);
        errors.into_result()
    }
}

impl CoursePrice {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_amount(&mut errors, self.from_year, "from_year", self.cents);
        if self
            .provider
            .as_deref()
            .is_some_and(|p| p.trim().is_empty())
        {
            errors.push(FieldError::new(
                "provider",
                "not_blank",
                "laat de aanbieder leeg voor elke aanbieder, of vul een naam in",
            ));
        }
        errors.into_result()
    }
}

/// `share_permille` of `cents`, rounded half up to a cent.
pub fn share(cents: i64, permille: u32) -> i64 {
    (cents * i64::from(permille) + 500).div_euclid(1000)
}
