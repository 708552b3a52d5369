#!/usr/bin/env bash
# Installs and starts what Hallmark's tests need beyond npm packages: Debian's
# Chromium (Playwright cannot download browsers here), dcm2niix, dcmtk and elastix
# (reference peers the tests compare against) and a running PostgreSQL server.
set -euo pipefail

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v dcm2niix >/dev/null || need+=(dcm2niix)
command -v dcmdump >/dev/null || need+=(dcmtk)
command -v elastix >/dev/null || need+=(elastix)
command -v pg_ctlcluster >/dev/null || need+=(postgresql)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  echo "Starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -V | tail -1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
