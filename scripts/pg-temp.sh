#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for tests.
#
#   eval "$(scripts/pg-temp.sh start)"   # exports RONTEN_TEST_PG_URL and RONTEN_PG_DIR
#   scripts/pg-temp.sh stop "$RONTEN_PG_DIR"
#
# stdout carries only the `export ...` lines meant for eval; everything else goes to stderr
# or to DIR/log/server.log, so a failure never gets eval'd as shell code.
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user and the
# server commands run through runuser.
set -euo pipefail

log() { printf 'pg-temp: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# A bindir counts only if it has the *server* tools: pg_config alone may come from libpq-dev.
has_server() { [[ -n "$1" && -x "$1/initdb" && -x "$1/pg_ctl" && -x "$1/postgres" ]]; }

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d="$(pg_config --bindir 2>/dev/null || true)"
    if has_server "$d"; then printf '%s\n' "$d"; return 0; fi
  fi
  # Newest major version first (sort -V so 9.6 < 10 < 15).
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if has_server "$d"; then printf '%s\n' "$d"; return 0; fi
  done
  return 1
}

# Run a PostgreSQL command as the cluster owner.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v node >/dev/null 2>&1; then
    node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1]);s.close()'
  else
    die "need node or python3 to find a free port"
  fi
}

start() {
  local bindir dir port
  bindir="$(find_bindir)" || die "no PostgreSQL server binaries found (looked at 'pg_config --bindir' and /usr/lib/postgresql/*/bin for initdb, pg_ctl, postgres); install the Debian package 'postgresql'"
  if [[ "$(id -u)" -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to own the cluster (initdb refuses root)"
  fi

  local base="${TMPDIR:-/tmp}"
  # As root the cluster belongs to postgres, who must be able to reach it (a root-only TMPDIR
  # such as /root/tmp would make initdb fail with a confusing permission error).
  if [[ "$(id -u)" -eq 0 ]] && ! runuser -u postgres -- test -x "$base"; then
    log "postgres cannot reach $base; using /tmp"
    base=/tmp
  fi
  dir="$(mktemp -d "$base/ronten-pg.XXXXXX")"
  mkdir -p "$dir/data" "$dir/sock" "$dir/log"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown -R postgres: "$dir"
  fi
  chmod 700 "$dir/data"
  log "cluster dir $dir (binaries: $bindir)"

  if ! as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
      >"$dir/log/initdb.log" 2>&1; then
    # C.UTF-8 may be missing on minimal systems; C with UTF8 encoding is always there.
    rm -rf "$dir/data"; mkdir -p "$dir/data"; chmod 700 "$dir/data"
    [[ "$(id -u)" -eq 0 ]] && chown postgres: "$dir/data"
    as_owner "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
      >"$dir/log/initdb.log" 2>&1 || { cat "$dir/log/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  fi

  # A port free now can be taken before the server binds it; retry a few times.
  local attempt ok=0
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock" start >&2; then
      ok=1; break
    fi
    log "start on port $port failed (attempt $attempt); see $dir/log/server.log"
  done
  if [[ "$ok" -ne 1 ]]; then
    tail -n 30 "$dir/log/server.log" >&2 || true
    rm -rf "$dir"
    die "could not start PostgreSQL"
  fi

  as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres ronten_test >&2 \
    || { stop "$dir"; die "createdb ronten_test failed"; }
  printf '%s\n' "$bindir" >"$dir/bindir"

  log "PostgreSQL running on 127.0.0.1:$port"
  printf 'export RONTEN_TEST_PG_URL=%q\n' "postgres://postgres@127.0.0.1:$port/ronten_test"
  printf 'export RONTEN_PG_DIR=%q\n' "$dir"
}

stop() {
  local dir="${1:-${RONTEN_PG_DIR:-}}" bindir
  [[ -n "$dir" ]] || die "usage: $0 stop DIR (or set RONTEN_PG_DIR)"
  [[ -d "$dir" ]] || die "no such directory: $dir"
  # Refuse to rm -rf anything that is not one of our clusters.
  [[ -d "$dir/data" && -f "$dir/data/PG_VERSION" ]] || die "$dir does not look like a pg-temp cluster"
  if [[ -f "$dir/bindir" ]]; then bindir="$(cat "$dir/bindir")"; else bindir="$(find_bindir)" || die "no PostgreSQL binaries to stop $dir"; fi
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed; removing anyway"
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "${1:-}" ;;
  *) printf 'usage: %s start | stop DIR\n' "$0" >&2; exit 2 ;;
esac
