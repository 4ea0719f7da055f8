use chrono::TimeZone;

use super::*;
use crate::profiles::{database_path, DATABASE_FILE};
use crate::store::test_support::{amira, identity, today};

const PASSPHRASE: &str = "Fietsen langs de Bollenstreek 2026";
const NEW_PASSPHRASE: &str = "Tulpen in Lisse, elk voorjaar!";

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap()
}

fn minutes(n: i64) -> DateTime<Utc> {
    t0() + chrono::Duration::minutes(n)
}

fn clients(session: &Session) -> Result<u64, ApiError> {
    session.with_store(|s| Ok(s.client_count()?))
}

fn field_rules(error: &ApiError) -> Vec<(String, String)> {
    error
        .fields
        .iter()
        .map(|f| (f.field.clone(), f.rule.clone()))
        .collect()
}

fn pair(field: &str, rule: &str) -> (String, String) {
    (field.to_owned(), rule.to_owned())
}

#[test]
fn first_start_chooses_a_passphrase_then_locks_and_unlocks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    let session = Session::start(Profiles::File(path.clone()), t0());
    let state = session.lock_state().unwrap();
    assert_eq!(state.screen, LockScreen::Create);
    assert_eq!(state.profile, "traject.db");
    assert!(state.single_database && state.profiles.is_empty());
    assert_eq!(clients(&session).unwrap_err().code, ErrorCode::Locked);

    // A weak passphrase, typed differently twice: both named, nothing made.
    let err = session.create("kort", "kort!", t0()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        field_rules(&err),
        [pair("passphrase", "weak"), pair("repeat", "same")]
    );
    assert!(
        err.fields[0].message.contains("minstens 12 tekens"),
        "{err:?}"
    );
    assert!(!path.exists());

    let state = session.create(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    assert_eq!(state.screen, LockScreen::Open);
    assert_eq!(state.auto_lock_minutes, Some(15));
    session
        .with_store(|s| {
            s.save_identity(identity())?;
            s.create_client(amira(), today())?;
            Ok(())
        })
        .unwrap();
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Encrypted);

    let state = session.lock().unwrap();
    assert_eq!(state.screen, LockScreen::Unlock);
    assert_eq!(state.auto_lock_minutes, None);
    let err = clients(&session).unwrap_err();
    assert_eq!(err.code, ErrorCode::Locked);
    assert!(err.message.contains("vergrendeld"), "{err:?}");
    assert_eq!(session.connection().err().unwrap().code, ErrorCode::Locked);

    let err = session
        .unlock("Niet mijn wachtwoordzin 1", t0())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
    assert_eq!(err.message, "onjuiste wachtwoordzin");
    let state = session.lock_state().unwrap();
    assert_eq!((state.failures, state.delay_seconds), (1, 0));
    let state = session.unlock(PASSPHRASE, t0()).unwrap();
    assert_eq!((state.screen, state.failures), (LockScreen::Open, 0));
    assert_eq!(clients(&session).unwrap(), 1);
    // The syncer's connection opens with the key.
    assert_eq!(session.connection().unwrap().client_count().unwrap(), 1);
}

#[test]
fn wrong_passphrases_in_a_row_wait_longer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    Store::create_encrypted(&path, PASSPHRASE).unwrap();
    let session = Session::start(Profiles::File(path), t0());
    let expected = [(1, 0), (2, 1), (3, 2)];
    for (failures, next_wait) in expected {
        let started = std::time::Instant::now();
        session
            .unlock("Fietsen langs de Bollenstreek 2025", t0())
            .unwrap_err();
        let state = session.lock_state().unwrap();
        assert_eq!((state.failures, state.delay_seconds), (failures, next_wait));
        // The third wrong one was answered after a second.
        if failures == 3 {
            assert!(started.elapsed() >= std::time::Duration::from_secs(1));
        }
    }
    session.unlock(PASSPHRASE, t0()).unwrap();
    assert_eq!(session.lock_state().unwrap().failures, 0);
}

