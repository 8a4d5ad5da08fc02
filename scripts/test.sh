#!/usr/bin/env bash
# Runs every test of the solution: unit, data, component, CLI and browser tests.
# Browser tests and PDF export need Chromium; this script installs Debian's package when it is
# missing (as root, or through sudo). Under CI=true a browser that cannot be installed is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/apt-install.sh

ensure_chromium() {
  if [ -x /usr/lib/chromium/chromium ]; then return 0; fi
  apt_install "browser tests and PDF export need them" chromium fonts-dejavu-core fonts-liberation fonts-noto-core
}

if ! ensure_chromium; then
  if [ "${CI:-}" = "true" ]; then
    echo "error: Chromium is required under CI=true" >&2
    exit 1
  fi
fi

# One test project at a time (-m:1): the browser tests drive a real Blazor Server app in Chromium
# and are timing-sensitive when four other test hosts compete for two cores. Failures print
# their messages (console logger at normal verbosity).
dotnet test IraqCoalition.sln -c Release --nologo -v q -m:1 --logger "console;verbosity=normal" "$@"

# The Data tests a second time on PostgreSQL (a throwaway cluster, scripts/with-postgres.sh).
# The classes that seed synthetic data are left out until seeding through DatabaseCopy passes
# on PostgreSQL (issue 16's note says where it stands).
pg_status=0
scripts/with-postgres.sh dotnet test tests/IraqCoalition.Data.Tests -c Release --nologo -v q \
  --logger "console;verbosity=normal" \
  --filter "FullyQualifiedName!~EventTextSearchTests&FullyQualifiedName!~TimelineSummaryTests&FullyQualifiedName!~SyntheticClusterTests" \
  "$@" || pg_status=$?
if [ "$pg_status" = "3" ] && [ "${CI:-}" != "true" ]; then
  echo "warning: PostgreSQL is not available here; the PostgreSQL pass was skipped" >&2
elif [ "$pg_status" != "0" ]; then
  exit "$pg_status"
fi
