//! traject-server: the sync server of Traject. `serve` runs the HTTP API; the other
//! subcommands are the beheerder's, working on the database directly.

mod admin;
mod auth;
mod config;
mod db;
mod error;
mod http;
mod serve;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::admin::{ConflictCommand, DeviceCommand, TeamCommand, UserCommand};
use crate::config::{resolve, DbLocation, FileConfig, DEFAULT_LISTEN};

#[derive(Parser)]
#[command(
    name = "traject-server",
    version,
    about = "De synchronisatieserver van Traject"
)]
struct Cli {
    /// The database: a file path (SQLite) or a URL such as
    /// postgres://traject@db.example:5432/traject (PostgreSQL).
    #[arg(long, global = true, env = "TRAJECT_SERVER_DB")]
    db: Option<String>,
    /// A TOML file with `db`, `listen`, `tls_cert` and `tls_key` (flags and environment win).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server until Ctrl-C or SIGTERM. Prints the address it listens on.
    Serve {
        /// Address and port, e.g. 0.0.0.0:8443; port 0 picks a free port.
        #[arg(long, env = "TRAJECT_SERVER_LISTEN")]
        listen: Option<String>,
        /// The certificate chain (PEM) to serve https with; with --tls-key. Without both the
        /// server speaks plain http (behind a proxy that terminates TLS, or on loopback).
        #[arg(long, env = "TRAJECT_SERVER_TLS_CERT")]
        tls_cert: Option<PathBuf>,
        /// The certificate's private key (PEM).
        #[arg(long, env = "TRAJECT_SERVER_TLS_KEY")]
        tls_key: Option<PathBuf>,
    },
    /// Remove what no laptop needs any more: replaced field changes, and dossiers' changes in
    /// the feed of a team they moved away from once every active laptop has them. A laptop
    /// behind that starts over at its next sync (after sending its own changes).
    Compact {
        /// Keep what is younger than this many days (and what an active laptop has not seen).
        #[arg(long, default_value_t = 90)]
        keep_days: u32,
    },
    /// Users: add, list, disable, enable, set-team, set-role.
    #[command(subcommand)]
    User(UserCommand),
    /// Teams: add, list.
    #[command(subcommand)]
    Team(TeamCommand),
    /// Devices: list, revoke (a revoked laptop wipes itself when it next connects).
    #[command(subcommand)]
    Device(DeviceCommand),
    /// Conflicts: list the fields two devices changed apart, with both values.
    #[command(subcommand)]
    Conflict(ConflictCommand),
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("traject-server: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let file = match &cli.config {
        Some(path) => FileConfig::read(path)?,
        None => FileConfig::default(),
    };
    let db = DbLocation::parse(&resolve(cli.db, &file, |f| f.db.clone(), None, "db")?)?;
    let db = db::Db::open(&db)?;
    match cli.command {
        Command::Serve {
            listen,
            tls_cert,
            tls_key,
        } => {
            let listen = resolve(
                listen,
                &file,
                |f| f.listen.clone(),
                Some(DEFAULT_LISTEN),
                "listen",
            )?;
            let tls = config::tls_files(tls_cert, tls_key, &file)?;
            serve::run(db, config::listen_addr(&listen)?, tls)
        }
        Command::User(command) => admin::user(&db, command),
        Command::Team(command) => admin::team(&db, command),
        Command::Device(command) => admin::device(&db, command),
        Command::Conflict(command) => admin::conflict(&db, command),
        Command::Compact { keep_days } => admin::compact(&db, keep_days),
    }
}
