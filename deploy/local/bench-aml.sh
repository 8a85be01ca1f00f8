#!/usr/bin/env bash
# aml-service benchmark on the real local stack, the simulator as load generator (BENCHMARKS.md, issue #5):
#   1. raw Kafka produce rate: the simulator's load scenario into a topic nobody reads (the yardstick);
#   2. throughput: the same records, flat out, into the topic the packaged aml-service consumes; sustained
#      events/s end to end (consumed, evaluated, stored, alerts emitted) from the service's own applied counter;
#   3. latency: a paced run (default 5,000 events/s) with a share of red-flag transactions; event-to-alert
#      p50/p99 from the producer's timestamp of the causing event to the alert arriving on the alerts topic;
#   4. the service's peak resident memory (VmHWM) over the whole run.
# Usage: deploy/local/bench-aml.sh [EVENTS (default 1000000)] [LATENCY_SECONDS (default 60)]
# Environment: AML_BENCH_RATE (latency phase rate, default 5000), AML_BENCH_HEAP (default 320m),
#   AML_BENCH_RUNS (throughput runs, default 3; the median is quoted). Results: $STATE_DIR/bench/aml-*.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

EVENTS="${1:-1000000}"
LATENCY_SECONDS="${2:-60}"
RATE="${AML_BENCH_RATE:-5000}"
HEAP="${AML_BENCH_HEAP:-320m}"
RUNS="${AML_BENCH_RUNS:-3}"
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

if [[ ! -f "$svc_jar" || ! -f "$sim_jar" || -n "$(find "$ROOT/aml-service/src/main" "$ROOT/events/src/main" \
  "$ROOT/simulator/src/main" -newer "$svc_jar" -print -quit)" ]]; then
  info "building aml-service and the simulator (tests skipped)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl events,aml-service,simulator)
fi

"$LOCAL_DIR/kafka.sh" topics "$SUFFIX" >/dev/null
"$LOCAL_DIR/kafka.sh" topics "${SUFFIX}raw" >/dev/null
PGPASSWORD=aifc psql -X -q -h 127.0.0.1 -U aifc -d aifc_aml -c "drop database if exists $DB" \
  -c "create database $DB" >/dev/null
"$LOCAL_DIR/token.sh" admin >/dev/null

info "starting aml-service (heap $HEAP, topics *$SUFFIX, database $DB; log: $LOG)"
"$java" -Xms64m "-Xmx$HEAP" -XX:+UseSerialGC \
  -Dquarkus.http.port=$PORT -Daifc.kafka.topic-suffix="$SUFFIX" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  -DAIFC_JWT_PUBLIC_KEY="$STATE_DIR/jwt/jwt-public.pem" \
  -jar "$svc_jar" >"$LOG" 2>&1 </dev/null &
svc_pid=$!
wait_for_port 127.0.0.1 $PORT 90 aml-service "$LOG" "$svc_pid"
deadline=$((SECONDS + 90))
until curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1; do
  ((SECONDS < deadline)) || { show_log_tail "$LOG"; die "aml-service did not become ready"; }
  sleep 0.5
done

simulate() { # ARGS... -> the simulator's JSON summary line
  "$java" -cp "$sim_cp" kz.aifc.simulator.Simulator --scenario load --firms F-DATF-01,F-CUST-01,F-DEAL-01 "$@" \
    2>>"$LOG_DIR/aml-bench-simulator.log"
}
field() { # JSON KEY -> value
  sed -E "s/.*\"$2\":([^,}]*).*/\1/" <<<"$1"
}
median() {
  sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'
}

