use std::path::Path;

use super::*;
use crate::store::{database_state, DatabaseState, Store, StoreError};

#[test]
fn a_name_becomes_a_safe_directory_name() {
    let cases = [
        ("Anna", Ok("Anna")),
        ("  Anna de Vries  ", Ok("Anna de Vries")),
        ("Anna   de\tVries", Ok("Anna de Vries")),
        ("Fatima Öztürk", Ok("Fatima Öztürk")),
        ("D'Souza", Ok("D'Souza")),
        ("A. de Vries", Ok("A. de Vries")),
        ("Team Noord/Zuid", Ok("Team Noord-Zuid")),
        ("..\\..\\etc", Ok("etc")),
        ("../geheim", Ok("geheim")),
        ("a:b*c?d\"e<f>g|h", Ok("a-b-c-d-e-f-g-h")),
        (".verborgen", Ok("verborgen")),
        ("anna.", Ok("anna")),
        ("x//y", Ok("x-y")),
        ("", Err("required")),
        ("   ", Err("required")),
        ("..", Err("required")),
        ("/", Err("required")),
        ("-_-", Err("required")),
        ("CON", Err("reserved")),
        ("nul.txt", Err("reserved")),
        ("com1", Err("reserved")),
        ("LPT9", Err("reserved")),
        ("COM0", Ok("COM0")),
        ("Connie", Ok("Connie")),
        (
            "a234567890123456789012345678901234567890",
            Ok("a234567890123456789012345678901234567890"),
        ),
        (
            "a2345678901234567890123456789012345678901",
            Err("max_length"),
        ),
    ];
    for (input, expected) in cases {
        let got = profile_name(input).map_err(|e| match e {
            StoreError::Validation(v) => {
                assert_eq!(v.0[0].field, "profile");
                v.0[0].rule.clone()
            }
            other => panic!("{other}"),
        });
        assert_eq!(
            got.as_deref().map_err(String::as_str),
            expected,
            "{input:?}"
        );
    }
    let err = profile_name("  ").unwrap_err().to_string();
    assert!(err.contains("geef het profiel een naam"), "{err}");
}

fn make_profile(data: &Path, name: &str) {
    Store::open(&database_path(data, name)).unwrap();
}

#[test]
fn profiles_are_the_directories_with_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert_eq!(list(data).unwrap(), Vec::<String>::new());
    assert_eq!(default_profile(data).unwrap(), "standaard");

    make_profile(data, "bram");
    make_profile(data, "Anna de Vries");
    // A directory without a database (a profile named but never created), a stray file and a
    // directory whose name no profile could have are no profiles.
    std::fs::create_dir_all(data.join(PROFILES_DIR).join("leeg")).unwrap();
    std::fs::write(data.join(PROFILES_DIR).join("notitie.txt"), "x").unwrap();
    std::fs::create_dir_all(data.join(PROFILES_DIR).join(" raar ")).unwrap();
    std::fs::write(
        data.join(PROFILES_DIR).join(" raar ").join(DATABASE_FILE),
        "",
    )
    .unwrap();
    assert_eq!(list(data).unwrap(), ["Anna de Vries", "bram"]);
    assert_eq!(find(data, "BRAM").unwrap().as_deref(), Some("bram"));
    assert_eq!(find(data, "leeg").unwrap(), None);

    // The first one, until one was opened.
    assert_eq!(default_profile(data).unwrap(), "Anna de Vries");
    remember(data, "bram").unwrap();
    assert_eq!(default_profile(data).unwrap(), "bram");
    // A remembered profile that is gone is not offered.
    remember(data, "verdwenen").unwrap();
    assert_eq!(default_profile(data).unwrap(), "Anna de Vries");
}

#[test]
fn the_database_of_an_earlier_version_becomes_the_profile_standaard() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert_eq!(adopt_legacy(data).unwrap(), None);

    let legacy = data.join(DATABASE_FILE);
    let mut store = Store::open(&legacy).unwrap();
    store
        .save_identity(crate::store::test_support::identity())
        .unwrap();
    drop(store);
    // What a running app leaves next to it: the write-ahead log and shared memory.
    std::fs::write(with_suffix(&legacy, "-wal"), "log").unwrap();
    std::fs::write(with_suffix(&legacy, "-shm"), "shm").unwrap();
    std::fs::create_dir_all(data.join("documents")).unwrap();
    std::fs::write(data.join("documents").join("pip.pdf"), "%PDF").unwrap();

    assert_eq!(adopt_legacy(data).unwrap().as_deref(), Some("standaard"));
    let moved = database_path(data, "standaard");
    for suffix in ["", "-wal", "-shm"] {
        assert!(!with_suffix(&legacy, suffix).exists(), "{suffix}");
    }
    assert_eq!(
        std::fs::read_to_string(with_suffix(&moved, "-wal")).unwrap(),
        "log"
    );
    assert_eq!(
        std::fs::read_to_string(with_suffix(&moved, "-shm")).unwrap(),
        "shm"
    );
    assert!(moved.with_file_name("documents").join("pip.pdf").is_file());
    assert!(!data.join("documents").exists());
    assert_eq!(database_state(&moved).unwrap(), DatabaseState::Plain);
    for suffix in ["-wal", "-shm"] {
        std::fs::remove_file(with_suffix(&moved, suffix)).unwrap();
    }
    let store = Store::open(&moved).unwrap();
    assert!(store.identity().unwrap().is_some(), "nothing was lost");
    drop(store);
    assert_eq!(list(data).unwrap(), ["standaard"]);
    // Done once: nothing left to move.
    assert_eq!(adopt_legacy(data).unwrap(), None);

    // An earlier version started again makes a new one: it gets a profile of its own.
    Store::open(&legacy).unwrap();
    assert_eq!(adopt_legacy(data).unwrap().as_deref(), Some("standaard 2"));
    assert_eq!(list(data).unwrap(), ["standaard", "standaard 2"]);
}

#[test]
fn a_move_cut_short_is_finished_the_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    Store::open(&data.join(DATABASE_FILE)).unwrap();
    // Cut after the write-ahead log moved, before the database did.
    let target = database_path(data, "standaard");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(with_suffix(&target, "-wal"), "").unwrap();
    assert_eq!(adopt_legacy(data).unwrap().as_deref(), Some("standaard"));
    assert!(target.is_file());
    assert_eq!(list(data).unwrap(), ["standaard"]);
}
