#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium (Playwright cannot download browsers here). Install it when missing.
set -euo pipefail
if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found: installing Debian's chromium package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
else
  echo "error: Chromium is needed at /usr/bin/chromium (or set CHROMIUM_PATH): sudo apt-get install -y chromium" >&2
  exit 1
fi
