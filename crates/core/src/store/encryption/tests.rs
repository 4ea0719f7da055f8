use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use super::*;
use crate::store::test_support::{amira, identity, today};

const PASSPHRASE: &str = "Fietsen langs de Bollenstreek 2026";
const NEW_PASSPHRASE: &str = "Tulpen in Lisse, elk voorjaar!";

fn encrypted(dir: &Path) -> (PathBuf, Store, DbKey) {
    let path = dir.join("traject.db");
    let (mut store, key) = Store::create_encrypted(&path, PASSPHRASE).unwrap();
    store.save_identity(identity()).unwrap();
    store.create_client(amira(), today()).unwrap();
    (path, store, key)
}

fn clients(store: &Store) -> i64 {
    store
        .conn
        .query_row("SELECT count(*) FROM clients", [], |r| r.get(0))
        .unwrap()
}

/// Whether plain SQLite (no key) can read the file.
fn readable_without_key(path: &Path) -> bool {
    let conn = Connection::open(path).unwrap();
    match conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    }) {
        Ok(_) => true,
        Err(rusqlite::Error::SqliteFailure(e, _)) => {
            assert_eq!(e.code, ErrorCode::NotADatabase);
            false
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn an_encrypted_database_is_not_sqlite_without_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, _) = encrypted(dir.path());
    drop(store);
    let header = std::fs::read(&path).unwrap();
    assert_ne!(&header[..16], PLAIN_HEADER);
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Encrypted);
    assert!(!readable_without_key(&path));
    // The key file holds the salt and cost, not the key.
    let file = std::fs::read_to_string(key_file(&path)).unwrap();
    assert!(file.contains("argon2id") && file.contains("salt"), "{file}");
    let (store, _) = Store::unlock(&path, PASSPHRASE).unwrap();
    assert_eq!(clients(&store), 1);
}

#[test]
fn a_wrong_passphrase_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, _) = encrypted(dir.path());
    drop(store);
    for wrong in [
        "",
        "fietsen langs de bollenstreek 2026",
        "Fietsen langs de Bollenstreek 2027",
    ] {
        assert!(
            matches!(
                Store::unlock(&path, wrong),
                Err(StoreError::WrongPassphrase)
            ),
            "{wrong:?}"
        );
    }
}

#[test]
fn a_new_database_needs_a_strong_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    let err = Store::create_encrypted(&path, "kort").err().unwrap();
    assert!(matches!(err, StoreError::WeakPassphrase(_)), "{err}");
    assert!(err.to_string().contains("minstens 12 tekens"), "{err}");
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Missing);
    assert!(!key_file(&path).exists());
}

#[test]
fn changing_the_passphrase_re_encrypts_and_keeps_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store, key) = encrypted(dir.path());
    let err = store.change_passphrase(&key, "Niet de goede zin 123", NEW_PASSPHRASE);
    assert!(matches!(err, Err(StoreError::WrongPassphrase)));
    let err = store.change_passphrase(&key, PASSPHRASE, "zwak");
    assert!(matches!(err, Err(StoreError::WeakPassphrase(_))));
    let new_key = store
        .change_passphrase(&key, PASSPHRASE, NEW_PASSPHRASE)
        .unwrap();
    assert_ne!(new_key, key);
    // Still open and writable.
    store.create_client(amira(), today()).unwrap();
    assert_eq!(clients(&store), 2);
    drop(store);
    assert!(matches!(
        Store::unlock(&path, PASSPHRASE),
        Err(StoreError::WrongPassphrase)
    ));
    let (store, _) = Store::unlock(&path, NEW_PASSPHRASE).unwrap();
    assert_eq!(clients(&store), 2);
    assert!(!with_suffix(&path, ".rekey").exists());
    assert_eq!(KeyFile::read(&path).unwrap().next, None);
}

#[test]
fn a_change_of_passphrase_cut_short_leaves_a_database_one_of_them_opens() {
    // Cut before the copy replaced the database: the key file names the new cost as next.
    let dir = tempfile::tempdir().unwrap();
    let (path, store, _) = encrypted(dir.path());
    drop(store);
    let mut file = KeyFile::read(&path).unwrap();
    file.next = Some(KdfParams::new());
    file.write(&path).unwrap();
    std::fs::write(with_suffix(&path, ".rekey"), b"half a copy").unwrap();
    let (store, _) = Store::unlock(&path, PASSPHRASE).unwrap();
    assert_eq!(clients(&store), 1);
    assert!(
        !with_suffix(&path, ".rekey").exists(),
        "the half copy is gone"
    );
    drop(store);

    // Cut after the copy replaced it, before the key file was finished: the new passphrase
    // opens it and finishes the key file.
    let dir = tempfile::tempdir().unwrap();
    let (path, mut store, key) = encrypted(dir.path());
    let before = KeyFile::read(&path).unwrap();
    store
        .change_passphrase(&key, PASSPHRASE, NEW_PASSPHRASE)
        .unwrap();
    drop(store);
    let after = KeyFile::read(&path).unwrap();
    KeyFile {
        next: Some(after.params.clone()),
        ..before
    }
    .write(&path)
    .unwrap();
    let (store, _) = Store::unlock(&path, NEW_PASSPHRASE).unwrap();
    assert_eq!(clients(&store), 1);
    assert_eq!(KeyFile::read(&path).unwrap(), after);
}

