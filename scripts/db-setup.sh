#!/usr/bin/env bash
# Creates (idempotently) the roles and databases both apps need on the local PostgreSQL,
# starting the server first if it is down. Runs psql as the postgres OS user.
# Development defaults below; override with COMMERCE_DB_PASSWORD / SALES_DB_PASSWORD.
set -euo pipefail

COMMERCE_DB_PASSWORD="${COMMERCE_DB_PASSWORD:-commerce-dev-password}"
SALES_DB_PASSWORD="${SALES_DB_PASSWORD:-sales-dev-password}"
EXTRA_DATABASES="${EXTRA_DATABASES:-}"   # e.g. "commerce:commerce_bench sales:sales_bench"
P="${TEST_DB_PREFIX:-}"                  # test databases get this prefix (two checkouts side by side)

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
  as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$1', '$2') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$1')\gexec
ALTER ROLE "$1" LOGIN PASSWORD '$2';
SQL
}
create_db() { # db owner
  as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres <<SQL
SELECT format('CREATE DATABASE %I OWNER %I', '$1', '$2') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$1')\gexec
SQL
}

create_role commerce "$COMMERCE_DB_PASSWORD"
create_role sales "$SALES_DB_PASSWORD"
if [ "${1:-}" = --fresh-test-dbs ]; then
  # tests start from empty databases, whatever an earlier run left behind
  for db in ${P}commerce_test ${P}commerce_it ${P}sales_test ${P}sales_it; do
    as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  done
fi
for db in commerce ${P}commerce_test ${P}commerce_it; do create_db "$db" commerce; done
for db in sales ${P}sales_test ${P}sales_it; do create_db "$db" sales; done
for pair in $EXTRA_DATABASES; do create_db "${pair#*:}" "${pair%%:*}"; done
echo "PostgreSQL ready: roles commerce, sales; databases commerce(_test,_it), sales(_test,_it)"
