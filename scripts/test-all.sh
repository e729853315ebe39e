#!/usr/bin/env bash
# `npm test`: every test. Types, unit and repository tests (SQLite always; PostgreSQL too — the
# one named by RONTEN_TEST_PG_URL, or else a throwaway server started here when PostgreSQL is
# installed), then the production build and the Playwright end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f node_modules/.package-lock.json ] || npm ci --no-audit --no-fund

echo "== typecheck" >&2
npx tsc --noEmit

if [ -z "${RONTEN_TEST_PG_URL:-}" ]; then
  if pg_env="$(scripts/pg-temp.sh start)"; then
    eval "$pg_env"
    trap 'scripts/pg-temp.sh stop "$RONTEN_PG_DIR"' EXIT
  else
    echo "== PostgreSQL is not installed: repository tests run on SQLite only" >&2
  fi
fi
[ -n "${RONTEN_TEST_PG_URL:-}" ] && echo "== repository tests also run on PostgreSQL" >&2

echo "== unit and repository tests" >&2
npx vitest run

echo "== production build" >&2
npx next build

echo "== end-to-end tests (Chromium)" >&2
npx playwright test
