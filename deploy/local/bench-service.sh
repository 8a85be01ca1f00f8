#!/usr/bin/env bash
# capital-, licensing- or notification-service benchmark on the real local stack, the simulator as load generator
# (BENCHMARKS.md, issue #18), the same machinery as bench-aml.sh:
#   0. set-up: BENCH_FIRMS generic firms (F-0001 ...) onboarded through licensing-service (rosters and controllers
#      on Kafka, licences registered once they are applied); for capital-service the licences then reach it on
#      aifc.licences (licensing-service's outbox), so every snapshot is held to a real requirement (none for
#      notification-service: it takes alerts of any firm);
#   1. raw Kafka produce rate (the yardstick): the simulator's load-capital, load-licensing or load-alerts scenario,
#      flat out, into the service's topics while the service is stopped;
#   2. drain: the service starts and works through that backlog; the first WARMUP events warm it up (reported as the
#      cold start), then the sustained events/s end to end over the next EVENTS (capital, licensing: consumed,
#      evaluated, stored, alerts emitted through the outbox, and how long after the last event the outbox had
#      published every alert; notification: alerts applied, from its own counter, and pushed to a connected SSE client
#      (BenchProbe sse, a regulator's token), whose rate over the last EVENTS it received is reported beside it);
#      steps 1-2 are repeated BENCH_RUNS times (the service restarts each time), medians quoted;
#   3. paced: BENCH_RATE events/s for SECONDS with the producer running, and whether the service kept up; for
#      notification also Kafka-to-SSE latency p50/p99 (the alert record's timestamp to its SSE event's arrival);
#      and the CPU that phase took, in ms per event: the service's process and PostgreSQL's (all its processes),
#      from the start of the phase until its last event was applied ("pacedCpu"; steadier than a latency on a noisy
#      machine);
#   With BENCH_PACED_WARMUP=S, the paced phase is preceded by S seconds of the same traffic at the same rate, reported
#   apart ("paced.warmup"): the phase after it is the service as it runs after a while, its JIT settled;
#   4. the service's peak resident memory (VmHWM) of its last start (which ran steps 2-3).
# notification with BENCH_BESIDE_AML=N: before the paced phase, N screened transactions (bench-aml.sh's traffic) are
# produced into topics of their own and the packaged aml-service starts on them, so it drains that backlog through the
# paced phase, sharing the two cores, the broker and PostgreSQL (issue #18: the desk's latency while aml-service
# drains a backlog); its rate over the paced phase and whether it was still draining at its end are reported. Its
# traffic is bench-aml.sh's (lib.sh's AML_BENCH_TRAFFIC and AML_BENCH_EVENT_IDS). With
# BENCH_BESIDE_AML_NICE=N (1-19) aml-service and its PostgreSQL backends run at that niceness, a lower CPU priority
# than the desk's: what separate CPU shares (deploy/k8s's requests) would give on one machine.
# Traffic: every event of a random firm. capital, licensing: a share of them (BENCH_BREACH_SHARE, default 2%)
# breaches and the firm's next event of the kind cures it, so about twice that share of events raises or resolves an
# alert: a snapshot under the capital requirement (CAP-001 and CAP-002), a controller over 10% without approval
# (FP-008) and back (its decrease notice). licensing: half staff changes (directors and deputy MLROs coming and
# going), half controller changes. Each run's snapshots are dated after the previous run's, so none is late.
# notification: alerts raised by a mix of AML, capital and fit-and-proper rules (all severities the rulebooks use),
# each a new alert; BENCH_BREACH_SHARE (default 30%) of them resolved by their source a few hundred records later.
# Usage: deploy/local/bench-service.sh capital|licensing|notification [EVENTS (default 100000)] [SECONDS (default 30)]
# Environment: BENCH_RUNS (3), BENCH_WARMUP (events drained before the sustained rate is measured, default EVENTS, > 0),
#   BENCH_FIRMS (200), BENCH_BREACH_SHARE (0.02; notification 0.3), BENCH_RATE (paced phase, 5000; notification
#   1000), BENCH_HEAP and BENCH_JAVA_OPTS (default: the service's Deployment's, deployed-jvm.sh; aml-service beside
#   the desk always runs with its own), BENCH_PORT_BASE (8090: notification on +0, capital on +1, licensing on +3;
#   when set, it also names the run's databases, aifc_<service>_bench_<BENCH_PORT_BASE>, so two runs on one machine
#   keep apart), BENCH_SERVICE_JAR (measure another build of the service, e.g. an older commit's
#   quarkus-run.jar; the set-up and the load side stay this tree's), BENCH_SETUP_JAR (the licensing-service that
#   onboards the firms; default this tree's), BENCH_BESIDE_AML (notification: a backlog for aml-service, above; 0),
#   BENCH_BESIDE_AML_NICE (its niceness, above; 0), AML_BENCH_EVENT_IDS (its event ids, above; uuid),
#   BENCH_DESK_PGPORT (notification: its database in a PostgreSQL instance of its own on this port, made and started
#   if none answers there; 5432, the shared one), BENCH_BESIDE_AML_CPUS (notification, with BENCH_BESIDE_AML and
#   BENCH_DESK_PGPORT: aml-service and the shared PostgreSQL instance, which then holds only its database, run on these
#   CPUs alone, a taskset list such as 1, as a drain held to the CPU of its own pod and database would be; the desk,
#   its instance, the broker and the load side keep every CPU; the shared instance gets every CPU back at the end),
#   BENCH_SSE_LISTENERS (notification: that many more live streams open through the paced phase, each a regulator
#   reading every alert and discarding it, as officers watching the desk would; 0), BENCH_PACED_WARMUP (seconds of
#   paced traffic before the measured paced phase, step 3; 0), BENCH_HISTORY_DAYS (notification: that many days of
#   the same traffic applied before the first run, below; 0), BENCH_HISTORY_PER_DAY (its alert events a day; 5,000,
#   about what bench-aml.sh's three firms raise: 2% of their 170,000 transactions a day are AML alerts, 70% of the mix).
#   Results: $STATE_DIR/bench/<service>-*.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICE="${1:-}"
case "$SERVICE" in
  capital) TOPICS_OF_SERVICE="aifc.capital.snapshots" SCENARIO=load-capital ;;
  licensing) TOPICS_OF_SERVICE="aifc.staff.changes,aifc.controllers.changes" SCENARIO=load-licensing ;;
  notification) TOPICS_OF_SERVICE="aifc.compliance.alerts" SCENARIO=load-alerts ;;
  *) die "usage: deploy/local/bench-service.sh capital|licensing|notification [EVENTS] [SECONDS]" ;;
