//! When the app locks itself (domain page §7: "the app locks after inactivity"; BIO: data on a
//! mobile device). The consultant chooses after how many idle minutes; the app then drops the
//! database key from memory and asks for the passphrase again.

use chrono::{DateTime, Utc};

use super::FieldError;

/// The choices offered, in minutes. No "never": a laptop left open must lock.
pub const CHOICES: [u32; 5] = [5, 10, 15, 30, 60];

/// Until the consultant chooses otherwise (ARCHITECTURE §2).
pub const DEFAULT_MINUTES: u32 = 15;

/// Whether the app should lock at `now` when the user was last active at `last_activity` and
/// it locks after `minutes` idle minutes. Wall-clock time, so the hours a laptop was asleep
/// count; a clock set back does not lock early.
pub fn should_lock(last_activity: DateTime<Utc>, now: DateTime<Utc>, minutes: u32) -> bool {
    now.signed_duration_since(last_activity) >= chrono::Duration::minutes(i64::from(minutes))
}

/// `minutes` as a setting: one of [`CHOICES`].
pub fn check_minutes(minutes: u32) -> Result<u32, FieldError> {
    if CHOICES.contains(&minutes) {
        Ok(minutes)
    } else {
        Err(FieldError::new(
            "auto_lock_minutes",
            "choice",
            format!("kies 5, 10, 15, 30 of 60 minuten (niet {minutes})"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn locks_once_the_idle_minutes_have_passed() {
        let active = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let at = |minutes: i64, seconds: i64| {
            active + chrono::Duration::minutes(minutes) + chrono::Duration::seconds(seconds)
        };
        let cases = [
            // (now, setting, locks)
            (at(0, 0), 5, false),
            (at(4, 59), 5, false),
            (at(5, 0), 5, true),
            (at(5, 1), 5, true),
            (at(14, 59), 15, false),
            (at(15, 0), 15, true),
            (at(59, 59), 60, false),
            (at(60, 0), 60, true),
            // The laptop slept through the night.
            (at(11 * 60, 0), 15, true),
            // The clock was set back: not yet.
            (at(-30, 0), 5, false),
        ];
        for (now, minutes, locks) in cases {
            assert_eq!(
                should_lock(active, now, minutes),
                locks,
                "{now} after {minutes} min"
            );
        }
    }

    #[test]
    fn only_the_offered_minutes_are_a_setting() {
        for minutes in CHOICES {
            assert_eq!(check_minutes(minutes), Ok(minutes));
        }
        for minutes in [0, 1, 14, 16, 61, 120] {
            let error = check_minutes(minutes).unwrap_err();
            assert_eq!(error.field, "auto_lock_minutes");
            assert!(error.message.contains("5, 10, 15, 30 of 60"), "{error:?}");
        }
        assert!(CHOICES.contains(&DEFAULT_MINUTES));
    }
}
