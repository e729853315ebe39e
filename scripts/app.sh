#!/usr/bin/env bash
# `npm start`: everything a new user needs, in order — install, build when the sources changed,
# migrate, import the corpus, serve on 127.0.0.1:$PORT. Re-running it is cheap.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "ronten: installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib next.config.js postcss.config.mjs tsconfig.json package-lock.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "ronten: building…" >&2
  npx next build
fi

# Migrations, the corpus import and the conjugation backfill of documents stored before it was
# kept run here, once, not on page views (they load the tokenizer, the backfill only when needed).
node --import tsx scripts/cli.ts migrate
node --import tsx scripts/cli.ts seed
node --import tsx scripts/cli.ts tokens --backfill

echo "ronten: serving on http://127.0.0.1:${PORT}" >&2
exec node scripts/server.mjs --host 127.0.0.1 --port "$PORT"
