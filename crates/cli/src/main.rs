//! `traject`: the headless command line of Traject, over the same core and database file as
//! the desktop app.

mod audit;
mod client_args;
mod hours;
mod money;
mod output;
mod pip;
mod purge;
mod record;
mod report;
mod signals;
mod sync;
mod unlock;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use traject_core::domain::{Identity, Role};
use traject_core::generate::GenerateOptions;
use traject_core::profiles;
use traject_core::store::{CaseloadQuery, QuestionnaireImport};

use crate::client_args::ClientArgs;

/// The desktop app's identifier (src-tauri/tauri.conf.json), the name of its data folder.
const APP_IDENTIFIER: &str = "nl.traject.app";

#[derive(Parser)]
#[command(
    name = "traject",
    version,
    about = "Traject: caseloads voor de Wet inburgering 2021, vanaf de opdrachtregel"
)]
struct Cli {
    /// The database file (default: the app's database in the user's data directory).
    #[arg(long, global = true, env = "TRAJECT_DB")]
    db: Option<PathBuf>,
    /// Without --db: the app's profile to open, as its lock screen lists them (default: the
    /// one the app opened last).
    #[arg(long, global = true, env = "TRAJECT_PROFILE", conflicts_with = "db")]
    profile: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long, global = true)]
    json: bool,
    /// Work as if it were this day (default: today): the signals of another day, or
    /// reproducible scripts.
    #[arg(long, global = true)]
    today: Option<NaiveDate>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Set up the database: who works on it and for which municipalities.
    Init {
        #[arg(long)]
        name: String,
        #[arg(long, value_enum, default_value = "consultant")]
        role: RoleArg,
        #[arg(long, default_value = "ISD Bollenstreek")]
        organisation: String,
        /// Repeat for each municipality (default: Hillegom, Lisse, Noordwijk, Teylingen).
        #[arg(long = "municipality")]
        municipalities: Vec<String>,
    },
    /// Register, list, show and edit clients.
    #[command(subcommand)]
    Client(ClientCommand),
    /// Find clients by any part of their name, or by a whole BSN.
    Search { text: String },
    /// The audit log, newest first: who created, changed, read, exported which dossier.
    Audit(audit::AuditArgs),
    /// Import data from a file.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export data.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Manage questionnaire versions (the Brede intake).
    #[command(subcommand)]
    Questionnaire(QuestionnaireCommand),
    /// Add, list and reverse hours in a client's ledger.
    #[command(subcommand)]
    Hours(hours::HoursCommand),
    /// A client's portfolio: hours done against the requirements of the leerroute.
    Portfolio {
        /// The client: id, external id or BSN.
        client: String,
        /// Count against this leerroute until a PIP records it: b1, onderwijsroute or z-route.
        #[arg(long, value_parser = hours::code::<traject_core::domain::Leerroute>)]
        route: Option<traject_core::domain::Leerroute>,
    },
    /// Draft, adopt and list PIP versions; generate the beschikking.
    #[command(subcommand)]
    Pip(pip::PipCommand),
    /// A client's inburgeringstermijn: start, end in force, extensions.
    Termijn {
        /// The client: id, external id or BSN.
        client: String,
    },
    /// The language schools the PIP form offers.
    #[command(subcommand)]
    Provider(ProviderCommand),
    /// Set a municipality's letterhead for beschikkingen (only the given fields change).
    Letterhead {
        municipality: String,
        #[arg(long)]
        department: Option<String>,
        #[arg(long)]
        address: Option<String>,
        #[arg(long)]
        postcode_city: Option<String>,
        #[arg(long)]
        phone: Option<String>,
        #[arg(long)]
        email: Option<String>,
        #[arg(long)]
        website: Option<String>,
    },
    /// The Werkvoorraad: every deadline and warning of the caseload, most urgent first
    /// (`--today DATE` to look at another day).
    Signals(signals::SignalsArgs),
    /// Progress conversations, PVT, MAP, handhaving, support, work and afsluiting.
    #[command(subcommand)]
    Record(record::RecordCommand),
    /// Aggregate tables for municipalities and CBS (no personal data).
    Report(report::ReportArgs),
    /// SPUK and price tables, the SPUK forecast, the invoice check.
    #[command(subcommand)]
    Money(money::MoneyCommand),
    /// The local regulation's fines (boeteverordening).
    #[command(subcommand)]
    FineRule(record::FineRuleCommand),
    /// Make the database file smaller: rewrite it without its free pages (after the first sync
    /// emptied a large outbox, or a purge of many dossiers).
    Vacuum,
    /// Show or set how many years a dossier is kept after the obligation ends.
    Retention { years: Option<u32> },
    /// The dossiers past their retention period: list them (--dry-run) or remove them for
    /// good (--confirm; teamleider), here and, with the next sync, on the server and the
    /// team's other laptops.
    Purge(purge::PurgeArgs),
    /// Show or set the age groups of the cohort report, e.g. "18,30,45,65" (lower bounds).
    AgeGroups { bounds: Option<String> },
    /// Log this laptop in on the team's sync server (password from TRAJECT_PASSWORD or stdin).
    Login {
        /// The server, e.g. https://sync.bollenstreek.nl (http only to this computer).
        #[arg(long)]
        server: String,
        #[arg(long)]
        user: String,
        /// This laptop's name as the beheerder sees it (default: "Traject op <hostname>").
        #[arg(long)]
        device: Option<String>,
        /// Allow plain http to another computer (a test network; never with real data).
        #[arg(long)]
        allow_http: bool,
        /// Also trust this certificate authority (PEM file) for the server: a municipality's
        /// own CA.
        #[arg(long)]
        ca_cert: Option<PathBuf>,
    },
    /// Forget the sync login of this laptop.
    Logout,
    /// The passphrase that encrypts this database.
    #[command(subcommand)]
    Passphrase(PassphraseCommand),
    /// Send this laptop's changes to the sync server and fetch the team's.
    Sync,
    /// The team's conflicts: list them, or choose which value stands.
    #[command(subcommand)]
    Conflict(sync::ConflictCommand),
    /// Fill the database with a synthetic caseload (invented people, valid fake BSNs).
    Generate {
        #[arg(long, default_value_t = 60)]
        clients: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Years of history: clients registered within this many years, the oldest dossiers
        /// with that many years of records.
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=10))]
        years: u32,
        /// Consultants to assign the cases to (repeatable).
        #[arg(long = "consultant")]
        consultants: Vec<String>,
    },
}

