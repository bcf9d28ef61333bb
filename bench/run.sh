#!/usr/bin/env bash
# Benchmark of the whole system: fresh databases commerce_bench / sales_bench, both packaged apps on free
# loopback ports with production settings, the load generator of the bench module, a same-run pgbench
# baseline; writes bench/results/latest.md and latest.json. See the README, section "Performance".
#
#   bench/run.sh            full mode (100,000-event backlog, 1,000,000 prospects, initial sync of 1,000,000
#                           organisation customers, the Debezium peer; 15 to 30 minutes)
#   bench/run.sh --quick    small counts, under 3 minutes once the apps are built
#
# Counts and time bounds can be overridden with the environment variables listed under "Counts" below.
# SCENARIOS="3 peer" runs a subset; BENCH_COMMERCE_ROLE / BENCH_SALES_ROLE run the apps as roles of the bench's own
# (created here with this installation's passwords) so that a run never changes the password of a shared role.
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

# ---- Was the machine quiet? (sampled first, in bash alone, before anything of this run uses a CPU) ----
MACHINE_START_LOADAVG=$(cat /proc/loadavg)
MACHINE_START_STAT=$(head -1 /proc/stat)
sleep 1
MACHINE_START_STAT_1S=$(head -1 /proc/stat)

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
: "${SCENARIOS:=1 2 3 peer 4 6}"   # a subset for a partial run, e.g. SCENARIOS="3"; the others are reported "not run"
# the relay's batch size and delivery lanes (dualwrite.relay.batch-size / workers, their defaults), passed to Commerce
# so that the same-work baseline of scenario 3 and the peer use exactly the relay's batch
: "${RELAY_BATCH_SIZE:=200}" "${RELAY_WORKERS:=3}"
# the peer (Debezium): its poll interval (ms; Debezium's default 500 would add up to half a second per delivery) and
# its warm-up signups before the latency is measured
: "${PEER_POLL_MS:=1}" "${PEER_WARMUP:=100}"
: "${BENCH_PG_EXPLAIN_MS:=}"        # e.g. 20: PostgreSQL logs the plan of every statement slower than 20 ms (server log)
: "${BENCH_JFR:=}"                 # BENCH_JFR=1 records a Java Flight Recording of each app in bench/work/*.jfr
: "${BENCH_JAVA_OPTS:=$(grep -v '^#' "$ROOT/scripts/app-jvm.options" | tr '\n' ' ')}"   # the same JVM options as start.sh
: "${MALLOC_ARENA_MAX:=2}"         # as start.sh: fewer glibc malloc arenas, less RSS
CHUNK=${CHUNK:-100000}            # rows per SQL insert statement (bulk steps stop between chunks when over time)

