//! A property test over real laptop stores and a real `traject-server`: three devices make
//! random offline edits (the same fields on the same dossiers, cleared fields, notes in the
//! ledger) and sync in random orders. In the end every device holds what the server holds,
//! and every value that lost without its writer's successor having seen it is in a conflict
//! record.

mod server;
mod team;
mod util;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use proptest::prelude::*;
use server::{admin_ok, Server, TestDb};
use team::{pull_all, PASSWORD};
use traject_core::domain::{ClientInput, Identity, NoteInput, Role};
use traject_core::Store;
use uuid::Uuid;

const DEVICES: usize = 3;
const CLIENTS: usize = 2;
const MUNICIPALITIES: [&str; 4] = ["Hillegom", "Lisse", "Noordwijk", "Teylingen"];

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

#[derive(Debug, Clone)]
enum Action {
    /// A phone number, or none (the field cleared).
    Phone(usize, Option<u8>),
    Municipality(usize, usize),
    Note(usize),
    Sync,
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (0..CLIENTS, proptest::option::of(0u8..4)).prop_map(|(c, v)| Action::Phone(c, v)),
        2 => (0..CLIENTS, 0..MUNICIPALITIES.len()).prop_map(|(c, m)| Action::Municipality(c, m)),
        1 => (0..CLIENTS).prop_map(Action::Note),
        3 => Just(Action::Sync),
    ]
}

