//! The HTTP API: `/health`, login, push and pull, and the team's conflicts. Handlers are a few lines: read
//! the request, call the database or core, map the error.

use std::sync::{Arc, LazyLock};

use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;
use traject_core::sync::wire::{
    ConflictList, LoginRequest, LoginResponse, MoveRequest, MoveResponse, PullResponse,
    PushRequest, PushResponse, ResolveRequest, ServerRole, Session, SCHEMA_HEADER,
};

use crate::auth::{hash_password, new_token, token_hash, verify_password};
use crate::db::{Db, TokenState};
use crate::error::ServerError;

pub type AppState = Arc<Db>;

pub fn router(db: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/v1/login", post(login))
        .route("/v1/me", get(me))
        .route("/v1/sync/push", post(push))
        .route("/v1/sync/pull", get(pull))
        .route("/v1/conflicts", get(conflicts))
        .route("/v1/conflicts/{id}/resolve", post(resolve_conflict))
        .route("/v1/cases/{client_id}/move", post(move_case))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(db)
}

async fn health() -> &'static str {
    "ok"
}

/// Checks the password (Argon2id, off the async threads) and issues a token for a new device.
async fn login(
    State(db): State<AppState>,
    Json(request): Json<LoginRequest>,
) -> Result<Json<LoginResponse>, ServerError> {
    if request.device_name.trim().is_empty() {
        return Err(ServerError::BadRequest(
            "geef het apparaat een naam (device_name)".into(),
        ));
    }
    blocking(move || {
        let credentials = db.credentials(&request.user)?;
        // Verify against a fixed hash for unknown users, so both take as long.
        let hash = credentials
            .as_ref()
            .map_or(UNKNOWN_USER_HASH.as_str(), |c| c.password_hash.as_str());
        let valid = verify_password(&request.password, hash);
        let credentials = credentials.filter(|_| valid).ok_or(ServerError::BadLogin)?;
        if credentials.disabled {
            return Err(ServerError::Disabled);
        }
        let token = new_token();
        let device_id = db.add_device(
            credentials.user_id,
            &request.device_name,
            &token_hash(&token),
        )?;
        let TokenState::Active(session) = db.token_state(&token_hash(&token))? else {
            return Err(ServerError::Internal(
                "het nieuwe apparaat is niet actief".into(),
            ));
        };
        tracing::info!(user = %session.user, %device_id, "device registered");
        Ok(Json(LoginResponse {
            token,
            device_id,
            session,
        }))
    })
    .await
}

/// An Argon2id hash of a random password nobody knows.
static UNKNOWN_USER_HASH: LazyLock<String> =
    LazyLock::new(|| hash_password(&format!("Onbekend-{}", new_token())).unwrap_or_default());

async fn me(Authed(session): Authed) -> Json<Session> {
    Json(session)
}

/// The oldest laptop schema this server syncs with: older clients must upgrade before pulling.
/// 11: audit entries of revealed BSNs, right-of-access exports and purges, which an older
/// laptop's audit log refuses; and purged dossiers.
pub const MIN_CLIENT_SCHEMA: i64 = 11;

/// Applies a batch of ops in one transaction; one result per op (a rejected op never blocks
/// the rest). Older schemas may push: their outbox stays readable.
async fn push(
    State(db): State<AppState>,
    Member(session): Member,
    Json(request): Json<PushRequest>,
) -> Result<Json<PushResponse>, ServerError> {
    let now_ms = chrono::Utc::now().timestamp_millis();
    blocking(move || {
        let results = db.push(&session, &request.ops, now_ms)?;
        Ok(Json(PushResponse { results }))
    })
    .await
}

#[derive(serde::Deserialize)]
struct PullQuery {
    #[serde(default)]
    cursor: i64,
    limit: Option<u32>,
}

/// The changes after `cursor` in the user's team; a client on a too-old schema is told to
/// upgrade first.
async fn pull(
    State(db): State<AppState>,
    Member(session): Member,
    headers: HeaderMap,
    Query(query): Query<PullQuery>,
) -> Result<Json<PullResponse>, ServerError> {
    let schema = headers
        .get(SCHEMA_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| ServerError::BadRequest(format!("de kop {SCHEMA_HEADER} ontbreekt")))?;
    if schema < MIN_CLIENT_SCHEMA {
        return Err(ServerError::UpgradeRequired {
            found: schema,
            min: MIN_CLIENT_SCHEMA,
        });
    }
    let limit = query.limit.unwrap_or(1000).clamp(1, 10_000);
    blocking(move || Ok(Json(db.pull(&session, query.cursor, limit)?))).await
}

/// The team's open conflicts, oldest first.
async fn conflicts(
    State(db): State<AppState>,
    Member(session): Member,
) -> Result<Json<ConflictList>, ServerError> {
    blocking(move || {
        Ok(Json(ConflictList {
            conflicts: db.team_conflicts(&session)?,
        }))
    })
    .await
}

/// Records the choice made on a laptop; the chosen value itself arrived as an edit.
async fn resolve_conflict(
    State(db): State<AppState>,
    Member(session): Member,
    Path(id): Path<i64>,
    Json(request): Json<ResolveRequest>,
) -> Result<Json<ConflictList>, ServerError> {
    blocking(move || {
        db.resolve_conflict(&session, id, request.choice)?;
        Ok(Json(ConflictList {
            conflicts: db.team_conflicts(&session)?,
        }))
    })
    .await
}

/// Gives a dossier to another team: its snapshot goes to the new team, a revoke to the old.
async fn move_case(
    State(db): State<AppState>,
    Authed(session): Authed,
    Path(client_id): Path<String>,
    Json(request): Json<MoveRequest>,
) -> Result<Json<MoveResponse>, ServerError> {
    blocking(move || Ok(Json(db.move_case(&session, &client_id, &request.team)?))).await
}

/// The session of a team member: consultants and teamleiders sync their team's dossiers; a
/// beheerder manages accounts and devices and receives no client data (403).
pub struct Member(pub Session);

impl FromRequestParts<AppState> for Member {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, db: &AppState) -> Result<Self, ServerError> {
        let Authed(session) = Authed::from_request_parts(parts, db).await?;
        if session.role == ServerRole::Beheerder {
            return Err(ServerError::Forbidden(
                "een functioneel beheerder beheert accounts en apparaten en ontvangt geen dossiers"
                    .into(),
            ));
        }
        Ok(Self(session))
    }
}

/// Runs database work off the async threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ServerError> + Send + 'static,
) -> Result<T, ServerError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ServerError::Internal(e.to_string()))?
}

/// The session of the request's `Authorization: Bearer TOKEN`; a revoked device gets 401 with
/// the wipe instruction, a disabled account 401.
pub struct Authed(pub Session);

impl FromRequestParts<AppState> for Authed {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, db: &AppState) -> Result<Self, ServerError> {
        let token = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ServerError::Unauthorized)?;
        let (db, hash) = (Arc::clone(db), token_hash(token.trim()));
        match blocking(move || db.token_state(&hash)).await? {
            TokenState::Active(session) => Ok(Self(session)),
            TokenState::Revoked => Err(ServerError::Revoked),
            TokenState::Disabled => Err(ServerError::Disabled),
            TokenState::Unknown => Err(ServerError::Unauthorized),
        }
    }
}
