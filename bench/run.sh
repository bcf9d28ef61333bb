#!/usr/bin/env bash
# Benchmark of the whole system: fresh databases commerce_bench / sales_bench, both packaged apps on free
# loopback ports with production settings, the load generator of the bench module, a same-run pgbench
# baseline; writes bench/results/latest.md and latest.json. See the README, section "Performance".
#
#   bench/run.sh            full mode (100,000-event backlog, 1,000,000 prospects, initial sync of 1,000,000
#                           organisation customers; 15 to 25 minutes)
#   bench/run.sh --quick    small counts, under 3 minutes once the apps are built
#
# Counts and time bounds can be overridden with the environment variables listed under "Counts" below.
# Logs, figures and pids of the run are in bench/work/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
BENCH="$ROOT/bench"
WORK="$BENCH/work"
FIG="$WORK/figures"
RESULTS="$BENCH/results"

MODE=full
for arg in "$@"; do
  case "$arg" in
    --quick) MODE=quick ;;
    --full) MODE=full ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $arg (use --quick or --full)" >&2; exit 2 ;;
  esac
done

# ---- Counts (bounded in number and in time) ----
if [ "$MODE" = quick ]; then
  : "${SIGNUP_USERS:=8}" "${SIGNUP_COUNT:=2000}" "${SIGNUP_SECONDS:=8}" "${SIGNUP_WARMUP:=150}"
  : "${REPL_RATE:=100}" "${REPL_COUNT:=500}" "${REPL_SECONDS:=5}"
  : "${DRAIN_EVENTS:=2000}" "${DRAIN_SECONDS:=20}" "${DRAIN_INSERT_SECONDS:=30}"
  : "${PAGES_ROWS:=100000}" "${PAGES_INSERT_SECONDS:=40}" "${PAGES_WARMUP:=3}" "${PAGES_ITERATIONS:=20}" "${PAGES_SECONDS:=5}"
  : "${BASELINE_SECONDS:=3}"
  : "${SYNC_CUSTOMERS:=20000}" "${SYNC_INSERT_SECONDS:=30}" "${SYNC_SECONDS:=120}"
else
  : "${SIGNUP_USERS:=16}" "${SIGNUP_COUNT:=30000}" "${SIGNUP_SECONDS:=60}" "${SIGNUP_WARMUP:=2000}"
  : "${REPL_RATE:=100}" "${REPL_COUNT:=3000}" "${REPL_SECONDS:=30}"
  : "${DRAIN_EVENTS:=100000}" "${DRAIN_SECONDS:=300}" "${DRAIN_INSERT_SECONDS:=240}"
  : "${PAGES_ROWS:=1000000}" "${PAGES_INSERT_SECONDS:=300}" "${PAGES_WARMUP:=10}" "${PAGES_ITERATIONS:=100}" "${PAGES_SECONDS:=60}"
  : "${BASELINE_SECONDS:=10}"
  : "${SYNC_CUSTOMERS:=1000000}" "${SYNC_INSERT_SECONDS:=300}" "${SYNC_SECONDS:=900}"
fi
: "${MEM_INTERVAL:=2}"
: "${SCENARIOS:=1 2 3 4 6}"        # a subset for a partial run, e.g. SCENARIOS="3"; the others are reported "not run"
: "${BENCH_PG_EXPLAIN_MS:=}"        # e.g. 20: PostgreSQL logs the plan of every statement slower than 20 ms (server log)
: "${BENCH_JFR:=}"                 # BENCH_JFR=1 records a Java Flight Recording of each app in bench/work/*.jfr
: "${BENCH_JAVA_OPTS:=$(grep -v '^#' "$ROOT/scripts/app-jvm.options" | tr '\n' ' ')}"   # the same JVM options as start.sh
: "${MALLOC_ARENA_MAX:=2}"         # as start.sh: fewer glibc malloc arenas, less RSS
CHUNK=${CHUNK:-100000}            # rows per SQL insert statement (bulk steps stop between chunks when over time)

COMMERCE_DB="${BENCH_COMMERCE_DB:-commerce_bench}"   # other names let two runs share one PostgreSQL
SALES_DB="${BENCH_SALES_DB:-sales_bench}"
# this installation's secrets (scripts/secrets.sh, run/secrets.env): database passwords of the app roles, the bridge's
# HMAC key and the metrics tokens, exported to the apps started below
. "$ROOT/scripts/secrets.sh"

scenario_on() { case " $SCENARIOS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
now_ms() { date +%s%3N; }
CLK_TCK=$(getconf CLK_TCK)
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.2f", (b - a) / 1000 }'; }
fig() { printf '%s=%s\n' "$2" "$3" >> "$FIG/$1.properties"; }       # fig <file> <key> <value>
NOTE_NO=0
note() { NOTE_NO=$((NOTE_NO + 1)); printf 'note.%02d=%s\n' "$NOTE_NO" "$*" >> "$FIG/notes.properties"; }
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif command -v runuser >/dev/null; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}
export PGOPTIONS="-c client_min_messages=warning"
cpsql() { PGPASSWORD="$COMMERCE_DB_PASSWORD" psql -h 127.0.0.1 -U commerce -d "$COMMERCE_DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
spsql() { PGPASSWORD="$SALES_DB_PASSWORD" psql -h 127.0.0.1 -U sales -d "$SALES_DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
prop() { awk -F= -v k="$2" '$1 == k { v = substr($0, length(k) + 2) } END { print v }' "$1" 2>/dev/null; } # file key
bench_jar() { java -jar "$BENCH/target/bench.jar" "$@"; }
urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in [a-zA-Z0-9.~_-]) out+="$c" ;; ' ') out+='+' ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
  done
  printf '%s' "$out"
}

