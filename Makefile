# Traject — two commands do all the set-up:
#   make run    start the app (its database in your user data dir; a demo caseload is offered on first run)
#   make test   run every test: Rust (core, CLI, store), the UI's type check and Vitest, and the
#               end-to-end test that drives the real app window under Xvfb
# Each installs what it needs: missing Debian packages, the UI's npm packages, tauri-driver.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

CARGO_HOME ?= $(HOME)/.cargo
export PATH := $(CARGO_HOME)/bin:$(PATH)
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
E2E_APP := $(TARGET_DIR)/e2e/traject-app
SCREENSHOTS := docs/screenshots

# Debian packages for building the Tauri app (WebKitGTK), for the end-to-end test, and
# PostgreSQL for the sync server's tests (tests/pg/cluster.sh starts a throwaway cluster; no
# system PostgreSQL service needs to run).
DEB_PACKAGES := build-essential pkg-config file libwebkit2gtk-4.1-dev libgtk-3-dev \
	libayatana-appindicator3-dev librsvg2-dev libxdo-dev libsoup-3.0-dev \
	libjavascriptcoregtk-4.1-dev xvfb xauth webkit2gtk-driver fonts-dejavu-core x11-utils imagemagick locales poppler-utils libreoffice-calc-nogui \
	postgresql openssl sqlite3

.PHONY: help run dev test bench bench-rust bench-window fuzz bundle bundle-test test-rust test-postgres test-ui test-e2e lint bindings licences screenshots deps deps-system deps-ui deps-driver ui e2e-app

help:
	@echo "make run          start Traject"
	@echo "make test         run every test (Rust, UI, end-to-end)"
	@echo "make dev          start Traject with the UI's hot reload (vite dev server)"
	@echo "make fuzz         fuzz the questionnaire expression parser (FUZZ_SECONDS=180)"
	@echo "make bench        criterion benchmarks and the window benchmark (targets in each bench's doc comment)"
	@echo "make bundle       build the Linux installer (.deb) in target/release/bundle/deb"
	@echo "make lint         cargo fmt --check, clippy -D warnings, svelte-check"
	@echo "make bindings     regenerate ui/src/api/bindings from the Rust types"
	@echo "make licences     regenerate the About screen's licence notices (src-tauri/licences.json)"
	@echo "make screenshots  refresh the README's screenshots (runs the end-to-end test)"

# --- set-up -----------------------------------------------------------------------------

deps: deps-system deps-ui

deps-system:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@# The app window under test runs in a Dutch locale, as on a municipality's laptop (dates
	@# in date fields as dd-mm-jjjj).
	@locale -a 2>/dev/null | grep -qi '^nl_NL.utf-\?8$$' || { \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO localedef -i nl_NL -f UTF-8 nl_NL.UTF-8; }

deps-ui: ui/node_modules/.package-lock.json

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	@touch $@

deps-driver:
	@command -v tauri-driver >/dev/null || cargo install tauri-driver --locked

ui: deps-ui
	cd ui && npm run build

# --- run ----------------------------------------------------------------------------------

run: deps ui
	cargo run -p traject-app --features custom-protocol

dev: deps
	./ui/node_modules/.bin/tauri dev

# --- test ---------------------------------------------------------------------------------

test: deps lint test-ui test-rust test-postgres test-e2e bundle-test

lint: deps-ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check
	cd ui && npm run actionlint

test-ui: deps-ui
	cd ui && npm test

test-rust:
	cargo build -p traject-cli -p traject-server
	TRAJECT_BIN=$(TARGET_DIR)/debug/traject cargo nextest run --workspace --no-fail-fast

# The tests that start a real traject-server, again on PostgreSQL: a throwaway cluster on
# 127.0.0.1:$(PG_TEST_PORT), one fresh database per server, always stopped at the end.
PG_TEST_PORT ?= 55432
# Chosen with a nextest filter over the workspace's test build, so the binaries test-rust
# built are reused (building only traject-tests would unify features differently and
# rebuild them all).
SERVER_TESTS := package(traject-tests) & (binary(server_auth) | binary(server_authz) | binary(server_sync) \
	| binary(server_concurrency) | binary(sync_cli) | binary(sync_login) | binary(server_tls) \
	| binary(sync_compaction) | binary(sync_conflicts) | binary(sync_crash) | binary(sync_moves) \
	| binary(sync_property) | binary(sync_purge))