#[test]
fn a_database_of_an_earlier_version_is_encrypted_with_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    let mut plain = Store::open(&path).unwrap();
    plain.save_identity(identity()).unwrap();
    plain.create_client(amira(), today()).unwrap();
    drop(plain);
    let session = Session::start(Profiles::File(path.clone()), t0());
    assert_eq!(session.lock_state().unwrap().screen, LockScreen::Migrate);
    // Unlocking is not what this screen does.
    let err = session.unlock(PASSPHRASE, t0()).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let err = session
        .encrypt(PASSPHRASE, "Fietsen langs de Bollenstreek", t0())
        .unwrap_err();
    assert_eq!(field_rules(&err), [pair("repeat", "same")]);
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Plain);

    let state = session.encrypt(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    assert_eq!(state.screen, LockScreen::Open);
    assert_eq!(clients(&session).unwrap(), 1);
    assert_eq!(database_state(&path).unwrap(), DatabaseState::Encrypted);
}

#[test]
fn a_passphrase_from_a_script_opens_whatever_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    for expected in [LockScreen::Create, LockScreen::Unlock] {
        let session = Session::start(Profiles::File(path.clone()), t0());
        assert_eq!(session.lock_state().unwrap().screen, expected);
        let state = session.open_unasked(PASSPHRASE, t0()).unwrap();
        assert_eq!(state.screen, LockScreen::Open);
        assert_eq!(session.open_unasked(PASSPHRASE, t0()).unwrap(), state);
    }
    let session = Session::start(Profiles::File(path), t0());
    let err = session.open_unasked(NEW_PASSPHRASE, t0()).unwrap_err();
    assert_eq!(err.code, ErrorCode::WrongPassphrase);
}

#[test]
fn idle_minutes_lock_and_activity_postpones() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::start(Profiles::File(dir.path().join("traject.db")), t0());
    // Nothing to lock before it is open.
    assert_eq!(session.lock_if_idle(minutes(60)), None);
    session.create(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    assert_eq!(session.auto_lock_minutes().unwrap(), 15);
    assert_eq!(session.lock_if_idle(minutes(14)), None);
    session.touch(minutes(10));
    assert_eq!(session.lock_if_idle(minutes(24)), None);
    let state = session
        .lock_if_idle(minutes(25))
        .expect("locked after 15 idle minutes");
    assert_eq!(state.screen, LockScreen::Unlock);
    assert_eq!(clients(&session).unwrap_err().code, ErrorCode::Locked);
    assert_eq!(
        session.auto_lock_minutes().unwrap_err().code,
        ErrorCode::Locked
    );
    assert_eq!(session.lock_if_idle(minutes(90)), None);

    // Unlocking starts the idle time again; a shorter setting locks sooner, and is kept.
    session.unlock(PASSPHRASE, minutes(100)).unwrap();
    let err = session.set_auto_lock_minutes(0).unwrap_err();
    assert_eq!(field_rules(&err), [pair("auto_lock_minutes", "choice")]);
    assert_eq!(session.set_auto_lock_minutes(5).unwrap(), 5);
    assert_eq!(session.lock_if_idle(minutes(104)), None);
    assert!(session.lock_if_idle(minutes(105)).is_some());
    let state = session.unlock(PASSPHRASE, minutes(200)).unwrap();
    assert_eq!(state.auto_lock_minutes, Some(5));
}

