//! What the app shows of sync: the status bar's slot and the Synchronisatie screen. The app's
//! background syncer fills it in; when to try again is [`retry_delay`].

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::SyncError;
use super::wire::ServerRole;
use crate::store::SyncReport;

/// The sync state of this laptop at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct SyncStatus {
    /// Where and as whom this laptop is logged in; `None`: sync is not set up.
    pub account: Option<SyncAccount>,
    pub state: SyncState,
    /// Local changes not yet acknowledged by the server.
    pub pending: u32,
    /// Conflicts of the team still waiting for a choice.
    pub open_conflicts: u32,
    /// When the last sync succeeded (UTC, RFC 3339).
    pub last_success: Option<String>,
    /// Why the last attempt failed, in Dutch.
    pub last_error: Option<String>,
    /// When the next automatic attempt is due (UTC, RFC 3339).
    pub next_attempt: Option<String>,
    /// How far a running sync is.
    pub progress: Option<SyncProgress>,
    /// What the last successful sync did.
    pub last_report: Option<SyncReport>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncAccount {
    pub server: String,
    pub user: String,
    pub device: String,
    pub role: ServerRole,
    pub team: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SyncState {
    /// No server set up: the app works on its own.
    NotConfigured,
    /// Logged in, nothing running.
    Idle,
    Syncing,
    /// The server could not be reached (no network): tried again later.
    Offline,
    /// The server answered with an error.
    Failed,
    /// The server revoked this device: its data was erased.
    Wiped,
}

/// Logging this laptop in on a sync server (the Synchronisatie screen).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncLoginInput {
    pub server: String,
    pub user: String,
    pub password: String,
    /// The name this computer gets on the server; the computer's own name when empty.
    pub device: Option<String>,
    /// Plain http to another computer (testing only).
    pub allow_http: bool,
    /// A certificate authority (PEM) to trust for this server besides the usual ones: a
    /// municipality's own CA.
    #[serde(default)]
    pub ca_cert: Option<String>,
}

/// The name a laptop gets on the server when none is given: "Traject op <computer name>".
pub fn default_device_name() -> String {
    let host = std::fs::read_to_string("/etc/hostname")
        .ok()
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "deze computer".into());
    format!("Traject op {host}")
}

/// A running sync: which step and how many of how many changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SyncProgress {
    pub phase: SyncPhase,
    pub done: u32,
    /// Known when sending (the outbox's size); unknown while fetching.
    pub total: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SyncPhase {
    /// Sending this laptop's changes.
    Push,
    /// Fetching the team's changes.
    Pull,
    /// Storing what was fetched.
    Apply,
}

/// What the app's syncer knows beyond the database: whether a sync runs and how far, how the
/// last attempts went, and when the next one is due.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyncRun {
    running: Option<SyncProgress>,
    failures: u32,
    failure: Option<(SyncState, String)>,
    next_attempt: Option<DateTime<Utc>>,
}

impl SyncRun {
    pub fn started(&mut self) {
        self.running = Some(SyncProgress {
            phase: SyncPhase::Push,
            done: 0,
            total: None,
        });
    }

    pub fn progress(&mut self, progress: SyncProgress) {
        self.running = Some(progress);
    }

    /// Records how an attempt ended at `now` and schedules the next: the normal interval after
    /// a success, a growing wait after failures (no network: offline; an answer: failed).
    pub fn finished(&mut self, outcome: Result<(), &SyncError>, now: DateTime<Utc>) {
        self.running = None;
        match outcome {
            Ok(()) => {
                self.failures = 0;
                self.failure = None;
            }
            Err(e) => {
                self.failures = self.failures.saturating_add(1);
                let state = match e {
                    SyncError::Unreachable { .. } => SyncState::Offline,
                    _ => SyncState::Failed,
                };
                self.failure = Some((state, e.to_string()));
            }
        }
        self.next_attempt = Some(now + retry_delay(self.failures));
    }

    /// How long until the next automatic attempt (none scheduled: now).
    pub fn wait(&self, now: DateTime<Utc>) -> Duration {
        self.next_attempt
            .and_then(|at| (at - now).to_std().ok())
            .unwrap_or(Duration::ZERO)
    }

