//! A thin async client for the protocol: one method per endpoint, the server's error body
//! passed through as it came. Retrying, batching and state are the desk's business.

use reqwest::{Response, StatusCode};
use sha2::{Digest, Sha256};

use crate::admin_wire::{EnrollCodeResponse, SESSION_HEADER, TeamDesk, TeamUser};
use crate::wire::{
    EnrollRequest, EnrollResponse, ErrorBody, HealthResponse, PullResponse, PushRequest, PushResponse, SessionRequest,
    SessionResponse, SignInAttempts, WeeklyReviewReceipt,
};

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("the sync server could not be reached: {0}")]
    Http(#[from] reqwest::Error),
    #[error("the sync server answered {status}: {}", body.message)]
    Server { status: u16, body: ErrorBody },
    #[error("the blob served for {expected} has another hash")]
    BlobMismatch { expected: String },
    #[error("this client has no desk token yet: enrol first")]
    NoToken,
    #[error("the sync server's address is not a URL: {0}")]
    BadAddress(String),
}

impl ClientError {
    /// The server's error code (`unauthorized`, `invalid`, …) when the server answered one.
    pub fn code(&self) -> Option<&str> {
        match self {
            ClientError::Server { body, .. } => Some(&body.code),
            _ => None,
        }
    }
}

/// The header a desk names its Lotline version in, so the server's administrator sees which
/// desks still run an older one (`lotline server desks`).
pub const VERSION_HEADER: &str = "x-lotline-version";

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[derive(Debug, Clone)]
pub struct SyncClient {
    http: reqwest::Client,
    base_url: String,
    token: Option<String>,
}