esac
EVENTS="${2:-100000}"
PACED_SECONDS="${3:-30}"
PACED_WARMUP="${BENCH_PACED_WARMUP:-0}"
RUNS="${BENCH_RUNS:-3}"
WARMUP="${BENCH_WARMUP:-$EVENTS}"
((WARMUP > 0)) || die "BENCH_WARMUP must be at least 1"
BACKLOG=$((WARMUP + EVENTS))
FIRM_COUNT="${BENCH_FIRMS:-200}"
if [[ "$SERVICE" == notification ]]; then
  BREACH_SHARE="${BENCH_BREACH_SHARE:-0.3}"
  RATE="${BENCH_RATE:-1000}"
else
  BREACH_SHARE="${BENCH_BREACH_SHARE:-0.02}"
  RATE="${BENCH_RATE:-5000}"
fi
# The JVM of each service's Deployment (deployed-jvm.sh): its heap, whole from the start (the worst case for resident
# memory), and its flags.
source "$(dirname "${BASH_SOURCE[0]}")/deployed-jvm.sh"
HEAP="${BENCH_HEAP:-${DEPLOYED_HEAP[$SERVICE]}}"
BESIDE_AML="${BENCH_BESIDE_AML:-0}"
BESIDE_NICE="${BENCH_BESIDE_AML_NICE:-0}"
SSE_LISTENERS="${BENCH_SSE_LISTENERS:-0}"
HISTORY_DAYS="${BENCH_HISTORY_DAYS:-0}"
HISTORY_PER_DAY="${BENCH_HISTORY_PER_DAY:-5000}"
[[ "$HISTORY_DAYS" == 0 || "$SERVICE" == notification ]] || die "BENCH_HISTORY_DAYS is for the notification benchmark"
[[ "$SSE_LISTENERS" == 0 || "$SERVICE" == notification ]] || die "BENCH_SSE_LISTENERS is for the notification benchmark"
listener_pids=()
DESK_PGPORT="${BENCH_DESK_PGPORT:-5432}"
[[ "$DESK_PGPORT" == 5432 || "$SERVICE" == notification ]] || die "BENCH_DESK_PGPORT is for the notification benchmark"
[[ "$BESIDE_AML" == 0 || "$SERVICE" == notification ]] || die "BENCH_BESIDE_AML is for the notification benchmark"
AML_CPUS="${BENCH_BESIDE_AML_CPUS:-}"
if [[ -n "$AML_CPUS" ]]; then
  [[ "$BESIDE_AML" != 0 && "$DESK_PGPORT" != 5432 ]] ||
    die "BENCH_BESIDE_AML_CPUS needs BENCH_BESIDE_AML and BENCH_DESK_PGPORT (the desk's own PostgreSQL instance)"
  command -v taskset >/dev/null || die "BENCH_BESIDE_AML_CPUS needs taskset (util-linux)"
