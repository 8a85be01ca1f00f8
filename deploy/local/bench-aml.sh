#!/usr/bin/env bash
# aml-service benchmark on the real local stack, the simulator as load generator (BENCHMARKS.md, issue #5):
#   1. raw Kafka produce rate (the yardstick): the simulator's load scenario, flat out, into the topic of the
#      packaged aml-service while the service is stopped;
#   2. drain: the service starts and works through that backlog; the first WARMUP events warm it up (a fresh JVM
#      compiles its hot code meanwhile: their rate is reported as the cold start), then the sustained events/s end to
#      end (consumed, evaluated, stored, alerts emitted through the outbox) over the next EVENTS, from its own applied
#      counter, and the CPU the drain took per event of the backlog, the service's and PostgreSQL's, from the service
#      being ready to the last event ("drainCpu": steadier from run to run than the rate); steps 1-2 are repeated
#      AML_BENCH_RUNS times (the service restarts each time) and the medians are quoted;
#   3. concurrent: the same number of records produced flat out while the service consumes them (the producer
#      shares the two cores with the service, the broker and PostgreSQL);
#   4. latency: a paced run (default 5,000 events/s); event-to-alert p50/p99 from the producer's timestamp of the
#      latest event in an alert's causedBy to the alert arriving on the alerts topic;
#      and the CPU of that phase in ms per event, the service's and PostgreSQL's ("pacedCpu", lib.sh cpu_mark);
#   5. the service's peak resident memory (VmHWM) of its last start (which ran steps 2-4).
# Traffic: --scenario load (three demo firms, 50,000 customers each, 1% red flags; see simulator/README.md) with
# simulated time advancing 0.5 s per record: a busy exchange's week (about 170,000 screened transactions a day, a
# customer's few a day, a handful of heavy traders far more) replayed as fast as it goes. Each phase gets its own
# stretch of past simulated time, so one phase's customers' windows do not pile onto the next one's.
# Usage: deploy/local/bench-aml.sh [EVENTS (default 1000000)] [LATENCY_SECONDS (default 60)]
# Environment: AML_BENCH_RATE (latency phase rate, default 5000), AML_BENCH_HEAP (default: the Deployment's, deployed-jvm.sh), AML_BENCH_JAVA_OPTS,
#   AML_BENCH_RUNS (throughput runs, default 3; the median is quoted), AML_BENCH_WARMUP (events drained before the
#   sustained rate is measured, default EVENTS; 0 measures from the first event). Results: $STATE_DIR/bench/aml-*.json
#   (and each paced-phase alert's times, sent/detected/published/received, in aml-*-latency.csv);
#   AML_BENCH_EVENT_IDS (default uuid: random CloudEvents ids, as most firms' systems send them; sequence: the
#   simulator's <run>-<n>, in order; lib.sh's AML_BENCH_TRAFFIC);
#   AML_BENCH_HISTORY_DAYS (default 0): that many days of simulated history stored before the first run
#   (bench-aml-history.sql, AML_BENCH_HISTORY_PER_DAY rows a day, default 170,000: the load scenario's daily volume),
#   ending two days before the first run's transactions, to measure against full tables (issue #18 item 3);
#   AML_BENCH_HISTORY_TABLES (default "transactions alerts"): which of the history's two groups to store, the screened
#   transactions and what the alerts left (alert states, findings, cases, curable alerts, audit log, outbox)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EVENTS="${1:-1000000}"
LATENCY_SECONDS="${2:-60}"
RATE="${AML_BENCH_RATE:-5000}"
# The JVM of aml-service's Deployment (deployed-jvm.sh): the flags, and the whole heap from the start.
source "$(dirname "${BASH_SOURCE[0]}")/deployed-jvm.sh"
HEAP="${AML_BENCH_HEAP:-${DEPLOYED_HEAP[aml]}}"
JAVA_OPTS="${AML_BENCH_JAVA_OPTS:-$AML_DEPLOYED_JVM_FLAGS}"
RUNS="${AML_BENCH_RUNS:-3}"
HISTORY_DAYS="${AML_BENCH_HISTORY_DAYS:-0}"
HISTORY_PER_DAY="${AML_BENCH_HISTORY_PER_DAY:-170000}"
HISTORY_TABLES="${AML_BENCH_HISTORY_TABLES:-transactions alerts}"
history_group() { # NAME -> 1 if the history stores that group, else 0
  [[ " $HISTORY_TABLES " == *" $1 "* ]] && echo 1 || echo 0
}
for group in $HISTORY_TABLES; do
  [[ "$group" == transactions || "$group" == alerts ]] ||
    die "AML_BENCH_HISTORY_TABLES: '$group' is not a group of the history (transactions, alerts)"
