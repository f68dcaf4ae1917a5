//! The HTTP face of the server: routes, extractors that turn bad requests into `ErrorBody`
//! answers, and the OpenAPI document generated from these handlers.

use std::path::PathBuf;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, JsonRejection};
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use lotline_sync::{
    EnrollRequest, EnrollResponse, ErrorBody, HealthResponse, PullResponse, PushRequest, PushResponse, SESSION_HEADER,
    SessionRequest, SessionResponse, SignInAttempts, TeamDesk, TeamUser, WeeklyReviewReceipt,
};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{IntoParams, Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::contact::Contacts;
use crate::database::Store;
use crate::enrolment::EnrollCode;
use crate::error::{ApiError, ServerError};
use crate::judge::ActJudge;
use crate::limits::MAX_BODY_BYTES;
use crate::metrics::{LogSize, Metrics, track};
use crate::team_admin::TeamAdministrator;
use crate::{admin, blobs, enrolment, pull, push, team_admin, users};

#[derive(Clone)]
pub(crate) struct AppState {
    pub store: Store,
    pub judge: Arc<dyn ActJudge>,
    pub data_dir: PathBuf,
    pub metrics: Arc<Metrics>,
    pub contacts: Arc<Contacts>,
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Lotline sync", version = "1", description = "The team sync protocol of docs/sync.md."),
    modifiers(&DeskTokenScheme),
    tags(
        (name = "sync", description = "Enrolment, push, pull and blobs"),
        (name = "operations", description = "Health and metrics, for whoever runs the server"),
        (name = "administration", description = "Desks, enrolment codes and users, for the team's administrators signed in through a desk")
    )
)]
struct ApiDoc;

struct DeskTokenScheme;

impl Modify for DeskTokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some("The desk's token")).build();
        components.add_security_scheme("desk_token", SecurityScheme::Http(scheme));
        let metrics = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("The metrics token from `lotline server metrics-token`"))
            .build();
        components.add_security_scheme("metrics_token", SecurityScheme::Http(metrics));
        let session = ApiKey::Header(ApiKeyValue::with_description(
            SESSION_HEADER,
            "An administrator's session from POST /v1/sessions, through the same desk",
        ));
        components.add_security_scheme("admin_session", SecurityScheme::ApiKey(session));
    }
}

fn api_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(enroll))
        .routes(routes!(sign_in))
        .routes(routes!(report_sign_ins))
        .routes(routes!(push_events))
        .routes(routes!(pull_events))
        .routes(routes!(put_blob, get_blob))
        .routes(routes!(put_weekly_review))
        .routes(routes!(health))
        .routes(routes!(metrics))
        .routes(routes!(admin_desks))
        .routes(routes!(admin_revoke_desk))
        .routes(routes!(admin_enroll_code))
        .routes(routes!(admin_users))
        .routes(routes!(admin_unlock_user))
}

/// The OpenAPI document of the protocol, as served at `/v1/openapi.json`.
pub fn openapi_document() -> utoipa::openapi::OpenApi {
    api_router().into_openapi()
}

pub(crate) fn router(state: AppState) -> Router {
    let (router, openapi) = api_router().split_for_parts();
    let openapi = Arc::new(openapi);
    let metrics = state.metrics.clone();
    router
        .route("/v1/openapi.json", get(move || async move { Json(openapi.as_ref().clone()) }))
        .fallback(|| async { ApiError::not_found("sync.no_such_endpoint", "There is no such endpoint.") })
        .layer(from_fn_with_state(metrics, track))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// The desk whose bearer token came with the request.
pub(crate) struct AuthenticatedDesk(pub String);

impl FromRequestParts<AppState> for AuthenticatedDesk {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Some(token) = bearer(&parts.headers) else {
            return Err(ApiError::unauthorized("sync.token_missing", "Send the desk's token as a Bearer token.").into());
        };
        let desk_id = enrolment::authenticate(&state.store, token).await?;
        // The request is the desk's whatever happens to this bookkeeping.
        if let Err(error) = state.contacts.record(&state.store, &desk_id, &parts.headers).await {
            eprintln!("lotline-server: recording desk {desk_id}'s contact: {error}");
        }
        Ok(AuthenticatedDesk(desk_id))
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|token| !token.is_empty())
}

/// JSON whose rejection answers an `ErrorBody` instead of axum's plain text.
struct ApiJson<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large();
    }
    ApiError::invalid("sync.body_malformed", format!("The request body is not valid: {}", rejection.body_text()))
}