fi
ALL_CPUS="0-$(($(nproc --all) - 1))"
pin_postgres() { # PORT CPUS: a PostgreSQL instance's postmaster and every process it has forked (new ones inherit)
  local pm
  pm="$(pg_lsclusters -h | awk -v p="$1" '$3 == p {print $6}')/postmaster.pid"
  pm="$(head -1 "$pm" 2>/dev/null || true)"
  [[ -n "$pm" ]] || return 0
  for p in "$pm" $(pgrep -P "$pm"); do
    taskset -a -p -c "$2" "$p" >/dev/null 2>&1 || true
  done
}
JAVA_OPTS="${BENCH_JAVA_OPTS:-$DEPLOYED_JVM_FLAGS}"
PORT_BASE="${BENCH_PORT_BASE:-8090}"
DB_SUFFIX="_bench${BENCH_PORT_BASE:+_$BENCH_PORT_BASE}"
NOTIFICATION_PORT=$((PORT_BASE + 0))
CAPITAL_PORT=$((PORT_BASE + 1))
AML_PORT=$((PORT_BASE + 2))
LICENSING_PORT=$((PORT_BASE + 3))
SUFFIX="-bench$(date +%s)"
OUT_DIR="$STATE_DIR/bench"
mkdir -p "$OUT_DIR"
RESULT="$OUT_DIR/$SERVICE$SUFFIX.json"
java="$(java_bin)"
sim_jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
sim_cp="$sim_jar:$ROOT/simulator/target/lib/*"
own_jar() { echo "$ROOT/$1-service/target/quarkus-app/quarkus-run.jar"; }
svc_jar="${BENCH_SERVICE_JAR:-$(own_jar "$SERVICE")}"
FIRMS="$(seq -f 'F-%04g' 1 "$FIRM_COUNT" | paste -sd,)"

"$LOCAL_DIR/postgres.sh" ensure >/dev/null
started_kafka=no
if ! port_open localhost "${KAFKA_PORT:-9092}"; then
  "$LOCAL_DIR/kafka.sh" start
  started_kafka=yes
