//! Local state kept in the `settings` table: the identity of this laptop's user, the device id,
//! the clock and when the app locks itself. None of it syncs.

use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use super::{Result, Store};
use crate::domain::{auto_lock, Identity, ValidationErrors};
use crate::sync::hlc::HlcState;

const IDENTITY: &str = "identity";
/// The server sequence this laptop has pulled up to.
pub(super) const SYNC_CURSOR: &str = "sync_cursor";
const DEVICE_ID: &str = "device_id";
const AUTO_LOCK_MINUTES: &str = "auto_lock_minutes";

pub(super) fn get<T: serde::de::DeserializeOwned>(
    conn: &Connection,
    key: &str,
) -> Result<Option<T>> {
    let text: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
}

pub(super) fn put<T: serde::Serialize>(conn: &Connection, key: &str, value: &T) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, serde_json::to_string(value)?],
    )?;
    Ok(())
}

pub(super) fn identity(conn: &Connection) -> Result<Option<Identity>> {
    get(conn, IDENTITY)
}

/// This laptop's device id, made once.
pub(super) fn device_id(conn: &Connection) -> Result<String> {
    if let Some(id) = get::<String>(conn, DEVICE_ID)? {
        return Ok(id);
    }
    let id = Uuid::now_v7().to_string();
    put(conn, DEVICE_ID, &id)?;
    Ok(id)
}

pub(super) fn hlc_state(conn: &Connection) -> Result<HlcState> {
    Ok(conn
        .query_row(
            "SELECT wall_ms, counter FROM hlc_state WHERE id = 1",
            [],
            |r| {
                Ok(HlcState {
                    wall_ms: r.get(0)?,
                    counter: r.get(1)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

pub(super) fn save_hlc_state(conn: &Connection, state: HlcState) -> Result<()> {
    conn.execute(
        "INSERT INTO hlc_state (id, wall_ms, counter) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET wall_ms = excluded.wall_ms, counter = excluded.counter",
        params![state.wall_ms, state.counter],
    )?;
    Ok(())
}

impl Store {
    /// Who works on this laptop, or `None` before the first-run setup.
    pub fn identity(&self) -> Result<Option<Identity>> {
        identity(&self.conn)
    }

    /// Saves the first-run setup or a change of it from the settings screen.
    pub fn save_identity(&mut self, identity: Identity) -> Result<Identity> {
        let identity = identity.normalised();
        identity.validate()?;
        put(&self.conn, IDENTITY, &identity)?;
        Ok(identity)
    }

    /// The organisation's municipalities (the default four before setup).
    pub fn municipalities(&self) -> Result<Vec<String>> {
        Ok(match self.identity()? {
            Some(identity) => identity.municipalities,
            None => crate::domain::identity::DEFAULT_MUNICIPALITIES
                .map(String::from)
                .to_vec(),
        })
    }

    /// After how many idle minutes the app locks itself (15 until chosen).
    pub fn auto_lock_minutes(&self) -> Result<u32> {
        Ok(get(&self.conn, AUTO_LOCK_MINUTES)?.unwrap_or(auto_lock::DEFAULT_MINUTES))
    }

    /// Sets it to one of [`auto_lock::CHOICES`].
    pub fn set_auto_lock_minutes(&mut self, minutes: u32) -> Result<u32> {
        let minutes = auto_lock::check_minutes(minutes).map_err(|e| ValidationErrors(vec![e]))?;
        put(&self.conn, AUTO_LOCK_MINUTES, &minutes)?;
        Ok(minutes)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{identity, store};
    use crate::store::{Store, StoreError};

    #[test]
    fn identity_and_device_survive_reopening() {
        let (dir, mut store) = store();
        let device = store.device_id().to_owned();
        let mut changed = identity();
        changed.municipalities.push("Katwijk".into());
        store.save_identity(changed.clone()).unwrap();
        drop(store);
        let store = Store::open(&dir.path().join("traject.db")).unwrap();
        assert_eq!(store.device_id(), device);
        assert_eq!(store.identity().unwrap(), Some(changed));
    }

    #[test]
    fn the_auto_lock_setting_is_one_of_the_choices_and_survives_reopening() {
        let (dir, mut store) = store();
        assert_eq!(store.auto_lock_minutes().unwrap(), 15);
        assert_eq!(store.set_auto_lock_minutes(5).unwrap(), 5);
        for refused in [0, 7, 1000] {
            let err = store.set_auto_lock_minutes(refused).unwrap_err();
            assert!(matches!(err, StoreError::Validation(_)), "{err}");
        }
        assert!(store
            .set_auto_lock_minutes(0)
            .unwrap_err()
            .to_string()
            .contains("kies 5, 10, 15, 30 of 60 minuten"));
        drop(store);
        let store = Store::open(&dir.path().join("traject.db")).unwrap();
        assert_eq!(store.auto_lock_minutes().unwrap(), 5);
    }

    #[test]
    fn invalid_identity_is_refused_and_the_old_one_kept() {
        let (_dir, mut store) = store();
        let mut bad = identity();
        bad.name = " ".into();
        assert!(store.save_identity(bad).is_err());
        assert_eq!(store.identity().unwrap(), Some(identity()));
    }
}
