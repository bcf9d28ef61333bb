#!/usr/bin/env bash
# Starts the whole system on this machine: prepares PostgreSQL (roles, databases), builds the apps if
# needed, starts Commerce (8080) and Sales (8081) in the background and prints where to go.
# Stop with ./stop.sh. Logs: run/commerce.log, run/sales.log.
set -euo pipefail
cd "$(dirname "$0")"
ROOT="$PWD"
RUN="$ROOT/run"
mkdir -p "$RUN"

COMMERCE_PORT="${COMMERCE_PORT:-8080}"
SALES_PORT="${SALES_PORT:-8081}"

# this installation's secrets (made on first use, kept in run/secrets.env, mode 600): database passwords, the bridge's
# HMAC key, the metrics tokens; db-setup.sh gives the roles those passwords
. scripts/secrets.sh
scripts/db-setup.sh

needs_build() {
  for app in commerce-app sales-app; do
    jar="$app/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    if [ -n "$(find shared-model dualwrite-bridge "$app" -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then return 0; fi
  done
  return 1
}
if needs_build; then
  echo "Building the apps (first time takes a few minutes)..."
  ./mvnw -B -q package -DskipTests -pl commerce-app,sales-app -am
fi

"$ROOT/stop.sh" --quiet || true

if [ -z "${SMTP_HOST:-}" ] && [ "${MAIL_MOCK:-}" != true ] && ! (exec 3<>/dev/tcp/127.0.0.1/25) 2>/dev/null; then
  # no mail server here: the demo mailbox (scripts/mailbox.sh) receives every mail, one-time links included
  scripts/mailbox.sh start
  export SMTP_HOST=127.0.0.1 SMTP_PORT="${MAILBOX_SMTP_PORT:-3025}"
  MAIL_NOTE="no SMTP server on 127.0.0.1:25: every mail goes to the demo mailbox; read one person's mails with
        scripts/mailbox.sh show <email address>      (or http://127.0.0.1:${MAILBOX_API_PORT:-8025}/, the mailbox's API)"
elif [ "${MAIL_MOCK:-}" = true ]; then
  MAIL_NOTE="MAIL_MOCK=true: mails are listed on /hq/emails and the consoles, not sent"
else
  MAIL_NOTE="emails go to SMTP ${SMTP_HOST:-127.0.0.1}:${SMTP_PORT:-25}"
fi

start_app() { # name port peer-env peer-url other-app-prefix
  local name=$1 port=$2 other=$5
  # JVM options: scripts/app-jvm.options (memory-lean defaults); JAVA_OPTS adds to or overrides them
  # run from the app's quarkus-app folder: the AppCDS archive there (app-cds.jsa, named relative in the options)
  # is only valid for `-jar quarkus-run.jar` run from that folder
  # each app gets its own secrets and the shared HMAC key, not the other app's database password or metrics token
  (cd "$ROOT/$name-app/target/quarkus-app" && exec nohup env -u "${other}_DB_PASSWORD" -u "${other}_METRICS_TOKEN" \
    "$3=$4" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" \
    java @"$ROOT/scripts/app-jvm.options" ${JAVA_OPTS:-} -Dquarkus.http.port="$port" -jar quarkus-run.jar) \
    > "$RUN/$name.log" 2>&1 &
  echo $! > "$RUN/$name.pid"
}
start_app sales "$SALES_PORT" COMMERCE_URL "http://127.0.0.1:$COMMERCE_PORT" COMMERCE
start_app commerce "$COMMERCE_PORT" SALES_URL "http://127.0.0.1:$SALES_PORT" SALES

wait_ready() { # name port
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; then echo "$1 did not start, see run/$1.log:" >&2; tail -20 "$RUN/$1.log" >&2; return 1; fi
    sleep 0.5
  done
  echo "$1 is not ready after 60 s, see run/$1.log" >&2; return 1
}
wait_ready commerce "$COMMERCE_PORT"
wait_ready sales "$SALES_PORT"

cat <<MSG

  Partner onboarding is running.

  Commerce (B2B site + back office)   http://127.0.0.1:$COMMERCE_PORT/
    Become a partner                  http://127.0.0.1:$COMMERCE_PORT/partner-signup
    All prospects                     http://127.0.0.1:$COMMERCE_PORT/hq/prospects
    Emails                            http://127.0.0.1:$COMMERCE_PORT/hq/emails
  Sales (CRM)                         http://127.0.0.1:$SALES_PORT/
    All Commerce B2B leads            http://127.0.0.1:$SALES_PORT/leads?view=all-b2b
    My open leads                     http://127.0.0.1:$SALES_PORT/leads?view=my-open

  Demo sign-ins (development only; DEMO_USERS=false turns them off):
    Commerce  hq / hq-demo (staff)        admin / admin-demo (staff, admin: dual-write console)
    Sales     alice / alice-demo, bob / bob-demo (salesperson)
              maria / maria-demo (salesperson, sales-manager: dual-write console)

  Secrets of this installation: run/secrets.env (database passwords, bridge key, metrics tokens)
  Mail: $MAIL_NOTE
  Logs: run/commerce.log, run/sales.log      Stop: ./stop.sh

MSG
