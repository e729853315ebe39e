#!/usr/bin/env bash
# The server the end-to-end tests talk to: the production build on a fresh SQLite database with
# the corpus imported. Requires `next build` to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
port="$1"
db="data/${E2E_DB:-e2e}.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
export DATABASE_URL="file:$db"
node --import tsx scripts/cli.ts seed
exec node scripts/server.mjs --host 127.0.0.1 --port "$port"
