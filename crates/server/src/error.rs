//! Errors as the server answers them: an `ApiError` is the client's mistake and carries the
//! `ErrorBody` it is shown; everything else is ours and answers 500 without details.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use lotline_sync::{ErrorBody, FieldError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    /// Boxed: every fallible function of the server returns it, and the body is large.
    pub body: Box<ErrorBody>,
}

impl ApiError {
    fn new(status: StatusCode, code: &str, message_key: &str, message: impl Into<String>) -> ApiError {
        let body = ErrorBody {
            code: code.into(),
            message_key: message_key.into(),
            message: message.into(),
            fields: Vec::new(),
            params: Default::default(),
        };
        ApiError { status, body: Box::new(body) }
    }

    pub fn invalid(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid", message_key, message)
    }

    pub fn unauthorized(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", message_key, message)
    }

    pub fn forbidden(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "forbidden", message_key, message)
    }

    pub fn conflict(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, "conflict", message_key, message)
    }

    pub fn not_found(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message_key, message)
    }

    pub fn too_large(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "too_large", message_key, message)
    }

    pub fn unavailable(message_key: &str, message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", message_key, message)
    }

    /// A value the message names, for the desk to show in its language.
    pub fn with(mut self, name: &str, value: impl Into<String>) -> ApiError {
        self.body.params.insert(name.to_owned(), value.into());
        self
    }

    /// Names the part of the request at fault (`events[3]`), with the same reason.
    pub fn at(mut self, field: impl Into<String>) -> ApiError {
        let error = FieldError {
            field: field.into(),
            message_key: self.body.message_key.clone(),
            message: self.body.message.clone(),
        };
        self.body.fields.push(error);
        self
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("{}", .0.body.message)]
    Api(ApiError),
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{context}: {source}")]
    Io { context: String, source: std::io::Error },
    #[error("{0} is a desk's data folder (it holds lotline.db); give the server a folder of its own")]
    DeskDataFolder(std::path::PathBuf),
    #[error("{0}")]
    Config(String),
}

impl ServerError {
    pub fn io(context: impl Into<String>) -> impl FnOnce(std::io::Error) -> ServerError {
        let context = context.into();
        move |source| ServerError::Io { context, source }
    }
}

impl From<ApiError> for ServerError {
    fn from(error: ApiError) -> ServerError {
        ServerError::Api(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(*self.body)).into_response()
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        match self {
            ServerError::Api(error) => error.into_response(),
            other => {
                // The details stay in the server's log: they may name paths or SQL.
                eprintln!("lotline-server: {other}");
                let body = ErrorBody {
                    code: "internal".into(),
                    message_key: "sync.server_error".into(),
                    message: "The sync server failed; see its log.".into(),
                    fields: Vec::new(),
                    params: Default::default(),
                };
                (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
            }
        }
    }
}