fi
declare -A pids=()
stop_one() { # NAME
  local pid="${pids[$1]:-}"
  if [[ -n "$pid" ]] && pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  pids[$1]=""
}
stop_listeners() {
  ((${#listener_pids[@]} == 0)) || kill "${listener_pids[@]}" 2>/dev/null || true
  listener_pids=()
}
cleanup() {
  [[ -z "$AML_CPUS" ]] || pin_postgres 5432 "$ALL_CPUS"
  stop_listeners
  stop_one capital
  stop_one licensing
  stop_one notification
  stop_one aml
  if [[ "$started_kafka" == yes ]]; then
    "$LOCAL_DIR/kafka.sh" stop || true
  fi
  if [[ -n "$started_desk" ]]; then
    pg_ctlcluster --skip-systemctl-redirect $started_desk stop || true
  fi
}
started_desk=""
trap cleanup EXIT
# BENCH_DESK_PGPORT: the desk's database in a PostgreSQL instance of its own on that port (its own WAL, buffers and
# processes, as deploy/k8s gives each service a CloudNativePG cluster), made with Debian's cluster tools the first time
# and stopped at the end if this run started it.
if [[ "$DESK_PGPORT" != 5432 ]] && ! pg_isready -q -h 127.0.0.1 -p "$DESK_PGPORT"; then
  [[ "$(id -u)" -eq 0 ]] || die "BENCH_DESK_PGPORT needs root to make and start a PostgreSQL cluster"
  pg_version="$(pg_lsclusters -h | awk 'NR == 1 {print $1}')"
  if ! pg_lsclusters -h | awk -v p="$DESK_PGPORT" '$3 == p {found = 1} END {exit !found}'; then
    pg_createcluster "$pg_version" bench-desk --port "$DESK_PGPORT" >/dev/null
  fi
  desk_cluster="$(pg_lsclusters -h | awk -v p="$DESK_PGPORT" '$3 == p {print $1, $2}')"
  pg_ctlcluster --skip-systemctl-redirect $desk_cluster start
  started_desk="$desk_cluster"
  (cd / && su postgres -c "psql -X -q -p $DESK_PGPORT -c \"do \\$\\$ begin if not exists (select from pg_roles where rolname = 'aifc') then create role aifc login createdb password 'aifc'; end if; end \\$\\$\"")
fi
db_port() { # DB -> the port of the instance that holds it
  [[ "$1" == aifc_notification* ]] && echo "$DESK_PGPORT" || echo 5432
}

modules=(capital licensing)
[[ "$SERVICE" == notification ]] && modules=(notification)
((BESIDE_AML > 0)) && modules+=(aml)
for module in "${modules[@]}"; do
  if [[ ! -f "$(own_jar $module)" || ! -f "$sim_jar" || -n "$(find "$ROOT/$module-service/src/main" \
    "$ROOT/contract/src/main" "$ROOT/platform/src/main" "$ROOT/simulator/src/main" -newer "$(own_jar $module)" -print -quit)" ]]; then
    info "building ${modules[*]/%/-service} and the simulator (tests skipped)"
    (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests \
      -pl "contract,platform,$(printf '%s-service,' "${modules[@]}")simulator")
    break
  fi
done

"$LOCAL_DIR/kafka.sh" topics "$SUFFIX" >/dev/null
psql_bench() { # DB SQL... (PSQL_PORT: another instance than 5432's)
  local db="$1"
  shift
  PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -p "${PSQL_PORT:-$(db_port "$db")}" -U aifc -d "$db" "$@"
}
for db in "aifc_${SERVICE}$DB_SUFFIX" $([[ "$SERVICE" == capital ]] && echo "aifc_licensing$DB_SUFFIX"); do
  PSQL_PORT="$(db_port "$db")" psql_bench postgres -c "drop database if exists $db" -c "create database $db" >/dev/null
done
AIFC_TOKEN_LOCAL=1 "$LOCAL_DIR/token.sh" admin >/dev/null
# notification-service takes bearer tokens signed with the same local key (as up.sh without Keycloak), and needs the
# key that encrypts webhook secrets at rest (no subscription exists here: a fresh key per run).
svc_env=(AIFC_JWT_PUBLIC_KEY="$STATE_DIR/jwt/jwt-public.pem")
if [[ "$SERVICE" == notification ]]; then
  svc_env+=(QUARKUS_PROFILE=prod,bearer-only QUARKUS_OIDC_TOKEN_ISSUER="https://aifc-compliance.local/issuer"
    QUARKUS_OIDC_PUBLIC_KEY="$(grep -v -- '-----' "$STATE_DIR/jwt/jwt-public.pem" | tr -d '\n')"
    AIFC_WEBHOOKS_SECRET_KEY="$(head -c 32 /dev/urandom | base64)")
fi

start_one() { # NAME JAR PORT [TOPIC_SUFFIX]
  local name="$1" jar="$2" port="$3" suffix="${4:-$SUFFIX}" log="$LOG_DIR/$1-bench-service.log"
  local -a envs=("${svc_env[@]}")
  [[ "$name" == aml ]] && envs=(AIFC_JWT_PUBLIC_KEY="$STATE_DIR/jwt/jwt-public.pem" AIFC_AML_ALERT_ID_KEY="$(aml_alert_id_key)")
  local heap="$HEAP" opts="$JAVA_OPTS"
  [[ "$name" == aml ]] && heap="${DEPLOYED_HEAP[aml]}" opts="$AML_DEPLOYED_JVM_FLAGS"
  info "starting $name-service ($jar, heap $heap, port $port, topics *$suffix, database aifc_${name}$DB_SUFFIX; log: $log)"
  local -a confined=() # aml-service beside the desk: at a lower priority, on given CPUs
  [[ "$name" == aml && "$BESIDE_NICE" != 0 ]] && confined=(nice -n "$BESIDE_NICE")
  [[ "$name" == aml && -n "$AML_CPUS" ]] && confined+=(taskset -c "$AML_CPUS")
  env MALLOC_ARENA_MAX=2 "${envs[@]}" "${confined[@]}" "$java" "-Xms$heap" "-Xmx$heap" $opts \
    -Dquarkus.http.port="$port" -Daifc.kafka.topic-suffix="$suffix" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:$(db_port "aifc_$name")/aifc_${name}$DB_SUFFIX" \
    -jar "$jar" >>"$log" 2>&1 </dev/null &
  pids[$name]=$!
  wait_for_port 127.0.0.1 "$port" 300 "$name-service" "$log" "${pids[$name]}"
  local deadline=$((SECONDS + 300))
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { show_log_tail "$log"; die "$name-service did not become ready"; }
    sleep 0.5
  done
}
await_outbox() { # DB -> waits until every outbox row is published; prints the wait in ms
  local started=$SECONDS
  local t0
  t0="$(date +%s%3N)"
  until [[ "$(psql_bench "$1" -c "select count(*) from outbox where published_at is null")" == 0 ]]; do
    ((SECONDS - started < 300)) || die "the outbox of $1 was not published within 300 s"
    sleep 0.2
  done
  echo $(($(date +%s%3N) - t0))
}

field() { # JSON KEY -> value
  sed -E "s/.*\"$2\":([^,}]*).*/\1/" <<<"$1"
}
median() {
  sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}
simulate() { # SCENARIO ARGS... -> the simulator's JSON summary line
  local scenario="$1"
  shift
  "$java" -cp "$sim_cp" kz.aifc.simulator.Simulator --scenario "$scenario" --firms "$FIRMS" --malformed-share 0 \
    --suspicious-share "$BREACH_SHARE" "$@" 2>>"$LOG_DIR/$SERVICE-bench-simulator.log"
}
# Simulated time: 10 ms per record, each phase in its own hour, later phases later (none of a firm's snapshots late).
STEP_S=0.01
PERIOD_H=$(awk -v n="$BACKLOG" -v l="$(((PACED_SECONDS > PACED_WARMUP ? PACED_SECONDS : PACED_WARMUP) * RATE))" -v s="$STEP_S" \
  'BEGIN {m = n > l ? n : l; print int(m * s / 3600) + 1}')
since() { # PERIODS -> RFC 3339 time that many periods ago
  date -u -d "-$(($1 * PERIOD_H)) hours" +%Y-%m-%dT%H:%M:%SZ
}
time_scale() { # RATE -> simulated seconds per wall second for STEP_S per record (rate 0: the scenario's nominal 5,000/s)
  awk -v s="$STEP_S" -v r="${1:-5000}" 'BEGIN {print s * (r > 0 ? r : 5000)}'
}

: >"$LOG_DIR/$SERVICE-bench-simulator.log"
: >"$LOG_DIR/$SERVICE-bench-service.log"
if [[ "$SERVICE" != notification ]]; then
  : >"$LOG_DIR/licensing-bench-service.log"
  # Set-up: onboarding through licensing-service (this tree's by default, whichever build is measured: the schema is
  # the same, and the simulator gives a slow one two minutes to apply the rosters).
  setup_jar="${BENCH_SETUP_JAR:-$(own_jar licensing)}"
  start_one licensing "$setup_jar" "$LICENSING_PORT"
  info "set-up: $FIRM_COUNT firms onboarded (rosters and controllers, then licences)"
  simulate load-licensing --rate 0 --count "$((FIRM_COUNT * 20))" --topic-suffix "$SUFFIX" --seed 1 \
    --start "$(since $((RUNS + 4)))" --time-scale "$(time_scale 0)" \
    --licensing "http://127.0.0.1:$LICENSING_PORT" --jwt-keys "$STATE_DIR/jwt" >/dev/null
  await_outbox "aifc_licensing$DB_SUFFIX" >/dev/null
  stop_one licensing
fi

svc_db="aifc_${SERVICE}$DB_SUFFIX"
case "$SERVICE" in
  capital) svc_port=$CAPITAL_PORT ;;
  licensing) svc_port=$LICENSING_PORT ;;
  notification) svc_port=$NOTIFICATION_PORT ;;
