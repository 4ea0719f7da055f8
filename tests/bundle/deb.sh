#!/usr/bin/env bash
# Installs the built .deb on this machine, starts the installed app under Xvfb as a fresh user
# (an empty HOME), and checks that its window opens and that it created its database in the
# user's data directory with the current schema. Leaves a screenshot in target/bundle-test/.
# Usage: tests/bundle/deb.sh path/to/Traject_x.y.z_amd64.deb
set -euo pipefail

deb=$(realpath "$1")
out=$(realpath -m "${BUNDLE_TEST_OUT:-target/bundle-test}")
mkdir -p "$out"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

echo "Installing $deb"
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >/dev/null
bin=$(dpkg -L traject | grep -E '^/usr/bin/' | head -n 1)
[ -x "$bin" ] || { echo "FAIL: the package installed no binary in /usr/bin"; exit 1; }

home=$(mktemp -d)
# Xvfb picks a free display and writes its number once it accepts connections: the app started
# before that fails to initialise GTK.
Xvfb -displayfd 3 -screen 0 1366x768x24 -nolisten tcp 3>"$home/display" >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  kill "${app:-}" "$xvfb" 2>/dev/null || true
  rm -rf "$home"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq traject >/dev/null 2>&1 || true
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  [ -s "$home/display" ] && break
  sleep 0.1
done
[ -s "$home/display" ] || { echo "FAIL: Xvfb did not start"; exit 1; }
display=":$(cat "$home/display")"

# With a passphrase given the app creates its encrypted database unasked (first profile).
env -u TRAJECT_DB -u XDG_DATA_HOME HOME="$home" DISPLAY="$display" \
  TRAJECT_PASSPHRASE="Installatietest van Traject 2026" TRAJECT_INSECURE_FAST_KDF=1 \
  "$bin" >"$out/app.log" 2>&1 &
app=$!

db="$home/.local/share/nl.traject.app/profielen/standaard/traject.db"
window=""
for _ in $(seq 1 60); do
  window=$(DISPLAY="$display" xwininfo -root -tree 2>/dev/null | grep -F '"Traject — inburgering"' || true)
  [ -n "$window" ] && [ -f "$db" ] && break
  sleep 0.5
done
sleep 2
DISPLAY="$display" import -window root "$out/installed-app.png" 2>/dev/null || true

[ -n "$window" ] || { echo "FAIL: no window titled 'Traject — inburgering'"; cat "$out/app.log"; exit 1; }
[ -f "$db" ] || { echo "FAIL: no database at $db"; cat "$out/app.log"; exit 1; }
[ -f "$db.key" ] || { echo "FAIL: no key file next to $db"; exit 1; }
if head -c 15 "$db" | grep -q "SQLite format 3"; then echo "FAIL: $db is not encrypted"; exit 1; fi
kill -0 "$app" || { echo "FAIL: the app exited"; cat "$out/app.log"; exit 1; }

echo "deb: $(basename "$deb") installed as $bin; window open; encrypted database $db with its key file"
echo "bundle-test: 1 passed, 0 failed"