COMMERCE_DB="${BENCH_COMMERCE_DB:-commerce_bench}"   # other names let two runs share one PostgreSQL
SALES_DB="${BENCH_SALES_DB:-sales_bench}"
COMMERCE_ROLE="${BENCH_COMMERCE_ROLE:-commerce}"     # the apps' database roles (see the header)
SALES_ROLE="${BENCH_SALES_ROLE:-sales}"
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
cpsql() { PGPASSWORD="$COMMERCE_DB_PASSWORD" psql -h 127.0.0.1 -U "$COMMERCE_ROLE" -d "$COMMERCE_DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
spsql() { PGPASSWORD="$SALES_DB_PASSWORD" psql -h 127.0.0.1 -U "$SALES_ROLE" -d "$SALES_DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
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
  if declare -F peer_cleanup > /dev/null; then peer_cleanup; fi
  exit $rc
}
# a previous run that was interrupted: stop its apps (only processes this script started, found by their pid files)
for name in commerce sales commerce-peer; do
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
fig run run.machine.start.loadavg "$MACHINE_START_LOADAVG"
fig run run.machine.start.stat "$MACHINE_START_STAT"
fig run run.machine.start.stat1s "$MACHINE_START_STAT_1S"
fig run run.relay.batchSize "$RELAY_BATCH_SIZE"
fig run run.relay.workers "$RELAY_WORKERS"
log "mode $MODE, load average $(echo "$MACHINE_START_LOADAVG" | cut -d' ' -f1-3) at the start (other builds share this machine: compare figures with the same-run baselines)"

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
if [ "$COMMERCE_ROLE" = commerce ] && [ "$SALES_ROLE" = sales ]; then
  EXTRA_DATABASES="commerce:$COMMERCE_DB sales:$SALES_DB" scripts/db-setup.sh >/dev/null
else
  # roles of the bench's own: their passwords are this installation's (scripts/secrets.sh); no shared role is touched
  for pair in "$COMMERCE_ROLE:$COMMERCE_DB:$COMMERCE_DB_PASSWORD" "$SALES_ROLE:$SALES_DB:$SALES_DB_PASSWORD"; do
    IFS=: read -r role db password <<< "$pair"
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -d postgres -v role="$role" -v db="$db" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')\gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
SQL
  done
fi
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
# below the kernel's ephemeral range (the local ports of outgoing connections: a port free when it is chosen could be
# taken by one before a slow start-up binds it)
EPHEMERAL_FROM=$(awk '{ print $1 }' /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
free_port() {
  local p low=10000 high=$((EPHEMERAL_FROM > 12000 ? EPHEMERAL_FROM : 32768))
  for _ in $(seq 1 200); do
    p=$((low + RANDOM % (high - low)))
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
      COMMERCE_DB_USER="$COMMERCE_ROLE" SALES_URL="$SALES_URL" COMMERCE_PUBLIC_URL="$COMMERCE_URL" MAIL_MOCK=true \
      MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" SIGNUP_LIMIT_PER_ADDRESS=1000000000 \
      DUALWRITE_RELAY_BATCH_SIZE="$RELAY_BATCH_SIZE" DUALWRITE_RELAY_WORKERS="$RELAY_WORKERS" \
      java $BENCH_JAVA_OPTS $jfr -Dquarkus.http.port="$COMMERCE_PORT" -jar quarkus-run.jar) \
      >> "$WORK/commerce.log" 2>&1 < /dev/null &
  else
    (cd "$ROOT/sales-app/target/quarkus-app" && exec env SALES_DB_URL="jdbc:postgresql://127.0.0.1:5432/$SALES_DB" \
      SALES_DB_USER="$SALES_ROLE" COMMERCE_URL="$COMMERCE_URL" MAIL_MOCK=true MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" \
      java $BENCH_JAVA_OPTS $jfr -Dquarkus.http.port="$SALES_PORT" -jar quarkus-run.jar) \
      >> "$WORK/sales.log" 2>&1 < /dev/null &
  fi
  echo $! > "$WORK/$name.pid"
}
app_url() { case "$1" in commerce) echo "$COMMERCE_URL" ;; commerce-peer) echo "$PEER_COMMERCE_URL" ;; *) echo "$SALES_URL" ;; esac; }
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
  local ok warm first last
  ok=$(prop "$FIG/signup.properties" signup.ok); warm=$(prop "$FIG/signup.properties" signup.warmup.ok)
  cpu_since "$WORK/cpu-s1.txt" signup "$(( ${ok:-0} + ${warm:-0} ))" signup
  # PASS needs every accepted signup (warm-up included) to be one prospect in Commerce and one lead in Sales: the
  # prospect ids of the run's answers span [first, last] (one Commerce process hands them out, no one else signs up)
  first=$(prop "$FIG/signup.properties" signup.warmup.firstProspectId); first=${first:-$(prop "$FIG/signup.properties" signup.firstProspectId)}
  last=$(prop "$FIG/signup.properties" signup.lastProspectId)
  fig signup signup.accepted "$(( ${ok:-0} + ${warm:-0} ))"
  if [ -n "$first" ] && [ -n "$last" ]; then
    fig signup signup.prospects "$(cpsql -c "SELECT count(*) FROM prospect WHERE id BETWEEN $first AND $last")"
    fig signup signup.leads "$(spsql -c "SELECT count(*) FROM lead WHERE prospect_id BETWEEN $first AND $last")"
  fi
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
  COMMERCE_TPS=$(run_pgbench "$COMMERCE_DB" "$COMMERCE_ROLE" "$COMMERCE_DB_PASSWORD" "$BENCH/sql/baseline-commerce.pgbench" "$SIGNUP_USERS")
  SALES_TPS=$(run_pgbench "$SALES_DB" "$SALES_ROLE" "$SALES_DB_PASSWORD" "$BENCH/sql/baseline-sales.pgbench" "$SIGNUP_USERS")
  # one client: what a strictly serial pipeline (one relay thread, one event per inbox transaction) could reach
  SALES_TPS_1=$(run_pgbench "$SALES_DB" "$SALES_ROLE" "$SALES_DB_PASSWORD" "$BENCH/sql/baseline-sales.pgbench" 1)
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

