//! One error type for the whole server, and how each becomes an HTTP response with an
//! [`ErrorBody`] (Dutch message; `wipe` for a revoked device).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use traject_core::sync::wire::ErrorBody;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("niet aangemeld: geef een geldig apparaattoken mee")]
    Unauthorized,
    #[error("gebruikersnaam of wachtwoord klopt niet")]
    BadLogin,
    #[error("dit apparaat is ingetrokken; de gegevens erop worden gewist")]
    Revoked,
    #[error("dit account is uitgeschakeld; neem contact op met de functioneel beheerder")]
    Disabled,
    #[error("deze versie van Traject is te oud (schema {found}, de server vraagt minstens {min}); installeer de nieuwste versie")]
    UpgradeRequired { found: i64, min: i64 },
    #[error("{0} bestaat niet")]
    NotFound(String),
    #[error("deze computer heeft lang niet gesynchroniseerd en haalt alles opnieuw op")]
    ResetRequired,
    /// Logged in, but the role does not allow it.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(String),
    #[error("databasefout: {0}")]
    Db(#[from] rusqlite::Error),
    #[error("databasefout: {0}")]
    Postgres(String),
    #[error("PostgreSQL op {target} is niet bereikbaar: {reason}")]
    Unreachable { target: String, reason: String },
    #[error("PostgreSQL is niet bereikbaar: {0}")]
    Pool(#[from] r2d2_postgres::r2d2::Error),
    #[error("de database kon niet worden bijgewerkt: {0}")]
    Migration(String),
    #[error("interne fout: {0}")]
    Internal(String),
}

/// The postgres crate names only the kind of an error; its cause (the server's own message,
/// the refused connection) is in the source chain. Kept as one text, with every cause.
impl From<postgres::Error> for ServerError {
    fn from(e: postgres::Error) -> Self {
        Self::Postgres(with_causes(&e))
    }
}

/// An error's message followed by those of its causes.
pub fn with_causes(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

impl ServerError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::BadLogin => (StatusCode::UNAUTHORIZED, "bad_login"),
            Self::Revoked => (StatusCode::UNAUTHORIZED, "revoked"),
            Self::Disabled => (StatusCode::UNAUTHORIZED, "disabled"),
            Self::UpgradeRequired { .. } => (StatusCode::UPGRADE_REQUIRED, "upgrade_required"),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            Self::ResetRequired => (StatusCode::GONE, "reset_required"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict"),
            Self::Db(_)
            | Self::Postgres(_)
            | Self::Unreachable { .. }
            | Self::Pool(_)
            | Self::Migration(_)
            | Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let body = ErrorBody {
            code: code.to_owned(),
            message: self.to_string(),
            wipe: matches!(self, Self::Revoked),
        };
        (status, Json(body)).into_response()
    }
}
