#!/usr/bin/env bash
# Generates a demo cohort with the phantom generator, ingests it through the same
# pipeline hospital data uses, builds the app and serves it on the embedded database,
# then tracks every patient's lesions and computes their signals through the app.
# The build runs beside generation and ingest: each is mostly one core's work.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="${HALLMARK_DATA_DIR:-./data}"
cohort="$data_dir/demo-cohort"
port="${PORT:-3000}"
started=$(date +%s)

build_pid=""
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib server db cli -newer .next/BUILD_ID -print -quit)" ]; then
  echo "== building the app (in the background, log in .next-build.log)"
  npx next build >.next-build.log 2>&1 &
  build_pid=$!
fi

if [ ! -f "$cohort/ground-truth.json" ]; then
  echo "== generating the demo cohort in $cohort"
  npm run --silent hallmark -- phantom --out "$cohort" --patients 6 --seed 2026 --size demo \
    --unenhanced-ct --separate-mr-frame
fi

echo "== ingesting it"
npm run --silent hallmark -- ingest "$cohort/dicom"
npm run --silent hallmark -- therapy import "$cohort/therapy.csv"

if [ -n "$build_pid" ] && ! wait "$build_pid"; then
  tail -40 .next-build.log
  echo "The build failed; the full log is in .next-build.log." >&2
  exit 1
fi

echo "== ready after $(( $(date +%s) - started )) s: Hallmark is on http://localhost:$port"
# The demo patients' lesions and signals are filled in by the running server, in the
# background, so the app opens at once. Stopping the server (Ctrl-C) ends both.
npx next start -p "$port" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' INT TERM EXIT
npx tsx scripts/demo-fill.ts "http://localhost:$port" &
wait "$server_pid"