/// The raw body (a blob, a PDF), whose rejection answers an `ErrorBody` as `ApiJson`'s does.
struct ApiBytes(Bytes);

impl<S: Send + Sync> FromRequest<S> for ApiBytes {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Bytes::from_request(request, state).await.map(ApiBytes).map_err(|rejection| bytes_rejection(&rejection))
    }
}

fn bytes_rejection(rejection: &BytesRejection) -> ApiError {
    if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
        return too_large();
    }
    ApiError::invalid("sync.body_malformed", rejection.body_text())
}

/// Query parameters whose rejection answers an `ErrorBody` instead of axum's plain text.
struct ApiQuery<T>(T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Query::<T>::from_request_parts(parts, state).await.map(|Query(value)| ApiQuery(value)).map_err(|rejection| {
            ApiError::invalid("sync.query_malformed", format!("The query is not valid: {}", rejection.body_text()))
        })
    }
}

fn too_large() -> ApiError {
    ApiError::too_large("sync.body_too_large", format!("A request body holds at most {MAX_BODY_BYTES} bytes."))
}

#[utoipa::path(
    post, path = "/v1/enroll", tag = "sync",
    request_body = EnrollRequest,
    responses(
        (status = 200, description = "The desk is enrolled", body = EnrollResponse),
        (status = 400, description = "Unknown, used or expired code, or bad fields", body = ErrorBody),
    )
)]
async fn enroll(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<EnrollRequest>,
) -> Result<Json<EnrollResponse>, ServerError> {
    Ok(Json(enrolment::enroll(&state.store, &request).await?))
}

#[utoipa::path(
    post, path = "/v1/sessions", tag = "sync",
    request_body = SessionRequest,
    security(("desk_token" = [])),
    responses(
        (status = 200, description = "Signed in through this desk", body = SessionResponse),
        (status = 401, description = "A wrong username or password, or a missing or revoked desk token", body = ErrorBody),
        (status = 403, description = "The user is deactivated, or the name is locked after five wrong passwords in a row (`sync.sign_in_locked`, `params.until`)", body = ErrorBody),
    )
)]
async fn sign_in(
    State(state): State<AppState>,
    AuthenticatedDesk(desk_id): AuthenticatedDesk,
    ApiJson(request): ApiJson<SessionRequest>,
) -> Result<Json<SessionResponse>, ServerError> {
    Ok(Json(users::sign_in(&state.store, &desk_id, &request).await?))
}

