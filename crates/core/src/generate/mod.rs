//! Synthetic caseloads for demos, tests and benchmarks. Every person is invented: names are
//! drawn from common names of the usual countries of origin, BSNs are random numbers that pass
//! the elfproef. The same seed gives the same caseload.

use chrono::{Datelike, Duration, NaiveDate};
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::domain::bsn::complete_with_check_digit;
use crate::domain::identity::DEFAULT_MUNICIPALITIES;
use crate::domain::pip::FIRST_PIP_DAYS;
use crate::domain::{CefrLevel, ExtensionInput, Leerroute, PipContent, VersionKind};
use crate::domain::{
    ClientInput, ClientStatus, ClientType, ContactAttemptInput, ContactChannel, ContactOutcome,
    Gender, StatushouderSubtype,
};
use crate::domain::{Identity, Role};
use crate::questionnaire::{builtin, Answers, Compiled};
use crate::store::{IntakeSessionInput, Store};

mod hours;
mod intake;
mod trajectory;

pub use hours::{GeneratedHours, PROVIDERS};
pub use trajectory::{demo_fine_rules, demo_prices, GeneratedTrajectory};

/// Street names for invented addresses.
const STREETS: [&str; 6] = [
    "Nassaustraat",
    "Tulpenlaan",
    "Kerkstraat",
    "Duinweg",
    "Hyacintenhof",
    "Stationsweg",
];

/// Invented goals of a PIP.
const GOALS: [&str; 4] = [
    "Werk in de zorg; eerst een taalstage in een verpleeghuis",
    "Zelfstandig boodschappen doen, afspraken maken bij de huisarts en de weg vinden",
    "Een mbo-opleiding logistiek en daarna werk als chauffeur",
    "Betaald werk in de horeca en Nederlands op B1-niveau",
];

/// Invented reasons for a first PIP after its 10 weeks.
const LATE_REASONS: [&str; 3] = [
    "De brede intake moest over twee afspraken met een tolk",
    "Wachten op het advies van de taalschool over de leerroute",
    "De cliënt was enkele weken in het buitenland voor familie",
];

/// One generated client with the ledger entries of their dossier.
#[derive(Debug, Clone)]
pub struct GeneratedClient {
    pub input: ClientInput,
    pub contact_attempts: Vec<ContactAttemptInput>,
    pub notes: Vec<String>,
    pub intake: Option<GeneratedIntake>,
    /// PIP versions, oldest first: adopted on the date, or a concept without one.
    pub pips: Vec<GeneratedPip>,
    pub extensions: Vec<ExtensionInput>,
    pub hours: GeneratedHours,
    pub trajectory: GeneratedTrajectory,
}

/// A PIP version: adopted on its dagtekening (with the reason when the first came after its
/// 10 weeks), or a concept.
#[derive(Debug, Clone)]
pub struct GeneratedPip {
    pub content: PipContent,
    pub dagtekening: Option<NaiveDate>,
    pub late_reason: Option<String>,
}

/// A Brede intake on the built-in questionnaire: complete, or about half done.
#[derive(Debug, Clone)]
pub struct GeneratedIntake {
    pub questionnaire_id: String,
    pub questionnaire_version: u32,
    pub answers: Answers,
    pub complete: bool,
    pub session: IntakeSessionInput,
}

#[derive(Debug, Clone)]
pub struct GenerateOptions {
    pub clients: usize,
    pub seed: u64,
    pub today: NaiveDate,
    pub municipalities: Vec<String>,
    /// Consultants to assign cases to; the first gets the largest share.
    pub consultants: Vec<String>,
    /// Clients registered in the BRP within this many years before `today`; the oldest
    /// dossiers hold that many years of records.
    pub years: u32,
}

struct Origin {
    country: &'static str,
    language: &'static str,
    men: &'static [&'static str],
    women: &'static [&'static str],
    families: &'static [&'static str],
    /// Relative weight among statushouders and among family migrants.
    refugee_weight: u32,
    family_weight: u32,
}