esac
topics="$(tr ',' '\n' <<<"$TOPICS_OF_SERVICE" | sed "s/\$/$SUFFIX/" | paste -sd,)"
# COUNT [BASE [WARMUP]] -> runs the probe in the background (for PROBE_TIMEOUT s, default 900), result in
# $OUT_DIR/applied.json
applied_probe() {
  "$java" -cp "$sim_cp" kz.aifc.simulator.BenchProbe applied "http://127.0.0.1:$svc_port/q/metrics" \
    "$topics" "$1" "${PROBE_TIMEOUT:-900}" ${2:-} ${3:-} >"$OUT_DIR/applied.json" &
  probe=$!
}
# notification: an SSE client on the desk's stream (a regulator sees every firm) counting the alerts pushed to it.
export AIFC_BENCH_TOKEN=""
[[ "$SERVICE" == notification ]] && AIFC_BENCH_TOKEN="$(AIFC_TOKEN_LOCAL=1 "$LOCAL_DIR/token.sh" regulator "" 4)"
sse_probe() { # EXPECTED MEASURED -> runs the probe in the background, result in $OUT_DIR/sse.json
  "$java" -cp "$sim_cp" kz.aifc.simulator.BenchProbe sse "http://127.0.0.1:$svc_port/alerts/stream" \
    "localhost:${KAFKA_PORT:-9092}" "$topics" "$1" "$2" 900 >"$OUT_DIR/sse.json" 2>>"$LOG_DIR/$SERVICE-bench-simulator.log" &
  sse_pid=$!
}
outbox_rows() { # before the service's first start its database has no outbox yet (notification-service has none)
  psql_bench "$svc_db" -c "select count(*) from outbox" 2>/dev/null || echo 0
}

# notification with BENCH_HISTORY_DAYS: the desk as a firm has it after that many days (issue #18, flat as the data
# grows): the same traffic, dated back over those days, applied by the service itself before the first run, so its
# alerts, inbox, audit chain and their indexes hold them as they would; the clock escalates what is due among them
# (ESC-003 for past CRITICAL deadlines) at its own pace, as it would each day.
history=null
if ((HISTORY_DAYS > 0)); then
  history_records=$((HISTORY_DAYS * HISTORY_PER_DAY))
  history_start="$(date -u -d "-$((HISTORY_DAYS * 24 + (RUNS + 4) * PERIOD_H)) hours" +%Y-%m-%dT%H:%M:%SZ)"
  info "history: $HISTORY_DAYS days of $HISTORY_PER_DAY alert events a day ($history_records) from $history_start, applied before the runs"
  history_t0=$SECONDS
  simulate "$SCENARIO" --rate 0 --count "$history_records" --topic-suffix "$SUFFIX" --seed 97 --start "$history_start" \
    --time-scale "$(awk -v d="$HISTORY_PER_DAY" 'BEGIN {print 86400 / d * 5000}')" >/dev/null
  PROBE_TIMEOUT=7200 applied_probe "$history_records" 0
  start_one "$SERVICE" "$svc_jar" "$svc_port"
  wait "$probe" || { show_log_tail "$LOG_DIR/$SERVICE-bench-service.log"; die "$SERVICE-service did not apply the history: $(cat "$OUT_DIR/applied.json")"; }
  history_applied="$(cat "$OUT_DIR/applied.json")"
  stop_one "$SERVICE"
  vacuum_t0=$SECONDS
  psql_bench "$svc_db" -c "vacuum analyze" >/dev/null
  # loadSeconds: produced, applied (the probe's own figures in "applied") and vacuumed.
  history="{\"days\":$HISTORY_DAYS,\"perDay\":$HISTORY_PER_DAY,\"records\":$history_records,\"from\":\"$history_start\",\"loadSeconds\":$((SECONDS - history_t0)),\"applied\":$history_applied,\"vacuumSeconds\":$((SECONDS - vacuum_t0)),$(psql_bench "$svc_db" -c "select format('\"alerts\":%s,\"inbox\":%s,\"auditEntries\":%s,\"databaseMb\":%s', (select count(*) from alert), (select count(*) from inbound_event), (select count(*) from audit_log), pg_database_size(current_database()) / 1048576)")}"
  info "  history applied: $history"