# ---- Same-work baseline of scenario 3: pgbench with the database work of delivering one batch ----
# As many events as the drain, in batches of the relay's size, by as many clients as the relay has lanes; each side
# alone (Commerce: the claim, the acknowledgement, the per-minute count; Sales: the apply, the per-minute count),
# then checked: every transaction must have done a whole batch. See bench/sql/drain-baseline-*.
drain_baseline() {
  local batches per_client pool template out tps rows
  batches=$(( (DRAIN_EVENTS + RELAY_BATCH_SIZE - 1) / RELAY_BATCH_SIZE ))
  per_client=$(( (batches + RELAY_WORKERS - 1) / RELAY_WORKERS ))
  pool=$(( per_client * RELAY_WORKERS * RELAY_BATCH_SIZE ))
  log "same-work baseline of scenario 3: pgbench $RELAY_WORKERS clients × $per_client batches of $RELAY_BATCH_SIZE events per database"
  template=$(cpsql -c "SELECT max(id) FROM dualwrite_outbox WHERE event_type = 'prospect.submitted' AND status = 'DELIVERED'")
  cpsql -v n="$pool" -v template="$template" -f "$BENCH/sql/drain-baseline-setup-commerce.sql" >/dev/null
  spsql -v batch="$RELAY_BATCH_SIZE" -f "$BENCH/sql/drain-baseline-setup-sales.sql" >/dev/null
  fig baseline baseline.drain.batch "$RELAY_BATCH_SIZE"
  fig baseline baseline.drain.clients "$RELAY_WORKERS"
  fig baseline baseline.drain.transactionsPerClient "$per_client"
  fig baseline baseline.drain.poolEvents "$pool"
  for side in commerce sales; do
    local db=$COMMERCE_DB role=$COMMERCE_ROLE password=$COMMERCE_DB_PASSWORD
    [ "$side" = sales ] && db=$SALES_DB role=$SALES_ROLE password=$SALES_DB_PASSWORD
    out="$WORK/pgbench-drain-$side.out"
    PGPASSWORD="$password" pgbench -h 127.0.0.1 -U "$role" -n -M prepared -c "$RELAY_WORKERS" \
      -j "$(( RELAY_WORKERS < 2 ? 1 : 2 ))" -t "$per_client" -D batch="$RELAY_BATCH_SIZE" \
      -f "$BENCH/sql/drain-baseline-$side.pgbench" "$db" > "$out" 2> "$WORK/pgbench-drain-$side.err" || true
    tps=$(awk '/^tps = / { print $3; exit }' "$out")
    fig baseline "baseline.drain.${side}BatchTps" "$tps"
    fig baseline "baseline.drain.${side}EventsExpected" "$pool"
  done
  read -r rows _ <<< "$(cpsql -F ' ' -f "$BENCH/sql/drain-baseline-verify-commerce.sql")"
  fig baseline baseline.drain.deliveredRows "$rows"
  read -r rows _ <<< "$(spsql -F ' ' -f "$BENCH/sql/drain-baseline-verify-sales.sql")"
  fig baseline baseline.drain.leadRows "$rows"
  cpsql -f "$BENCH/sql/drain-baseline-teardown-commerce.sql" >/dev/null
  spsql -f "$BENCH/sql/drain-baseline-teardown-sales.sql" >/dev/null
  local valid=false
  [ "$(prop "$FIG/baseline.properties" baseline.drain.deliveredRows)" = "$pool" ] \
    && [ "$(prop "$FIG/baseline.properties" baseline.drain.leadRows)" = "$pool" ] \
    && [ -n "$(prop "$FIG/baseline.properties" baseline.drain.commerceBatchTps)" ] \
    && [ -n "$(prop "$FIG/baseline.properties" baseline.drain.salesBatchTps)" ] && valid=true
  fig baseline baseline.drain.valid "$valid"
  log "same-work baseline: Commerce $(prop "$FIG/baseline.properties" baseline.drain.commerceBatchTps) batches/s, Sales $(prop "$FIG/baseline.properties" baseline.drain.salesBatchTps) batches/s, valid $valid (see bench/work/pgbench-drain-*.err if not)"
}