/// A field of a dossier, and its value as the server's JSON has it.
type Field = (Uuid, &'static str);

fn value_of(store: &mut Store, (id, field): Field) -> serde_json::Value {
    let client = store.open_client(&id).unwrap();
    match field {
        "phone" => client.input.phone.into(),
        _ => client.input.municipality.into(),
    }
}

struct World {
    _db: TestDb,
    server: Server,
    _dirs: Vec<tempfile::TempDir>,
    devices: Vec<Store>,
    clients: Vec<Uuid>,
    /// Every value written to each field.
    written: BTreeMap<Field, Vec<serde_json::Value>>,
    /// Values their writer's successor saw before writing over them.
    superseded: HashSet<(Field, String)>,
}

impl World {
    fn new() -> Self {
        let db = TestDb::new();
        admin_ok(&db, &["team", "add", "Noord"], None);
        for i in 0..DEVICES {
            admin_ok(
                &db,
                &["user", "add", &format!("u{i}"), "--team", "Noord"],
                Some(PASSWORD),
            );
        }
        let server = Server::start(&db);
        let mut dirs = Vec::new();
        let mut devices = Vec::new();
        for i in 0..DEVICES {
            let dir = tempfile::tempdir().unwrap();
            let mut store = Store::open(&dir.path().join("traject.db")).unwrap();
            store
                .save_identity(Identity {
                    name: format!("Consulent {i}"),
                    role: Role::Consultant,
                    organisation: "ISD Bollenstreek".into(),
                    municipalities: MUNICIPALITIES.map(String::from).to_vec(),
                })
                .unwrap();
            store
                .log_in(
                    &server.url,
                    &format!("u{i}"),
                    PASSWORD,
                    &format!("d{i}"),
                    false,
                )
                .unwrap();
            devices.push(store);
            dirs.push(dir);
        }
        let mut clients = Vec::new();
        for name in ["Amira", "Bilal"].iter().take(CLIENTS) {
            let input: ClientInput = serde_json::from_value(serde_json::json!({
                "external_id": null, "given_name": name, "family_name": "Haddad",
                "birth_date": "1990-05-01", "gender": "V", "country_of_origin": null,
                "mother_tongue": null, "other_languages": [], "interpreter_needed": false,
                "interpreter_language": null, "client_type": "statushouder",
                "statushouder_subtype": null, "municipality": "Lisse",
                "brp_registration_date": null, "kennisgeving_date": null,
                "obligation_date": null, "housing_date": null, "bsn": null, "phone": null,
                "email": null, "address": null, "consultant": null, "status": "aangemeld"
            }))
            .unwrap();
            clients.push(devices[0].create_client(input, today()).unwrap().id);
        }
        for store in &mut devices {
            store.sync().unwrap();
        }
        Self {
            _db: db,
            server,
            _dirs: dirs,
            devices,
            clients,
            written: BTreeMap::new(),
            superseded: HashSet::new(),
        }
    }

    fn edit(&mut self, device: usize, field: Field, change: impl FnOnce(&mut ClientInput)) {
        let store = &mut self.devices[device];
        let before = value_of(store, field);
        let mut input = store.open_client(&field.0).unwrap().input;
        change(&mut input);
        store.update_client(&field.0, input, today()).unwrap();
        let after = value_of(store, field);
        if after != before {
            self.superseded.insert((field, before.to_string()));
            self.written.entry(field).or_default().push(after);
        }
    }

    fn act(&mut self, device: usize, action: &Action) {
        match *action {
            Action::Phone(c, v) => {
                let field = (self.clients[c], "phone");
                self.edit(device, field, |i| {
                    i.phone = v.map(|v| format!("06-1234567{v}"))
                });
            }
            Action::Municipality(c, m) => {
                let field = (self.clients[c], "municipality");
                self.edit(device, field, |i| i.municipality = MUNICIPALITIES[m].into());
            }
            Action::Note(c) => {
                let text = format!("notitie {}", Uuid::now_v7());
                self.devices[device]
                    .add_note(&self.clients[c], NoteInput { text })
                    .unwrap();
            }
            Action::Sync => {
                let report = self.devices[device].sync().unwrap();
                assert!(report.rejected.is_empty(), "{report:?}");
                assert!(report.not_applied.is_empty(), "{report:?}");
            }
        }
    }

    /// Each field's value on the server: the last change the team's feed holds.
    fn server_values(&self) -> BTreeMap<(String, String), serde_json::Value> {
        let token = self.devices[0].sync_login().unwrap().unwrap().token;
        pull_all(&self.server, &token)
            .into_iter()
            .filter(|c| c["entity"] == "clients")
            .map(|c| {
                let key = (
                    c["row_id"].as_str().unwrap().to_owned(),
                    c["field"].as_str().unwrap().to_owned(),
                );
                (key, c["value"].clone())
            })
            .collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn devices_converge_and_every_unseen_loss_is_a_conflict(
        steps in proptest::collection::vec((0..DEVICES, action()), 5..30)
    ) {
        let mut world = World::new();
        for (device, action) in &steps {
            world.act(*device, action);
        }
        // Everyone syncs twice: the first round sends everything, the second fetches it.
        for _ in 0..2 {
            for device in 0..DEVICES {
                world.act(device, &Action::Sync);
            }
        }

        let on_server = world.server_values();
        for field in world.written.keys().copied().chain(world.clients.iter().map(|c| (*c, "phone"))) {
            let values: Vec<_> = world.devices.iter_mut().map(|s| value_of(s, field)).collect();
            prop_assert!(values.iter().all(|v| *v == values[0]), "{field:?} differs: {values:?}");
            let server = on_server.get(&(field.0.to_string(), field.1.to_owned())).cloned();
            prop_assert_eq!(server.unwrap_or(serde_json::Value::Null), values[0].clone(), "{:?}", field);
        }
        let notes: Vec<usize> = world.devices.iter().map(|s| {
            world.clients.iter().map(|c| s.notes(c).unwrap().len()).sum()
        }).collect();
        prop_assert!(notes.iter().all(|n| *n == notes[0]), "notes: {notes:?}");

        let conflicts = world.devices[0].conflicts().unwrap();
        for (field, values) in &world.written {
            let standing = value_of(&mut world.devices[0], *field);
            for value in values {
                if *value == standing || world.superseded.contains(&(*field, value.to_string())) {
                    continue;
                }
                let shown = value.as_str().unwrap_or("—");
                let kept = conflicts.iter().any(|c| {
                    c.client_id.as_deref() == Some(&field.0.to_string())
                        && c.field == field.1
                        && (c.kept.value == shown || c.lost.value == shown)
                });
                prop_assert!(kept, "{field:?}: {value} lost without a conflict; {conflicts:?}");
            }
        }
    }
}
