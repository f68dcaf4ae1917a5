//! Starting and stopping the server: bind first (port 0 picks a free port) so the caller can
//! report the address, then serve in a task until shut down.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::api::{AppState, router};
use crate::config::{ServerConfig, prepare_data_dir};
use crate::database::Store;
use crate::error::ServerError;
use crate::judge::{AcceptAll, ActJudge};

/// A server that is listening. Dropping it stops it too (gracefully, in the background).
pub struct RunningServer {
    addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
    store: Store,
}

/// Serves with every act accepted (no business re-validation).
pub async fn serve(config: ServerConfig) -> Result<RunningServer, ServerError> {
    serve_with_judge(config, Arc::new(AcceptAll)).await
}

/// Serves with `judge` deciding on each new act.
pub async fn serve_with_judge(config: ServerConfig, judge: Arc<dyn ActJudge>) -> Result<RunningServer, ServerError> {
    let url = prepare_data_dir(&config.data_dir, config.database_url.as_deref())?;
    let store = Store::open(&url).await?;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(ServerError::io(format!("listening on {}", config.listen)))?;
    let addr = listener.local_addr().map_err(ServerError::io("reading the bound address"))?;
    let app = router(AppState {
        store: store.clone(),
        judge,
        data_dir: config.data_dir,
        metrics: Arc::default(),
        contacts: Arc::default(),
    });
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await
    });
    Ok(RunningServer { addr, stop: Some(stop), task, store })
}

impl RunningServer {
    /// The address actually bound (the chosen port when asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`, the base URL a `SyncClient` takes.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets requests in flight finish, closes the database.
    pub async fn shutdown(mut self) -> Result<(), ServerError> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let served = (&mut self.task).await.map_err(|e| ServerError::Config(format!("the server task failed: {e}")))?;
        self.store.pool.close().await;
        served.map_err(ServerError::io("serving"))
    }

    /// Serves until the server fails (it runs until shut down otherwise).
    pub async fn wait(mut self) -> Result<(), ServerError> {
        let served = (&mut self.task).await.map_err(|e| ServerError::Config(format!("the server task failed: {e}")))?;
        served.map_err(ServerError::io("serving"))
    }
}
