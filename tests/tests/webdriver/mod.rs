//! WebDriver helpers shared by the end-to-end stories: start tauri-driver, open the real app
//! window on a database, find, click, type and wait the way a person would.

#![allow(dead_code)]

pub mod capture;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

/// A running tauri-driver; stopped with SIGTERM so its WebKitWebDriver child exits too.
pub struct Driver {
    child: Child,
    pub port: u16,
}

impl Driver {
    pub fn start(port: u16) -> Self {
        // The app inherits the driver's environment: it opens its database unasked.
        Self::spawn(
            traject_tests::unlocked(&mut Command::new("tauri-driver")),
            port,
        )
    }

    /// A driver whose app is given no passphrase, so it shows its lock screen (`e2e_lock.rs`),
    /// and whose user data directory is `data_home` (the profiles of an app started without
    /// `--db`); new key files still use the cheap key derivation of throwaway databases.
    pub fn start_locked(port: u16, data_home: &Path) -> Self {
        let mut driver = Command::new("tauri-driver");
        driver
            .env_remove("TRAJECT_PASSPHRASE")
            .env_remove("TRAJECT_DB")
            .env("XDG_DATA_HOME", data_home)
            .env(traject_core::store::FAST_KDF_ENV, "1");
        Self::spawn(&mut driver, port)
    }

    fn spawn(driver: &mut Command, port: u16) -> Self {
        let child = driver
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &(port + 1).to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver on PATH (cargo install tauri-driver --locked)");
        Self { child, port }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

pub fn app_binary() -> PathBuf {
    let path = PathBuf::from(
        std::env::var("TRAJECT_APP")
            .expect("TRAJECT_APP: the app binary built with custom-protocol"),
    );
    assert!(
        path.exists(),
        "{} does not exist: build it with `make e2e-app`",
        path.display()
    );
    path.canonicalize().unwrap()
}

pub async fn connect(driver: &Driver, db: &Path) -> Client {
    connect_with(driver, db, &[]).await
}

/// Starts the app on `db` with more command-line arguments (e.g. `--today 2026-12-07`).
pub async fn connect_with(driver: &Driver, db: &Path, args: &[&str]) -> Client {
    let mut app_args = vec![json!("--db"), json!(db)];
    app_args.extend(args.iter().map(|a| json!(a)));
    session(driver, app_args).await
}

/// Starts the app without `--db`: on the profiles in its user data directory.
pub async fn connect_profiles(driver: &Driver) -> Client {
    session(driver, Vec::new()).await
}

async fn session(driver: &Driver, app_args: Vec<serde_json::Value>) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": app_binary(), "args": app_args }),
    );
    let url = format!("http://127.0.0.1:{}", driver.port);
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match ClientBuilder::rustls()
            .expect("TLS roots")
            .capabilities(caps.clone())
            .connect(&url)
            .await
        {
            Ok(client) => return client,
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(e) => panic!("could not start a WebDriver session: {e}"),
        }
    }
}

pub async fn find(client: &Client, css: &str) -> Element {
    client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} did not appear: {e}"))
}

/// Waits until an element matching `css` contains `text`.
pub async fn wait_for_text(client: &Client, css: &str, text: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let mut seen = Vec::new();
        if let Ok(elements) = client.find_all(Locator::Css(css)).await {
            for element in elements {
                if let Ok(Some(t)) = element.prop("textContent").await {
                    let t = t.replace('\u{a0}', " ");
                    if t.contains(text) {
                        return t;
                    }
                    seen.push(t);
                }
            }
        }
        assert!(
            Instant::now() < deadline,
            "no {css} containing {text:?}; saw {seen:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Sets an input's or select's value the way a person's input does. Dates and selects are set
/// this way: WebKit's date input and select popup do not take WebDriver keystrokes or clicks.
pub async fn set_value(client: &Client, id: &str, value: &str) {
    client
        .execute(
            "const el = document.getElementById(arguments[0]);
             el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(id), json!(value)],
        )
        .await
        .unwrap();
}

/// Clicks the element, retrying while the UI is still re-rendering it (WebKit then reports the
/// click as intercepted or the element as stale).
pub async fn click(client: &Client, css: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        match find(client, css).await.click().await {
            Ok(()) => return,
            Err(_) if Instant::now() < deadline => {
                tokio::time::sleep(Duration::from_millis(150)).await;
            }
            Err(e) => panic!("could not click {css}: {e}"),
        }
    }
}

