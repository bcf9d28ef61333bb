#!/usr/bin/env bash
# Runs every test: unit and @QuarkusTest tests of each module, then the system tests that start both
# packaged apps with a real SMTP server and drive them over HTTP and in Chromium.
set -euo pipefail
cd "$(dirname "$0")"
scripts/db-setup.sh --fresh-test-dbs
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec ./mvnw -B verify "$@"