const ORIGINS: &[Origin] = &[
    Origin {
        country: "Syrië",
        language: "Arabisch",
        men: &[
            "Mohammed", "Ahmad", "Khaled", "Omar", "Yousef", "Bassam", "Rami", "Tarek",
        ],
        women: &[
            "Amira", "Rasha", "Lina", "Nour", "Hala", "Rania", "Dima", "Salma",
        ],
        families: &[
            "Haddad",
            "Al-Khatib",
            "Darwish",
            "Kassem",
            "Hamdan",
            "Mansour",
            "Sabbagh",
            "Nasser",
        ],
        refugee_weight: 30,
        family_weight: 6,
    },
    Origin {
        country: "Eritrea",
        language: "Tigrinya",
        men: &[
            "Yonas", "Dawit", "Filmon", "Merhawi", "Tesfay", "Samuel", "Henok",
        ],
        women: &[
            "Selam", "Helen", "Rahel", "Saba", "Senait", "Luwam", "Winta", "Janet",
        ],
        families: &[
            "Tesfaye",
            "Gebremedhin",
            "Haile",
            "Kidane",
            "Berhane",
            "Tekle",
            "Woldu",
        ],
        refugee_weight: 22,
        family_weight: 2,
    },
    Origin {
        country: "Afghanistan",
        language: "Dari",
        men: &[
            "Ahmad", "Farid", "Jawad", "Mustafa", "Naveed", "Sayed", "Hamid",
        ],
        women: &[
            "Fatima", "Mariam", "Parwana", "Zahra", "Shabnam", "Nilofar", "Laila", "Jannat",
        ],
        families: &[
            "Ahmadi", "Rahimi", "Karimi", "Hakimi", "Noori", "Sultani", "Azizi",
        ],
        refugee_weight: 14,
        family_weight: 2,
    },
    Origin {
        country: "Turkije",
        language: "Turks",
        men: &["Mehmet", "Emre", "Burak", "Hasan", "Murat", "Can"],
        women: &["Ayşe", "Elif", "Zeynep", "Emine", "Fatma", "Büşra"],
        families: &[
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın",
        ],
        refugee_weight: 8,
        family_weight: 18,
    },
    Origin {
        country: "Jemen",
        language: "Arabisch",
        men: &["Ali", "Abdullah", "Saleh", "Fuad"],
        women: &["Aisha", "Huda", "Samira", "Amal"],
        families: &["Al-Hakimi", "Saeed", "Qasim", "Al-Ahmadi"],
        refugee_weight: 6,
        family_weight: 1,
    },
    Origin {
        country: "Somalië",
        language: "Somalisch",
        men: &["Abdi", "Hassan", "Mahad", "Liban"],
        women: &["Hodan", "Ifrah", "Sahra", "Ayaan"],
        families: &["Warsame", "Farah", "Abdullahi", "Omar"],
        refugee_weight: 6,
        family_weight: 2,
    },
    Origin {
        country: "Marokko",
        language: "Tarifit",
        men: &["Youssef", "Mohamed", "Karim", "Ilias"],
        women: &["Naima", "Samira", "Khadija", "Soumaya"],
        families: &["El Amrani", "Bouzid", "Azzouzi", "El Idrissi"],
        refugee_weight: 0,
        family_weight: 14,
    },
    Origin {
        country: "India",
        language: "Hindi",
        men: &["Rahul", "Arjun", "Vikram", "Sanjay"],
        women: &["Priya", "Ananya", "Deepa", "Kavya"],
        families: &["Sharma", "Patel", "Reddy", "Nair"],
        refugee_weight: 0,
        family_weight: 10,
    },
    Origin {
        country: "Brazilië",
        language: "Portugees",
        men: &["Lucas", "Rafael", "Thiago"],
        women: &["Ana", "Juliana", "Camila"],
        families: &["Silva", "Souza", "Oliveira", "Costa"],
        refugee_weight: 0,
        family_weight: 6,
    },
    Origin {
        country: "Iran",
        language: "Farsi",
        men: &["Reza", "Amir", "Behnam", "Saeed"],
        women: &["Maryam", "Shirin", "Parisa", "Nasrin"],
        families: &["Hosseini", "Mohammadi", "Rezaei", "Karimi"],
        refugee_weight: 8,
        family_weight: 3,
    },
];

