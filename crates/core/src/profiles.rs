//! Profiles: several consultants on one laptop, each with their own encrypted database. A
//! profile is a directory `profielen/<name>/` in the app-data directory holding its
//! `traject.db` (with its key file and `documents/`); the name is what the lock screen lists.
//! The database of an earlier version, `traject.db` in the app-data directory itself, becomes
//! the profile "standaard".

use std::path::{Path, PathBuf};

use crate::domain::{FieldError, ValidationErrors};
use crate::store::Result;

/// The directory of the profiles, in the app-data directory.
pub const PROFILES_DIR: &str = "profielen";
/// The database file of a profile (and of earlier versions, in the app-data directory).
pub const DATABASE_FILE: &str = "traject.db";
/// The profile the database of an earlier version becomes, and the first one on a new laptop.
pub const LEGACY_PROFILE: &str = "standaard";
/// Remembers which profile was opened last, so the lock screen offers it first.
const LAST_USED_FILE: &str = "laatst-gebruikt";
/// The longest profile name.
pub const MAX_CHARS: usize = 40;

/// Where the app keeps its databases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Profiles {
    /// One database given on the command line (`--db`, `TRAJECT_DB`): no profiles to choose.
    File(PathBuf),
    /// The app-data directory: a database per profile under `profielen/`.
    DataDir(PathBuf),
}

/// The profile name `input` becomes, which is also its directory's name: trimmed, characters a
/// file system could trip over (`/ \ : * ? " < > |`, control characters) replaced by a dash,
/// no leading or trailing dots, dashes or spaces, at most [`MAX_CHARS`] characters, and none of
/// the names Windows reserves.
pub fn profile_name(input: &str) -> Result<String> {
    let mut name = String::new();
    for c in input.trim().chars() {
        let c = match c {
            c if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '\'') => c,
            c if c.is_whitespace() => ' ',
            _ => '-',
        };
        if matches!(c, ' ' | '-') && name.ends_with(c) {
            continue;
        }
        name.push(c);
    }
    let name = name.trim_matches(|c| matches!(c, ' ' | '-' | '_' | '.'));
    let refuse = |rule: &str, message: String| {
        Err(ValidationErrors(vec![FieldError::new("profile", rule, message)]).into())
    };
    if !name.chars().any(char::is_alphanumeric) {
        return refuse(
            "required",
            "geef het profiel een naam met letters of cijfers".into(),
        );
    }
    if name.chars().count() > MAX_CHARS {
        return refuse(
            "max_length",
            format!("mag hoogstens {MAX_CHARS} tekens hebben"),
        );
    }
    if is_reserved(name) {
        return refuse(
            "reserved",
            format!("{name} kan geen mapnaam zijn; kies een andere naam"),
        );
    }
    Ok(name.to_owned())
}

/// Names Windows does not allow for a file or directory, with or without an extension.
fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim().to_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ["COM", "LPT"].iter().any(|p| {
            stem.strip_prefix(p)
                .is_some_and(|n| n.len() == 1 && n.chars().all(|c| c.is_ascii_digit() && c != '0'))
        })
}

/// The database of profile `name`.
pub fn database_path(data_dir: &Path, name: &str) -> PathBuf {
    data_dir.join(PROFILES_DIR).join(name).join(DATABASE_FILE)
}

/// Every profile with a database, alphabetically (case ignored).
pub fn list(data_dir: &Path) -> Result<Vec<String>> {
    let entries = match std::fs::read_dir(data_dir.join(PROFILES_DIR)) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other?,
    };
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let valid = profile_name(&name).is_ok_and(|n| n == name);
        if valid && entry.path().join(DATABASE_FILE).is_file() {
            names.push(name);
        }
    }
    names.sort_by_key(|n| n.to_lowercase());
    Ok(names)
}

/// The profile called `name` (case ignored), if it has a database.
pub fn find(data_dir: &Path, name: &str) -> Result<Option<String>> {
    let wanted = name.to_lowercase();
    Ok(list(data_dir)?
        .into_iter()
        .find(|n| n.to_lowercase() == wanted))
}

/// The profile to offer first: the one opened last, else the first there is, else
/// [`LEGACY_PROFILE`] (a new laptop).
pub fn default_profile(data_dir: &Path) -> Result<String> {
    let profiles = list(data_dir)?;
    let last = std::fs::read_to_string(data_dir.join(PROFILES_DIR).join(LAST_USED_FILE))
        .ok()
        .map(|text| text.trim().to_owned());
    Ok(last
        .filter(|last| profiles.contains(last))
        .or_else(|| profiles.into_iter().next())
        .unwrap_or_else(|| LEGACY_PROFILE.to_owned()))
}

/// Remembers `name` as the profile opened last.
pub fn remember(data_dir: &Path, name: &str) -> Result<()> {
    let dir = data_dir.join(PROFILES_DIR);
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join(LAST_USED_FILE), name)?;
    Ok(())
}

/// Moves the database of an earlier version (`traject.db` in the app-data directory, with its
/// write-ahead log, shared-memory file and `documents/`) into a profile: "standaard", or
/// "standaard 2" and so on when that one is taken. The database is moved last, so a start
/// that is cut short moves the rest the next time. Returns the profile, if there was one to
/// move; the app must not have the database open.
pub fn adopt_legacy(data_dir: &Path) -> Result<Option<String>> {
    let legacy = data_dir.join(DATABASE_FILE);
    if !legacy.is_file() {
        return Ok(None);
    }
    let mut name = LEGACY_PROFILE.to_owned();
    let mut number = 1;
    while database_path(data_dir, &name).exists() {
        number += 1;
        name = format!("{LEGACY_PROFILE} {number}");
    }
    let target = database_path(data_dir, &name);
    let dir = target.parent().unwrap_or(data_dir);
    std::fs::create_dir_all(dir)?;
    for suffix in ["-wal", "-shm", ".key"] {
        move_if_there(&with_suffix(&legacy, suffix), &with_suffix(&target, suffix))?;
    }
    let documents = dir.join("documents");
    if !documents.exists() {
        move_if_there(&data_dir.join("documents"), &documents)?;
    }
    std::fs::rename(&legacy, &target)?;
    Ok(Some(name))
}

fn move_if_there(from: &Path, to: &Path) -> Result<()> {
    match std::fs::rename(from, to) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests;
