//! The server's merge of one field (ARCHITECTURE §3): the higher HLC wins; when the incoming
//! change was made without seeing the field's current value (its `base_seq` is older than the
//! change that set it) and the values differ, a conflict record keeps the losing value, so
//! nothing is silently lost. A device that saw the current value overwrote it on purpose: its
//! HLC is then the higher one, because pulling advances the clock.

use serde_json::Value;

/// The current value of a field on the server.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldState {
    pub value: Value,
    pub hlc: String,
    /// The server sequence of the change that set it.
    pub seq: i64,
}

/// A change of one field as a device pushes it.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldEdit {
    pub value: Value,
    pub hlc: String,
    /// The server sequence the device had seen when it made the edit (0: none).
    pub base_seq: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The edit is the field's value now.
    Applied,
    /// The current value stays (it has the higher clock).
    Superseded,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub outcome: Outcome,
    /// Both values go into a conflict record: the edit did not see the current value and
    /// differs from it.
    pub conflict: bool,
}

/// How `edit` meets the field's current state (`None`: the field has no value yet).
pub fn merge(current: Option<&FieldState>, edit: &FieldEdit) -> Merge {
    let Some(current) = current else {
        return Merge {
            outcome: Outcome::Applied,
            conflict: false,
        };
    };
    Merge {
        outcome: if edit.hlc > current.hlc {
            Outcome::Applied
        } else {
            Outcome::Superseded
        },
        conflict: edit.base_seq < current.seq && edit.value != current.value,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    fn state(value: Value, hlc: &str, seq: i64) -> FieldState {
        FieldState {
            value,
            hlc: hlc.into(),
            seq,
        }
    }

    fn edit(value: Value, hlc: &str, base_seq: i64) -> FieldEdit {
        FieldEdit {
            value,
            hlc: hlc.into(),
            base_seq,
        }
    }

    #[test]
    fn merge_table() {
        use Outcome::*;
        let cur = state(json!("Lisse"), "0002-0000-a", 5);
        let cases = [
            // A new field takes the edit.
            (
                None,
                edit(json!("Hillegom"), "0001-0000-b", 0),
                Applied,
                false,
            ),
            // Seen and later: an ordinary change.
            (
                Some(&cur),
                edit(json!("Hillegom"), "0003-0000-b", 5),
                Applied,
                false,
            ),
            // Not seen, later, different: wins, and the overwritten value is kept.
            (
                Some(&cur),
                edit(json!("Hillegom"), "0003-0000-b", 4),
                Applied,
                true,
            ),
            // Not seen, earlier, different: loses, and is kept.
            (
                Some(&cur),
                edit(json!("Hillegom"), "0001-0000-b", 4),
                Superseded,
                true,
            ),
            // Not seen but the same value: nothing to choose between.
            (
                Some(&cur),
                edit(json!("Lisse"), "0001-0000-b", 0),
                Superseded,
                false,
            ),
            (
                Some(&cur),
                edit(json!("Lisse"), "0003-0000-b", 0),
                Applied,
                false,
            ),
            // The same clock (the same edit once more): the current value stays.
            (
                Some(&cur),
                edit(json!("Lisse"), "0002-0000-a", 5),
                Superseded,
                false,
            ),
            // Two devices in the same millisecond: the device id breaks the tie.
            (
                Some(&cur),
                edit(json!("Noordwijk"), "0002-0000-b", 4),
                Applied,
                true,
            ),
        ];
        for (current, e, outcome, conflict) in cases {
            assert_eq!(
                merge(current, &e),
                Merge { outcome, conflict },
                "{current:?} ← {e:?}"
            );
        }
    }

    /// Applies edits in the order given, as the server would: the field's final value, and
    /// the values that lost without a conflict record (must be none that were not seen).
    fn replay(edits: &[FieldEdit]) -> (Option<FieldState>, Vec<Value>) {
        let mut current: Option<FieldState> = None;
        let mut conflicts = Vec::new();
        for (seq, e) in (1..).zip(edits) {
            let m = merge(current.as_ref(), e);
            if m.conflict {
                let loser = match m.outcome {
                    Outcome::Applied => current.as_ref().map(|c| c.value.clone()),
                    Outcome::Superseded => Some(e.value.clone()),
                };
                conflicts.extend(loser);
            }
            if m.outcome == Outcome::Applied {
                current = Some(state(e.value.clone(), &e.hlc, seq));
            }
        }
        (current, conflicts)
    }

    /// Edits from different devices that none saw another's: random values and clocks.
    fn concurrent() -> impl Strategy<Value = (Vec<FieldEdit>, Vec<FieldEdit>)> {
        proptest::collection::vec((0u8..4, 0u64..50), 1..7)
            .prop_map(|edits| {
                edits
                    .into_iter()
                    .enumerate()
                    .map(|(device, (v, wall))| {
                        edit(json!(v), &format!("{wall:04}-0000-d{device}"), 0)
                    })
                    .collect::<Vec<_>>()
            })
            .prop_flat_map(|edits| (Just(edits.clone()), Just(edits).prop_shuffle()))
    }

    proptest! {
        /// Concurrent edits reach the same value in any order of arrival — the highest
        /// clock's — and every other distinct value is in a conflict record.
        #[test]
        fn concurrent_edits_converge_and_keep_the_losers((edits, shuffled) in concurrent()) {
            let winner = edits.iter().max_by(|x, y| x.hlc.cmp(&y.hlc)).unwrap();
            for order in [&edits, &shuffled] {
                let (last, kept) = replay(order);
                prop_assert_eq!(last.map(|s| s.value), Some(winner.value.clone()));
                for e in &edits {
                    prop_assert!(
                        e.value == winner.value || kept.contains(&e.value),
                        "{:?} lost without a conflict record", e.value
                    );
                }
            }
        }
    }
}
