//! The authorisation matrix of the sync server: every role (and a missing, revoked or disabled
//! token) against every endpoint, through a real `traject-server` process. A consultant never
//! receives another team's dossiers; a beheerder receives none.

mod server;
mod team;
mod util;

use reqwest::blocking::{Client, RequestBuilder};
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::{admin_ok, Server, TestDb};
use team::{token, PASSWORD};

const SCHEMA: i64 = traject_core::store::SCHEMA_VERSION;

/// One op creating client `id` (a name field is enough for the server).
fn push_body(id: &str) -> Value {
    json!({"schema_version": 10, "ops": [{
        "op_id": uuid::Uuid::now_v7(), "entity": "clients", "row_id": id, "client_id": id,
        "field": "given_name", "value": "Amira", "base_seq": 0,
        "hlc": format!("{:016}-{:010}-test", chrono::Utc::now().timestamp_millis(), 0)
    }]})
}

#[test]
fn every_role_against_every_endpoint() {
    let db = TestDb::new();
    for team in ["Noord", "Zuid"] {
        admin_ok(&db, &["team", "add", team], None);
    }
    let accounts = [
        ("consultant", "Noord", "consultant"),
        ("teamleider", "Noord", "teamleider"),
        ("zuid", "Zuid", "consultant"),
        ("beheerder", "", "beheerder"),
        ("revoked", "Noord", "consultant"),
        ("disabled", "Noord", "consultant"),
    ];
    for (user, team, role) in accounts {
        let mut args = vec!["user", "add", user, "--role", role];
        if !team.is_empty() {
            args.extend(["--team", team]);
        }
        admin_ok(&db, &args, Some(PASSWORD));
    }
    let server = Server::start(&db);
    let http = Client::new();
    let tokens: Vec<(&str, Option<String>)> = accounts
        .iter()
        .map(|(user, ..)| (*user, Some(token(&server, user))))
        .chain([("none", None)])
        .collect();
    let devices: Value =
        serde_json::from_str(&admin_ok(&db, &["device", "list", "--json"], None)).unwrap();
    let revoked = devices
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["user"] == "revoked")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    admin_ok(&db, &["device", "revoke", &revoked], None);
    admin_ok(&db, &["user", "disable", "disabled"], None);

    // Noord has a dossier (pushed by its consultant); its conflict list is empty.
    let noord_case = uuid::Uuid::now_v7().to_string();
    let consultant = tokens[0].1.clone().unwrap();
    let pushed: Value = http
        .post(format!("{}/v1/sync/push", server.url))
        .bearer_auth(&consultant)
        .json(&push_body(&noord_case))
        .send()
        .unwrap()
        .json()
        .unwrap();
    assert_eq!(pushed["results"][0]["status"], "applied", "{pushed}");

    type Endpoint = (&'static str, Box<dyn Fn(&Client, &str) -> RequestBuilder>);
    let url = server.url.clone();
    let endpoints: Vec<Endpoint> = vec![
        (
            "me",
            Box::new({
                let url = url.clone();
                move |h: &Client, _: &str| h.get(format!("{url}/v1/me"))
            }),
        ),
        (
            "push",
            Box::new({
                let url = url.clone();
                move |h: &Client, user: &str| {
                    h.post(format!("{url}/v1/sync/push"))
                        .json(&push_body(&format!("case-of-{user}")))
                }
            }),
        ),
        (
            "pull",
            Box::new({
                let url = url.clone();
                move |h: &Client, _: &str| {
                    h.get(format!("{url}/v1/sync/pull?cursor=0"))
                        .header("x-traject-schema", SCHEMA.to_string())
                }
            }),
        ),
        (
            "conflicts",
            Box::new({
                let url = url.clone();
                move |h: &Client, _: &str| h.get(format!("{url}/v1/conflicts"))
            }),
        ),
        (
            "resolve",
            Box::new({
                let url = url.clone();
                move |h: &Client, _: &str| {
                    h.post(format!("{url}/v1/conflicts/1/resolve"))
                        .json(&json!({"choice": "kept"}))
                }
            }),
        ),
    ];
    use StatusCode as S;
    // Rows: consultant, teamleider, zuid, beheerder, revoked, disabled, none.
    let expected: [(&str, [S; 7]); 5] = [
        (
            "me",
            [
                S::OK,
                S::OK,
                S::OK,
                S::OK,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
            ],
        ),
        (
            "push",
            [
                S::OK,
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
            ],
        ),
        (
            "pull",
            [
                S::OK,
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
            ],
        ),
        (
            "conflicts",
            [
                S::OK,
                S::OK,
                S::OK,
                S::FORBIDDEN,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
            ],
        ),
        // No conflicts exist: a member's request names one that is not found.
        (
            "resolve",
            [
                S::NOT_FOUND,
                S::NOT_FOUND,
                S::NOT_FOUND,
                S::FORBIDDEN,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
                S::UNAUTHORIZED,
            ],
        ),
    ];
    for ((name, request), (row_name, row)) in endpoints.iter().zip(expected) {
        assert_eq!(*name, row_name);
        for ((user, token), want) in tokens.iter().zip(row) {
            let mut builder = request(&http, user);
            if let Some(token) = token {
                builder = builder.bearer_auth(token);
            }
            let response = builder.send().unwrap();
            let status = response.status();
            let body: Value = response.json().unwrap_or(Value::Null);
            assert_eq!(status, want, "{name} as {user}: {body}");
            if status == S::UNAUTHORIZED {
                assert_eq!(body["wipe"], *user == "revoked", "{name} as {user}: {body}");
            }
        }
    }

    let token_of = |user: &str| -> String {
        let (_, token) = tokens.iter().find(|(u, _)| *u == user).unwrap();
        token.clone().unwrap()
    };

    let move_to = |token: &str, team: &str| {
        http.post(format!("{}/v1/cases/{noord_case}/move", server.url))
            .bearer_auth(token)
            .json(&json!({"team": team}))
            .send()
            .unwrap()
            .status()
    };

    // Moving a case: only Noord's teamleider (or a beheerder); a consultant, the other team
    // and the revoked are refused.
    let moves = [
        ("consultant", S::FORBIDDEN),
        ("zuid", S::FORBIDDEN),
        ("revoked", S::UNAUTHORIZED),
        ("teamleider", S::OK),
        ("beheerder", S::OK),
    ];
    for (user, want) in moves {
        let to = if user == "beheerder" { "Noord" } else { "Zuid" };
        assert_eq!(move_to(&token_of(user), to), want, "move as {user}");
    }
    // The beheerder moves it away and straight back, as fast as the server answers: two moves
    // within one millisecond are each a move of their own.
    let beheerder = token_of("beheerder");
    for to in ["Zuid", "Noord"].repeat(15) {
        assert_eq!(move_to(&beheerder, to), S::OK, "a quick move to {to}");
    }

    // What each pull holds: a team's own dossiers, never the other team's.
    let pull = |user: &str| -> Vec<String> {
        let token = token_of(user);
        let page: Value = http
            .get(format!("{}/v1/sync/pull?cursor=0&limit=10000", server.url))
            .bearer_auth(token)
            .header("x-traject-schema", SCHEMA.to_string())
            .send()
            .unwrap()
            .json()
            .unwrap();
        page["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["row_id"].as_str().unwrap().to_owned())
            .collect()
    };
    let noord = pull("consultant");
    assert!(noord.contains(&noord_case));
    assert!(noord.contains(&"case-of-consultant".to_owned()));
    assert!(!noord.contains(&"case-of-zuid".to_owned()), "{noord:?}");
    let zuid = pull("zuid");
    assert!(zuid.contains(&"case-of-zuid".to_owned()));
    assert!(!zuid.contains(&"case-of-consultant".to_owned()), "{zuid:?}");
}