const NOTES: &[&str] = &[
    "Kennismaking gehad; cliënt is gemotiveerd om snel met de taalles te beginnen.",
    "Cliënt vraagt naar kinderopvang voor de jongste; doorverwezen naar het wijkteam.",
    "Afspraak verzet op verzoek van cliënt (ziekenhuisbezoek).",
    "Tolk via de tolkentelefoon geregeld voor het volgende gesprek.",
    "Cliënt heeft diploma's meegenomen; kopieën gemaakt voor het dossier.",
];

/// The consultants of the demo team; the first is the demo identity's own caseload.
pub const DEMO_CONSULTANTS: [&str; 4] = [
    "Sanne de Vries",
    "Mark Jansen",
    "Fatma Yıldız",
    "Joost Bakker",
];

/// Who works on a database that was generated without a first-run setup.
pub fn demo_identity() -> Identity {
    Identity {
        name: "Demo teamleider".into(),
        role: Role::Teamleider,
        organisation: "ISD Bollenstreek (demo)".into(),
        municipalities: DEFAULT_MUNICIPALITIES.map(String::from).to_vec(),
    }
}

/// The demo caseload offered at first run: 60 clients, most of them in the user's own caseload.
pub fn demo_options(identity: &Identity, today: NaiveDate) -> GenerateOptions {
    let mut consultants = vec![identity.name.clone()];
    consultants.extend(
        DEMO_CONSULTANTS
            .iter()
            .map(|c| c.to_string())
            .filter(|c| *c != identity.name),
    );
    GenerateOptions {
        clients: 60,
        seed: 2021,
        today,
        municipalities: identity.municipalities.clone(),
        consultants,
        years: 3,
    }
}

/// The actor that signs generated records in the audit log.
pub const GENERATOR: &str = "Traject demogenerator";

/// Generates a caseload into the store, a thousand clients per transaction.
pub fn into_store(store: &mut Store, options: &GenerateOptions) -> crate::store::Result<usize> {
    let clients = caseload(options);
    let count = clients.len();
    store.in_bulk(|store| {
        let mut clients = clients.into_iter().peekable();
        while clients.peek().is_some() {
            store.insert_generated(GENERATOR, clients.by_ref().take(1000).collect())?;
        }
        store.add_demo_fine_rules(GENERATOR)?;
        store.add_demo_prices(GENERATOR)
    })?;
    Ok(count)
}

/// Makes `options.clients` invented clients, deterministic for a seed.
pub fn caseload(options: &GenerateOptions) -> Vec<GeneratedClient> {
    let mut rng = StdRng::seed_from_u64(options.seed);
    let brede_intake = builtin::all()
        .into_iter()
        .find(|c| c.definition.id == builtin::BREDE_INTAKE);
    (0..options.clients)
        .map(|i| one_client(&mut rng, options, i, brede_intake.as_ref()))
        .collect()
}

fn weighted<'a, T>(rng: &mut StdRng, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
    let total: u32 = items.iter().map(&weight).sum();
    let mut pick = rng.random_range(0..total);
    for item in items {
        let w = weight(item);
        if pick < w {
            return item;
        }
        pick -= w;
    }
    &items[items.len() - 1]
}

