#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1 for the tests and print its URL.
#
# Idempotent: installs Debian's postgresql package only if no server binaries are found,
# creates the cluster in $REDLINE_PG_DIR (default /tmp/redline-pg) only once, starts it only
# if it is not running, creates the database only if missing. Used by .ci/run:
#   export REDLINE_TEST_PG_URL="$(bash scripts/start-postgres.sh)"
# Stop it with: pg_ctl -D /tmp/redline-pg stop   (as the postgres user when run as root)
set -euo pipefail

PORT="${REDLINE_PG_PORT:-54329}"
DIR="${REDLINE_PG_DIR:-/tmp/redline-pg}"
DB="${REDLINE_PG_DB:-redline}"
USER_NAME=redline

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

BIN="$(find_bin)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  echo "installing PostgreSQL (Debian package)..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  BIN="$(find_bin)"
fi
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found after install" >&2; exit 1; }

# The server refuses to run as root: use the postgres account the package creates.
run() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f "$DIR/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
  chmod 700 "$DIR"
  run "$BIN/initdb" -D "$DIR" -A trust -U "$USER_NAME" --no-sync -E UTF8 --locale=C.UTF-8 >&2
fi

if ! run "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  run "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PORT -k $DIR -F -c max_connections=200" start >&2
fi

PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U "$USER_NAME" -d postgres -tAq)
for _ in $(seq 1 30); do
  "${PSQL[@]}" -c "select 1" >/dev/null 2>&1 && break
  sleep 1
done
if [ "$("${PSQL[@]}" -c "select 1 from pg_database where datname = '$DB'")" != "1" ]; then
  "${PSQL[@]}" -c "create database \"$DB\"" >&2
fi

echo "postgresql://$USER_NAME@127.0.0.1:$PORT/$DB"
