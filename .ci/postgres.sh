#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports SMPSHADE_TEST_POSTGRES for the tests.
# The port is remembered under its own name: with `PG_PORT=54311 source .ci/postgres.sh` bash drops PG_PORT again once
# the source returns, and an empty port made pg_ctl read "-k" as the port.
SMPSHADE_PG_PORT="${PG_PORT:-54329}"
PG_DIR=""

start_test_postgres() {
  local bin port="${PG_PORT:-$SMPSHADE_PG_PORT}"
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$bin" ]; then
    echo "PostgreSQL is not installed; the Postgres tests need it." >&2
    return 1
  fi
  PG_DIR=$(mktemp -d /tmp/smpshade-pg.XXXXXX)
  local runas=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres:postgres "$PG_DIR"
    runas=(runuser -u postgres --)
  fi
  "${runas[@]}" "$bin/initdb" -D "$PG_DIR/data" -U smpshade --auth=trust -E UTF8 >/dev/null
  "${runas[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null || {
    echo "PostgreSQL did not start on 127.0.0.1:$port (port taken?):" >&2
    tail -n 3 "$PG_DIR/log" >&2
    rm -rf "$PG_DIR"
    PG_DIR=""
    return 1
  }
  export SMPSHADE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=smpshade;Database=postgres"
  echo "PostgreSQL test server on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  else
    "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}