# ---- Processes of this run (only these are ever stopped) ----
mkdir -p "$WORK"
PIDS_OF_RUN="$WORK/pids"
stop_pid() { # pid name
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  log "$2 (pid $pid) did not stop within 20 s: killing it"
  kill -KILL "$pid" 2>/dev/null || true
}
stop_app() { # name
  local file="$WORK/$1.pid"
  [ -f "$file" ] || return 0
  stop_pid "$(cat "$file")" "$1"
  rm -f "$file"
}
SAMPLER_PID=""
cleanup() {
  local rc=$?
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  stop_app commerce
  stop_app sales
  exit $rc
}
# a previous run that was interrupted: stop its apps (only processes this script started, found by their pid files)
for name in commerce sales; do
  if [ -f "$WORK/$name.pid" ] && grep -qs "quarkus-run.jar" "/proc/$(cat "$WORK/$name.pid")/cmdline"; then
    log "stopping $name left over from an interrupted run (pid $(cat "$WORK/$name.pid"))"
    stop_app "$name"
  fi
  rm -f "$WORK/$name.pid"
done
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$FIG"
mkdir -p "$FIG" "$RESULTS"
RUN_STARTED=$(now_ms)
fig run run.mode "$MODE"
fig run run.startedAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
fig run run.host "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) RAM, $(as_postgres psql -X -A -t -c 'SHOW server_version' | cut -d' ' -f1 | sed 's/^/PostgreSQL /'), $(java -version 2>&1 | head -1 | tr -d '"')"
fig run run.cores "$(nproc)"
fig run run.loadavg.start "$(cut -d' ' -f1-3 /proc/loadavg)"
log "mode $MODE, load average $(cut -d' ' -f1-3 /proc/loadavg) (other builds share this machine: compare figures with the same-run baseline)"

# ---- Build if needed ----
needs_build() {
  [ -f "$BENCH/target/bench.jar" ] || return 0
  [ -z "$(find "$BENCH/src/main" "$BENCH/pom.xml" -newer "$BENCH/target/bench.jar" -print -quit)" ] || return 0
  for app in commerce-app sales-app; do
    jar="$app/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -z "$(find shared-model app-support dualwrite-bridge "$app" -path '*/src/main/*' -newer "$jar" -print -quit)" ] || return 0
  done
  return 1
}
if needs_build; then
  log "building the apps and the load generator"
  ./mvnw -B -q package -DskipTests -pl commerce-app,sales-app,bench -am
fi

# ---- pgbench (Debian: postgresql-contrib) ----
if ! command -v pgbench >/dev/null; then
  log "pgbench is missing: installing postgresql-contrib"
  apt-get install -y postgresql-contrib >/dev/null
fi

# ---- Fresh databases ----
log "dropping and creating $COMMERCE_DB and $SALES_DB"
if pg_isready -h 127.0.0.1 -p 5432 -q; then
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "DROP DATABASE IF EXISTS $COMMERCE_DB WITH (FORCE)" -c "DROP DATABASE IF EXISTS $SALES_DB WITH (FORCE)"
fi
EXTRA_DATABASES="commerce:$COMMERCE_DB sales:$SALES_DB" scripts/db-setup.sh >/dev/null
if [ -n "$BENCH_PG_EXPLAIN_MS" ]; then
  # profiling aid: PostgreSQL writes the plan and timing of every statement slower than this into its server log
  for db in "$COMMERCE_DB" "$SALES_DB"; do
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres \
      -c "ALTER DATABASE $db SET session_preload_libraries = 'auto_explain'" \
      -c "ALTER DATABASE $db SET auto_explain.log_min_duration = '${BENCH_PG_EXPLAIN_MS}ms'" \
      -c "ALTER DATABASE $db SET auto_explain.log_analyze = on"
  done
fi

# ---- Ports ----
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if [ "$p" != 8080 ] && [ "$p" != 8081 ] && port_free "$p"; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}
COMMERCE_PORT=$(free_port)
SALES_PORT=$(free_port)
while [ "$SALES_PORT" = "$COMMERCE_PORT" ]; do SALES_PORT=$(free_port); done
COMMERCE_URL="http://127.0.0.1:$COMMERCE_PORT"
SALES_URL="http://127.0.0.1:$SALES_PORT"
log "Commerce on $COMMERCE_URL, Sales on $SALES_URL"

