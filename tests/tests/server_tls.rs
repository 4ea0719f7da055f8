//! The sync server terminating TLS itself (rustls) with a certificate of the municipality's
//! own CA: a laptop that trusts that CA logs in and syncs over https; one that does not is
//! refused before any password leaves it. The certificates are made with `openssl` in a temp
//! dir.

mod server;
mod util;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use server::{admin_ok, server_bin, TestDb};
use util::TestEnv;

const PASSWORD: &str = "Tulpen-en-hyacinten-2026";

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(out.status.success(), "openssl {args:?}: {out:?}");
}

/// A CA and a server certificate for 127.0.0.1 signed by it.
fn certificates(dir: &Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=Gemeente Test CA",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        ],
    );
    std::fs::write(
        dir.join("san.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.pem",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ],
    );
}

/// Kills the server when the test ends, also when it fails.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_laptop_trusting_the_municipal_ca_syncs_over_https() {
    let certs = tempfile::tempdir().unwrap();
    certificates(certs.path());
    let db = TestDb::new();
    admin_ok(&db, &["team", "add", "Noord"], None);
    admin_ok(
        &db,
        &["user", "add", "anna", "--team", "Noord"],
        Some(PASSWORD),
    );
    let mut server = Running(
        Command::new(server_bin())
            .args(["--db", db.as_ref(), "serve", "--listen", "127.0.0.1:0"])
            .arg("--tls-cert")
            .arg(certs.path().join("server.pem"))
            .arg("--tls-key")
            .arg(certs.path().join("server.key"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line.trim().rsplit(' ').next().unwrap().to_owned();
    assert!(url.starts_with("https://127.0.0.1:"), "{line}");

    let login = |env: &TestEnv, ca: Option<&Path>| {
        let mut cmd = env.cmd();
        cmd.args(["login", "--server", &url, "--user", "anna"])
            .env("TRAJECT_PASSWORD", PASSWORD);
        if let Some(ca) = ca {
            cmd.arg("--ca-cert").arg(ca);
        }
        cmd.output().unwrap()
    };
    // Without the municipality's CA the certificate is not trusted.
    let stranger = TestEnv::initialised();
    let refused = login(&stranger, None);
    assert!(!refused.status.success());
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("niet bereikbaar"), "{message}");

    let laptop = TestEnv::initialised();
    let ok = login(&laptop, Some(&certs.path().join("ca.pem")));
    assert!(ok.status.success(), "{ok:?}");
    laptop.ok(&[
        "client",
        "add",
        "--given-name",
        "Amira",
        "--family-name",
        "Haddad",
        "--birth-date",
        "1996-01-01",
        "--gender",
        "V",
        "--client-type",
        "statushouder",
        "--municipality",
        "Lisse",
    ]);
    let report = laptop.json(&["sync"]);
    assert!(report["pushed"].as_u64().unwrap() > 0, "{report}");
    assert_eq!(report["rejected"], serde_json::json!([]));

    // A file that is no certificate is named.
    let bad = certs.path().join("leeg.pem");
    std::fs::write(&bad, "geen certificaat").unwrap();
    let out = login(&TestEnv::initialised(), Some(&bad));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("CA-certificaat"),
        "{out:?}"
    );
}