#[utoipa::path(
    post, path = "/v1/sign-in-attempts", tag = "sync",
    request_body = SignInAttempts,
    security(("desk_token" = [])),
    responses(
        (status = 204, description = "Kept: they count towards the team's lockout"),
        (status = 400, description = "An attempt without a valid time", body = ErrorBody),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
        (status = 413, description = "More than 1,000 attempts", body = ErrorBody),
    )
)]
async fn report_sign_ins(
    State(state): State<AppState>,
    AuthenticatedDesk(desk_id): AuthenticatedDesk,
    ApiJson(request): ApiJson<SignInAttempts>,
) -> Result<StatusCode, ServerError> {
    crate::sign_ins::report(&state.store, &desk_id, &request).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    post, path = "/v1/push", tag = "sync",
    request_body = PushRequest,
    security(("desk_token" = [])),
    responses(
        (status = 200, description = "Accepted and refused acts, and where to resend from", body = PushResponse),
        (status = 400, description = "Malformed or tampered events; nothing stored", body = ErrorBody),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
        (status = 403, description = "An event of another desk", body = ErrorBody),
        (status = 409, description = "An event differs from the one stored at its place", body = ErrorBody),
        (status = 413, description = "Too many events or too large a body", body = ErrorBody),
    )
)]
async fn push_events(
    State(state): State<AppState>,
    AuthenticatedDesk(desk_id): AuthenticatedDesk,
    ApiJson(request): ApiJson<PushRequest>,
) -> Result<Json<PushResponse>, ServerError> {
    let seal = request.seal.as_ref();
    Ok(Json(
        push::push(&state.store, state.judge.as_ref(), &desk_id, &request.events, &request.credentials, seal).await?,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct PullParams {
    /// The last server sequence already held (0 for everything).
    #[serde(default)]
    after: i64,
    /// The page size: 1000 when absent, at most 5000.
    limit: Option<i64>,
}

#[utoipa::path(
    get, path = "/v1/pull", tag = "sync",
    params(PullParams),
    security(("desk_token" = [])),
    responses(
        (status = 200, description = "Events after the cursor, in server order", body = PullResponse),
        (status = 400, description = "Bad cursor or limit", body = ErrorBody),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
    )
)]
async fn pull_events(
    State(state): State<AppState>,
    AuthenticatedDesk(_desk): AuthenticatedDesk,
    ApiQuery(params): ApiQuery<PullParams>,
) -> Result<Json<PullResponse>, ServerError> {
    Ok(Json(pull::pull(&state.store, params.after, params.limit).await?))
}

#[utoipa::path(
    put, path = "/v1/blobs/{sha256}", tag = "sync",
    params(("sha256" = String, Path, description = "SHA-256 of the bytes, lowercase hex")),
    request_body(content = [u8], content_type = "application/octet-stream"),
    security(("desk_token" = [])),
    responses(
        (status = 204, description = "Stored (or already held)"),
        (status = 400, description = "The bytes do not hash to the name", body = ErrorBody),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
        (status = 413, description = "Too large", body = ErrorBody),
    )
)]
async fn put_blob(
    State(state): State<AppState>,
    AuthenticatedDesk(_desk): AuthenticatedDesk,
    Path(sha256): Path<String>,
    ApiBytes(body): ApiBytes,
) -> Result<StatusCode, ServerError> {
    blobs::put_blob(&state.store, &state.data_dir, &sha256, &body).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(
    get, path = "/v1/blobs/{sha256}", tag = "sync",
    params(("sha256" = String, Path, description = "SHA-256 of the bytes, lowercase hex")),
    security(("desk_token" = [])),
    responses(
        (status = 200, description = "The bytes", content_type = "application/octet-stream", body = [u8]),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
        (status = 404, description = "No blob by this hash", body = ErrorBody),
    )
)]
async fn get_blob(
    State(state): State<AppState>,
    AuthenticatedDesk(_desk): AuthenticatedDesk,
    Path(sha256): Path<String>,
) -> Result<Vec<u8>, ServerError> {
    blobs::get_blob(&state.store, &state.data_dir, &sha256).await
}

#[utoipa::path(
    put, path = "/v1/weekly-reviews/{week}", tag = "sync",
    params(("week" = String, Path, description = "The ISO week the review covers, e.g. 2026-W49")),
    request_body(content = [u8], content_type = "application/pdf"),
    security(("desk_token" = [])),
    responses(
        (status = 200, description = "Taken: mailed now, mailed already for this week, or no relay configured", body = WeeklyReviewReceipt),
        (status = 400, description = "Not an ISO week, or not a PDF", body = ErrorBody),
        (status = 401, description = "Missing, unknown or revoked token", body = ErrorBody),
        (status = 413, description = "Too large", body = ErrorBody),
        (status = 503, description = "The team's mail relay did not take the message (`sync.mail_failed`): try again later", body = ErrorBody),
    )
)]
async fn put_weekly_review(
    State(state): State<AppState>,
    AuthenticatedDesk(desk_id): AuthenticatedDesk,
    Path(week): Path<String>,
    ApiBytes(body): ApiBytes,
) -> Result<Json<WeeklyReviewReceipt>, ServerError> {
    Ok(Json(crate::mail::take_weekly_review(&state.store, &state.data_dir, &desk_id, &week, &body).await?))
}

#[utoipa::path(
    get, path = "/v1/health", tag = "operations",
    responses(
        (status = 200, description = "Up, and its database answers", body = HealthResponse),
        (status = 503, description = "The database does not answer", body = ErrorBody),
    )
)]
async fn health(State(state): State<AppState>) -> Result<Json<HealthResponse>, ServerError> {
    let size = LogSize::read(&state.store).await.map_err(|error| {
        eprintln!("lotline-server: health: {error}");
        ApiError::unavailable("sync.unavailable", "The sync server cannot read its database.")
    })?;
    Ok(Json(HealthResponse {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        events: size.events,
        last_server_seq: size.last_server_seq,
        desks: size.desks,
    }))
}

/// The Prometheus text exposition's media type.
const PROMETHEUS_TEXT: &str = "text/plain; version=0.0.4; charset=utf-8";