done
WARMUP="${AML_BENCH_WARMUP:-$EVENTS}"
BACKLOG=$((WARMUP + EVENTS))
PORT=18082
SUFFIX="-bench$(date +%s)"
DB=aifc_aml_bench
OUT_DIR="$STATE_DIR/bench"
mkdir -p "$OUT_DIR"
RESULT="$OUT_DIR/aml$SUFFIX.json"
LOG="$LOG_DIR/aml-bench-service.log"
java="$(java_bin)"
sim_jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
sim_cp="$sim_jar:$ROOT/simulator/target/lib/*"
svc_jar="$ROOT/aml-service/target/quarkus-app/quarkus-run.jar"

"$LOCAL_DIR/postgres.sh" ensure >/dev/null
started_kafka=no
if ! port_open localhost "${KAFKA_PORT:-9092}"; then
  "$LOCAL_DIR/kafka.sh" start
  started_kafka=yes
fi
svc_pid=""
cleanup() {
  if [[ -n "$svc_pid" ]] && pid_alive "$svc_pid"; then
    kill "$svc_pid" 2>/dev/null || true
    wait "$svc_pid" 2>/dev/null || true
  fi
  if [[ "$started_kafka" == yes ]]; then
    "$LOCAL_DIR/kafka.sh" stop || true
  fi
}
trap cleanup EXIT

newer_sources() { # JAR -> the first source file changed since JAR was built, if any
  find "$ROOT/aml-service/src/main" "$ROOT/contract/src/main" "$ROOT/platform/src/main" "$ROOT/simulator/src/main" \
    -newer "$1" -print -quit
}
if [[ ! -f "$svc_jar" || ! -f "$sim_jar" || -n "$(newer_sources "$svc_jar")" || -n "$(newer_sources "$sim_jar")" ]]; then
  info "building aml-service and the simulator (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl contract,platform,aml-service,simulator)
fi

"$LOCAL_DIR/kafka.sh" topics "$SUFFIX" >/dev/null
PGPASSWORD=aifc psql -X -q -h 127.0.0.1 -U aifc -d aifc_aml -c "drop database if exists $DB" \
  -c "create database $DB" >/dev/null
"$LOCAL_DIR/token.sh" admin >/dev/null

start_service() {
  info "starting aml-service (heap $HEAP, topics *$SUFFIX, database $DB; log: $LOG)"
  # glibc's per-thread malloc arenas inflate a JVM's resident size for nothing: two are plenty.
  MALLOC_ARENA_MAX=2 AIFC_JWT_PUBLIC_KEY="$STATE_DIR/jwt/jwt-public.pem" AIFC_AML_ALERT_ID_KEY="$(aml_alert_id_key)" "$java" "-Xms$HEAP" "-Xmx$HEAP" $JAVA_OPTS \
    -Xlog:gc:file="$LOG_DIR/aml-bench-gc.log" -Dquarkus.http.port=$PORT -Daifc.kafka.topic-suffix="$SUFFIX" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
    -jar "$svc_jar" >>"$LOG" 2>&1 </dev/null &
  svc_pid=$!
  wait_for_port 127.0.0.1 $PORT 90 aml-service "$LOG" "$svc_pid"
  local deadline=$((SECONDS + 90))
  until curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || { show_log_tail "$LOG"; die "aml-service did not become ready"; }
    sleep 0.5
  done
}
stop_service() {
  if [[ -n "$svc_pid" ]] && pid_alive "$svc_pid"; then
    kill "$svc_pid" 2>/dev/null || true
    wait "$svc_pid" 2>/dev/null || true
  fi
  svc_pid=""
}
applied_probe() { # COUNT [BASE [WARMUP]] -> runs the probe in the background, result in $OUT_DIR/applied.json
  "$java" -cp "$sim_cp" kz.aifc.simulator.BenchProbe applied "http://127.0.0.1:$PORT/q/metrics" \
    "aifc.transactions.screened$SUFFIX" "$1" 900 ${2:-} ${3:-} >"$OUT_DIR/applied.json" &
  probe=$!
}

