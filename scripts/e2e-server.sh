#!/usr/bin/env bash
# The server the end-to-end tests talk to: the production build on a fresh database with the
# corpus imported. Requires `next build` to have run.
#
# SQLite (data/$E2E_DB.sqlite) by default. With E2E_PG=1 (the classroom server in
# playwright.config.ts) and a PostgreSQL server named by RONTEN_TEST_PG_URL (scripts/test-all.sh
# and .ci/run start one), the database is `ronten_<E2E_DB>` on that server instead, dropped and
# recreated here; without RONTEN_TEST_PG_URL it falls back to SQLite and says so on stderr.
set -euo pipefail
cd "$(dirname "$0")/.."
port="$1"
name="${E2E_DB:-e2e}"
if [[ "${E2E_PG:-}" == 1 && -n "${RONTEN_TEST_PG_URL:-}" ]]; then
  DATABASE_URL="$(node --import tsx scripts/pg-fresh-db.ts "$RONTEN_TEST_PG_URL" "ronten_${name//-/_}")"
  echo "e2e-server: port $port on PostgreSQL (database ronten_${name//-/_})" >&2
else
  [[ "${E2E_PG:-}" == 1 ]] && echo "e2e-server: port $port on SQLite — RONTEN_TEST_PG_URL is not set (eval \"\$(scripts/pg-temp.sh start)\" for PostgreSQL)" >&2
  db="data/$name.sqlite"
  rm -f "$db" "$db-wal" "$db-shm"
  DATABASE_URL="file:$db"
fi
export DATABASE_URL
node --import tsx scripts/cli.ts seed
exec node scripts/server.mjs --host 127.0.0.1 --port "$port"