fn one_client(
    rng: &mut StdRng,
    options: &GenerateOptions,
    index: usize,
    brede_intake: Option<&Compiled>,
) -> GeneratedClient {
    let today = options.today;
    // The evaluation's mix: about two thirds statushouders, the rest mostly family migrants.
    let client_type = match rng.random_range(0..100) {
        0..=64 => ClientType::Statushouder,
        65..=94 => ClientType::Gezinsmigrant,
        _ => ClientType::OverigeMigrant,
    };
    let origin = if client_type == ClientType::Statushouder {
        weighted(rng, ORIGINS, |o| o.refugee_weight)
    } else {
        weighted(rng, ORIGINS, |o| o.family_weight)
    };
    let gender = if rng.random_bool(0.5) {
        Gender::V
    } else {
        Gender::M
    };
    let given = if gender == Gender::V {
        origin.women
    } else {
        origin.men
    };
    let given_name = given.choose(rng).copied().unwrap_or("Sam").to_owned();
    let family_name = origin
        .families
        .choose(rng)
        .copied()
        .unwrap_or("Nieuw")
        .to_owned();

    // Registered in the last `years` years; between 18 and 62 years old at registration. The
    // first two clients are at the PIP and the intake stage, so even a small demo caseload has
    // one of each (the days are drawn all the same, so the random stream stays as it was).
    let days = rng.random_range(5..i64::from(options.years.max(1)) * 365);
    let days = match index {
        0 => 100,
        1 => 65,
        _ => days,
    };
    let brp = today - Duration::days(days);
    let age_at_brp = rng.random_range(18..62);
    let birth = NaiveDate::from_ymd_opt(
        brp.year() - age_at_brp,
        rng.random_range(1..=12),
        rng.random_range(1..=28),
    )
    .unwrap_or(brp);
    let kennisgeving = (brp + Duration::days(rng.random_range(0..40))).min(today);
    let housing = (client_type == ClientType::Statushouder)
        .then(|| brp - Duration::days(rng.random_range(0..14)));
    let months_registered = (today - brp).num_days() / 30;
    let status = match months_registered {
        0..=1 => ClientStatus::Aangemeld,
        2 => ClientStatus::Intake,
        3 => ClientStatus::Pip,
        _ => match rng.random_range(0..100) {
            0..=84 => ClientStatus::InTraject,
            85..=89 => ClientStatus::Afgerond,
            90..=93 => ClientStatus::Ontheffing,
            94..=97 => ClientStatus::Verhuisd,
            _ => ClientStatus::Beeindigd,
        },
    };
    let municipality = weighted(rng, &options.municipalities, |m| match m.as_str() {
        "Teylingen" | "Noordwijk" => 4,
        "Lisse" | "Hillegom" => 2,
        _ => 3,
    })
    .clone();
    let consultant = match options.consultants.len() {
        0 => None,
        n => Some(
            options.consultants[if rng.random_bool(0.6) {
                0
            } else {
                rng.random_range(0..n)
            }]
            .clone(),
        ),
    };
    let interpreter_needed = rng.random_bool(0.45);
    let statushouder_subtype = match (client_type, rng.random_range(0..10)) {
        (ClientType::Statushouder, 0..=1) => Some(StatushouderSubtype::Nareiziger),
        (ClientType::Statushouder, 2) => Some(StatushouderSubtype::Hervestiger),
        _ => None,
    };
    let bsn = loop {
        let first_eight = format!("{:08}", rng.random_range(10_000_000..99_999_999));
        if let Some(bsn) = complete_with_check_digit(&first_eight) {
            break String::from(bsn);
        }
    };
    let address = format!(
        "{} {}, {} {} {}",
        STREETS.choose(rng).copied().unwrap_or(STREETS[0]),
        rng.random_range(1..120),
        rng.random_range(2100..2300),
        ["AB", "CD", "EK", "GR", "LM", "TV"]
            .choose(rng)
            .copied()
            .unwrap_or("AB"),
        municipality
    );
    let slug = family_name.to_lowercase().replace([' ', '-', '\''], "");
    let input = ClientInput {
        external_id: Some(format!("DEMO-{:06}", index + 1)),
        given_name: given_name.clone(),
        family_name,
        birth_date: Some(birth),
        gender: Some(gender),
        country_of_origin: Some(origin.country.to_owned()),
        mother_tongue: Some(origin.language.to_owned()),
        other_languages: if rng.random_bool(0.3) {
            vec!["Engels".to_owned()]
        } else {
            vec![]
        },
        interpreter_needed,
        interpreter_language: interpreter_needed.then(|| origin.language.to_owned()),
        client_type: Some(client_type),
        statushouder_subtype,
        municipality,
        brp_registration_date: Some(brp),
        kennisgeving_date: Some(kennisgeving),
        obligation_date: Some(kennisgeving.max(brp)),
        housing_date: housing,
        bsn: Some(bsn),
        phone: Some(format!(
            "06 {:04} {:04}",
            rng.random_range(1000..9999),
            rng.random_range(1000..9999)
        )),
        email: rng
            .random_bool(0.6)
            .then(|| format!("{}.{slug}@voorbeeld.nl", given_name.to_lowercase())),
        address: Some(address),
        consultant,
        status,
    };
    let attempts = rng.random_range(0..4);
    let contact_attempts = (0..attempts)
        .map(|k| ContactAttemptInput {
            date: (brp + Duration::days(7 + 5 * k)).min(today),
            channel: *[
                ContactChannel::Telefoon,
                ContactChannel::Brief,
                ContactChannel::Email,
                ContactChannel::Huisbezoek,
            ]
            .choose(rng)
            .unwrap_or(&ContactChannel::Telefoon),
            outcome: if k + 1 == attempts {
                ContactOutcome::AfspraakGemaakt
            } else {
                ContactOutcome::NietBereikt
            },
            note: None,
        })
        .collect();
    let notes = (0..rng.random_range(0..3))
        .filter_map(|_| NOTES.choose(rng).map(|n| (*n).to_owned()))
        .collect();
    // Registered clients have no intake yet; those at the intake stage are halfway; the others
    // completed theirs.
    let intake = match status {
        ClientStatus::Aangemeld => None,
        ClientStatus::Intake => Some(false),
        _ => Some(true),
    }
    .and_then(|complete| {
        let compiled = brede_intake?;
        let date = (brp + Duration::days(rng.random_range(10..50))).min(today);
        Some(GeneratedIntake {
            questionnaire_id: compiled.definition.id.clone(),
            questionnaire_version: compiled.definition.version,
            answers: intake::fill(compiled, rng, date, complete),
            complete,
            session: IntakeSessionInput {
                date,
                interpreter: interpreter_needed.then(|| "tolkentelefoon".to_owned()),
                interpreter_language: interpreter_needed.then(|| origin.language.to_owned()),
                duration_minutes: Some(rng.random_range(6..13) * 10),
                note: None,
            },
        })
    });
    // Clients past the PIP follow a course that started two to five months after registration.
    let in_course = !matches!(
        status,
        ClientStatus::Aangemeld | ClientStatus::Intake | ClientStatus::Pip
    );
    let mut pips = Vec::new();
    let mut extensions = Vec::new();
    let mut course = None;
    let hours = if in_course {
        let course_start = brp + Duration::days(rng.random_range(60..150));
        let z_route = rng.random_bool(0.2);
        let finished = status == ClientStatus::Afgerond;
        let mut generated =
            hours::generate(rng, client_type, course_start, today, z_route, finished);
        // A stream of its own, so the rest of the caseload stays as it was.
        let mut log_rng = StdRng::seed_from_u64(
            options
                .seed
                .wrapping_mul(2_000_003)
                .wrapping_add(index as u64),
        );
        hours::weekly_log(
            &mut log_rng,
            &mut generated.entries,
            course_start + Duration::days(14),
            today,
        );
        // The first PIP before the course starts; one in five after its 10 weeks, with the
        // reason recorded.
        let due = kennisgeving.max(brp) + Duration::days(FIRST_PIP_DAYS);
        let dagtekening = (kennisgeving.max(brp) + Duration::days(rng.random_range(35..80)))
            .min(course_start)
            .min(today);
        // Chosen by the day, not the random stream, so the rest of the caseload stays as it was.
        let late_reason = (dagtekening > due)
            .then(|| LATE_REASONS[dagtekening.ordinal() as usize % LATE_REASONS.len()].to_owned());
        let provider = generated.reports.first().map(|r| r.provider.clone());
        let (route, level) = if z_route {
            (Leerroute::ZRoute, CefrLevel::A1)
        } else {
            (Leerroute::B1, CefrLevel::B1)
        };
        let first = PipContent {
            reason: Some("Eerste PIP na de brede intake".into()),
            leerroute: Some(route),
            target_level: Some(level),
            goals: Some(GOALS.choose(rng).copied().unwrap_or(GOALS[0]).to_owned()),
            provider,
            waiting_list_date: Some(dagtekening - Duration::days(rng.random_range(0..20))),
            course_start_date: Some(course_start),
            participation_hours_per_week: z_route.then_some(8),
            monitoring: Some("Voortgangsgesprek elk kwartaal; rapportage van de taalschool".into()),
            ..PipContent::first()
        };
        pips.push(GeneratedPip {
            content: first.clone(),
            dagtekening: Some(dagtekening),
            late_reason,
        });
        // Now and then the route changes within the 18 months: B1-route → Z-route.
        let change = dagtekening + Duration::days(rng.random_range(180..500));
        if !z_route && change < today && rng.random_bool(0.08) {
            pips.push(GeneratedPip {
                content: PipContent {
                    kind: VersionKind::Routewijziging,
                    reason: Some("De B1-route blijkt niet haalbaar; verder in de Z-route".into()),
                    leerroute: Some(Leerroute::ZRoute),
                    target_level: Some(CefrLevel::A1),
                    participation_hours_per_week: Some(8),
                    ..first
                },
                dagtekening: Some(change),
                late_reason: None,
            });
        }
        // Termijnen that end within half a year were sometimes extended by DUO.
        let end = crate::domain::termijn::add_years(dagtekening + Duration::days(1), 3);
        if (end - today).num_days() < 180 && rng.random_bool(0.3) {
            extensions.push(ExtensionInput {
                decision_date: (end - Duration::days(60)).min(today),
                ground: "Ziekte en wachttijd bij de taalschool".into(),
                new_end: end + Duration::days(rng.random_range(90..365)),
            });
        }
        course = Some((course_start, dagtekening, z_route));
        generated
    } else {
        // Clients at the PIP stage have a completed intake and no PIP yet: drafting it is next.
        GeneratedHours::default()
    };
    // A stream of its own, so the records after the PIP leave the rest of the caseload as it was.
    let mut trajectory_rng = StdRng::seed_from_u64(
        options
            .seed
            .wrapping_mul(1_000_003)
            .wrapping_add(index as u64),
    );
    let trajectory = trajectory::generate(
        &mut trajectory_rng,
        &trajectory::Facts {
            client_type,
            status,
            brp,
            housing,
            dagtekening: course.map(|c| c.1),
            course_start: course.map(|c| c.0),
            z_route: course.is_some_and(|c| c.2),
            today,
        },
    );
    GeneratedClient {
        input,
        contact_attempts,
        notes,
        intake,
        pips,
        extensions,
        hours,
        trajectory,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Bsn;

    fn options(clients: usize) -> GenerateOptions {
        GenerateOptions {
            clients,
            seed: 7,
            today: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
            municipalities: ["Hillegom", "Lisse", "Noordwijk", "Teylingen"]
                .map(String::from)
                .to_vec(),
            consultants: vec!["Sanne de Vries".into(), "Mark Jansen".into()],
            years: 3,
        }
    }

    #[test]
    fn into_store_writes_clients_with_their_ledgers() {
        let (_dir, mut store) = crate::store::test_support::store();
        assert_eq!(into_store(&mut store, &options(1200)).unwrap(), 1200);
        assert_eq!(store.client_count().unwrap(), 1200);
        let ids: Vec<_> = store
            .caseload(&Default::default())
            .unwrap()
            .into_iter()
            .map(|c| c.id)
            .collect();
        let with_notes = ids
            .iter()
            .filter(|id| !store.notes(id).unwrap().is_empty())
            .count();
        assert!(with_notes > 100, "{with_notes}");
        let first = store.audit_trail(&ids[0]).unwrap();
        assert_eq!(first.last().unwrap().actor, GENERATOR);
    }

    #[test]
    fn every_generated_client_is_valid_with_a_valid_bsn() {
        let opts = options(500);
        for generated in caseload(&opts) {
            let input = generated.input;
            input
                .validate(opts.today, &opts.municipalities)
                .unwrap_or_else(|e| panic!("{input:?}: {e}"));
            assert!(Bsn::parse(input.bsn.as_deref().unwrap()).is_ok());
            for attempt in generated.contact_attempts {
                attempt.validate(opts.today).unwrap();
            }
            let hours = generated.hours;
            for entry in &hours.entries {
                entry
                    .validate(opts.today)
                    .unwrap_or_else(|e| panic!("{entry:?}: {e}"));
            }
            for report in &hours.reports {
                report
                    .validate(opts.today)
                    .unwrap_or_else(|e| panic!("{report:?}: {e}"));
            }
            for absence in &hours.absences {
                absence
                    .validate(opts.today)
                    .unwrap_or_else(|e| panic!("{absence:?}: {e}"));
            }
            for exam in &hours.exams {
                exam.validate(opts.today)
                    .unwrap_or_else(|e| panic!("{exam:?}: {e}"));
            }
        }
    }

    #[test]
    fn clients_in_a_course_get_hours_reports_absences_and_exams() {
        let generated = caseload(&options(500));
        let with =
            |f: &dyn Fn(&GeneratedHours) -> bool| generated.iter().filter(|c| f(&c.hours)).count();
        assert!(with(&|h| !h.reports.is_empty()) > 250);
        // PVT meetings are trajectory records that book their own hours.
        let with_hours = generated
            .iter()
            .filter(|c| {
                !c.hours.entries.is_empty()
                    || c.trajectory
                        .records
                        .iter()
                        .any(|r| matches!(r, crate::domain::TrajectoryInput::PvtMeeting(_)))
            })
            .count();
        assert!(with_hours > 250, "{with_hours}");
        assert!(with(&|h| !h.absences.is_empty()) > 100);
        assert!(with(&|h| !h.exams.is_empty()) > 20);
        let adopted = generated
            .iter()
            .filter(|c| c.pips.iter().any(|p| p.dagtekening.is_some()))
            .count();
        let changed = generated.iter().filter(|c| c.pips.len() > 1).count();
        let extended = generated
            .iter()
            .filter(|c| !c.extensions.is_empty())
            .count();
        assert!(
            adopted > 250 && changed > 3 && extended > 3,
            "{adopted} {changed} {extended}"
        );
        let today = options(1).today;
        for pip in generated.iter().flat_map(|c| &c.pips) {
            pip.content.validate(today).unwrap();
        }
        // Some first PIPs came after their 10 weeks, each with its reason.
        let late: Vec<&GeneratedPip> = generated
            .iter()
            .filter_map(|c| c.pips.first())
            .filter(|p| p.late_reason.is_some())
            .collect();
        assert!(late.len() > 20, "{}", late.len());
        let registered_only = generated
            .iter()
            .filter(|c| c.input.status == ClientStatus::Aangemeld)
            .all(|c| c.hours.reports.is_empty() && c.hours.entries.is_empty());
        assert!(registered_only);
    }

    #[test]
    fn the_same_seed_gives_the_same_caseload_and_the_mix_is_realistic() {
        let a = caseload(&options(400));
        let b = caseload(&options(400));
        assert_eq!(
            a.iter().map(|c| &c.input).collect::<Vec<_>>(),
            b.iter().map(|c| &c.input).collect::<Vec<_>>()
        );
        let statushouders = a
            .iter()
            .filter(|c| c.input.client_type == Some(ClientType::Statushouder))
            .count();
        assert!(
            (200..=320).contains(&statushouders),
            "{statushouders} of 400"
        );
        for m in ["Hillegom", "Lisse", "Noordwijk", "Teylingen"] {
            assert!(a.iter().any(|c| c.input.municipality == m), "{m} missing");
        }
    }
}