STEP_S=0.5
# Each phase's stretch of simulated time, with two days (twice the 24-hour windows) between one phase's last
# transaction and the next one's first: runs at (RUNS + 3 - run) periods ago, the concurrent phase 2 periods ago,
# the paced phase 1 period ago.
PERIOD_DAYS=$(awk -v n="$BACKLOG" -v l="$((LATENCY_SECONDS * RATE))" -v s="$STEP_S" \
  'BEGIN {m = n > l ? n : l; print int(m * s / 86400) + 3}')
since() { # DAYS -> RFC 3339 time that many days ago
  date -u -d "-$1 days" +%Y-%m-%dT%H:%M:%SZ
}
flat_out() { # START_DAYS_AGO SEED SUFFIX COUNT -> simulate flat out with STEP_S per record
  simulate --rate 0 --count "$4" --topic-suffix "$3" --seed "$2" --start "$(since "$1")" \
    --time-scale "$(awk -v s="$STEP_S" 'BEGIN {print s * 50000}')"
}
# The measuring side's JVMs in the paced phase (simulator and probe): C1 only and the serial collector. C2 compiling
# them took about a tenth of a core each from the service being measured (the simulator sending 5,000 records a second:
# 29% of a core, 16% with these), and neither needs peak code for that.
LIGHT_JVM=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
SIM_JVM=()
simulate() { # ARGS... -> the simulator's JSON summary line (SIM_JVM: extra JVM flags)
  "$java" "${SIM_JVM[@]}" -cp "$sim_cp" kz.aifc.simulator.Simulator "${AML_BENCH_TRAFFIC[@]}" "$@" \
    2>>"$LOG_DIR/aml-bench-simulator.log"
}
field() { # JSON KEY -> value
  sed -E "s/.*\"$2\":([^,}]*).*/\1/" <<<"$1"
}
median() {
  sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

: >"$LOG"
history_rows=0 history_alerts=0 history_seconds=0
if ((HISTORY_DAYS > 0)); then
  start_service # its schema first
  stop_service
  newest=$((PERIOD_DAYS * (RUNS + 3) + 2))
  info "history: $HISTORY_DAYS days of $HISTORY_PER_DAY screened transactions a day ($HISTORY_TABLES), the newest $newest days ago"
  history_start=$SECONDS
  PGPASSWORD=aifc psql -X -q -h 127.0.0.1 -U aifc -d "$DB" -v from_days=$((newest + HISTORY_DAYS - 1)) \
    -v to_days="$newest" -v per_day="$HISTORY_PER_DAY" -v transactions="$(history_group transactions)" \
    -v alerts="$(history_group alerts)" -f "$LOCAL_DIR/bench-aml-history.sql" >/dev/null
  history_seconds=$((SECONDS - history_start))
  history_rows="$(PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select count(*) from aml_transaction")"
  history_alerts="$(PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select count(*) from alert_state")"
  info "  stored $history_rows transactions and $history_alerts alerts in $history_seconds s ($(PGPASSWORD=aifc psql \
    -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select pg_size_pretty(pg_database_size(current_database()))"))"
