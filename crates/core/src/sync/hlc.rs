//! Hybrid logical clock (ARCHITECTURE §3): wall-clock milliseconds, a counter and the device id.
//! It never goes backwards, even when the laptop's clock does, so the order of a device's own
//! edits is always the order they were made in.

use std::fmt;

/// One timestamp. Its text form sorts in clock order: `0001764430000000-0000000000-<device>`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hlc {
    pub wall_ms: i64,
    pub counter: u32,
    pub device: String,
}

/// The clock's persisted state (the last timestamp handed out on this device).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct HlcState {
    pub wall_ms: i64,
    pub counter: u32,
}

impl HlcState {
    /// The next timestamp for a local event at wall time `now_ms`: the wall time when it has
    /// moved forward, otherwise the last wall time with the counter raised.
    pub fn tick(self, now_ms: i64) -> Self {
        if now_ms > self.wall_ms {
            Self {
                wall_ms: now_ms,
                counter: 0,
            }
        } else {
            Self {
                wall_ms: self.wall_ms,
                counter: self.counter + 1,
            }
        }
    }

    pub fn stamp(self, device: &str) -> Hlc {
        Hlc {
            wall_ms: self.wall_ms,
            counter: self.counter,
            device: device.to_owned(),
        }
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:016}-{:010}-{}",
            self.wall_ms, self.counter, self.device
        )
    }
}

impl std::str::FromStr for Hlc {
    type Err = String;

    /// Reads the text form back; anything else is named in Dutch.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("'{text}' is geen HLC-tijdstempel");
        let mut parts = text.splitn(3, '-');
        let (Some(wall), Some(counter), Some(device)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad());
        };
        if wall.len() != 16 || counter.len() != 10 || device.is_empty() {
            return Err(bad());
        }
        Ok(Self {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            device: device.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_table() {
        let s = |wall_ms, counter| HlcState { wall_ms, counter };
        let cases = [
            (s(0, 0), 1000, s(1000, 0)),    // first event
            (s(1000, 0), 1001, s(1001, 0)), // clock moved on
            (s(1000, 0), 1000, s(1000, 1)), // same millisecond
            (s(1000, 4), 400, s(1000, 5)),  // clock went backwards
        ];
        for (state, now, expected) in cases {
            assert_eq!(state.tick(now), expected, "{state:?} at {now}");
        }
    }

    #[test]
    fn monotonic_when_the_clock_goes_backwards() {
        let wall = [5_000, 5_000, 4_000, 3_999, 6_000, 1, 6_000, 6_001];
        let mut state = HlcState::default();
        let mut last = String::new();
        for now in wall {
            state = state.tick(now);
            let text = state.stamp("dev-a").to_string();
            assert!(text > last, "{text} should sort after {last}");
            last = text;
        }
    }

    #[test]
    fn text_form_sorts_like_the_clock() {
        let a = HlcState {
            wall_ms: 999,
            counter: 12,
        }
        .stamp("d");
        let b = HlcState {
            wall_ms: 1000,
            counter: 0,
        }
        .stamp("d");
        assert!(a < b);
        assert!(a.to_string() < b.to_string());
    }

    #[test]
    fn text_form_reads_back() {
        let hlc = HlcState {
            wall_ms: 1_764_430_000_000,
            counter: 3,
        }
        .stamp("0193-dev");
        assert_eq!(hlc.to_string().parse::<Hlc>(), Ok(hlc));
        for bad in [
            "",
            "1-2-d",
            "0001764430000000-0000000003-",
            "x001764430000000-0000000003-d",
        ] {
            assert!(bad.parse::<Hlc>().is_err(), "{bad}");
        }
    }
}
