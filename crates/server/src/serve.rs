//! Runs the HTTP server: binds (port 0 picks a free one), says where on stdout, logs each
//! request, and stops gracefully on Ctrl-C or SIGTERM (requests in flight finish). With a
//! certificate and key it terminates TLS itself (rustls); without, it speaks plain http for a
//! proxy in front of it or on loopback.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;

use std::time::Duration;

use anyhow::{Context, Result};
use axum_server::tls_rustls::RustlsConfig;
use axum_server::Handle;

use crate::config::TlsFiles;
use crate::db::Db;

pub fn run(db: Db, listen: SocketAddr, tls: Option<TlsFiles>) -> Result<()> {
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
        let router = crate::http::router(state);
        match tls {
            None => {
                let listener = tokio::net::TcpListener::bind(listen)
                    .await
                    .with_context(|| format!("{listen} kan niet worden gebruikt"))?;
                announce("http", listener.local_addr()?)?;
                axum::serve(listener, router)
                    .with_graceful_shutdown(shutdown())
                    .await?;
            }
            Some(files) => {
                let config = RustlsConfig::from_pem_file(&files.cert, &files.key)
                    .await
                    .with_context(|| {
                        format!(
                            "certificaat {} of sleutel {} kan niet worden gelezen",
                            files.cert.display(),
                            files.key.display()
                        )
                    })?;
                let listener = std::net::TcpListener::bind(listen)
                    .with_context(|| format!("{listen} kan niet worden gebruikt"))?;
                listener.set_nonblocking(true)?;
                announce("https", listener.local_addr()?)?;
                let handle = Handle::new();
                let stopping = handle.clone();
                tokio::spawn(async move {
                    shutdown().await;
                    stopping.graceful_shutdown(Some(Duration::from_secs(30)));
                });
                axum_server::from_tcp_rustls(listener, config)?
                    .handle(handle)
                    .serve(router.into_make_service())
                    .await?;
            }
        }
        tracing::info!("stopped");
        Ok(())
    })
}

/// Says where the server listens: tests and scripts read the address from the first line.
fn announce(scheme: &str, addr: SocketAddr) -> Result<()> {
    println!("traject-server luistert op {scheme}://{addr}");
    std::io::stdout().flush()?;
    tracing::info!(%addr, scheme, "listening");
    Ok(())
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