fi

raw_rates=() drain_rates=() cold_rates=() outbox_waits=() alert_counts=() sse_rates=()
for run in $(seq 1 "$RUNS"); do
  stop_one "$SERVICE"
  info "run $run/$RUNS: raw produce rate, $BACKLOG records into $topics (service stopped)"
  raw="$(simulate "$SCENARIO" --rate 0 --count "$BACKLOG" --topic-suffix "$SUFFIX" --seed "$((run + 1))" \
    --start "$(since $((RUNS + 3 - run)))" --time-scale "$(time_scale 0)")"
  raw_rates+=("$(field "$raw" eventsPerSecond)")
  info "  produced: $raw"
  before_rows="$(outbox_rows)"
  applied_probe "$EVENTS" 0 "$WARMUP"
  [[ "$SERVICE" == notification ]] && sse_probe "$BACKLOG" "$EVENTS"
  start_one "$SERVICE" "$svc_jar" "$svc_port"
  wait "$probe" || { show_log_tail "$LOG_DIR/$SERVICE-bench-service.log"; die "$SERVICE-service did not drain the backlog: $(cat "$OUT_DIR/applied.json")"; }
  applied="$(cat "$OUT_DIR/applied.json")"
  drain_rates+=("$(field "$applied" measuredEventsPerSecond)")
  cold_rates+=("$(field "$applied" warmupEventsPerSecond)")
  if [[ "$SERVICE" == notification ]]; then
    # The client connects once the service answers, so it misses the first events of the backlog (it stops 10 s
    # after the last one it gets); its rate is over the last EVENTS it received, the drain's sustained part.
    wait "$sse_pid" || true
    sse="$(cat "$OUT_DIR/sse.json")"
    sse_rates+=("$(field "$sse" measuredEventsPerSecond)")
    info "  drained: $applied -> ${drain_rates[-1]} alerts/s applied sustained (first $WARMUP: ${cold_rates[-1]}/s); SSE client: $sse -> ${sse_rates[-1]}/s received"
  else
    outbox_waits+=("$(await_outbox "$svc_db")")
    alert_counts+=("$(($(outbox_rows) - before_rows))")
    info "  drained: $applied -> ${drain_rates[-1]} events/s sustained (first $WARMUP: ${cold_rates[-1]}/s); outbox published ${outbox_waits[-1]} ms after the last event; ${alert_counts[-1]} alert events"
  fi
done

paced_phase() { # SECONDS SEED PERIODS_AGO -> phase_sent, phase_applied, phase_cpu, phase_sse (notification)
  local count=$((RATE * $1)) cpu_before sent
  cpu_before="$(cpu_mark "${pids[$SERVICE]}")"
  applied_probe "$count"
  [[ "$SERVICE" == notification ]] && sse_probe "$count" "$count"
  sleep 1
  # --count, not --duration: the probe waits for every record, and a run cut at SECONDS may send a few fewer.
  sent="$(simulate "$SCENARIO" --rate "$RATE" --count "$count" --topic-suffix "$SUFFIX" --seed "$2" \
    --pregenerate "$count" --start "$(since "$3")" --time-scale "$(time_scale "$RATE")")"
  phase_sent="$(field "$sent" sent)"
  wait "$probe" || warn "the paced run was not applied within the probe's time: $(cat "$OUT_DIR/applied.json")"
  phase_applied="$(cat "$OUT_DIR/applied.json")"
  phase_cpu="$(cpu_per_event "$cpu_before" "${pids[$SERVICE]}" "$count")"
  info "  sent: $sent"
  info "  applied: $phase_applied"
  info "  CPU over the phase (until the last was applied): $phase_cpu"
  phase_sse=null
  if [[ "$SERVICE" == notification ]]; then
    wait "$sse_pid" || warn "the SSE client did not receive every paced alert"
    phase_sse="$(cat "$OUT_DIR/sse.json")"
    info "  SSE client: $phase_sse"
  fi
}

warm=null warm_sse=null
if ((PACED_WARMUP > 0)); then
  # The same traffic, unmeasured but reported: after the drain the JIT still recompiles for the paced phase's smaller
  # polls for about a minute (C2 took 0.4 of the service's CPU in a 20 s phase right after the drain), so a phase
  # after this one is what a service that has run for a while does.
  info "paced warm-up: $RATE events/s for $PACED_WARMUP s with the producer running"
  paced_phase "$PACED_WARMUP" 98 2
  warm_sse="$phase_sse"
  warm="{\"seconds\":$PACED_WARMUP,\"sent\":${phase_sent:-0},\"applied\":$phase_applied,\"sse\":$phase_sse,\"cpu\":$phase_cpu}"