#[utoipa::path(
    get, path = "/v1/metrics", tag = "operations",
    security(("metrics_token" = [])),
    responses(
        (status = 200, description = "Request counts, push and pull latency and the log's size, in Prometheus's text format",
            content_type = "text/plain; version=0.0.4", body = String),
        (status = 401, description = "No metrics token, or not the one issued last", body = ErrorBody),
    )
)]
async fn metrics(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ServerError> {
    admin::check_metrics_token(&state.store, bearer(&headers)).await?;
    let text = state.metrics.render(&state.store).await?;
    Ok(([(CONTENT_TYPE, PROMETHEUS_TEXT)], text).into_response())
}

#[utoipa::path(
    get, path = "/v1/admin/desks", tag = "administration",
    security(("desk_token" = [], "admin_session" = [])),
    responses(
        (status = 200, description = "The team's desks with their last contact and version", body = Vec<TeamDesk>),
        (status = 401, description = "No desk token, or no session, an unknown one or one older than 12 hours", body = ErrorBody),
        (status = 403, description = "The session's user is no active administrator", body = ErrorBody),
    )
)]
async fn admin_desks(
    State(state): State<AppState>,
    _admin: TeamAdministrator,
) -> Result<Json<Vec<TeamDesk>>, ServerError> {
    Ok(Json(team_admin::desks(&state.store).await?))
}

#[utoipa::path(
    post, path = "/v1/admin/desks/{desk}/revoke", tag = "administration",
    params(("desk" = String, Path, description = "The desk's code or id")),
    security(("desk_token" = [], "admin_session" = [])),
    responses(
        (status = 200, description = "Revoked: its token stops working at its next request", body = TeamDesk),
        (status = 401, description = "No desk token, or no valid session", body = ErrorBody),
        (status = 403, description = "The session's user is no active administrator", body = ErrorBody),
        (status = 404, description = "No such desk", body = ErrorBody),
        (status = 409, description = "The desk the administrator is signed in on (`sync.revoke_own_desk`)", body = ErrorBody),
    )
)]
async fn admin_revoke_desk(
    State(state): State<AppState>,
    admin: TeamAdministrator,
    Path(desk): Path<String>,
) -> Result<Json<TeamDesk>, ServerError> {
    Ok(Json(team_admin::revoke_by(&state.store, &admin, &desk).await?))
}

#[utoipa::path(
    post, path = "/v1/admin/enroll-codes", tag = "administration",
    security(("desk_token" = [], "admin_session" = [])),
    responses(
        (status = 200, description = "A one-time code, valid 24 hours", body = EnrollCode),
        (status = 401, description = "No desk token, or no valid session", body = ErrorBody),
        (status = 403, description = "The session's user is no active administrator", body = ErrorBody),
    )
)]
async fn admin_enroll_code(
    State(state): State<AppState>,
    _admin: TeamAdministrator,
) -> Result<Json<EnrollCode>, ServerError> {
    let validity = chrono::Duration::hours(enrolment::ENROLL_CODE_VALIDITY_HOURS);
    Ok(Json(enrolment::issue_code(&state.store, validity).await?))
}

#[utoipa::path(
    get, path = "/v1/admin/users", tag = "administration",
    security(("desk_token" = [], "admin_session" = [])),
    responses(
        (status = 200, description = "The team's users with their desks, locks and last sign-in", body = Vec<TeamUser>),
        (status = 401, description = "No desk token, or no valid session", body = ErrorBody),
        (status = 403, description = "The session's user is no active administrator", body = ErrorBody),
    )
)]
async fn admin_users(
    State(state): State<AppState>,
    _admin: TeamAdministrator,
) -> Result<Json<Vec<TeamUser>>, ServerError> {
    Ok(Json(team_admin::users(&state.store).await?))
}

#[utoipa::path(
    post, path = "/v1/admin/users/{user_id}/unlock", tag = "administration",
    params(("user_id" = String, Path, description = "The user's id")),
    security(("desk_token" = [], "admin_session" = [])),
    responses(
        (status = 200, description = "The lock of wrong passwords is lifted and the user's sessions ended", body = TeamUser),
        (status = 401, description = "No desk token, or no valid session", body = ErrorBody),
        (status = 403, description = "The session's user is no active administrator", body = ErrorBody),
        (status = 404, description = "No such user", body = ErrorBody),
    )
)]
async fn admin_unlock_user(
    State(state): State<AppState>,
    admin: TeamAdministrator,
    Path(user_id): Path<String>,
) -> Result<Json<TeamUser>, ServerError> {
    Ok(Json(team_admin::unlock(&state.store, &admin.desk_id, &admin.user_id, &user_id).await?))
}
