#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 and exports SMPSHADE_TEST_POSTGRES for the tests.
PG_PORT="${PG_PORT:-54329}"
PG_DIR=""

start_test_postgres() {
  local bin
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
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c max_connections=200" start >/dev/null
  export SMPSHADE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=smpshade;Database=postgres"
  echo "PostgreSQL test server on 127.0.0.1:$PG_PORT"
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