fi

beside=null
if ((BESIDE_AML > 0)); then
  aml_suffix="$SUFFIX-aml"
  "$LOCAL_DIR/kafka.sh" topics "$aml_suffix" >/dev/null
  psql_bench postgres -c "drop database if exists aifc_aml$DB_SUFFIX" -c "create database aifc_aml$DB_SUFFIX" >/dev/null
  : >"$LOG_DIR/aml-bench-service.log"
  info "beside: $BESIDE_AML screened transactions into aifc.transactions.screened$aml_suffix, for aml-service to drain"
  "$java" -cp "$sim_cp" kz.aifc.simulator.Simulator "${AML_BENCH_TRAFFIC[@]}" --rate 0 \
    --count "$BESIDE_AML" --topic-suffix "$aml_suffix" --seed 5 --start "$(date -u -d '-10 days' +%Y-%m-%dT%H:%M:%SZ)" \
    --time-scale 25000 >/dev/null 2>>"$LOG_DIR/$SERVICE-bench-simulator.log"
  if [[ -n "$AML_CPUS" ]]; then
    pin_postgres 5432 "$AML_CPUS"
    info "aml-service and the PostgreSQL instance of its database on CPUs $AML_CPUS alone"
  fi
  start_one aml "$(own_jar aml)" "$AML_PORT" "$aml_suffix"
fi
aml_applied() { # -> screened transactions aml-service has applied so far
  curl -fsS "http://127.0.0.1:$AML_PORT/q/metrics" |
    awk '/^aifc_events_in_total\{.*outcome="applied"/ && /transactions/ {s += $2} END {printf "%d", s}'
}
if ((BESIDE_AML > 0)) && [[ "$BESIDE_NICE" != 0 ]]; then
  # Its connections are open by now (it is draining); each backend is a process of its own.
  psql_bench postgres -c "select pid from pg_stat_activity where datname = 'aifc_aml$DB_SUFFIX'" |
    xargs -r renice -n "$BESIDE_NICE" -p >/dev/null
fi
((BESIDE_AML > 0)) && aml_before="$(aml_applied)" && paced_t0="$(date +%s%3N)"

info "paced: $RATE events/s for $PACED_SECONDS s with the producer running"
for ((i = 0; i < SSE_LISTENERS; i++)); do
  curl -sN -H "Authorization: Bearer $AIFC_BENCH_TOKEN" "http://127.0.0.1:$svc_port/alerts/stream" >/dev/null 2>&1 &
  listener_pids+=($!)
done
((SSE_LISTENERS == 0)) || sleep 2
metrics_before_paced="$(curl -fsS "http://127.0.0.1:$svc_port/q/metrics")"
paced_phase "$PACED_SECONDS" 99 1
paced_sent="$phase_sent" paced_applied="$phase_applied" paced_cpu="$phase_cpu" paced_sse="$phase_sse"
stop_listeners
if ((BESIDE_AML > 0)); then
  aml_after="$(aml_applied)"
  paced_ms=$(($(date +%s%3N) - paced_t0))
  beside="{\"amlBacklog\":$BESIDE_AML,\"amlAppliedBeforePaced\":$aml_before,\"amlAppliedDuringPaced\":$((aml_after - aml_before)),\"pacedMs\":$paced_ms,\"amlEventsPerSecond\":$(awk -v n="$((aml_after - aml_before))" -v ms="$paced_ms" 'BEGIN {printf "%.1f", n * 1000 / ms}'),\"amlStillDraining\":$( ((aml_after < BESIDE_AML)) && echo true || echo false),\"amlNice\":$BESIDE_NICE,\"deskPostgresPort\":$DESK_PGPORT,\"amlCpus\":\"$AML_CPUS\"}"
  info "  beside: $beside"
  stop_one aml
fi