# ---- Scenario 2: replication latency at a fixed rate (open loop) ----
# the load generator's LISTEN connection to the Sales bench database (its password from the environment, not argv)
commits_options() {
  echo "--commits-db jdbc:postgresql://127.0.0.1:5432/$SALES_DB --commits-user $SALES_ROLE --commits-password-env SALES_DB_PASSWORD --commits-wait-seconds 60"
}
scenario_2() {
  log "scenario 2: $REPL_RATE signups/s, up to $REPL_COUNT signups / $REPL_SECONDS s"
  # answer → lead committed, seen outside both apps: a trigger on Sales' lead notifies at commit, the load generator
  # listens (bench/sql/lead-commit-notify.sql; dropped again right after)
  spsql -f "$BENCH/sql/lead-commit-notify.sql"
  bench_jar signup-open --url "$COMMERCE_URL" --rate "$REPL_RATE" --count "$REPL_COUNT" --seconds "$REPL_SECONDS" \
    --visitors 20 --run-id "s2$(date +%s)" --out "$FIG/replication.properties" $(commits_options) > "$WORK/replication.out"
  spsql -f "$BENCH/sql/lead-commit-notify-drop.sql"
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
    grep -E '^replication\.(outside\.p50|outside\.p99|outside\.missing|commit\.p99|errors)=' "$FIG/replication.properties" | tr '\n' ' '; echo
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
  BACKLOG_AFTER=$(cpsql -c "SELECT coalesce(max(id), 0) FROM prospect")   # the backlog's prospects come after it
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
  # PASS needs every event applied once, counted in the databases: one lead and one inbox row per backlog prospect in
  # Sales, every backlog event DELIVERED in Commerce (and none DEAD or SKIPPED)
  local backlog_range="> $BACKLOG_AFTER"
  fig drain drain.leads "$(spsql -c "SELECT count(*) FROM lead WHERE prospect_id $backlog_range")"
  fig drain drain.inboxRows "$(spsql -c "SELECT count(*) FROM dualwrite_inbox WHERE aggregate_type = 'prospect'
    AND event_type = 'prospect.submitted' AND aggregate_id::bigint $backlog_range")"
  read -r delivered_rows dead_rows skipped_rows < <(cpsql -F ' ' -c "SELECT count(*) FILTER (WHERE status = 'DELIVERED'),
    count(*) FILTER (WHERE status = 'DEAD'), count(*) FILTER (WHERE status = 'SKIPPED') FROM dualwrite_outbox
    WHERE aggregate_type = 'prospect' AND event_type = 'prospect.submitted' AND aggregate_id::bigint $backlog_range")
  fig drain drain.deliveredRows "$delivered_rows"
  fig drain drain.deadRows "$dead_rows"
  fig drain drain.skippedRows "$skipped_rows"
  fig drain drain.events "$PENDING"
  fig drain drain.delivered "$DELIVERED"
  fig drain drain.complete "$([ "$left" -eq 0 ] && echo true || echo false)"
  fig drain drain.seconds "$(awk -v ms=$((T1 - T0)) 'BEGIN { printf "%.2f", ms / 1000 }')"
  fig drain drain.rate "$(awk -v n="$DELIVERED" -v ms=$((T1 - T0)) 'BEGIN { printf "%.2f", n * 1000 / ms }')"
  # best rate over ~2 s of samples (the first claim waits for the relay's next sweep, up to 1 s)
  fig drain drain.sampleMs 2000
  fig drain drain.peakRate "$(awk -v total="$PENDING" -F'\t' '{ t[NR] = $1; d[NR] = total - $2 }
    END { best = 0; for (i = 1; i <= NR; i++) for (j = i + 1; j <= NR; j++) if (t[j] - t[i] >= 2000) { r = (d[j] - d[i]) * 1000 / (t[j] - t[i]); if (r > best) best = r; break }
          printf "%.2f", best }' "$WORK/drain.tsv")"
  grep -E '^drain\.(rate|complete|seconds|leads|deadRows)=' "$FIG/drain.properties" | tr '\n' ' '; echo
}

# ---- The peer: Debezium's outbox pattern beside our relay ----
# A PostgreSQL cluster of the bench's own (initdb under bench/work/peer, its own port, wal_level=logical; the
# machine's server is never changed) holds a second Commerce bench database; a second Commerce process uses it with
# its relay off; Debezium Embedded (the load generator's peer-latency / peer-drain, onboarding.bench.peer) reads its
# outbox through a replication slot and a publication and posts each batch, signed, to the same Sales.
PEER_DIR="$WORK/peer"
PEER_PG_BIN=/usr/lib/postgresql/15/bin
PEER_PORT=""
PEER_COMMERCE_URL=""
peer_psql() { as_postgres psql -h "$PEER_DIR" -p "$PEER_PORT" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
ppsql() { PGPASSWORD="$COMMERCE_DB_PASSWORD" psql -h 127.0.0.1 -p "$PEER_PORT" -U "$COMMERCE_ROLE" -d "$COMMERCE_DB" -X -q -A -t -v ON_ERROR_STOP=1 "$@"; }
peer_cleanup() { # the peer's Commerce and cluster, if this run (or an interrupted one) left them
  stop_app commerce-peer
  if [ -f "$PEER_DIR/data/postmaster.pid" ]; then
    as_postgres "$PEER_PG_BIN/pg_ctl" -D "$PEER_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
}
peer_failed() { # reason -> the peer's row says why it did not run
  log "peer: $1"
  fig peer peer.error "$1"
  peer_cleanup
}
scenario_peer() {
  log "peer: Debezium's outbox pattern on a cluster of the bench's own, beside our relay"
  local version
  version=$(ls "$BENCH/target/lib" | sed -n 's/^debezium-embedded-\(.*\)\.jar$/\1/p' | head -1)
  fig peer peer.debeziumVersion "${version:-?}"
  fig peer peer.batchSize "$RELAY_BATCH_SIZE"
  fig peer peer.pollMs "$PEER_POLL_MS"
  [ -x "$PEER_PG_BIN/initdb" ] || { peer_failed "no $PEER_PG_BIN/initdb (Debian package postgresql-15)"; return 0; }
  peer_cleanup
  rm -rf "$PEER_DIR"
  mkdir -p "$PEER_DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$PEER_DIR"
  PEER_PORT=$(free_port)
  if ! as_postgres "$PEER_PG_BIN/initdb" -D "$PEER_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 > "$WORK/peer-initdb.log" 2>&1; then
    peer_failed "initdb failed: $(tail -1 "$WORK/peer-initdb.log")"; return 0
  fi
  # the machine's server's settings (autovacuum off, 128 MB of shared buffers, fsync on), plus logical decoding
  local settings="-c port=$PEER_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$PEER_DIR"
  settings+=" -c wal_level=logical -c max_replication_slots=4 -c max_wal_senders=4 -c shared_buffers=128MB"
  settings+=" -c autovacuum=off -c fsync=on -c max_wal_size=1GB -c min_wal_size=80MB"
  fig peer peer.cluster "PostgreSQL $("$PEER_PG_BIN/postgres" --version | awk '{ print $3 }') on port $PEER_PORT: wal_level=logical, shared_buffers 128 MB, autovacuum off, fsync on, as the machine's server"
  if ! as_postgres "$PEER_PG_BIN/pg_ctl" -D "$PEER_DIR/data" -l "$PEER_DIR/server.log" -w -t 60 -o "$settings" start >/dev/null; then
    peer_failed "the bench's cluster did not start: $(tail -1 "$PEER_DIR/server.log")"; return 0
  fi
  PEER_CDC_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n')
  export PEER_CDC_PASSWORD
  peer_psql -d postgres -v role="$COMMERCE_ROLE" -v password="$COMMERCE_DB_PASSWORD" -v cdc="$PEER_CDC_PASSWORD" \
    -v db="$COMMERCE_DB" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')\gexec
SELECT format('CREATE ROLE bench_cdc LOGIN REPLICATION PASSWORD %L', :'cdc')\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')\gexec
SQL
  # the peer's Commerce: the same packaged app and options, its relay off, on the bench's cluster
  local port started
  port=$(free_port)
  PEER_COMMERCE_URL="http://127.0.0.1:$port"
  : > "$WORK/commerce-peer.log"
  (cd "$ROOT/commerce-app/target/quarkus-app" && exec env COMMERCE_DB_URL="jdbc:postgresql://127.0.0.1:$PEER_PORT/$COMMERCE_DB" \
    COMMERCE_DB_USER="$COMMERCE_ROLE" SALES_URL="$SALES_URL" COMMERCE_PUBLIC_URL="$PEER_COMMERCE_URL" MAIL_MOCK=true \
    MALLOC_ARENA_MAX="$MALLOC_ARENA_MAX" SIGNUP_LIMIT_PER_ADDRESS=1000000000 DUALWRITE_RELAY_ENABLED=false \
    java $BENCH_JAVA_OPTS -Dquarkus.http.port="$port" -jar quarkus-run.jar) >> "$WORK/commerce-peer.log" 2>&1 < /dev/null &
  echo $! > "$WORK/commerce-peer.pid"
  started=$(now_ms)
  await_ready commerce-peer "$started" > /dev/null || { peer_failed "the peer's Commerce did not start (bench/work/commerce-peer.log)"; return 0; }
  # what Debezium reads (a publication of the outbox, SELECT for its slot's user); the peer's prospect ids far from
  # the main Commerce's (Sales keeps one lead per prospect id)
  peer_psql -d "$COMMERCE_DB" -c "CREATE PUBLICATION bench_outbox FOR TABLE dualwrite_outbox" \
    -c "GRANT SELECT ON dualwrite_outbox TO bench_cdc" -c "SELECT setval('prospect_seq', 1000000000)" >/dev/null
  local common=(--sales-url "$SALES_URL" --secret-env DUALWRITE_SECRETS --peer-port "$PEER_PORT" --peer-db "$COMMERCE_DB"
    --peer-user bench_cdc --peer-password-env PEER_CDC_PASSWORD --offsets "$PEER_DIR/offsets.dat"
    --batch-size "$RELAY_BATCH_SIZE" --poll-ms "$PEER_POLL_MS")
  # latency: the same open-loop signups and outside measure as scenario 2
  spsql -f "$BENCH/sql/lead-commit-notify.sql"
  if ! bench_jar peer-latency "${common[@]}" --url "$PEER_COMMERCE_URL" --rate "$REPL_RATE" --count "$REPL_COUNT" \
      --seconds "$REPL_SECONDS" --visitors 20 --warmup "$PEER_WARMUP" --run-id "pe$(date +%s)" $(commits_options) \
      --out "$FIG/peer.properties" > "$WORK/peer-latency.out" 2>&1; then
    spsql -f "$BENCH/sql/lead-commit-notify-drop.sql"
    peer_failed "peer-latency failed: $(grep -m1 -E 'Exception|Error' "$WORK/peer-latency.out" | cut -c1-300)"; return 0
  fi
  spsql -f "$BENCH/sql/lead-commit-notify-drop.sql"
  grep -E '^peer\.latency\.(outside\.p50|outside\.p99|outside\.missing)=' "$FIG/peer.properties" | tr '\n' ' '; echo
  # drain: a backlog written by the same SQL as scenario 3's while Debezium is stopped, then Debezium started
  local template first_outbox after n inserted=0
  template=$(ppsql -c "SELECT max(id) FROM dualwrite_outbox WHERE event_type = 'prospect.submitted'")
  first_outbox=$(ppsql -c "SELECT coalesce(max(id), 0) + 1 FROM dualwrite_outbox")
  after=$(ppsql -c "SELECT coalesce(max(id), 0) FROM prospect")
  while [ "$inserted" -lt "$DRAIN_EVENTS" ]; do
    n=$((DRAIN_EVENTS - inserted)); [ "$n" -gt "$CHUNK" ] && n=$CHUNK
    ppsql -v n="$n" -v template="$template" -f "$BENCH/sql/backlog-chunk.sql"
    inserted=$((inserted + n))
  done
  ppsql -c "ANALYZE dualwrite_outbox" -c "ANALYZE prospect"
  n=$(ppsql -c "SELECT count(*) FROM dualwrite_outbox WHERE id >= $first_outbox")
  log "peer: backlog of $n events written; starting Debezium"
  if ! bench_jar peer-drain "${common[@]}" --events "$n" --first-outbox-id "$first_outbox" --seconds "$DRAIN_SECONDS" \
      --out "$FIG/peer.properties" > "$WORK/peer-drain.out" 2>&1; then
    peer_failed "peer-drain failed: $(grep -m1 -E 'Exception|Error' "$WORK/peer-drain.out" | cut -c1-300)"; return 0
  fi
  fig peer peer.drain.leads "$(spsql -c "SELECT count(*) FROM lead WHERE prospect_id > $after")"
  fig peer peer.drain.inboxRows "$(spsql -c "SELECT count(*) FROM dualwrite_inbox WHERE aggregate_type = 'prospect'
    AND event_type = 'prospect.submitted' AND aggregate_id::bigint > $after")"
  grep -E '^peer\.drain\.(rate|complete|seconds|leads)=' "$FIG/peer.properties" | tr '\n' ' '; echo
  peer_cleanup
  rm -rf "$PEER_DIR"
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
  # the prospect each page must show (PASS needs it on every measured answer): the first row of the list, as the
  # app orders it (newest first); a text search's newest match is the row whose search_text holds the text
  local newest="ORDER BY submitted_at DESC, id DESC"
  EXPECT="first=$(cpsql -c "SELECT number FROM prospect $newest LIMIT 1")"
  EXPECT+="|status=$(cpsql -c "SELECT number FROM prospect WHERE status = 'NEW' $newest LIMIT 1")"
  for pair in "company=$COMPANY" "email=$EMAIL" "name=$NAME"; do
    EXPECT+="|${pair%%=*}=$(cpsql -v text="${pair#*=}" <<< "SELECT number FROM prospect WHERE strpos(search_text, lower(:'text')) > 0 $newest LIMIT 1")"
  done
  EXPECT+="|page500=$(cpsql -c "SELECT number FROM prospect $newest OFFSET 12475 LIMIT 1")"   # 25 a page
  bench_jar pages --url "$COMMERCE_URL" --user hq --password hq-demo --pages "$PAGES" --expect "$EXPECT" --warmup "$PAGES_WARMUP" \
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
{ scenario_on 3 || scenario_on peer; } && drain_baseline
scenario_on 2 && scenario_2
scenario_on 3 && scenario_3
scenario_on peer && scenario_peer
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
note "Scenario 2 and the peer: latency from the arrival of a signup's 303 answer at the load generator to the arrival there of its lead's commit, as a notification: a trigger on Sales' lead (bench/sql/lead-commit-notify.sql, present only during these measurements) calls pg_notify with the prospect number, which PostgreSQL delivers at commit, and the load generator LISTENs on a JDBC connection of its own; both instants on the load generator's clock. The in-database figure (second row of scenario 2) is \`applied_at - occurred_at\` in Sales' dualwrite_inbox: both are now(), the start of the signup transaction and of the inbox transaction, so it leaves out the signup's commit, the apply and Sales' commit."
note "Baseline of scenario 1: pgbench -M prepared with $SIGNUP_USERS clients on scratch copies (CREATE TABLE … LIKE … INCLUDING ALL) of the real tables, in the bench databases while the apps idle; one Commerce transaction (bench/sql/baseline-commerce.pgbench) and one Sales transaction (bench/sql/baseline-sales.pgbench) per replicated signup, so the baseline is 1 / (1/Commerce tps + 1/Sales tps). The relay's own statements (claim, delivered, prospect update, outbound timeline entry, link) are not in it: it is the signup's own work, not the bridge's."
note "Baseline of scenario 3 (the same work as the drain): pgbench -M prepared -t with $RELAY_WORKERS clients (the relay's lanes), batches of $RELAY_BATCH_SIZE events (the relay's batch size) and as many events as the drain, on scratch copies of the real tables. Commerce, per batch (bench/sql/drain-baseline-commerce.pgbench): the relay's claim statement in its own transaction; record links, the prospects marked replicated, their timeline entries and the events marked DELIVERED in one transaction; the per-minute count. Sales, per batch (bench/sql/drain-baseline-sales.pgbench): the duplicate check, the lookup of existing leads, the leads, links, timeline entries and inbox rows in one transaction; the per-minute count. Baseline = batch / (1/Commerce batches/s + 1/Sales batches/s); valid only when every transaction did a whole batch (rows counted after). Set-based where the app sends one UPDATE per prospect in a JDBC batch; HTTP, JSON and Hibernate are not in it."
note "CPU figures (per signup, per event, to ready) are CPU time of the app processes and of their PostgreSQL backends, JIT compilation and GC included (a short run is dominated by warm-up); the load generator's own CPU is not counted."
note "Load generator, apps and PostgreSQL share the same $(nproc) cores with other builds; run time $(secs_since "$RUN_STARTED") s."

# ---- Stop, report ----
stop_app commerce
stop_app sales
fig run run.machine.end.loadavg "$(cat /proc/loadavg)"
fig run run.machine.end.stat "$(head -1 /proc/stat)"
fig run run.seconds "$(secs_since "$RUN_STARTED")"
bench_jar report --work "$FIG" --md "$RESULTS/latest.md" --json "$RESULTS/latest.json" > "$WORK/report.out"
# the last run of each mode is kept too
cp "$RESULTS/latest.md" "$RESULTS/latest-$MODE.md"
cp "$RESULTS/latest.json" "$RESULTS/latest-$MODE.json"
log "done in $(secs_since "$RUN_STARTED") s: bench/results/latest.md and latest.json (also latest-$MODE.*)"
grep -E '^\| ' "$RESULTS/latest.md" | awk -F' \\| ' 'NR > 2 { print "  " $1 " → " $NF }' | sed 's/^  | /  /; s/ |$//'
