//! The laptop's side of the sync server's HTTP API (reqwest, rustls). Plain http only to this
//! computer (a server on loopback) unless explicitly allowed: a consultant's data never crosses
//! a network unencrypted by accident.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use reqwest::blocking::{Client, Response};
use reqwest::Url;

use super::wire::{
    ConflictChoice, ConflictList, ErrorBody, LoginRequest, LoginResponse, MoveRequest,
    MoveResponse, PullResponse, PushRequest, PushResponse, ResolveRequest, Session, SCHEMA_HEADER,
};

#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("{0}")]
    Address(String),
    #[error("de server {server} is niet bereikbaar: {reason}")]
    Unreachable { server: String, reason: String },
    /// The server's own answer (Dutch), with its code; `wipe` for a revoked device.
    #[error("{}", .body.message)]
    Refused { status: u16, body: ErrorBody },
    #[error("onverwacht antwoord van de server: {0}")]
    Protocol(String),
    #[error("lokale database: {0}")]
    Local(String),
}

/// An error with its causes ("error sending request: … : invalid peer certificate: UnknownIssuer").
fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl SyncError {
    /// The server says this device was revoked: its local data must be erased.
    pub fn wipe(&self) -> bool {
        matches!(self, Self::Refused { body, .. } if body.wipe)
    }
}

/// The server's address: https, or http to this computer (or anywhere when `allow_http`).
pub fn server_url(text: &str, allow_http: bool) -> Result<Url, SyncError> {
    let url = Url::parse(text.trim())
        .map_err(|e| SyncError::Address(format!("'{text}' is geen adres: {e}")))?;
    let loopback = matches!(
        url.host_str(),
        Some("localhost" | "127.0.0.1" | "[::1]" | "::1")
    );
    match url.scheme() {
        "https" => Ok(url),
        "http" if loopback || allow_http => Ok(url),
        "http" => Err(SyncError::Address(format!(
            "{text}: gebruik https; http alleen naar deze computer (of met --allow-http)"
        ))),
        other => Err(SyncError::Address(format!(
            "{text}: onbekend protocol {other}; gebruik https"
        ))),
    }
}

pub struct SyncClient {
    http: Client,
    base: Url,
}

/// HTTP clients made so far, by the certificate authority they trust besides the usual roots:
/// one per process keeps its connections open from one sync to the next, and reads the root
/// certificates once.
static CLIENTS: Mutex<Vec<(Option<String>, Client)>> = Mutex::new(Vec::new());

