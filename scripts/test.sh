#!/usr/bin/env bash
# Every test of the project: types, unit and integration tests (Vitest, against both
# PGlite and the PostgreSQL server), then the browser tests (Playwright, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/system-deps.sh

echo "== types"
npx tsc --noEmit

echo "== unit and integration tests"
npx vitest run

echo "== production build for the browser tests"
npx next build >/tmp/hallmark-next-build.log 2>&1 || { tail -50 /tmp/hallmark-next-build.log; exit 1; }

echo "== browser tests"
npx playwright test