#[derive(Subcommand)]
enum PassphraseCommand {
    /// Re-encrypt the database with a new passphrase (from TRAJECT_NEW_PASSPHRASE or asked
    /// twice).
    Change,
}

#[derive(Subcommand)]
enum ClientCommand {
    /// Register a new client.
    Add(Box<ClientArgs>),
    /// List clients, optionally filtered.
    List {
        #[arg(long)]
        municipality: Option<String>,
        #[arg(long)]
        consultant: Option<String>,
    },
    /// Show a client's dossier (the read is written to the audit log).
    Show { id: uuid::Uuid },
    /// Change a client: only the given fields change.
    Edit {
        id: uuid::Uuid,
        #[command(flatten)]
        fields: Box<ClientArgs>,
    },
    /// Export the whole dossier for the client (right of access): a JSON file with every
    /// record and its history, and a readable document (HTML). The export is audited.
    Export {
        id: uuid::Uuid,
        /// The directory to write into (made when missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Give the dossier to another team on the sync server (teamleider; online): the new team
    /// receives it, this team's laptops remove it at their next sync.
    Move {
        id: uuid::Uuid,
        #[arg(long)]
        team: String,
    },
}

#[derive(Subcommand)]
enum ProviderCommand {
    /// Add a language school.
    Add { name: String },
    /// List the language schools.
    List,
}

#[derive(Subcommand)]
enum QuestionnaireCommand {
    /// Validate and store a new questionnaire version (TOML); a broken one is refused.
    Import { file: PathBuf },
    /// List the stored questionnaire versions.
    List,
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import a client list (CSV; see the README for the columns).
    Clients { file: PathBuf },
    /// Import language schools' progress reports (CSV; see the README for the columns).
    ProviderReport { file: PathBuf },
    /// Import route histories from a previous system as migrated PIP versions (CSV).
    Routes { file: PathBuf },
}

#[derive(Subcommand)]
enum ExportCommand {
    /// Export every client.
    Clients {
        #[arg(long, value_enum, default_value = "csv")]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RoleArg {
    Consultant,
    Teamleider,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Csv,
    Json,
}

fn main() {
    if let Err(error) = run(Cli::parse()) {
        // The reader went away (`traject report … | head`): nothing left to say.
        let closed = error
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe);
        if !closed {
            eprintln!("traject: {error:#}");
            std::process::exit(1);
        }
    }
}

/// The desktop app's database, in the OS data directory joined with the app's identifier as
/// Tauri resolves `app_data_dir` (~/.local/share, ~/Library/Application Support, %APPDATA%):
/// the profile asked for, else the one the app opened last (`profielen/<naam>/traject.db`);
/// the database of a version before profiles while the app has not moved it yet.
fn app_db(profile: Option<&str>) -> Result<PathBuf> {
    let dir = dirs::data_dir()
        .context("no --db given and no data directory to find the app's database")?
        .join(APP_IDENTIFIER);
    if let Some(wanted) = profile {
        let Some(name) = profiles::find(&dir, wanted)? else {
            let known = profiles::list(&dir)?;
            bail!(
                "er is geen profiel '{wanted}' in {} (wel: {})",
                dir.display(),
                if known.is_empty() {
                    "geen".to_owned()
                } else {
                    known.join(", ")
                }
            );
        };
        return Ok(profiles::database_path(&dir, &name));
    }
    let earlier = dir.join(profiles::DATABASE_FILE);
    if earlier.is_file() && profiles::list(&dir)?.is_empty() {
        return Ok(earlier);
    }
    Ok(profiles::database_path(
        &dir,
        &profiles::default_profile(&dir)?,
    ))
}

fn run(cli: Cli) -> Result<()> {
    let path = match cli.db {
        Some(path) => path,
        None => app_db(cli.profile.as_deref())?,
    };
    let (mut store, key, passphrase) = unlock::open(&path)?;
    let today = cli
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let json = cli.json;
    match cli.command {
        Command::Init {
            name,
            role,
            organisation,
            municipalities,
        } => {
            let municipalities = if municipalities.is_empty() {
                traject_core::domain::identity::DEFAULT_MUNICIPALITIES
                    .map(String::from)
                    .to_vec()
            } else {
                municipalities
            };
            let role = match role {
                RoleArg::Consultant => Role::Consultant,
                RoleArg::Teamleider => Role::Teamleider,
            };
            let identity = store.save_identity(Identity {
                name,
                role,
                organisation,
                municipalities,
            })?;
            println!(
                "Database {} ingericht voor {} ({}).",
                path.display(),
                identity.name,
                identity.organisation
            );
        }
        Command::Client(ClientCommand::Add(args)) => {
            let input = args.apply(traject_core::domain::ClientInput::new("", "", ""))?;
            let client = store.create_client(input, today)?;
            output::client_saved(&client, "geregistreerd", json)?;
        }
        Command::Client(ClientCommand::Edit { id, fields }) => {
            if fields.is_empty() {
                bail!("geef minstens één veld om te wijzigen (zie traject client edit --help)");
            }
            let current = store.open_client(&id)?;
            let client = store.update_client(&id, fields.apply(current.input)?, today)?;
            output::client_saved(&client, "bijgewerkt", json)?;
        }
        Command::Client(ClientCommand::List {
            municipality,
            consultant,
        }) => {
            let query = CaseloadQuery {
                municipality,
                consultant,
                ..CaseloadQuery::default()
            };
            output::summaries(&store.caseload(&query)?, json)?;
        }
        Command::Client(ClientCommand::Move { id, team }) => sync::move_case(&store, &id, &team)?,
        Command::Client(ClientCommand::Show { id }) => {
            output::dossier(&store.open_dossier(&id, today)?, json)?
        }
        Command::Client(ClientCommand::Export { id, out }) => {
            audit::export(&mut store, &id, &out, today, json)?
        }
        Command::Audit(args) => audit::run(&store, args, json)?,
        Command::Search { text } => {
            output::summaries(&store.caseload(&CaseloadQuery::search(&text))?, json)?
        }
        Command::Import(ImportCommand::Clients { file }) => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("kan {} niet lezen", file.display()))?;
            let report = traject_core::import::import_clients(&mut store, &bytes, today)?;
            output::import_report(&report, json)?;
            if !report.rejected.is_empty() {
                std::process::exit(2);
            }
        }
        Command::Import(ImportCommand::ProviderReport { file }) => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("kan {} niet lezen", file.display()))?;
            let report = traject_core::import::import_provider_reports(&mut store, &bytes, today)?;
            output::import_report(&report, json)?;
            if !report.rejected.is_empty() {
                std::process::exit(2);
            }
        }
        Command::Import(ImportCommand::Routes { file }) => {
            let bytes = std::fs::read(&file)
                .with_context(|| format!("kan {} niet lezen", file.display()))?;
            let report = traject_core::import::import_routes(&mut store, &bytes, today)?;
            for warning in &report.warnings {
                eprintln!("waarschuwing: {warning}");
            }
            output::import_report(&report.rows, json)?;
            if !report.rows.rejected.is_empty() {
                std::process::exit(2);
            }
        }
        Command::Hours(command) => hours::run(&mut store, command, today, json)?,
        Command::Pip(command) => pip::run(&mut store, command, today, json)?,
        Command::Signals(args) => signals::run(&store, args, today, json)?,
        Command::Report(args) => report::run(&store, args, today, json)?,
        Command::Money(command) => {
            if !money::run(&mut store, command, json)? {
                std::process::exit(2);
            }
        }
        Command::Record(command) => record::run(&mut store, command, today, json)?,
        Command::FineRule(command) => record::run_fine_rule(&mut store, command, json)?,
        Command::Vacuum => {
            let (before, after) = store.vacuum()?;
            let mib = |bytes: u64| bytes as f64 / 1_048_576.0;
            println!(
                "{}: {:.1} MiB → {:.1} MiB",
                store.path().display(),
                mib(before),
                mib(after)
            );
        }
        Command::Retention { years } => record::run_retention(&mut store, years)?,
        Command::Purge(args) => purge::run(&mut store, args, today, json)?,
        Command::AgeGroups { bounds } => report::run_age_groups(&mut store, bounds.as_deref())?,
        Command::Login {
            server,
            user,
            device,
            allow_http,
            ca_cert,
        } => sync::login(&mut store, &server, &user, device, allow_http, ca_cert)?,
        Command::Logout => sync::logout(&mut store)?,
        Command::Passphrase(PassphraseCommand::Change) => {
            unlock::change(&mut store, &key, &passphrase)?;
        }
        Command::Sync => sync::sync(store, json)?,
        Command::Conflict(command) => sync::conflict(&mut store, command, json)?,
        Command::Provider(ProviderCommand::Add { name }) => {
            if store.add_provider(&name)? {
                println!("{} toegevoegd", name.trim());
            } else {
                println!("{} stond al in de lijst", name.trim());
            }
        }
        Command::Provider(ProviderCommand::List) => {
            let providers = store.known_providers()?;
            if json {
                output::json(&providers)?;
            } else {
                providers.iter().for_each(|p| println!("{p}"));
            }
        }
        Command::Letterhead {
            municipality,
            department,
            address,
            postcode_city,
            phone,
            email,
            website,
        } => {
            let old = store.letterhead(&municipality)?;
            let new = traject_core::store::LetterheadSettings {
                department: department.or(old.department),
                address: address.or(old.address),
                postcode_city: postcode_city.or(old.postcode_city),
                phone: phone.or(old.phone),
                email: email.or(old.email),
                website: website.or(old.website),
            };
            store.set_letterhead(&municipality, new.clone())?;
            if json {
                output::json(&new)?;
            } else {
                println!("Briefhoofd van Gemeente {municipality} opgeslagen");
            }
        }
        Command::Termijn { client } => {
            let id = hours::find_client(&store, &client)?;
            pip::termijn(&store.termijn_view(&id, today)?, json)?;
        }
        Command::Portfolio { client, route } => {
            let id = hours::find_client(&store, &client)?;
            store.record_read(&id, "portfolio")?;
            let view = store.portfolio(&id, route, today)?;
            hours::portfolio(&view, json)?;
        }
        Command::Export(ExportCommand::Clients { format, output }) => {
            let clients = traject_core::export::all_clients(&store)?;
            let mut out: Box<dyn std::io::Write> = match &output {
                Some(file) => Box::new(
                    std::fs::File::create(file).with_context(|| format!("{}", file.display()))?,
                ),
                None => Box::new(std::io::stdout().lock()),
            };
            match format {
                Format::Csv => traject_core::export::write_csv(&clients, &mut out)?,
                Format::Json => {
                    serde_json::to_writer_pretty(&mut out, &clients)?;
                    writeln!(out)?;
                }
            }
            if let Some(file) = output {
                eprintln!(
                    "{} cliënten geëxporteerd naar {}",
                    clients.len(),
                    file.display()
                );
            }
        }
        Command::Questionnaire(QuestionnaireCommand::Import { file }) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("kan {} niet lezen", file.display()))?;
            match store.import_questionnaire(&text)? {
                QuestionnaireImport::Added(q) => println!(
                    "{} versie {} toegevoegd ({} vragen)",
                    q.id, q.version, q.questions
                ),
                QuestionnaireImport::AlreadyPresent(q) => {
                    println!("{} versie {} was al aanwezig", q.id, q.version)
                }
            }
        }
        Command::Questionnaire(QuestionnaireCommand::List) => {
            output::questionnaires(&store.questionnaires()?, json)?
        }
        Command::Generate {
            clients,
            seed,
            years,
            consultants,
        } => {
            let identity = match store.identity()? {
                Some(identity) => identity,
                None => store.save_identity(traject_core::generate::demo_identity())?,
            };
            let consultants = if consultants.is_empty() {
                traject_core::generate::DEMO_CONSULTANTS
                    .map(String::from)
                    .to_vec()
            } else {
                consultants
            };
            let options = GenerateOptions {
                clients,
                seed,
                today,
                municipalities: identity.municipalities,
                consultants,
                years,
            };
            let started = std::time::Instant::now();
            let made = traject_core::generate::into_store(&mut store, &options)?;
            store.refresh_derived()?;
            eprintln!(
                "{made} cliënten gegenereerd in {:.1} s ({})",
                started.elapsed().as_secs_f64(),
                path.display()
            );
        }
    }
    Ok(())
}
