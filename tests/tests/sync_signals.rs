//! What a sync does to the generation of the signals' sources (migration 15), which decides
//! whether the app's window evaluates every client's signals again: with two laptops on a real
//! `traject-server`, read from each laptop's database file.

mod server;
mod team;
mod util;

use team::{laptops_with_clients, noord};
use util::TestEnv;

fn generation(env: &TestEnv) -> i64 {
    traject_tests::connect(env.db())
        .query_row("SELECT n FROM facts_generation", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_sync_raises_the_generation_only_when_it_brings_a_change() {
    let (_db, server) = noord();
    let (a, b) = laptops_with_clients(&server);
    // Each laptop's Werkvoorraad caches every client's facts.
    a.json(&["signals"]);
    b.json(&["signals"]);

    // Nothing new: the syncs note themselves, and nothing the signals read.
    let (at_a, at_b) = (generation(&a), generation(&b));
    a.json(&["sync"]);
    b.json(&["sync"]);
    assert_eq!((generation(&a), generation(&b)), (at_a, at_b));

    // Anna records hours: her own write raises it, getting them back from the server does not.
    a.json(&[
        "hours",
        "add",
        "G-1",
        "--date",
        "2026-11-20",
        "--hours",
        "3",
        "--category",
        "taal",
    ]);
    let written = generation(&a);
    assert!(written > at_a);
    a.json(&["sync"]);
    a.json(&["sync"]);
    assert_eq!(generation(&a), written);

    // Bram's laptop pulls them: a change to what his signals read.
    b.json(&["sync"]);
    assert!(generation(&b) > at_b);
}
