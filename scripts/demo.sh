#!/usr/bin/env bash
# Generates a demo cohort with the phantom generator, ingests it through the same
# pipeline hospital data uses, builds the app and serves it on the embedded database.
set -euo pipefail
cd "$(dirname "$0")/.."

data_dir="${HALLMARK_DATA_DIR:-./data}"
cohort="$data_dir/demo-cohort"
port="${PORT:-3000}"

if [ ! -f "$cohort/ground-truth.json" ]; then
  echo "== generating the demo cohort in $cohort"
  npm run --silent hallmark -- phantom --out "$cohort" --patients 6 --seed 2026 --size demo
fi

echo "== ingesting it"
npm run --silent hallmark -- ingest "$cohort/dicom"
npm run --silent hallmark -- therapy import "$cohort/therapy.csv"

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib server db -newer .next/BUILD_ID -print -quit)" ]; then
  echo "== building the app"
  npx next build
fi

echo "== Hallmark is starting on http://localhost:$port"
exec npx next start -p "$port"