impl SyncClient {
    /// A client of the server at `base`, trusting `ca_cert` (PEM) besides the usual roots.
    pub fn new(base: Url, ca_cert: Option<&str>) -> Result<Self, SyncError> {
        let mut clients = CLIENTS.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, http)) = clients.iter().find(|(ca, _)| ca.as_deref() == ca_cert) {
            return Ok(Self {
                http: http.clone(),
                base,
            });
        }
        let http = Self::build(ca_cert)?;
        clients.push((ca_cert.map(str::to_owned), http.clone()));
        Ok(Self { http, base })
    }

    fn build(ca_cert: Option<&str>) -> Result<Client, SyncError> {
        let mut builder = Client::builder().timeout(Duration::from_secs(30));
        if let Some(pem) = ca_cert {
            let not_pem = |reason: String| {
                SyncError::Address(format!(
                    "het CA-certificaat is geen PEM-certificaat{reason}"
                ))
            };
            if !pem.contains("-----BEGIN CERTIFICATE-----") {
                return Err(not_pem(String::new()));
            }
            let cert = reqwest::Certificate::from_pem(pem.as_bytes())
                .map_err(|e| not_pem(format!(": {e}")))?;
            builder = builder.add_root_certificate(cert);
        }
        builder
            .build()
            .map_err(|e| SyncError::Protocol(e.to_string()))
    }

    fn url(&self, path: &str) -> Result<Url, SyncError> {
        self.base
            .join(path)
            .map_err(|e| SyncError::Address(e.to_string()))
    }

    fn read<T: serde::de::DeserializeOwned>(
        &self,
        response: reqwest::Result<Response>,
    ) -> Result<T, SyncError> {
        let response = response.map_err(|e| SyncError::Unreachable {
            server: self.base.to_string(),
            reason: causes(&e),
        })?;
        let status = response.status();
        if status.is_success() {
            return response
                .json()
                .map_err(|e| SyncError::Protocol(e.to_string()));
        }
        let body = response.json::<ErrorBody>().unwrap_or_else(|e| ErrorBody {
            code: "http".into(),
            message: format!("de server antwoordde {status} ({e})"),
            wipe: false,
        });
        Err(SyncError::Refused {
            status: status.as_u16(),
            body,
        })
    }

    /// Logs in for a new device token.
    pub fn login(
        &self,
        user: &str,
        password: &str,
        device_name: &str,
    ) -> Result<LoginResponse, SyncError> {
        let request = LoginRequest {
            user: user.to_owned(),
            password: password.to_owned(),
            device_name: device_name.to_owned(),
        };
        self.read(self.http.post(self.url("v1/login")?).json(&request).send())
    }

    pub fn push(&self, token: &str, request: &PushRequest) -> Result<PushResponse, SyncError> {
        self.read(
            self.http
                .post(self.url("v1/sync/push")?)
                .bearer_auth(token)
                .json(request)
                .send(),
        )
    }

    pub fn pull(&self, token: &str, cursor: i64, limit: u32) -> Result<PullResponse, SyncError> {
        let mut url = self.url("v1/sync/pull")?;
        url.query_pairs_mut()
            .append_pair("cursor", &cursor.to_string())
            .append_pair("limit", &limit.to_string());
        self.read(
            self.http
                .get(url)
                .bearer_auth(token)
                .header(SCHEMA_HEADER, crate::store::SCHEMA_VERSION.to_string())
                .send(),
        )
    }

    /// The team's open conflicts.
    pub fn conflicts(&self, token: &str) -> Result<ConflictList, SyncError> {
        self.read(
            self.http
                .get(self.url("v1/conflicts")?)
                .bearer_auth(token)
                .send(),
        )
    }

    /// Tells the server which value of conflict `id` stands.
    pub fn resolve(
        &self,
        token: &str,
        id: i64,
        choice: ConflictChoice,
    ) -> Result<ConflictList, SyncError> {
        self.read(
            self.http
                .post(self.url(&format!("v1/conflicts/{id}/resolve"))?)
                .bearer_auth(token)
                .json(&ResolveRequest { choice })
                .send(),
        )
    }

    /// Gives dossier `client_id` to team `team`.
    pub fn move_case(
        &self,
        token: &str,
        client_id: &str,
        team: &str,
    ) -> Result<MoveResponse, SyncError> {
        self.read(
            self.http
                .post(self.url(&format!("v1/cases/{client_id}/move"))?)
                .bearer_auth(token)
                .json(&MoveRequest {
                    team: team.to_owned(),
                })
                .send(),
        )
    }

    /// Who the token belongs to (checks that it still works).
    pub fn me(&self, token: &str) -> Result<Session, SyncError> {
        self.read(self.http.get(self.url("v1/me")?).bearer_auth(token).send())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_or_loopback_http_only() {
        for ok in [
            "https://sync.bollenstreek.nl",
            "https://sync.bollenstreek.nl:8443/traject/",
            "http://127.0.0.1:8443",
            "http://localhost:8443",
            "http://[::1]:8443",
        ] {
            assert!(server_url(ok, false).is_ok(), "{ok}");
        }
        for bad in [
            "http://sync.bollenstreek.nl",
            "ftp://sync.bollenstreek.nl",
            "sync.bollenstreek.nl",
            "",
        ] {
            assert!(server_url(bad, false).is_err(), "{bad}");
        }
        assert!(server_url("http://10.0.0.5:8443", true).is_ok());
        let err = server_url("http://sync.bollenstreek.nl", false).unwrap_err();
        assert!(err.to_string().contains("gebruik https"), "{err}");
    }
}