# ---- Apps ----
# Run from the app's quarkus-app folder, as start.sh and the system tests do: the AppCDS archive the build writes
# there (app-cds.jsa, named relative in scripts/app-jvm.options) is only valid for `-jar quarkus-run.jar` run from it.
start_app() { # name -> starts it in the background, records its pid
  local name=$1 jfr=""
  [ -n "$BENCH_JFR" ] && jfr="-XX:StartFlightRecording=filename=$WORK/$name-$(now_ms).jfr,settings=profile,dumponexit=true"
  if [ "$name" = commerce ]; then
    (cd "$ROOT/commerce-app/target/quarkus-app" && exec env COMMERCE_DB_URL="jdbc:postgresql://127.0.0.1:5432/$COMMERCE_DB" \
      SALES_URL="$SALES_URL" COMMERCE_PUBLIC_URL="$COMMERCE_URL" MAIL_MOCK=true MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" \
      SIGNUP_LIMIT_PER_ADDRESS=1000000000 \
      java $BENCH_JAVA_OPTS $jfr -Dquarkus.http.port="$COMMERCE_PORT" -jar quarkus-run.jar) \
      >> "$WORK/commerce.log" 2>&1 < /dev/null &
  else
    (cd "$ROOT/sales-app/target/quarkus-app" && exec env SALES_DB_URL="jdbc:postgresql://127.0.0.1:5432/$SALES_DB" \
      COMMERCE_URL="$COMMERCE_URL" MAIL_MOCK=true MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" \
      java $BENCH_JAVA_OPTS $jfr -Dquarkus.http.port="$SALES_PORT" -jar quarkus-run.jar) \
      >> "$WORK/sales.log" 2>&1 < /dev/null &
  fi
  echo $! > "$WORK/$name.pid"
}
app_url() { if [ "$1" = commerce ]; then echo "$COMMERCE_URL"; else echo "$SALES_URL"; fi; }
# One readiness probe in bash alone (/dev/tcp, no process started): with a curl and a date per 50 ms poll (measured:
# 7 ms of CPU per curl) the measurement itself took some 0.5 s of CPU from the starting app over a 5 s start-up, on
# 2 shared cores. The start-ups are measured one after the other, each app alone.
ready_now() { # port -> succeeds when /q/health/ready answers 200
  local status=""
  { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 1
  printf 'GET /q/health/ready HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  read -r -t 2 _ status _ <&3 || true
  exec 3<&-
  [ "$status" = 200 ]
}
epoch_ms() { local t=${EPOCHREALTIME//[.,]/}; echo $((t / 1000)); }   # as now_ms, without starting date
await_ready() { # name started_ms -> prints "ms-to-ready cpu-ms-used"
  local name=$1 started=$2 pid port
  pid=$(cat "$WORK/$name.pid")
  port=$(app_url "$name"); port=${port##*:}
  while :; do
    if ready_now "$port"; then
      echo "$(($(epoch_ms) - started)) $(sed 's/^.*) //' "/proc/$pid/stat" | awk -v t="$CLK_TCK" '{ printf "%.0f", ($12 + $13) * 1000 / t }')"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then log "$name exited before it was ready; end of bench/work/$name.log:" >&2; tail -30 "$WORK/$name.log" >&2; return 1; fi
    if [ $(($(epoch_ms) - started)) -gt 120000 ]; then log "$name not ready after 120 s" >&2; return 1; fi
    sleep 0.05
  done
}
: > "$WORK/commerce.log"
: > "$WORK/sales.log"
# one after the other, so that each start-up is measured alone
for name in sales commerce; do
  started=$(now_ms)
  start_app "$name"
  ready=$(await_ready "$name" "$started")
  read -r ms cpu <<< "$ready"
  log "$name ready after $ms ms (CPU time $cpu ms)"
  fig startup "startup.$name.ms" "$ms"
  fig startup "startup.$name.cpuMs" "$cpu"
  fig startup "startup.$name.jvm" "$BENCH_JAVA_OPTS"
done

# ---- Memory sampler: RSS of each app process and its heap (sum of jvm_memory_used_bytes{area="heap"}) ----
sample_memory() { # app -> "rss_kb<TAB>heap_used<TAB>heap_committed<TAB>nonheap_used" (bytes)
  local pid rss
  pid=$(cat "$WORK/$1.pid" 2>/dev/null) || return 1
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || return 1
  printf '%s\t' "$rss"
  local token="$COMMERCE_METRICS_TOKEN"; [ "$1" = sales ] && token="$SALES_METRICS_TOKEN"
  curl -fs --max-time 2 -H "Authorization: Bearer $token" "$(app_url "$1")/q/metrics" 2>/dev/null | awk '
    /^jvm_memory_used_bytes\{/ && /area="heap"/ { u += $NF }
    /^jvm_memory_committed_bytes\{/ && /area="heap"/ { c += $NF }
    /^jvm_memory_used_bytes\{/ && /area="nonheap"/ { n += $NF }
    END { printf "%.0f\t%.0f\t%.0f\n", u, c, n }' || printf '0\t0\t0\n'
}
fig run memory.intervalSeconds "$MEM_INTERVAL"
(
  while :; do
    for app in commerce sales; do
      if sample=$(sample_memory "$app"); then printf '%s\t%s\t%s\n' "$(now_ms)" "$app" "$sample" >> "$FIG/mem.tsv"; fi
    done
    sleep "$MEM_INTERVAL"
  done
) &
SAMPLER_PID=$!

backlog() { cpsql -c "SELECT count(*) FROM dualwrite_outbox WHERE status IN ('PENDING', 'INFLIGHT')"; }
await_backlog_empty() { # seconds
  local until=$(($(now_ms) + $1 * 1000))
  while [ "$(backlog)" != 0 ]; do
    if [ "$(now_ms)" -gt "$until" ]; then log "backlog not empty after $1 s: $(backlog) events"; return 1; fi
    sleep 0.5
  done
}

# CPU time used by the apps and by their PostgreSQL backends, to express work per signup or per event
# independently of what else runs on the machine
cpu_pids() { # "name pid" lines: both apps, and every backend connected to the bench databases
  local app
  for app in commerce sales; do [ -f "$WORK/$app.pid" ] && echo "$app $(cat "$WORK/$app.pid")"; done
  cpsql -c "SELECT 'postgres ' || pid FROM pg_stat_activity WHERE datname IN ('$COMMERCE_DB', '$SALES_DB')" 2>/dev/null || true
}
cpu_snapshot() { # file: "name pid ticks" lines
  cpu_pids | while read -r name pid; do
    [ -r "/proc/$pid/stat" ] && echo "$name $pid $(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 }')"
  done > "$1" || true
}
cpu_since() { # snapshot-file prefix count figures-file -> <prefix>.cpu.{commerce,sales,postgres,total}Ms, perItemMs
  local now="$WORK/cpu-now.txt"
  cpu_snapshot "$now"
  awk -v tck="$CLK_TCK" -v p="$2" -v n="$3" 'FNR == NR { before[$2] = $3; next }
    { d = $3 - ($2 in before ? before[$2] : 0); if (d > 0) ms[$1] += d * 1000 / tck }
    END { t = ms["commerce"] + ms["sales"] + ms["postgres"]
          printf "%s.cpu.commerceMs=%.0f\n%s.cpu.salesMs=%.0f\n%s.cpu.postgresMs=%.0f\n%s.cpu.totalMs=%.0f\n", p, ms["commerce"], p, ms["sales"], p, ms["postgres"], p, t
          if (n > 0) printf "%s.cpu.perItemMs=%.2f\n", p, t / n }' "$1" "$now" >> "$FIG/$4.properties"
}

# Runs a chunk script (psql variables n and from) until <total> rows or <seconds> are over; sets INSERTED and
# records <figures>.insertSeconds (and <figures>.note plus a report note when the count had to be reduced).
insert_chunks() { # total sql-file seconds figures what
  local total=$1 started n
  INSERTED=0
  started=$(now_ms)
  while [ "$INSERTED" -lt "$total" ]; do
    n=$((total - INSERTED)); [ "$n" -gt "$CHUNK" ] && n=$CHUNK
    cpsql -v n="$n" -v from=$((INSERTED + 1)) -f "$2"
    INSERTED=$((INSERTED + n))
    if [ "$INSERTED" -lt "$total" ] && [ $(($(now_ms) - started)) -gt $(($3 * 1000)) ]; then
      fig "$4" "$4.note" "reduced from $total: the inserts took over $3 s"
      note "$5: $INSERTED instead of $total, the inserts took over $3 s."
      break
    fi
  done
  fig "$4" "$4.insertSeconds" "$(secs_since "$started")"
}

# ---- Scenario 1: signup POST sustained (closed loop) ----
scenario_1() {
  log "scenario 1: $SIGNUP_USERS users, up to $SIGNUP_COUNT signups / $SIGNUP_SECONDS s after $SIGNUP_WARMUP warm-up signups"
  cpu_snapshot "$WORK/cpu-s1.txt"
  bench_jar signup-closed --url "$COMMERCE_URL" --users "$SIGNUP_USERS" --count "$SIGNUP_COUNT" --seconds "$SIGNUP_SECONDS" \
    --warmup "$SIGNUP_WARMUP" --warmup-seconds 60 --run-id "s1$(date +%s)" --out "$FIG/signup.properties" > "$WORK/signup.out"
  grep -E '^signup\.(rate|ok|errors|latency\.p99)=' "$WORK/signup.out" | tr '\n' ' '; echo
  await_backlog_empty 180 || note "Scenario 1: the replication of its signups had not finished 180 s after the load."
  # the "application received" mails of these signups: sent how long after the signup?
  local until=$(($(now_ms) + 180000))
  while [ "$(cpsql -c "SELECT count(*) FROM mail_message WHERE status = 'QUEUED'")" != 0 ] && [ "$(now_ms)" -lt "$until" ]; do sleep 0.5; done
  cpsql -c "SELECT round(extract(epoch FROM sent_at - created_at) * 1000, 3) FROM mail_message WHERE sent_at IS NOT NULL" \
    > "$WORK/mail-delays.txt"
  bench_jar histogram --in "$WORK/mail-delays.txt" --prefix signup.mail --out "$FIG/signup.properties" >/dev/null
  # CPU of the signups, their mails and their replication (warm-up included), until all was done
  local ok warm
  ok=$(prop "$FIG/signup.properties" signup.ok); warm=$(prop "$FIG/signup.properties" signup.warmup.ok)
  cpu_since "$WORK/cpu-s1.txt" signup "$(( ${ok:-0} + ${warm:-0} ))" signup
}

# ---- Same-run baseline: pgbench with the inserts and commits of one replicated signup ----
baseline() {
  log "baseline: pgbench $SIGNUP_USERS clients × $BASELINE_SECONDS s on each database"
  cpsql -f "$BENCH/sql/baseline-setup-commerce.sql" >/dev/null
  spsql -f "$BENCH/sql/baseline-setup-sales.sql" >/dev/null
  run_pgbench() { # db user password script clients -> tps
    PGPASSWORD="$3" pgbench -h 127.0.0.1 -U "$2" -n -M prepared -c "$5" -j "$(( $5 < 2 ? 1 : 2 ))" -T "$BASELINE_SECONDS" \
      -f "$4" "$1" 2> "$WORK/pgbench-$1-$5.err" | tee "$WORK/pgbench-$1-$5.out" \
      | awk '/^tps = / { print $3; exit }'
  }
  COMMERCE_TPS=$(run_pgbench "$COMMERCE_DB" commerce "$COMMERCE_DB_PASSWORD" "$BENCH/sql/baseline-commerce.pgbench" "$SIGNUP_USERS")
  SALES_TPS=$(run_pgbench "$SALES_DB" sales "$SALES_DB_PASSWORD" "$BENCH/sql/baseline-sales.pgbench" "$SIGNUP_USERS")
  # one client: what a strictly serial pipeline (one relay thread, one event per inbox transaction) could reach
  SALES_TPS_1=$(run_pgbench "$SALES_DB" sales "$SALES_DB_PASSWORD" "$BENCH/sql/baseline-sales.pgbench" 1)
  cpsql -f "$BENCH/sql/baseline-teardown-commerce.sql" >/dev/null
  spsql -f "$BENCH/sql/baseline-teardown-sales.sql" >/dev/null
  if [ -n "$COMMERCE_TPS" ] && [ -n "$SALES_TPS" ]; then
    fig baseline baseline.clients "$SIGNUP_USERS"
    fig baseline baseline.seconds "$BASELINE_SECONDS"
    fig baseline baseline.commerceTps "$COMMERCE_TPS"
    fig baseline baseline.salesTps "$SALES_TPS"
    fig baseline baseline.salesTpsOneClient "${SALES_TPS_1:-}"
    fig baseline baseline.signupTps "$(awk -v c="$COMMERCE_TPS" -v s="$SALES_TPS" 'BEGIN { printf "%.2f", 1 / (1 / c + 1 / s) }')"
    log "baseline: Commerce $COMMERCE_TPS tx/s, Sales $SALES_TPS tx/s"
  else
    log "pgbench failed, see bench/work/pgbench-*.err"
  fi
}

# ---- Scenario 2: replication latency at a fixed rate (open loop) ----
scenario_2() {
  log "scenario 2: $REPL_RATE signups/s, up to $REPL_COUNT signups / $REPL_SECONDS s"
  bench_jar signup-open --url "$COMMERCE_URL" --rate "$REPL_RATE" --count "$REPL_COUNT" --seconds "$REPL_SECONDS" \
    --visitors 20 --run-id "s2$(date +%s)" --out "$FIG/replication.properties" > "$WORK/replication.out"
  FIRST=$(prop "$FIG/replication.properties" replication.firstProspectId)
  LAST=$(prop "$FIG/replication.properties" replication.lastProspectId)
  OK=$(prop "$FIG/replication.properties" replication.ok)
  LAST_ANSWER=$(prop "$FIG/replication.properties" replication.lastAnswerEpochMs)
  if [ -n "$FIRST" ] && [ -n "$LAST" ]; then
    RUN_EVENTS="aggregate_type = 'prospect' AND event_type = 'prospect.submitted' AND aggregate_id::bigint BETWEEN $FIRST AND $LAST"
    until=$(($(now_ms) + 60000))
    while [ "$(spsql -c "SELECT count(*) FROM dualwrite_inbox WHERE $RUN_EVENTS")" -lt "$OK" ] && [ "$(now_ms)" -lt "$until" ]; do sleep 0.2; done
    spsql -c "SELECT round(extract(epoch FROM applied_at - occurred_at) * 1000, 3) FROM dualwrite_inbox WHERE $RUN_EVENTS" \
      > "$WORK/replication-latencies.txt"
    bench_jar histogram --in "$WORK/replication-latencies.txt" --prefix replication.commit --out "$FIG/replication.properties" >/dev/null
    LAST_LEAD=$(spsql -c "SELECT round(extract(epoch FROM max(l.created_at)) * 1000) FROM dualwrite_inbox i JOIN lead l ON l.id::text = i.result_id WHERE $RUN_EVENTS")
    [ -n "$LAST_LEAD" ] && fig replication replication.lastLeadAfterMs "$((${LAST_LEAD%.*} - LAST_ANSWER))"
    grep -E '^replication\.(commit\.p50|commit\.p99|lastLeadAfterMs|errors)=' "$FIG/replication.properties" | tr '\n' ' '; echo
  fi
  await_backlog_empty 120 || true
}

# ---- Scenario 3: backlog drain after a Sales outage ----
scenario_3() {
  log "scenario 3: Sales stopped, $DRAIN_EVENTS prospects and events written by SQL, Sales started, drain measured"
  stop_app sales
  TEMPLATE=$(cpsql -c "SELECT max(id) FROM dualwrite_outbox WHERE event_type = 'prospect.submitted' AND status = 'DELIVERED'")
  cpsql -c "INSERT INTO dualwrite_map (name, state) VALUES ('prospects-to-leads', 'PAUSED')
            ON CONFLICT (name) DO UPDATE SET state = 'PAUSED', updated_at = now()"
  inserted=0
  started=$(now_ms)
  while [ "$inserted" -lt "$DRAIN_EVENTS" ]; do
    n=$((DRAIN_EVENTS - inserted)); [ "$n" -gt "$CHUNK" ] && n=$CHUNK
    cpsql -v n="$n" -v template="$TEMPLATE" -f "$BENCH/sql/backlog-chunk.sql"
    inserted=$((inserted + n))
    if [ "$inserted" -lt "$DRAIN_EVENTS" ] && [ $(($(now_ms) - started)) -gt $((DRAIN_INSERT_SECONDS * 1000)) ]; then
      fig drain drain.note "reduced from $DRAIN_EVENTS: writing the backlog took over $DRAIN_INSERT_SECONDS s"
      break
    fi
  done
  cpsql -c "ANALYZE dualwrite_outbox" -c "ANALYZE prospect"
  fig drain drain.insertSeconds "$(secs_since "$started")"
  fig drain drain.method "prospect, timeline, sequence and outbox rows written by SQL (bench/sql/backlog-chunk.sql) as copies of a real signup's rows, the prospects-to-leads map paused meanwhile"
  PENDING=$(backlog)
  log "backlog of $PENDING events written in $(secs_since "$started") s; starting Sales again"
  started=$(now_ms)
  start_app sales
  fig drain drain.salesRestartMs "$(await_ready sales "$started" | cut -d' ' -f1)"
  LEADS_BEFORE=$(spsql -c "SELECT count(*) FROM lead")
  : > "$WORK/drain.tsv"
  cpu_snapshot "$WORK/cpu-s3.txt"
  T0=$(now_ms)
  cpsql -c "UPDATE dualwrite_map SET state = 'RUNNING', updated_at = now() WHERE name = 'prospects-to-leads'"
  left=$PENDING
  until=$((T0 + DRAIN_SECONDS * 1000))
  while [ "$left" -gt 0 ] && [ "$(now_ms)" -lt "$until" ]; do
    sleep 0.5
    left=$(backlog)
    printf '%s\t%s\n' "$(($(now_ms) - T0))" "$left" >> "$WORK/drain.tsv"
  done
  T1=$(now_ms)
  if [ "$left" -gt 0 ]; then
    # keep the rest of the run clean: what is left waits, paused, until the databases are dropped
    cpsql -c "UPDATE dualwrite_map SET state = 'PAUSED', updated_at = now() WHERE name = 'prospects-to-leads'"
    note "Scenario 3: $left events were still waiting after $DRAIN_SECONDS s; the map was paused again so that they do not load scenario 4."
  fi
  DELIVERED=$((PENDING - left))
  cpu_since "$WORK/cpu-s3.txt" drain "$DELIVERED" drain
  fig drain drain.events "$PENDING"
  fig drain drain.delivered "$DELIVERED"
  fig drain drain.complete "$([ "$left" -eq 0 ] && echo true || echo false)"
  fig drain drain.seconds "$(awk -v ms=$((T1 - T0)) 'BEGIN { printf "%.2f", ms / 1000 }')"
  fig drain drain.rate "$(awk -v n="$DELIVERED" -v ms=$((T1 - T0)) 'BEGIN { printf "%.2f", n * 1000 / ms }')"
  fig drain drain.leads "$(($(spsql -c "SELECT count(*) FROM lead") - LEADS_BEFORE))"
  # best rate over ~2 s of samples (the first claim waits for the relay's next sweep, up to 1 s)
  fig drain drain.sampleMs 2000
  fig drain drain.peakRate "$(awk -v total="$PENDING" -F'\t' '{ t[NR] = $1; d[NR] = total - $2 }
    END { best = 0; for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (t[j] - t[i] >= 2000) { r = (d[j] - d[i]) * 1000 / (t[j] - t[i]); if (r > best) best = r; break }
          printf "%.2f", best }' "$WORK/drain.tsv")"
  grep -E '^drain\.(rate|complete|seconds|delivered)=' "$FIG/drain.properties" | tr '\n' ' '; echo
}

# ---- Scenario 4: All prospects with many prospects ----
# The trigram index condition the app (SearchWords) builds for a text of these generated rows: their numbers are
# unique, so a word with a digit is chosen alone; without one, every word (names and companies share each word with
# one prospect in five to twenty).
index_condition() { # text -> SQL
  local words w sql=""
  words=$(echo "$1" | tr '[:upper:]' '[:lower:]' | tr -c '[:alnum:]' '\n' | awk 'length($0) >= 3' | sort -u)
  if echo "$words" | grep -q '[0-9]'; then words=$(echo "$words" | grep '[0-9]' | awk '{ print length($0) "\t" $0 }' | sort -rn | head -1 | cut -f2); fi
  for w in $words; do
    sql+="${sql:+ AND }search_text LIKE '%$w%'"
  done
  echo "$sql"
}
scenario_4() {
  log "scenario 4: $PAGES_ROWS prospects by generate_series, then the All prospects pages"
  insert_chunks "$PAGES_ROWS" "$BENCH/sql/many-prospects-chunk.sql" "$PAGES_INSERT_SECONDS" pages \
    "Scenario 4 ran with generated prospects"
  inserted=$INSERTED
  cpsql -c "VACUUM ANALYZE prospect"
  fig pages pages.rows "$(cpsql -c "SELECT count(*) FROM prospect")"
  # the searched company, email and name belong to one generated prospect three quarters of the way in
  read -r COMPANY EMAIL NAME < <(cpsql -F $'\t' -c "SELECT replace(company_name, ' ', '_'), email, replace(first_name || ' ' || last_name, ' ', '_')
    FROM prospect WHERE company_name LIKE '% GmbH' ORDER BY id OFFSET $((inserted * 3 / 4)) LIMIT 1" | tr '\t' ' ')
  COMPANY=${COMPANY//_/ }; NAME=${NAME//_/ }
  PAGES="first=/hq/prospects|status=/hq/prospects?status=NEW|company=/hq/prospects?q=$(urlencode "$COMPANY")"
  PAGES+="|email=/hq/prospects?q=$(urlencode "$EMAIL")|name=/hq/prospects?q=$(urlencode "$NAME")|page500=/hq/prospects?page=500"
  bench_jar pages --url "$COMMERCE_URL" --user hq --password hq-demo --pages "$PAGES" --warmup "$PAGES_WARMUP" \
    --iterations "$PAGES_ITERATIONS" --seconds-per-page "$PAGES_SECONDS" --out "$FIG/pages.properties" > "$WORK/pages.out"
  grep -E '^pages\.[a-z0-9]+\.p95=' "$FIG/pages.properties" | tr '\n' ' '; echo
  # the plans of the list and count queries behind those pages, for the diagnosis of a miss
  cpsql -v company="$(echo "$COMPANY" | tr '[:upper:]' '[:lower:]')" -v email="$EMAIL" \
    -v name="$(echo "$NAME" | tr '[:upper:]' '[:lower:]')" -v company_index="$(index_condition "$COMPANY")" \
    -v email_index="$(index_condition "$EMAIL")" -v name_index="$(index_condition "$NAME")" \
    -f "$BENCH/sql/explain-prospects.sql" > "$WORK/explain.txt" 2>&1 || true
  while IFS=$'\t' read -r label ms plan; do
    [ -n "$label" ] && note "EXPLAIN ANALYZE $label: $ms ms, $plan"
  done < <(awk -f "$BENCH/sql/explain-summary.awk" "$WORK/explain.txt")
}

# ---- Scenario 6: initial sync of many organisation customers to Sales ----
scenario_6() {
  log "scenario 6: $SYNC_CUSTOMERS organisation customers by SQL, then their initial sync to Sales, started on the console"
  local inserted
  insert_chunks "$SYNC_CUSTOMERS" "$BENCH/sql/org-customers-chunk.sql" "$SYNC_INSERT_SECONDS" sync \
    "Scenario 6 ran with organisation customers"
  inserted=$INSERTED
  cpsql -c "VACUUM ANALYZE customer"
  fig sync sync.customers "$inserted"
  local organisations accounts_before target t0 t1 accounts=0 sync_pid
  organisations=$(cpsql -c "SELECT count(*) FROM customer WHERE type = 'ORGANIZATION'")
  accounts_before=$(spsql -c "SELECT count(*) FROM account WHERE commerce_customer_id IS NOT NULL")
  target=$((accounts_before + inserted))
  fig sync sync.organisations "$organisations"
  cpu_snapshot "$WORK/cpu-s6.txt"
  : > "$WORK/sync-accounts.tsv"
  t0=$(now_ms)
  # the operator's part (sign in, Start initial sync with the CSRF field, progress read on the console every second)
  bench_jar initial-sync --url "$COMMERCE_URL" --user admin --password admin-demo --map customers-to-accounts \
    --seconds "$SYNC_SECONDS" --poll-ms 1000 --progress "$WORK/sync-progress.tsv" --out "$FIG/sync.properties" \
    > "$WORK/sync.out" 2>&1 &
  sync_pid=$!
  # Sales' part: accounts applied, read every second from the inbox's per-minute counts (a count(*) of a million
  # accounts every second would cost PostgreSQL more CPU than a tenth of the sync); counted for real once they add up
  local applied_sql="SELECT coalesce(sum(events), 0) FROM dualwrite_map_minute WHERE table_map = 'customers-to-accounts' AND kind = 'APPLIED'"
  local applied_before applied polls=0
  applied_before=$(spsql -c "$applied_sql")
  while [ "$accounts" -lt "$target" ] && [ $(($(now_ms) - t0)) -lt $((SYNC_SECONDS * 1000)) ]; do
    sleep 1
    applied=$(($(spsql -c "$applied_sql") - applied_before))
    accounts=$((accounts_before + applied))
    polls=$((polls + 1))
    if [ "$accounts" -ge "$target" ] || [ $((polls % 15)) -eq 0 ]; then   # and a real count every 15 s
      accounts=$(spsql -c "SELECT count(*) FROM account WHERE commerce_customer_id IS NOT NULL")
    fi
    printf '%s\t%s\n' "$(($(now_ms) - t0))" "$((accounts - accounts_before))" >> "$WORK/sync-accounts.tsv"
  done
  t1=$(now_ms)
  accounts=$(spsql -c "SELECT count(*) FROM account WHERE commerce_customer_id IS NOT NULL")
  wait "$sync_pid" || { log "the initial-sync command failed: $(tail -3 "$WORK/sync.out")"; note "Scenario 6: the initial-sync command failed: $(tail -1 "$WORK/sync.out")"; }
  local begin
  begin=$(prop "$FIG/sync.properties" sync.startedAtEpochMs); begin=${begin:-$t0}
  fig sync sync.accounts "$((accounts - accounts_before))"
  fig sync sync.complete "$([ "$accounts" -ge "$target" ] && echo true || echo false)"
  fig sync sync.accountsMs "$((t1 - begin))"
  fig sync sync.rate "$(awk -v n=$((accounts - accounts_before)) -v ms=$((t1 - begin)) 'BEGIN { printf "%.2f", (ms > 0 ? n * 1000 / ms : 0) }')"
  # progress as the console showed it: the first reading, every 10th, and the last
  fig sync sync.progress "$(awk -F'\t' '{ last = sprintf("%.0f s: %s/%s %s", $1 / 1000, $2, $3, $4) }
    NR == 1 || NR % 10 == 0 { printf "%s%s", (n++ ? ", " : ""), last; shown = NR }
    END { if (NR > 0 && shown != NR) printf "%s%s", (n ? ", " : ""), last }' "$WORK/sync-progress.tsv" 2>/dev/null | cut -c1-600)"
  # memory of both apps while the sync and its delivery ran (samples of mem.tsv in [t0, t1])
  for app in commerce sales; do
    awk -F'\t' -v a="$app" -v t0="$t0" -v t1="$t1" '$2 == a && $1 >= t0 && $1 <= t1 + 2000 {
        if ($3 > r) r = $3; if ($4 > h) h = $4; n++ }
      END { printf "sync.%s.rssMaxMb=%.1f\nsync.%s.heapMaxMb=%.1f\nsync.%s.memorySamples=%d\n", a, r / 1024, a, h / 1048576, a, n }' \
      "$FIG/mem.tsv" >> "$FIG/sync.properties"
  done
  cpu_since "$WORK/cpu-s6.txt" sync "$((accounts - accounts_before))" sync
  if [ "$accounts" -lt "$target" ]; then
    note "Scenario 6: $((target - accounts)) accounts were still missing in Sales after $SYNC_SECONDS s."
  fi
  grep -E '^sync\.(state|done|total|doneMs|accountsMs|rate|complete)=' "$FIG/sync.properties" | tr '\n' ' '; echo
}

# ---- The run ----
# the baseline and scenario 3 copy the shape of real signups: make sure there are a few
ensure_signups() {
  if [ "$(cpsql -c "SELECT count(*) FROM dualwrite_outbox WHERE event_type = 'prospect.submitted' AND status = 'DELIVERED'")" = 0 ]; then
    bench_jar signup-closed --url "$COMMERCE_URL" --users 2 --count 20 --seconds 30 --run-id "p$(date +%s)" --out "$WORK/prepare.properties" >/dev/null
    await_backlog_empty 60
  fi
}
scenario_on 1 && scenario_1
ensure_signups
baseline
scenario_on 2 && scenario_2
scenario_on 3 && scenario_3
scenario_on 4 && scenario_4
scenario_on 6 && scenario_6

# ---- Memory after the load ----
sleep 5
for app in commerce sales; do
  if sample=$(sample_memory "$app"); then
    fig memory "memory.$app.rssAfterMb" "$(echo "$sample" | awk -F'\t' '{ printf "%.1f", $1 / 1024 }')"
    fig memory "memory.$app.heapAfterMb" "$(echo "$sample" | awk -F'\t' '{ printf "%.1f", $2 / 1048576 }')"
    fig memory "memory.$app.heapCommittedAfterMb" "$(echo "$sample" | awk -F'\t' '{ printf "%.1f", $3 / 1048576 }')"
    fig memory "memory.$app.nonHeapAfterMb" "$(echo "$sample" | awk -F'\t' '{ printf "%.1f", $4 / 1048576 }')"
  fi
done
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=""
scenario_on 3 && note "Sales was restarted for scenario 3 (backlog drain): its memory figures are those of the second process, which ran the drain; its start-up figure is the first start on the fresh database."
note "Scenario 2 latency is \`applied_at - occurred_at\` of the run's events in Sales' dualwrite_inbox: occurred_at is the outbox row's created_at (now() in the signup transaction) and applied_at is now() in the inbox transaction, so both are the start of their transaction, a few ms before each commit."
note "Baseline: pgbench -M prepared with $SIGNUP_USERS clients on scratch copies (CREATE TABLE … LIKE … INCLUDING ALL) of the real tables, in the bench databases while the apps idle; one Commerce transaction (bench/sql/baseline-commerce.pgbench) and one Sales transaction (bench/sql/baseline-sales.pgbench) per replicated signup, so the baseline is 1 / (1/Commerce tps + 1/Sales tps). The relay's own statements (claim, delivered, prospect update, outbound timeline entry, link) are not in it."
note "CPU figures (per signup, per event, to ready) are CPU time of the app processes and of their PostgreSQL backends, JIT compilation and GC included (a short run is dominated by warm-up); the load generator's own CPU is not counted."
note "Load generator, apps and PostgreSQL share the same $(nproc) cores with other builds; run time $(secs_since "$RUN_STARTED") s."

# ---- Stop, report ----
stop_app commerce
stop_app sales
fig run run.loadavg.end "$(cut -d' ' -f1-3 /proc/loadavg)"
fig run run.seconds "$(secs_since "$RUN_STARTED")"
bench_jar report --work "$FIG" --md "$RESULTS/latest.md" --json "$RESULTS/latest.json" > "$WORK/report.out"
# the last run of each mode is kept too
cp "$RESULTS/latest.md" "$RESULTS/latest-$MODE.md"
cp "$RESULTS/latest.json" "$RESULTS/latest-$MODE.json"
log "done in $(secs_since "$RUN_STARTED") s: bench/results/latest.md and latest.json (also latest-$MODE.*)"
grep -E '^\| ' "$RESULTS/latest.md" | awk -F' \\| ' 'NR > 2 { print "  " $1 " → " $NF }' | sed 's/^  | /  /; s/ |$//'
