//! Opening the encrypted database. The passphrase comes from `TRAJECT_PASSPHRASE` (scripts and
//! tests) or is asked on the terminal without echo. A new database gets one (asked twice); an
//! unencrypted database of an earlier version is encrypted with one first.

use std::path::Path;

use anyhow::{bail, Context, Result};
use traject_core::store::{database_state, unlock_delay, DatabaseState, StoreError};
use traject_core::Store;
use zeroize::Zeroizing;

const PASSPHRASE_ENV: &str = "TRAJECT_PASSPHRASE";
const NEW_PASSPHRASE_ENV: &str = "TRAJECT_NEW_PASSPHRASE";
/// Tries on a terminal before giving up.
const ATTEMPTS: u32 = 3;

/// The database at `path`, open; and the passphrase it was opened with.
pub fn open(path: &Path) -> Result<(Store, traject_core::store::DbKey, Zeroizing<String>)> {
    let place = || format!("database {}", path.display());
    match database_state(path).with_context(place)? {
        DatabaseState::Missing => {
            let passphrase = new_passphrase(
                PASSPHRASE_ENV,
                "Kies een wachtwoordzin voor de nieuwe database (die is niet te herstellen)",
            )?;
            let (store, key) = Store::create_encrypted(path, &passphrase).with_context(place)?;
            Ok((store, key, passphrase))
        }
        DatabaseState::Plain => {
            eprintln!(
                "De database {} is nog niet versleuteld: kies een wachtwoordzin om hem te \
                 versleutelen.",
                path.display()
            );
            let passphrase = new_passphrase(PASSPHRASE_ENV, "Nieuwe wachtwoordzin")?;
            let (store, key) = Store::encrypt_plain(path, &passphrase).with_context(place)?;
            Ok((store, key, passphrase))
        }
        DatabaseState::Encrypted => {
            for failures in 0.. {
                let passphrase = passphrase(PASSPHRASE_ENV, "Wachtwoordzin")?;
                match Store::unlock(path, &passphrase) {
                    Ok((store, key)) => return Ok((store, key, passphrase)),
                    Err(StoreError::WrongPassphrase)
                        if std::env::var_os(PASSPHRASE_ENV).is_none()
                            && failures + 1 < ATTEMPTS =>
                    {
                        eprintln!("Onjuiste wachtwoordzin.");
                        std::thread::sleep(unlock_delay(failures + 1));
                    }
                    Err(e) => return Err(e).with_context(place),
                }
            }
            unreachable!("the loop returns")
        }
    }
}

/// `traject passphrase change`: the new passphrase from `TRAJECT_NEW_PASSPHRASE` or asked twice.
pub fn change(store: &mut Store, key: &traject_core::store::DbKey, current: &str) -> Result<()> {
    let new = new_passphrase(NEW_PASSPHRASE_ENV, "Nieuwe wachtwoordzin")?;
    store.change_passphrase(key, current, &new)?;
    println!("De database is opnieuw versleuteld met de nieuwe wachtwoordzin.");
    Ok(())
}

/// The passphrase from `env`, or asked on the terminal.
fn passphrase(env: &str, prompt: &str) -> Result<Zeroizing<String>> {
    if let Ok(passphrase) = std::env::var(env) {
        return Ok(Zeroizing::new(passphrase));
    }
    rpassword::prompt_password(format!("{prompt}: "))
        .map(Zeroizing::new)
        .with_context(|| format!("geen wachtwoordzin: zet {env} of start traject in een terminal"))
}

/// A new passphrase from `env`, or asked twice on the terminal.
fn new_passphrase(env: &str, prompt: &str) -> Result<Zeroizing<String>> {
    if let Ok(passphrase) = std::env::var(env) {
        return Ok(Zeroizing::new(passphrase));
    }
    let first = passphrase(env, prompt)?;
    let second = passphrase(env, "Nog een keer")?;
    if first != second {
        bail!("de twee wachtwoordzinnen verschillen");
    }
    Ok(first)
}