raw_rates=() e2e_rates=()
for run in $(seq 1 "$RUNS"); do
  info "run $run/$RUNS: raw produce rate, $EVENTS records into aifc.transactions.screened${SUFFIX}raw (no consumer)"
  raw="$(simulate --rate 0 --count "$EVENTS" --topic-suffix "${SUFFIX}raw" --seed "$run")"
  raw_rates+=("$(field "$raw" eventsPerSecond)")
  info "  raw: $raw"

  info "run $run/$RUNS: $EVENTS records through aml-service"
  "$java" -cp "$sim_cp" kz.aifc.simulator.BenchProbe applied "http://127.0.0.1:$PORT/q/metrics" \
    "aifc.transactions.screened$SUFFIX" "$EVENTS" 900 >"$OUT_DIR/applied.json" &
  probe=$!
  sleep 1
  sent="$(simulate --rate 0 --count "$EVENTS" --topic-suffix "$SUFFIX" --seed "$((run + 100))")"
  wait "$probe" || { show_log_tail "$LOG"; die "aml-service did not apply the run: $(cat "$OUT_DIR/applied.json")"; }
  applied="$(cat "$OUT_DIR/applied.json")"
  e2e_rates+=("$(field "$applied" eventsPerSecond)")
  info "  sent: $sent"
  info "  applied: $applied"
done

info "latency: ${RATE} events/s for ${LATENCY_SECONDS} s, 1% red flags"
"$java" -cp "$sim_cp" kz.aifc.simulator.BenchProbe latency localhost:9092 "$SUFFIX" "$((LATENCY_SECONDS + 15))" \
  >"$OUT_DIR/latency.json" 2>>"$LOG_DIR/aml-bench-simulator.log" &
probe=$!
sleep 3
paced="$(simulate --rate "$RATE" --duration "${LATENCY_SECONDS}s" --suspicious-share 0.01 --topic-suffix "$SUFFIX" --seed 7)"
wait "$probe"
latency="$(cat "$OUT_DIR/latency.json")"
info "  sent: $paced"
info "  latency: $latency"

hwm_kb="$(awk '/VmHWM/ {print $2}' "/proc/$svc_pid/status")"
rss_kb="$(awk '/VmRSS/ {print $2}' "/proc/$svc_pid/status")"
metrics="$(curl -fsS "http://127.0.0.1:$PORT/q/metrics")"
dlq="$(awk '/^aifc_events_in_total\{.*outcome="dlq"/ {s += $2} END {print s + 0}' <<<"$metrics")"
# Where a batch's time goes (mean ms per batch and phase), for whoever tunes next.
phases="$(awk '/^aml_batch_phase_seconds_(count|sum)\{/ {
    match($0, /phase="[^"]*"/); p = substr($0, RSTART + 7, RLENGTH - 8)
    if ($0 ~ /_count/) c[p] = $2; else s[p] = $2 }
  END { sep = ""; for (p in c) { printf "%s\"%s\":%.1f", sep, p, c[p] ? 1000 * s[p] / c[p] : 0; sep = "," } }' <<<"$metrics")"

raw_median="$(printf '%s\n' "${raw_rates[@]}" | median)"
e2e_median="$(printf '%s\n' "${e2e_rates[@]}" | median)"
cat >"$RESULT" <<JSON
{"events":$EVENTS,"runs":$RUNS,"rawProduceRates":[$(IFS=,; echo "${raw_rates[*]}")],"rawProduceMedian":$raw_median,
 "endToEndRates":[$(IFS=,; echo "${e2e_rates[*]}")],"endToEndMedian":$e2e_median,
 "latency":$latency,"latencyRate":$RATE,"peakRssMb":$((hwm_kb / 1024)),"rssAtEndMb":$((rss_kb / 1024)),"heap":"$HEAP",
 "dlq":$dlq,"batchPhaseMeanMs":{$phases},"loadAverage":"$(cut -d' ' -f1-3 /proc/loadavg)"}
JSON
cat "$RESULT"
printf '\naml-service: end to end %s events/s (median of %s; raw Kafka produce %s/s, ratio %s); ' \
  "$e2e_median" "$RUNS" "$raw_median" "$(awk -v a="$e2e_median" -v b="$raw_median" 'BEGIN {printf "%.2f", a / b}')"
printf 'at %s/s p50 %s ms, p99 %s ms; peak RSS %s MB\n' "$RATE" "$(field "$latency" p50Ms)" \
  "$(field "$latency" p99Ms)" "$((hwm_kb / 1024))"
