//! Runs the HTTP server: binds (port 0 picks a free one), says where on stdout, logs each
//! request, and stops gracefully on Ctrl-C or SIGTERM (requests in flight finish).

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::{Context, Result};

use crate::db::Db;

pub fn run(db: Db, listen: SocketAddr) -> Result<()> {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
    // The last handle on the database is dropped here, after the runtime is done: a
    // PostgreSQL connection closes by blocking on its own runtime, which may not happen on the
    // server's async threads.
    let db = Arc::new(db);
    let state = Arc::clone(&db);
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("{listen} kan niet worden gebruikt"))?;
        let addr = listener.local_addr()?;
        // Tests and scripts read the address from the first line.
        println!("traject-server luistert op http://{addr}");
        std::io::stdout().flush()?;
        tracing::info!(%addr, "listening");
        axum::serve(listener, crate::http::router(state))
            .with_graceful_shutdown(shutdown())
            .await?;
        tracing::info!("stopped");
        Ok(())
    })
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