fi
raw_rates=() drain_rates=() cold_rates=() drain_cpus=()
for run in $(seq 1 "$RUNS"); do
  stop_service
  info "run $run/$RUNS: raw produce rate, $BACKLOG records into aifc.transactions.screened$SUFFIX (service stopped)"
  raw="$(flat_out "$((PERIOD_DAYS * (RUNS + 3 - run)))" "$run" "$SUFFIX" "$BACKLOG")"
  raw_rates+=("$(field "$raw" eventsPerSecond)")
  info "  produced: $raw"
  applied_probe "$EVENTS" 0 "$WARMUP" # before the service: its counter starts at 0 and the first batch is not missed
  start_service
  cpu_before_drain="$(cpu_mark "$svc_pid")"
  wait "$probe" || { show_log_tail "$LOG"; die "aml-service did not drain the backlog: $(cat "$OUT_DIR/applied.json")"; }
  drain_cpus+=("$(cpu_per_event "$cpu_before_drain" "$svc_pid" "$BACKLOG")")
  applied="$(cat "$OUT_DIR/applied.json")"
  if ((WARMUP > 0)); then
    drain_rates+=("$(field "$applied" measuredEventsPerSecond)")
    cold_rates+=("$(field "$applied" warmupEventsPerSecond)")
    info "  drained: $applied -> ${drain_rates[-1]} events/s sustained after the first $WARMUP (${cold_rates[-1]}/s)"
  else
    drain_rates+=("$(awk -v n="$EVENTS" -v s="$(field "$applied" secondsFromFirstApplied)" 'BEGIN {printf "%.1f", n / s}')")
    cold_rates+=("${drain_rates[-1]}")
    info "  drained: $applied -> ${drain_rates[-1]} events/s from the first applied event to the last"
  fi
done

info "concurrent: $EVENTS records produced flat out while the service consumes them"
applied_probe "$EVENTS"
sleep 1
sent="$(flat_out "$((PERIOD_DAYS * 2))" 99 "$SUFFIX" "$EVENTS")"
wait "$probe" || { show_log_tail "$LOG"; die "aml-service did not apply the run: $(cat "$OUT_DIR/applied.json")"; }
concurrent="$(cat "$OUT_DIR/applied.json")"
info "  sent: $sent"
info "  applied: $concurrent"

info "latency: ${RATE} events/s for ${LATENCY_SECONDS} s"
metrics_before_paced="$(curl -fsS "http://127.0.0.1:$PORT/q/metrics")"
cpu_before_paced="$(cpu_mark "$svc_pid")"
"$java" "${LIGHT_JVM[@]}" -cp "$sim_cp" kz.aifc.simulator.BenchProbe latency localhost:9092 "$SUFFIX" "$((LATENCY_SECONDS + 15))" \
  "$OUT_DIR/aml$SUFFIX-latency.csv" >"$OUT_DIR/latency.json" 2>>"$LOG_DIR/aml-bench-simulator.log" &
probe=$!
sleep 3
# Every record encoded before the clock starts: the load generator shares the two cores, and encoding on the fly
# would take from the service what a firm's own systems would spend elsewhere.
SIM_JVM=("${LIGHT_JVM[@]}")
paced="$(simulate --rate "$RATE" --duration "${LATENCY_SECONDS}s" --topic-suffix "$SUFFIX" --seed 7 \
  --pregenerate "$((RATE * LATENCY_SECONDS))" \
  --start "$(since "$PERIOD_DAYS")" --time-scale "$(awk -v s="$STEP_S" -v r="$RATE" 'BEGIN {print s * r}')")"
# Taken when the producer is done: the service is then at most a poll behind, and the probe still waits 15 s.
paced_cpu="$(cpu_per_event "$cpu_before_paced" "$svc_pid" "$(field "$paced" sent)")"
wait "$probe"
latency="$(cat "$OUT_DIR/latency.json")"
info "  sent: $paced"
info "  latency: $latency"
info "  CPU over the paced phase: $paced_cpu"

# Diagnostics for whoever tunes the memory next: the biggest heap classes, and native memory if tracked.
jcmd_bin="$(dirname "$java")/jcmd"
if [[ -x "$jcmd_bin" ]]; then
  "$jcmd_bin" "$svc_pid" GC.class_histogram 2>/dev/null | head -25 >"$OUT_DIR/aml$SUFFIX-heap.txt" || true
  if [[ "$JAVA_OPTS" == *NativeMemoryTracking* ]]; then
    "$jcmd_bin" "$svc_pid" VM.native_memory summary >"$OUT_DIR/aml$SUFFIX-native.txt" 2>/dev/null || true
  fi
fi
hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$svc_pid/status")"
rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$svc_pid/status")"
metrics="$(curl -fsS "http://127.0.0.1:$PORT/q/metrics")"
alerts_out="$(PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select count(*) from outbox")"
pg_settings="$(PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select string_agg(name || '=' ||
  current_setting(name), ' ' order by name) from pg_settings where name in ('shared_buffers', 'wal_compression',
  'max_wal_size', 'checkpoint_timeout', 'synchronous_commit')")"