test-postgres: deps-system
	cargo build -p traject-cli -p traject-server
	TRAJECT_PG_PORT=$(PG_TEST_PORT) TRAJECT_BIN=$(TARGET_DIR)/debug/traject tests/pg/cluster.sh run \
	  cargo nextest run --workspace -E '$(SERVER_TESTS)' --no-fail-fast

# The end-to-end tests drive the release binary that goes into the installer (built with its
# UI embedded by `make bundle`), copied aside so no later build can replace it mid-run.
e2e-app: bundle
	cargo build -p traject-cli -p traject-server
	mkdir -p $(dir $(E2E_APP))
	cp $(TARGET_DIR)/release/traject-app $(E2E_APP)

test-e2e: deps-system deps-driver e2e-app
	LANG=nl_NL.UTF-8 TRAJECT_APP=$(E2E_APP) TRAJECT_BIN=$(TARGET_DIR)/debug/traject xvfb-run -a -s "-screen 0 1366x768x24" \
	  cargo nextest run -p traject-tests --test e2e --test e2e_hours --test e2e_pip --test e2e_trajectory --test e2e_signals --test e2e_about --test e2e_reports --test e2e_sync --test e2e_privacy --test e2e_lock --run-ignored only --test-threads 1

# The deb only: the AppImage bundler downloads its tools at build time, which these machines
# cannot; AppImage, MSI and DMG are built by .github/workflows/release.yml.
bundle: deps
	./ui/node_modules/.bin/tauri build --bundles deb

# Installs the deb here, starts it under Xvfb with an empty HOME, checks window and database.
bundle-test: deps-system bundle
	BUNDLE_TEST_OUT=$(TARGET_DIR)/bundle-test tests/bundle/deb.sh $$(ls -t $(TARGET_DIR)/release/bundle/deb/*.deb | head -n 1)

# The server's sync benches start the traject-server that cargo builds with them
# (TRAJECT_BENCH_CLIENTS=500 for a quick run).
bench: bench-rust bench-window

bench-rust:
	cargo bench -p traject-core -p traject-server

# The real app window on a generated caseload (10,000 clients, three years of records; made
# once with the release CLI into $(BENCH_DIR), TRAJECT_BENCH_CLIENTS sets the size): start-up,
# search, dossier, Werkvoorraad and memory, from the app's own timing spans.
BENCH_DIR := $(TARGET_DIR)/bench-data
bench-window: deps-system deps-driver e2e-app
	cargo build --release -p traject-cli
	LANG=nl_NL.UTF-8 TRAJECT_APP=$(E2E_APP) TRAJECT_BIN=$(TARGET_DIR)/release/traject TRAJECT_BENCH_DIR=$(BENCH_DIR) \
	  xvfb-run -a -s "-screen 0 1366x768x24" cargo bench -p traject-tests --bench window

# Fuzzes the questionnaire expression parser for FUZZ_SECONDS (cargo-fuzz needs nightly flags:
# RUSTC_BOOTSTRAP lets the stable toolchain accept them; no sanitizer runtime is needed).
FUZZ_SECONDS ?= 180
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd crates/core/fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run expr --sanitizer none -- -max_total_time=$(FUZZ_SECONDS)

bindings:
	UPDATE_BINDINGS=1 cargo test -q -p traject-core bindings

licences:
	UPDATE_LICENCES=1 cargo test -q -p traject-tests --test licences

screenshots: deps-system deps-driver e2e-app
	LANG=nl_NL.UTF-8 TRAJECT_APP=$(E2E_APP) TRAJECT_BIN=$(TARGET_DIR)/debug/traject TRAJECT_SCREENSHOTS=$(CURDIR)/$(SCREENSHOTS) \
	  xvfb-run -a -s "-screen 0 1366x768x24" \
	  cargo nextest run -p traject-tests --test e2e --test e2e_hours --test e2e_pip --test e2e_trajectory --test e2e_signals --test e2e_about --test e2e_reports --test e2e_sync --test e2e_privacy --test e2e_lock --run-ignored only --test-threads 1
