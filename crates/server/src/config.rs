//! Where the server's settings come from, strongest first: flags, environment
//! (`TRAJECT_SERVER_DB`, `TRAJECT_SERVER_LISTEN`, `TRAJECT_SERVER_TLS_CERT`,
//! `TRAJECT_SERVER_TLS_KEY`; clap reads them), a TOML file (`--config`), then the defaults.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde::Deserialize;

/// The file's keys; every one optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub db: Option<String>,
    pub listen: Option<String>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
}

impl FileConfig {
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("configuratie {} lezen", path.display()))?;
        toml::from_str(&text).with_context(|| format!("configuratie {}", path.display()))
    }
}

/// The database: a file path (SQLite) or a `postgres://` URL (PostgreSQL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbLocation {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DbLocation {
    pub fn parse(text: &str) -> Result<Self> {
        if text.starts_with("postgres://") || text.starts_with("postgresql://") {
            // The URL itself stays out of the message: it may hold a password.
            text.parse::<postgres::Config>()
                .context("--db: geen geldige PostgreSQL-URL")?;
            return Ok(Self::Postgres(text.to_owned()));
        }
        Ok(Self::Sqlite(PathBuf::from(text)))
    }
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8443";

/// Flag/environment value, else the file's, else the default.
pub fn resolve(
    flag: Option<String>,
    file: &FileConfig,
    pick: fn(&FileConfig) -> Option<String>,
    default: Option<&str>,
    what: &str,
) -> Result<String> {
    flag.or_else(|| pick(file))
        .or_else(|| default.map(str::to_owned))
        .with_context(|| {
            format!(
                "geen {what}: geef --{what}, TRAJECT_SERVER_{}, of zet het in --config",
                what.to_uppercase()
            )
        })
}

pub fn listen_addr(text: &str) -> Result<SocketAddr> {
    text.parse()
        .with_context(|| format!("--listen {text}: verwacht adres:poort, bijv. 127.0.0.1:8443"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_postgres_url_is_postgres_and_anything_else_a_file() {
        assert_eq!(
            DbLocation::parse("postgres://traject@127.0.0.1:5432/traject").unwrap(),
            DbLocation::Postgres("postgres://traject@127.0.0.1:5432/traject".into())
        );
        assert_eq!(
            DbLocation::parse("server.db").unwrap(),
            DbLocation::Sqlite(PathBuf::from("server.db"))
        );
        let err = DbLocation::parse("postgres://traject:geheim@host:poort/db").unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains("geen geldige PostgreSQL-URL"), "{message}");
        assert!(!message.contains("geheim"), "no password in {message}");
    }
}

/// The certificate chain and private key (PEM files) the server terminates TLS with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// TLS when both files are given (flag, environment or file), plain http when neither is.
pub fn tls_files(
    cert: Option<PathBuf>,
    key: Option<PathBuf>,
    file: &FileConfig,
) -> Result<Option<TlsFiles>> {
    match (cert.or(file.tls_cert.clone()), key.or(file.tls_key.clone())) {
        (Some(cert), Some(key)) => Ok(Some(TlsFiles { cert, key })),
        (None, None) => Ok(None),
        _ => anyhow::bail!("TLS vraagt zowel --tls-cert als --tls-key"),
    }
}