#[test]
fn an_unencrypted_database_is_encrypted_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    let mut plain = Store::open(&path).unwrap();
    plain.save_identity(identity()).unwrap();
    let options = crate::generate::demo_options(&identity(), today());
    crate::generate::into_store(
        &mut plain,
        &crate::generate::GenerateOptions {
            clients: 12,
            ..options
        },
    )
    .unwrap();
    let tables: Vec<String> = plain
        .conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let dump = |store: &Store| -> Vec<(String, Vec<String>)> {
        tables
            .iter()
            .map(|table| {
                let mut stmt = store
                    .conn
                    .prepare(&format!("SELECT * FROM \"{table}\""))
                    .unwrap();
                let width = stmt.column_count();
                let mut rows: Vec<String> = stmt
                    .query_map([], |r| {
                        Ok((0..width)
                            .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                            .collect::<Vec<_>>()
                            .join("|"))
                    })
                    .unwrap()
                    .collect::<rusqlite::Result<_>>()
                    .unwrap();
                rows.sort();
                (table.clone(), rows)
            })
            .collect()
    };
    let before = dump(&plain);
    assert!(before.iter().map(|(_, rows)| rows.len()).sum::<usize>() > 1_000);
    drop(plain);
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Plain);

    let (store, _) = Store::encrypt_plain(&path, PASSPHRASE).unwrap();
    assert_eq!(dump(&store), before);
    drop(store);
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Encrypted);
    assert!(!readable_without_key(&path));
    let (store, _) = Store::unlock(&path, PASSPHRASE).unwrap();
    assert_eq!(dump(&store), before);
    assert!(store.identity().unwrap().is_some());
}

#[test]
fn only_an_unencrypted_database_is_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, _) = encrypted(dir.path());
    drop(store);
    let err = Store::encrypt_plain(&path, PASSPHRASE).err().unwrap();
    assert!(
        err.to_string().contains("geen onversleutelde database"),
        "{err}"
    );
    let missing = dir.path().join("elders.db");
    assert!(Store::encrypt_plain(&missing, PASSPHRASE).is_err());
}

#[test]
fn a_missing_key_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, _) = encrypted(dir.path());
    drop(store);
    std::fs::remove_file(key_file(&path)).unwrap();
    let err = Store::unlock(&path, PASSPHRASE).err().unwrap();
    assert!(err.to_string().contains("traject.db.key"), "{err}");
}

#[test]
fn a_second_connection_opens_with_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let (path, store, key) = encrypted(dir.path());
    let second = Store::open_with_key(&path, &key).unwrap();
    assert_eq!(clients(&second), 1);
    drop(store);
    // Erasing takes the key file along.
    second.wipe().unwrap();
    assert!(!path.exists() && !key_file(&path).exists());
}

#[test]
fn wrong_passphrases_wait_longer_and_longer() {
    let cases = [
        (0, 0),
        (1, 0),
        (2, 0),
        (3, 1),
        (4, 2),
        (5, 4),
        (7, 16),
        (8, 30),
        (40, 30),
    ];
    for (failures, seconds) in cases {
        assert_eq!(unlock_delay(failures).as_secs(), seconds, "{failures}");
    }
}

#[test]
fn key_files_of_earlier_versions_give_the_same_key() {
    // Keys made by argon2 0.5, which derived them before the lanes were filled in parallel: an
    // upgrade that changed them would lock every user out of their database.
    let params = |lanes| KdfParams {
        salt: hex(&(0u8..16).collect::<Vec<_>>()),
        memory_kib: 64,
        iterations: 2,
        parallelism: lanes,
    };
    for (lanes, key) in [
        (
            1,
            "319261d35d28e0523d1ca72b82e7b27cc70047018fd8d52737cf1e035013b2f6",
        ),
        (
            4,
            "98b815ca25f4dd156ec612412e2767b55242e1dec2d2024fca90a348fe53ea8f",
        ),
    ] {
        let derived = params(lanes)
            .derive("Vijf woorden voor de sleutel")
            .unwrap();
        assert_eq!(hex(derived.0.as_ref()), key, "{lanes} lane(s)");
    }
}
