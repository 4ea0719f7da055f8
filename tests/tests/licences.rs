//! The licence notices the About screen shows (`src-tauri/licences.json`) list every bundled
//! component: the Rust crates linked into the app (from `cargo metadata`) and the npm packages
//! bundled into its UI (the production dependencies and Svelte, whose runtime Vite compiles in,
//! with their dependencies). The test fails when the file is stale; `make licences`
//! (UPDATE_LICENCES=1) regenerates it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The crates traject-app links: its normal dependencies, transitively, for every platform.
fn rust_crates() -> Vec<Value> {
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked"])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let packages: BTreeMap<&str, &Value> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p))
        .collect();
    let members: BTreeSet<&str> = meta["workspace_members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let nodes: BTreeMap<&str, &Value> = meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["id"].as_str().unwrap(), n))
        .collect();
    let app = packages
        .values()
        .find(|p| p["name"] == "traject-app")
        .map(|p| p["id"].as_str().unwrap())
        .unwrap();
    let mut seen = BTreeSet::new();
    let mut todo = vec![app];
    while let Some(id) = todo.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["kind"].is_null());
            if normal {
                todo.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.into_iter()
        .filter(|id| !members.contains(id))
        .map(|id| {
            let p = packages[id];
            json!({
                "name": p["name"],
                "version": p["version"],
                "license": p["license"].as_str().unwrap_or("onbekend"),
                "repository": p["repository"],
                "source": "rust",
            })
        })
        .collect()
}

/// The npm packages bundled into the UI.
fn npm_packages() -> Vec<Value> {
    let lock: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("ui/package-lock.json")).unwrap(),
    )
    .unwrap();
    let packages = lock["packages"].as_object().unwrap();
    let root_package = &packages[""];
    let mut todo: Vec<String> = root_package["dependencies"]
        .as_object()
        .map(|d| d.keys().cloned().collect())
        .unwrap_or_default();
    todo.push("svelte".into());
    let mut seen = BTreeSet::new();
    while let Some(name) = todo.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        if let Some(deps) = packages[&format!("node_modules/{name}")]["dependencies"].as_object() {
            todo.extend(deps.keys().cloned());
        }
    }
    seen.into_iter()
        .map(|name| {
            let p = &packages[&format!("node_modules/{name}")];
            json!({
                "name": name,
                "version": p["version"],
                "license": p["license"].as_str().unwrap_or("onbekend"),
                "repository": Value::Null,
                "source": "npm",
            })
        })
        .collect()
}

#[test]
fn licence_notices_list_every_bundled_component() {
    let mut all = rust_crates();
    all.extend(npm_packages());
    all.sort_by_key(|p| {
        (
            p["source"].as_str().unwrap().to_owned(),
            p["name"].as_str().unwrap().to_owned(),
            p["version"].as_str().unwrap().to_owned(),
        )
    });
    let generated = serde_json::to_string_pretty(&all).unwrap() + "\n";
    let path = root().join("src-tauri/licences.json");
    if std::env::var_os("UPDATE_LICENCES").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let names: Vec<&str> = all.iter().filter_map(|p| p["name"].as_str()).collect();
    for expected in ["tauri", "rusqlite", "serde", "svelte", "@tauri-apps/api"] {
        assert!(names.contains(&expected), "{expected} is bundled");
    }
    assert!(
        !names.contains(&"criterion"),
        "dev-dependencies are not bundled"
    );
    assert!(
        !names.contains(&"traject-core"),
        "Traject's own crates carry its licence"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        generated,
        "src-tauri/licences.json is stale: run `make licences`"
    );
}
