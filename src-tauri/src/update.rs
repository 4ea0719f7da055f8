//! Signed updates through tauri-plugin-updater: ask the update endpoint whether there is a newer
//! version, download it and verify its signature against the public key built into the app,
//! install it. The endpoint is the one in `tauri.conf.json`, or the municipality's own server
//! given with `--update-url` (or `TRAJECT_UPDATE_URL`); the key is never configurable at run
//! time. Generic over the runtime so the tests drive it with Tauri's mock runtime.

use std::sync::Mutex;

use serde::Serialize;
use tauri::Url;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Error, Update, UpdaterExt};

/// A newer version the endpoint offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UpdateInfo {
    pub version: String,
    pub current_version: String,
    pub notes: Option<String>,
}

impl From<&Update> for UpdateInfo {
    fn from(update: &Update) -> Self {
        Self {
            version: update.version.clone(),
            current_version: update.current_version.clone(),
            notes: update.body.clone(),
        }
    }
}

/// The update found by the last check and, once downloaded and verified, its bytes.
#[derive(Default)]
pub struct PendingUpdate(pub Mutex<Option<(Update, Option<Vec<u8>>)>>);

/// The municipality's own update endpoint, when one is given.
pub fn endpoint_override() -> Option<String> {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--update-url" {
            return args.next();
        }
    }
    std::env::var("TRAJECT_UPDATE_URL").ok()
}

/// Asks the endpoint for a newer version; remembers it in `pending`.
pub async fn check<R: Runtime>(
    app: &AppHandle<R>,
    endpoint: Option<&str>,
    pending: &PendingUpdate,
) -> Result<Option<UpdateInfo>, String> {
    let mut builder = app.updater_builder();
    if let Some(endpoint) = endpoint {
        let url =
            Url::parse(endpoint).map_err(|e| format!("ongeldige updateserver {endpoint}: {e}"))?;
        builder = builder.endpoints(vec![url]).map_err(dutch)?;
    }
    let update = builder
        .build()
        .map_err(dutch)?
        .check()
        .await
        .map_err(dutch)?;
    let info = update.as_ref().map(UpdateInfo::from);
    *lock(pending) = update.map(|u| (u, None));
    Ok(info)
}

/// Downloads the pending update and verifies its signature; keeps the verified bytes.
pub async fn download(pending: &PendingUpdate) -> Result<UpdateInfo, String> {
    let update = lock(pending)
        .as_ref()
        .map(|(u, _)| u.clone())
        .ok_or("zoek eerst naar een update")?;
    let bytes = update.download(|_, _| {}, || {}).await.map_err(dutch)?;
    let info = UpdateInfo::from(&update);
    *lock(pending) = Some((update, Some(bytes)));
    Ok(info)
}

/// Installs the downloaded, verified update (the signature is checked once more).
pub fn install(pending: &PendingUpdate) -> Result<(), String> {
    let guard = lock(pending);
    let Some((update, Some(bytes))) = guard.as_ref() else {
        return Err("download de update eerst".into());
    };
    update.install(bytes).map_err(dutch)
}

fn lock(pending: &PendingUpdate) -> std::sync::MutexGuard<'_, Option<(Update, Option<Vec<u8>>)>> {
    pending
        .0
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The updater's error as the beheerder reads it.
fn dutch(error: Error) -> String {
    match error {
        Error::Minisign(_) | Error::Base64(_) | Error::SignatureUtf8(_) => {
            "de handtekening van de update klopt niet: de update wordt niet geïnstalleerd".into()
        }
        Error::EmptyEndpoints => {
            "er is geen updateserver ingesteld (--update-url of de release-instelling)".into()
        }
        Error::InsecureTransportProtocol => "de updateserver moet https gebruiken".into(),
        Error::Reqwest(e) => format!("de updateserver is niet bereikbaar: {e}"),
        Error::Network(e) => format!("de updateserver antwoordt niet goed: {e}"),
        Error::ReleaseNotFound => "de updateserver geeft geen geldige versie-informatie".into(),
        Error::TargetNotFound(t) => {
            format!("de updateserver heeft geen versie voor dit platform ({t})")
        }
        other => format!("bijwerken is mislukt: {other}"),
    }
}