pub async fn screenshot(client: &Client, name: &str) {
    if let Some(dir) = std::env::var_os("TRAJECT_SCREENSHOTS") {
        std::fs::create_dir_all(&dir).unwrap();
        // Let WebKit paint what the last step changed: the capture is of the last frame drawn.
        client
            .execute_async(
                "const done = arguments[0];
                 requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 400)));",
                vec![],
            )
            .await
            .unwrap();
        // The page's rectangle on the screen (under Xvfb without a window manager the window's
        // inside starts at its position).
        let found = client
            .execute(
                "return [window.screenX, window.screenY, window.innerWidth, window.innerHeight];",
                vec![],
            )
            .await
            .unwrap();
        let [x, y, width, height]: [i64; 4] = serde_json::from_value(found).unwrap();
        let png = capture::png(capture::Region {
            x: x as i16,
            y: y as i16,
            width: width as u16,
            height: height as u16,
        });
        std::fs::write(Path::new(&dir).join(format!("{name}.png")), png).unwrap();
    }
}

/// Types into the caseload search and waits until the list shows the `hits` results of that
/// search (each keystroke searches; until the last answer arrives the list shows earlier rows).
pub async fn search(client: &Client, text: &str, hits: &str) {
    click(client, "[data-testid=nav-caseload]").await;
    let search = find(client, "[data-testid=caseload-search]").await;
    search.clear().await.unwrap();
    search.send_keys(text).await.unwrap();
    wait_for_text(
        client,
        "[data-testid=caseload-count]",
        &format!("{hits} gevonden"),
    )
    .await;
}

/// Runs the `traject` CLI on the test's database (to set up what the story starts from, or to
/// read what the app should show); returns what it printed.
pub fn cli(db: &Path, args: &[&str]) -> String {
    let bin =
        std::env::var("TRAJECT_BIN").expect("TRAJECT_BIN: the traject CLI (make test sets it)");
    let out = traject_tests::unlocked(&mut Command::new(bin))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("traject runs");
    assert!(
        out.status.success(),
        "traject {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Clicks the first element matching `css` whose text contains `text`.
pub async fn click_text(client: &Client, css: &str, text: &str) {
    wait_for_text(client, css, text).await;
    client
        .execute(
            "const el = [...document.querySelectorAll(arguments[0])].find(e => e.textContent.includes(arguments[1]));
             el.click();",
            vec![json!(css), json!(text)],
        )
        .await
        .unwrap();
}

/// Types into a text input and leaves it, as a person tabbing on does (autosave on blur).
pub async fn type_and_leave(client: &Client, css: &str, text: &str) {
    let input = find(client, css).await;
    input.send_keys(text).await.unwrap();
    client
        .execute("document.activeElement.blur();", vec![])
        .await
        .unwrap();
}

/// Sets the value of the input or select with `data-testid` `testid`, as [`set_value`] does.
pub async fn set_testid(client: &Client, testid: &str, value: &str) {
    find(client, &format!("[data-testid={testid}]")).await;
    client
        .execute(
            "const el = document.querySelector(`[data-testid=${arguments[0]}]`);
             el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));
             el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(testid), json!(value)],
        )
        .await
        .unwrap();
}

/// Scrolls the element matching `css` into view (before a screenshot).
pub async fn scroll_to(client: &Client, css: &str) {
    find(client, css).await;
    client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'start' });",
            vec![json!(css)],
        )
        .await
        .unwrap();
}