    /// The database's view of sync with what runs now laid over it.
    pub fn status(&self, mut base: SyncStatus) -> SyncStatus {
        if base.account.is_none() {
            return base;
        }
        if let Some((state, message)) = &self.failure {
            base.state = *state;
            base.last_error = Some(message.clone());
        }
        if let Some(progress) = self.running {
            base.state = SyncState::Syncing;
            base.progress = Some(progress);
        }
        base.next_attempt = self
            .next_attempt
            .map(|at| at.to_rfc3339_opts(SecondsFormat::Secs, true));
        base
    }
}

/// How often a logged-in laptop syncs when all is well.
pub const SYNC_INTERVAL: Duration = Duration::from_secs(120);

/// The wait before the next attempt after `failures` failed ones in a row: 30 s, doubling, at
/// most 15 minutes; after a success the normal interval.
pub fn retry_delay(failures: u32) -> Duration {
    if failures == 0 {
        return SYNC_INTERVAL;
    }
    let secs = 30u64.saturating_mul(1u64 << (failures - 1).min(10));
    Duration::from_secs(secs.min(15 * 60))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::wire::ErrorBody;

    #[test]
    fn retry_delay_doubles_up_to_a_quarter_hour() {
        let cases = [
            (0, 120),
            (1, 30),
            (2, 60),
            (3, 120),
            (4, 240),
            (5, 480),
            (6, 900),
            (7, 900),
            (40, 900),
            (u32::MAX, 900),
        ];
        for (failures, secs) in cases {
            assert_eq!(
                retry_delay(failures),
                Duration::from_secs(secs),
                "{failures}"
            );
        }
    }

    fn base() -> SyncStatus {
        SyncStatus {
            account: Some(SyncAccount {
                server: "https://sync.example.nl/".into(),
                user: "amira".into(),
                device: "laptop".into(),
                role: ServerRole::Consultant,
                team: Some("Noord".into()),
            }),
            state: SyncState::Idle,
            pending: 3,
            open_conflicts: 0,
            last_success: None,
            last_error: None,
            next_attempt: None,
            progress: None,
            last_report: None,
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        text.parse().unwrap()
    }

    #[test]
    fn a_run_goes_from_syncing_to_offline_failed_and_back_to_idle() {
        let mut run = SyncRun::default();
        assert_eq!(run.status(base()).state, SyncState::Idle);
        assert_eq!(run.wait(at("2026-11-30T10:00:00Z")), Duration::ZERO);

        run.started();
        let status = run.status(base());
        assert_eq!(status.state, SyncState::Syncing);
        assert_eq!(status.progress.unwrap().phase, SyncPhase::Push);

        let offline = SyncError::Unreachable {
            server: "https://sync.example.nl/".into(),
            reason: "geen netwerk".into(),
        };
        run.finished(Err(&offline), at("2026-11-30T10:00:00Z"));
        let status = run.status(base());
        assert_eq!(status.state, SyncState::Offline);
        assert!(status.last_error.unwrap().contains("niet bereikbaar"));
        assert_eq!(status.next_attempt.as_deref(), Some("2026-11-30T10:00:30Z"));
        assert_eq!(
            run.wait(at("2026-11-30T10:00:10Z")),
            Duration::from_secs(20)
        );
        assert_eq!(run.wait(at("2026-11-30T10:01:00Z")), Duration::ZERO);

        let refused = SyncError::Refused {
            status: 401,
            body: ErrorBody {
                code: "disabled".into(),
                message: "dit account is uitgeschakeld".into(),
                wipe: false,
            },
        };
        run.finished(Err(&refused), at("2026-11-30T10:01:00Z"));
        let status = run.status(base());
        assert_eq!(status.state, SyncState::Failed);
        assert_eq!(status.next_attempt.as_deref(), Some("2026-11-30T10:02:00Z"));

        run.started();
        run.finished(Ok(()), at("2026-11-30T10:05:00Z"));
        let status = run.status(base());
        assert_eq!(status.state, SyncState::Idle);
        assert_eq!(status.last_error, None);
        assert_eq!(status.next_attempt.as_deref(), Some("2026-11-30T10:07:00Z"));
    }

    #[test]
    fn without_a_login_there_is_nothing_to_lay_over() {
        let mut run = SyncRun::default();
        run.started();
        let mut alone = base();
        alone.account = None;
        alone.state = SyncState::NotConfigured;
        assert_eq!(run.status(alone.clone()), alone);
    }
}
