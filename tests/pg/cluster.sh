#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the server tests: initdb into a fresh temp dir, trust
# authentication, listening on loopback only (port $TRAJECT_PG_PORT, default 55432) with its
# socket in that temp dir; nothing is written outside it.
#
#   tests/pg/cluster.sh start        start it; prints the base URL (postgres://postgres@127.0.0.1:PORT/postgres)
#   tests/pg/cluster.sh stop         stop it and remove its dir
#   tests/pg/cluster.sh run CMD...   start it, run CMD with TRAJECT_TEST_POSTGRES set to the URL, always stop it
#
# PostgreSQL refuses to run as root: as root the cluster belongs to the `postgres` user (from
# Debian's postgresql package) and its programs run through `runuser -u postgres --`; as anyone
# else they run as that user. The binaries are the newest /usr/lib/postgresql/*/bin (Debian),
# else initdb on PATH, or $PG_BIN.
set -euo pipefail

PORT="${TRAJECT_PG_PORT:-55432}"
STATE="${TMPDIR:-/tmp}/traject-pg-$PORT.dir"

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null; then dirname "$(command -v initdb)"; return; fi
  echo "cluster.sh: PostgreSQL not found (install Debian's postgresql package, or set PG_BIN)" >&2
  exit 1
}

# Runs a PostgreSQL program as the cluster's owner, from a directory that user can read.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

url() {
  echo "postgres://postgres@127.0.0.1:$PORT/postgres"
}

start() {
  [ -f "$STATE" ] && stop
  local bin dir
  bin="$(pg_bin)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/traject-pg.XXXXXX")"
  echo "$dir" >"$STATE"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # fsync off: the data is thrown away at the end anyway.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-k $dir -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
    start >/dev/null || {
    cat "$dir/server.log" >&2
    exit 1
  }
  url
}

stop() {
  [ -f "$STATE" ] || return 0
  local dir
  dir="$(cat "$STATE")"
  if [ -d "$dir/data" ]; then
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  run)
    shift
    [ $# -gt 0 ] || { echo "usage: $0 run CMD..." >&2; exit 2; }
    trap stop EXIT
    TRAJECT_TEST_POSTGRES="$(start)"
    export TRAJECT_TEST_POSTGRES
    echo "PostgreSQL for the tests at $TRAJECT_TEST_POSTGRES" >&2
    "$@"
    ;;
  *)
    echo "usage: $0 start|stop|run CMD..." >&2
    exit 2
    ;;
esac