impl SyncClient {
    /// `base_url` like `http://127.0.0.1:7070`, without the `/v1`.
    pub fn new(base_url: impl Into<String>) -> SyncClient {
        let base_url = base_url.into().trim_end_matches('/').to_owned();
        // A desk that cannot reach its server works offline: it should know soon.
        let mut headers = reqwest::header::HeaderMap::new();
        headers.insert(VERSION_HEADER, reqwest::header::HeaderValue::from_static(VERSION));
        let http = reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(5))
            // A server that takes the connection and never answers must not hold the desk's sync
            // (and whoever waits behind it) for ever; a page of pushes or pulls takes seconds.
            .timeout(std::time::Duration::from_secs(120))
            .user_agent(concat!("lotline/", env!("CARGO_PKG_VERSION")))
            .default_headers(headers)
            .build()
            .unwrap_or_else(|_| reqwest::Client::new());
        SyncClient { http, base_url, token: None }
    }

    /// The same client speaking as the desk that holds `token`.
    pub fn with_token(mut self, token: impl Into<String>) -> SyncClient {
        self.token = Some(token.into());
        self
    }

    /// The server's health; asks no token.
    pub async fn health(&self) -> Result<HealthResponse, ClientError> {
        let response = self.http.get(self.url("/v1/health")).send().await?;
        Ok(ok(response).await?.json().await?)
    }

    pub async fn enroll(&self, request: &EnrollRequest) -> Result<EnrollResponse, ClientError> {
        let response = self.http.post(self.url("/v1/enroll")).json(request).send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// Signs a person in through this desk; the server answers `unauthorized` for a wrong name
    /// or password alike.
    pub async fn session(&self, request: &SessionRequest) -> Result<SessionResponse, ClientError> {
        // A person waits at the sign-in screen: a server that does not answer soon is offline.
        let response = self
            .http
            .post(self.url("/v1/sessions"))
            .bearer_auth(self.token()?)
            .timeout(std::time::Duration::from_secs(10))
            .json(request)
            .send()
            .await?;
        Ok(ok(response).await?.json().await?)
    }

    /// Reports sign-ins this desk decided while it could not reach the server.
    pub async fn report_sign_ins(&self, request: &SignInAttempts) -> Result<(), ClientError> {
        let url = self.url("/v1/sign-in-attempts");
        let response = self.http.post(url).bearer_auth(self.token()?).json(request).send().await?;
        ok(response).await?;
        Ok(())
    }

    pub async fn push(&self, request: &PushRequest) -> Result<PushResponse, ClientError> {
        let response = self.http.post(self.url("/v1/push")).bearer_auth(self.token()?).json(request).send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// Events after server sequence `after`; `limit` None takes the server's default page.
    pub async fn pull(&self, after: i64, limit: Option<u32>) -> Result<PullResponse, ClientError> {
        let mut query = vec![("after", after.to_string())];
        if let Some(limit) = limit {
            query.push(("limit", limit.to_string()));
        }
        let response = self.http.get(self.url("/v1/pull")).bearer_auth(self.token()?).query(&query).send().await?;
        Ok(ok(response).await?.json().await?)
    }

    pub async fn put_blob(&self, sha256: &str, bytes: Vec<u8>) -> Result<(), ClientError> {
        let url = self.url(&format!("/v1/blobs/{sha256}"));
        let response = self.http.put(url).bearer_auth(self.token()?).body(bytes).send().await?;
        ok(response).await?;
        Ok(())
    }

    /// Hands the week's review PDF to the server, which mails it once per week if the team
    /// configured a relay.
    pub async fn put_weekly_review(&self, week: &str, pdf: Vec<u8>) -> Result<WeeklyReviewReceipt, ClientError> {
        let url = self.url(&format!("/v1/weekly-reviews/{week}"));
        let response = self.http.put(url).bearer_auth(self.token()?).body(pdf).send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// The blob's bytes, checked against the hash they were asked by.
    pub async fn get_blob(&self, sha256: &str) -> Result<Vec<u8>, ClientError> {
        let url = self.url(&format!("/v1/blobs/{sha256}"));
        let response = self.http.get(url).bearer_auth(self.token()?).send().await?;
        let bytes = ok(response).await?.bytes().await?.to_vec();
        let actual: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
        if actual != sha256 {
            return Err(ClientError::BlobMismatch { expected: sha256.to_owned() });
        }
        Ok(bytes)
    }

    /// The team's desks, asked by an administrator whose `session` this desk holds.
    pub async fn admin_desks(&self, session: &str) -> Result<Vec<TeamDesk>, ClientError> {
        let response = self.admin(reqwest::Method::GET, &["desks"], session)?.send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// Revokes a desk (by code or id); its token stops working at once.
    pub async fn admin_revoke_desk(&self, session: &str, desk: &str) -> Result<TeamDesk, ClientError> {
        let response = self.admin(reqwest::Method::POST, &["desks", desk, "revoke"], session)?.send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// A one-time enrolment code for another desk.
    pub async fn admin_enroll_code(&self, session: &str) -> Result<EnrollCodeResponse, ClientError> {
        let response = self.admin(reqwest::Method::POST, &["enroll-codes"], session)?.send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// The team's users, with their locks and last sign-in.
    pub async fn admin_users(&self, session: &str) -> Result<Vec<TeamUser>, ClientError> {
        let response = self.admin(reqwest::Method::GET, &["users"], session)?.send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// Lifts a user's lock of wrong passwords and ends their sessions.
    pub async fn admin_unlock_user(&self, session: &str, user_id: &str) -> Result<TeamUser, ClientError> {
        let response = self.admin(reqwest::Method::POST, &["users", user_id, "unlock"], session)?.send().await?;
        Ok(ok(response).await?.json().await?)
    }

    /// A request under `/v1/admin/`, each of `segments` escaped as one path segment (a desk code
    /// or user id never changes the path).
    fn admin(
        &self,
        method: reqwest::Method,
        segments: &[&str],
        session: &str,
    ) -> Result<reqwest::RequestBuilder, ClientError> {
        let mut url =
            reqwest::Url::parse(&self.url("/v1/admin")).map_err(|e| ClientError::BadAddress(e.to_string()))?;
        url.path_segments_mut().map_err(|()| ClientError::BadAddress(self.base_url.clone()))?.extend(segments);
        Ok(self.http.request(method, url).bearer_auth(self.token()?).header(SESSION_HEADER, session))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    fn token(&self) -> Result<&str, ClientError> {
        self.token.as_deref().ok_or(ClientError::NoToken)
    }
}

/// The response when it succeeded, else the server's error body (or one made from the status
/// when the body was not ours, e.g. a proxy's page).
async fn ok(response: Response) -> Result<Response, ClientError> {
    let status = response.status();
    if status.is_success() {
        return Ok(response);
    }
    let text = response.text().await.unwrap_or_default();
    let body = serde_json::from_str::<ErrorBody>(&text).unwrap_or_else(|_| ErrorBody {
        code: if status == StatusCode::UNAUTHORIZED { "unauthorized".into() } else { "http".into() },
        message_key: "sync.unexpected_answer".into(),
        message: format!("HTTP {status}: {}", text.chars().take(200).collect::<String>()),
        fields: Vec::new(),
        params: Default::default(),
    });
    Err(ClientError::Server { status: status.as_u16(), body })
}