pid="${pids[$SERVICE]}"
hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")"
metrics="$(curl -fsS "http://127.0.0.1:$svc_port/q/metrics")"
dlq="$(awk '/^aifc_events_in_total\{.*outcome="dlq"/ {s += $2} END {print s + 0}' <<<"$metrics")"
# Where the time goes (mean ms per poll and phase, and the mean poll): over the last start, and over the paced phase
# alone (the metrics after it less those before it).
poll_means() { # METRICS_AFTER [METRICS_BEFORE] -> "phase":ms,...,"eventsPerPoll":n
  awk 'FNR == 1 { f++ } { v = (f == 1 ? 1 : -1) * $2 }
    /^aifc_((capital|licensing|notification)_batch_phase|events_batch)_seconds_(count|sum)/ {
      p = "poll"; if (match($0, /phase="[^"]*"/)) p = substr($0, RSTART + 7, RLENGTH - 8)
      if ($0 ~ /_count/) c[p] += v; else s[p] += v }
    /^aifc_events_batch_size_(count|sum)/ { if ($0 ~ /_count/) bc += v; else bs += v }
    END { sep = ""; for (p in c) { printf "%s\"%s\":%.2f", sep, p, c[p] ? 1000 * s[p] / c[p] : 0; sep = "," }
      if (bc) printf "%s\"polls\":%d,\"eventsPerPoll\":%.0f", sep, bc, bs / bc }' \
    <(printf '%s\n' "$1") <(printf '%s\n' "${2:-}")
}
phases="$(poll_means "$metrics")"
paced_phases="$(poll_means "$metrics" "$metrics_before_paced")"
raw_median="$(printf '%s\n' "${raw_rates[@]}" | median)"
drain_median="$(printf '%s\n' "${drain_rates[@]}" | median)"
cold_median="$(printf '%s\n' "${cold_rates[@]}" | median)"
outbox_median="$(printf '%s\n' "${outbox_waits[@]}" | median)"
sse_median="$( ((${#sse_rates[@]})) && printf '%s\n' "${sse_rates[@]}" | median || echo null)"
cat >"$RESULT" <<JSON
{"service":"$SERVICE","jar":"$svc_jar","events":$EVENTS,"runs":$RUNS,"firms":$FIRM_COUNT,"breachShare":$BREACH_SHARE,
 "rawProduceRates":[$(IFS=,; echo "${raw_rates[*]}")],"rawProduceMedian":$raw_median,
 "warmup":$WARMUP,"drainRates":[$(IFS=,; echo "${drain_rates[*]}")],"drainMedian":$drain_median,
 "coldStartRates":[$(IFS=,; echo "${cold_rates[*]}")],"coldStartMedian":$cold_median,
 "outboxPublishedAfterLastEventMs":[$(IFS=,; echo "${outbox_waits[*]}")],"alertEventsPerRun":[$(IFS=,; echo "${alert_counts[*]}")],
 "sseReceivedRates":[$(IFS=,; echo "${sse_rates[*]}")],"sseReceivedMedian":$sse_median,
 "paced":{"rate":$RATE,"seconds":$PACED_SECONDS,"sent":${paced_sent:-0},"applied":$paced_applied,"sse":$paced_sse,"beside":$beside,"warmup":$warm},
 "pacedCpu":$paced_cpu,"history":$history,"sseListeners":$SSE_LISTENERS,"peakRssMb":$((hwm_kb / 1024)),"heap":"$HEAP","dlq":$dlq,"pollPhaseMeanMs":{$phases},"pacedPollPhaseMeanMs":{$paced_phases},"loadAverage":"$(cut -d' ' -f1-3 /proc/loadavg)"}
JSON
cat "$RESULT"
if [[ "$SERVICE" == notification ]]; then
  printf '\nnotification-service: %s alerts/s applied and %s/s pushed to an SSE client draining a backlog (median of %s; ' \
    "$drain_median" "$sse_median" "$RUNS"
  printf 'raw Kafka produce %s/s; the first %s after a start %s/s); paced %s/s: Kafka to SSE p50 %s ms, p99 %s ms; peak RSS %s MB\n' \
    "$raw_median" "$WARMUP" "$cold_median" "$RATE" "$(field "$paced_sse" p50Ms)" "$(field "$paced_sse" p99Ms)" "$((hwm_kb / 1024))"
  printf '  of which Kafka to applied (the change stamped inside the poll) p50 %s ms, p99 %s ms; applied to SSE p50 %s ms, p99 %s ms\n' \
    "$(field "$paced_sse" toAppliedP50Ms)" "$(field "$paced_sse" toAppliedP99Ms)" "$(field "$paced_sse" appliedToSseP50Ms)" \
    "$(field "$paced_sse" appliedToSseP99Ms)"
  if ((PACED_WARMUP > 0)); then
    printf '  after %s s of the same paced traffic, whose own Kafka to SSE p50 was %s ms, p99 %s ms\n' \
      "$PACED_WARMUP" "$(field "$warm_sse" p50Ms)" "$(field "$warm_sse" p99Ms)"
  fi
  if ((BESIDE_AML > 0)); then
    printf '  while aml-service drained a backlog beside it: %s screened transactions/s over the paced phase (still draining at its end: %s)\n' \
      "$(field "$beside" amlEventsPerSecond)" "$(field "$beside" amlStillDraining)"
  fi
  exit 0
fi
printf '\n%s-service: end to end %s events/s draining a backlog (median of %s; raw Kafka produce %s/s, ratio %s; ' \
  "$SERVICE" "$drain_median" "$RUNS" "$raw_median" "$(awk -v a="$drain_median" -v b="$raw_median" 'BEGIN {printf "%.3f", a / b}')"
printf 'the first %s after a start %s/s; outbox published %s ms after the last event); paced %s/s: %s; peak RSS %s MB\n' \
  "$WARMUP" "$cold_median" "$outbox_median" "$RATE" "$paced_applied" "$((hwm_kb / 1024))"
