#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: installs Debian's PostgreSQL when it is
# missing, starts a private cluster (own folder, socket and port, trust auth, nothing else on the
# machine touched), exports IRAQCOALITION_TEST_POSTGRES with its connection string, runs the
# command and removes the cluster whatever the command's outcome.
#   scripts/with-postgres.sh dotnet test tests/IraqCoalition.Data.Tests -c Release
# Exit status 3 means PostgreSQL could not be installed or started (the caller decides whether
# that is a failure); otherwise the command's own status.
set -euo pipefail

port="${IRAQCOALITION_PG_PORT:-55439}"

pg_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && echo "$d"
}

. "$(dirname "$0")/apt-install.sh"

ensure_postgres() {
  if pg_bin >/dev/null; then return 0; fi
  apt_install "the PostgreSQL test pass needs it" postgresql || return 1
  pg_bin >/dev/null
}

ensure_postgres || exit 3
bin=$(pg_bin)
dir=$(mktemp -d /tmp/iqc-pg.XXXXXX)

# PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
as_owner() {
  if [ "$(id -u)" = "0" ]; then
    chown -R postgres "$dir"
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

cleanup() {
  as_owner "'$bin/pg_ctl' -D '$dir/db' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT

# Enough connections for the tests' pools (each test database opens its own), fsync off because
# the cluster is thrown away.
if ! as_owner "'$bin/initdb' -D '$dir/db' -A trust -U postgres -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1 &&
    '$bin/pg_ctl' -D '$dir/db' -w -t 30 -o \"-p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" -l '$dir/log' start >/dev/null"; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$dir/initdb.log" "$dir/log" >&2 2>/dev/null || true
  exit 3
fi

export IRAQCOALITION_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') test cluster on port $port" >&2
set +e
"$@"
status=$?
set -e
exit $status