#[test]
fn changing_the_passphrase_checks_the_current_one() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::start(Profiles::File(dir.path().join("traject.db")), t0());
    session.create(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    let err = session
        .change_passphrase("Dit is hem niet 12", NEW_PASSPHRASE, NEW_PASSPHRASE)
        .unwrap_err();
    assert_eq!(field_rules(&err), [pair("current", "wrong")]);
    let err = session
        .change_passphrase(PASSPHRASE, "zwak", "zwak")
        .unwrap_err();
    assert_eq!(field_rules(&err), [pair("passphrase", "weak")]);
    let err = session
        .change_passphrase(PASSPHRASE, NEW_PASSPHRASE, PASSPHRASE)
        .unwrap_err();
    assert_eq!(field_rules(&err), [pair("repeat", "same")]);
    session
        .change_passphrase(PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
        .unwrap();
    // Still open; the syncer's connection opens with the new key.
    assert_eq!(clients(&session).unwrap(), 0);
    session.connection().unwrap();
    session.lock().unwrap();
    assert!(session.unlock(PASSPHRASE, t0()).is_err());
    session.unlock(NEW_PASSPHRASE, t0()).unwrap();
}

#[test]
fn profiles_each_have_their_own_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    // An earlier version's database becomes "standaard", to be encrypted.
    let mut plain = Store::open(&data.join(DATABASE_FILE)).unwrap();
    plain.save_identity(identity()).unwrap();
    drop(plain);
    let session = Session::start(Profiles::DataDir(data.to_owned()), t0());
    let state = session.lock_state().unwrap();
    assert_eq!(state.screen, LockScreen::Migrate);
    assert_eq!(state.profile, "standaard");
    assert!(!state.single_database);
    assert_eq!(
        state.profiles,
        [ProfileEntry {
            name: "standaard".into(),
            database: DatabaseState::Plain
        }]
    );
    assert!(!data.join(DATABASE_FILE).exists());

    // A colleague starts a profile of her own.
    let err = session.new_profile("Standaard").unwrap_err();
    assert_eq!(field_rules(&err), [pair("profile", "exists")]);
    assert_eq!(
        session.new_profile("  ").unwrap_err().code,
        ErrorCode::Validation
    );
    let state = session.new_profile("Bram / Noord").unwrap();
    assert_eq!(
        (state.screen, state.profile.as_str()),
        (LockScreen::Create, "Bram - Noord")
    );
    assert_eq!(
        state.profiles.len(),
        1,
        "not a profile until its database exists"
    );
    session
        .create(NEW_PASSPHRASE, NEW_PASSPHRASE, t0())
        .unwrap();
    assert!(database_path(data, "Bram - Noord").is_file());
    // No switching while open.
    assert_eq!(
        session.choose_profile("standaard").unwrap_err().code,
        ErrorCode::Conflict
    );

    session.lock().unwrap();
    let state = session.choose_profile("STANDAARD").unwrap();
    assert_eq!(
        (state.screen, state.profile.as_str()),
        (LockScreen::Migrate, "standaard")
    );
    assert_eq!(
        session.choose_profile("niemand").unwrap_err().code,
        ErrorCode::NotFound
    );
    session.encrypt(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    assert!(session.with_store(|s| Ok(s.identity()?)).unwrap().is_some());

    // The next start offers the profile opened last.
    drop(session);
    let session = Session::start(Profiles::DataDir(data.to_owned()), t0());
    let state = session.lock_state().unwrap();
    assert_eq!(
        (state.screen, state.profile.as_str()),
        (LockScreen::Unlock, "standaard")
    );
    let names: Vec<_> = state.profiles.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Bram - Noord", "standaard"]);
}

#[test]
fn one_database_given_has_no_profiles_to_choose() {
    let dir = tempfile::tempdir().unwrap();
    let session = Session::start(Profiles::File(dir.path().join("een.db")), t0());
    assert_eq!(
        session.new_profile("Bram").unwrap_err().code,
        ErrorCode::Conflict
    );
    assert_eq!(
        session.choose_profile("standaard").unwrap_err().code,
        ErrorCode::Conflict
    );
}

#[test]
fn a_wiped_laptop_answers_why_and_its_files_are_gone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("traject.db");
    let session = Session::start(Profiles::File(path.clone()), t0());
    session.create(PASSPHRASE, PASSPHRASE, t0()).unwrap();
    let connection = session.connection().unwrap();
    let reason = ApiError {
        code: ErrorCode::Sync,
        message: "Dit apparaat is ingetrokken".into(),
        fields: Vec::new(),
    };
    session.wipe(connection, reason.clone()).unwrap();
    assert!(!path.exists() && !crate::store::key_file(&path).exists());
    assert_eq!(clients(&session).unwrap_err(), reason);
    assert_eq!(session.lock_state().unwrap_err(), reason);
    assert_eq!(session.lock().unwrap_err(), reason);
}
