#!/usr/bin/env bash
# Creates (idempotently) the roles and databases on the local PostgreSQL, starting the server first if it is down.
# Runs psql as the postgres OS user.
#
#   scripts/db-setup.sh                   the apps' roles (commerce, sales; passwords from run/secrets.env, see
#                                         scripts/secrets.sh) and databases, plus the test roles and databases
#   scripts/db-setup.sh --fresh-test-dbs  only the test roles and databases, dropped and created empty
#
# Tests never use the apps' roles: their databases (commerce_test, commerce_it, sales_test, sales_it, with
# TEST_DB_PREFIX in front) belong to the roles commerce_test and sales_test, whose passwords are published
# development defaults that work only there. So a test run never changes what a running ./start.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."

EXTRA_DATABASES="${EXTRA_DATABASES:-}"   # owner:database pairs, e.g. "commerce:commerce_bench sales_test:sales_it_mine"
P="${TEST_DB_PREFIX:-}"                  # test databases get this prefix (two checkouts side by side)
# development and test only, published on purpose: the test roles own nothing but test databases
COMMERCE_TEST_DB_PASSWORD="commerce-test-password"
SALES_TEST_DB_PASSWORD="sales-test-password"

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432: starting it"
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  else
    echo "no pg_ctlcluster: start PostgreSQL yourself" >&2; exit 1
  fi
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

create_role() { # role password
  as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres -v role="$1" -v password="$2" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password')\gexec
SQL
}
create_db() { # db owner
  as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres -v db="$1" -v owner="$2" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
SQL
}

create_role commerce_test "$COMMERCE_TEST_DB_PASSWORD"
create_role sales_test "$SALES_TEST_DB_PASSWORD"
if [ "${1:-}" = --fresh-test-dbs ]; then
  # tests start from empty databases, whatever an earlier run left behind
  for db in ${P}commerce_test ${P}commerce_it ${P}sales_test ${P}sales_it; do
    as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
  done
else
  # shellcheck source=scripts/secrets.sh
  . scripts/secrets.sh
  create_role commerce "$COMMERCE_DB_PASSWORD"
  create_role sales "$SALES_DB_PASSWORD"
  create_db commerce commerce
  create_db sales sales
fi
for db in ${P}commerce_test ${P}commerce_it; do create_db "$db" commerce_test; done
for db in ${P}sales_test ${P}sales_it; do create_db "$db" sales_test; done
for pair in $EXTRA_DATABASES; do create_db "${pair#*:}" "${pair%%:*}"; done
echo "PostgreSQL ready: test roles commerce_test, sales_test and their databases${1:+ (fresh)}$( [ "${1:-}" = --fresh-test-dbs ] || echo '; roles commerce, sales and databases commerce, sales')"