applied_total="$(($(PGPASSWORD=aifc psql -X -Atq -h 127.0.0.1 -U aifc -d "$DB" -c "select count(*) from aml_transaction") - history_rows))"
dlq="$(awk '/^aifc_events_in_total\{.*outcome="dlq"/ {s += $2} END {print s + 0}' <<<"$metrics")"
# Where a batch's time goes (mean ms per lane share and phase), for whoever tunes next: over the whole life of the
# last start, and over the paced phase alone (the difference of two scrapes), with the shares' count and mean size.
phase_means() { # METRICS_AFTER [METRICS_BEFORE] -> "phase":ms,...
  awk 'FNR == 1 { f++ } /^aml_batch_phase_seconds_(count|sum)\{/ {
      match($0, /phase="[^"]*"/); p = substr($0, RSTART + 7, RLENGTH - 8); v = (f == 1 ? 1 : -1) * $2
      if ($0 ~ /_count/) c[p] += v; else s[p] += v }
    /^aifc_events_in_total\{.*outcome="applied"/ { e += (f == 1 ? 1 : -1) * $2 }
    END { sep = ""; for (p in c) { printf "%s\"%s\":%.1f", sep, p, c[p] ? 1000 * s[p] / c[p] : 0; sep = "," }
      if (c["claim"]) printf ",\"shares\":%d,\"eventsPerShare\":%.0f", c["claim"], e / c["claim"] }' \
    <(printf '%s\n' "$1") <(printf '%s\n' "${2:-}")
}
phases="$(phase_means "$metrics")"
paced_phases="$(phase_means "$metrics" "$metrics_before_paced")"

raw_median="$(printf '%s\n' "${raw_rates[@]}" | median)"
drain_median="$(printf '%s\n' "${drain_rates[@]}" | median)"
cold_median="$(printf '%s\n' "${cold_rates[@]}" | median)"
cat >"$RESULT" <<JSON
{"events":$EVENTS,"runs":$RUNS,"rawProduceRates":[$(IFS=,; echo "${raw_rates[*]}")],"rawProduceMedian":$raw_median,
 "warmup":$WARMUP,"drainRates":[$(IFS=,; echo "${drain_rates[*]}")],"drainMedian":$drain_median,
 "coldStartRates":[$(IFS=,; echo "${cold_rates[*]}")],"coldStartMedian":$cold_median,"drainCpu":[$(IFS=,; echo "${drain_cpus[*]}")],
 "concurrent":$concurrent,"concurrentProduce":$sent,
 "latency":$latency,"latencyRate":$RATE,"pacedCpu":$paced_cpu,"peakRssMb":$((hwm_kb / 1024)),"rssAtEndMb":$((rss_kb / 1024)),"heap":"$HEAP",
 "postgres":"$pg_settings","eventIds":"$AML_BENCH_EVENT_IDS","historyDays":$HISTORY_DAYS,"historyRows":$history_rows,"historyTables":"$HISTORY_TABLES","historyAlerts":$history_alerts,"historyLoadSeconds":$history_seconds,"dlq":$dlq,"alertEventsEmitted":$alerts_out,"transactionsStored":$applied_total,"batchPhaseMeanMs":{$phases},"pacedBatchPhaseMeanMs":{$paced_phases},"loadAverage":"$(cut -d' ' -f1-3 /proc/loadavg)"}
JSON
cat "$RESULT"
printf '\naml-service: end to end %s events/s draining a backlog (median of %s; raw Kafka produce %s/s, ratio %s; ' \
  "$drain_median" "$RUNS" "$raw_median" "$(awk -v a="$drain_median" -v b="$raw_median" 'BEGIN {printf "%.2f", a / b}')"
printf 'the first %s after a start %s/s), ' "$WARMUP" "$cold_median"
printf '%s events/s with the producer running; ' "$(field "$concurrent" eventsPerSecond)"
printf 'at %s/s p50 %s ms, p99 %s ms; peak RSS %s MB\n' "$RATE" "$(field "$latency" p50Ms)" \
  "$(field "$latency" p99Ms)" "$((hwm_kb / 1024))"
