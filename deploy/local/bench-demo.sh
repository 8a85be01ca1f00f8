#!/usr/bin/env bash
# The whole demo pipeline at a multiple of its daily volume (BENCHMARKS.md, issue #18): every service's lag, in time.
#   1. raw Kafka produce rate (the yardstick): the demo day's records, flat out, into topics of their own (*-benchN)
#      that no service reads;
#   2. the stack as up.sh brings it up (PostgreSQL, the broker, the mail server, Keycloak unless AIFC_KEYCLOAK=no, the
#      four packaged services), with the demo feed at MULTIPLE times its daily volume: the demo day's script at
#      MULTIPLE x 20 records/s on the same simulated clock (360 simulated seconds per wall second), so the same
#      9-hour day carries MULTIPLE times the records; after the firms are onboarded and SETTLE seconds;
#   3. for SECONDS, every 200 ms (BENCH_LAG_EVERY_MS), how many records each service's topics hold and how many it has
#      taken in (kz.aifc.simulator.LagProbe): a record's lag is how long the service took to catch up with what the
#      topics held when it arrived, to within one sampling interval (a service with records in flight at every sample
#      shows one interval); p50, p99 and the maximum per service;
#   4. each service's peak resident memory (VmHWM) and the alerts the desk holds.
# It needs the stack down when it starts (it starts the demo feed itself) and stops it afterwards (BENCH_KEEP_UP=1
# leaves it running; a broker that was already up stays up).
# Usage: deploy/local/bench-demo.sh [MULTIPLE (default 10)] [SECONDS (default 120)]
# Environment: BENCH_SETTLE (seconds between the onboarding and the measurement, default 20), BENCH_RAW_COUNT (records
#   of the yardstick, default 200000), BENCH_LAG_EVERY_MS (the probe's sampling interval, default 200), AIFC_KEYCLOAK
#   (yes). Results: $STATE_DIR/bench/demo-*.json
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MULTIPLE="${1:-10}"
RUN_SECONDS="${2:-120}"
[[ "$MULTIPLE" =~ ^[1-9][0-9]*$ && "$RUN_SECONDS" =~ ^[1-9][0-9]*$ ]] ||
  die "usage: deploy/local/bench-demo.sh [MULTIPLE] [SECONDS] (whole numbers above 0)"
SETTLE="${BENCH_SETTLE:-20}"
RAW_COUNT="${BENCH_RAW_COUNT:-200000}"
# demo-day's own rate (the simulator's default for the scenario): its daily volume.
DEMO_RATE=20
RATE=$((DEMO_RATE * MULTIPLE))
OUT_DIR="$STATE_DIR/bench"
SUFFIX="-bench$(date +%s)"
RESULT="$OUT_DIR/demo$SUFFIX.json"
mkdir -p "$OUT_DIR"
java="$(java_bin)"
sim_cp="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar:$ROOT/simulator/target/lib/*"

for port in 8080 8081 8082 8083; do
  if port_open 127.0.0.1 "$port"; then
    die "something already listens on :$port: stop the running stack first (deploy/local/down.sh); this benchmark starts its own demo feed"
  fi
done

broker_before=0
port_open localhost "${KAFKA_PORT:-9092}" && broker_before=1
stop_stack() {
  if [[ "${BENCH_KEEP_UP:-0}" == 1 ]]; then
    info "the stack stays up (BENCH_KEEP_UP=1); stop it with deploy/local/down.sh"
  else
    # A broker that was up before the benchmark stays up.
    AIFC_KEEP_BROKER="$broker_before" "$LOCAL_DIR/down.sh" || true
  fi
}

info "run: the demo day at $MULTIPLE x its daily volume ($RATE records/s), lag measured for ${RUN_SECONDS} s"
AIFC_DEMO_RATE="$RATE" AIFC_DEMO_DURATION="$((SETTLE + RUN_SECONDS + 120))s" "$LOCAL_DIR/up.sh" \
  >"$LOG_DIR/bench-demo-up.log" 2>&1 || { show_log_tail "$LOG_DIR/bench-demo-up.log" 40; die "up.sh failed"; }
trap stop_stack EXIT

# 1. The yardstick, from this run: the same scenario flat out into topics of their own, on the same machine and broker.
"$LOCAL_DIR/kafka.sh" topics "$SUFFIX" >/dev/null
info "raw produce rate: $RAW_COUNT demo-day records flat out into *$SUFFIX (no service reads them)"
raw="$("$java" -cp "$sim_cp" kz.aifc.simulator.Simulator --scenario demo-day --rate 0 --count "$RAW_COUNT" \
  --topic-suffix "$SUFFIX" --report-every 0 2>>"$LOG_DIR/bench-demo-simulator.log")"
raw_rate="$(sed -E 's/.*"eventsPerSecond":([^,}]*).*/\1/' <<<"$raw")"
info "  produced: $raw"

info "settling for ${SETTLE} s after the onboarding"
sleep "$SETTLE"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
info "measuring every service's lag for ${RUN_SECONDS} s"
lag="$("$java" -Daifc.lag.every-ms="${BENCH_LAG_EVERY_MS:-200}" -cp "$sim_cp" kz.aifc.simulator.LagProbe localhost:9092 "$RUN_SECONDS" \
  "capital-service=http://127.0.0.1:8081/q/metrics=aifc.capital.snapshots,aifc.licences" \
  "aml-service=http://127.0.0.1:8082/q/metrics=aifc.transactions.screened" \
  "licensing-service=http://127.0.0.1:8083/q/metrics=aifc.staff.changes,aifc.controllers.changes" \
  "notification-service=http://127.0.0.1:8080/q/metrics=aifc.compliance.alerts")"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

rss=""
for svc in licensing-service capital-service aml-service notification-service; do
  pid="$(cat "$STATE_DIR/run/$svc.pid" 2>/dev/null || true)"
  kb="$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)"
  rss+="${rss:+,}\"$svc\":$((kb / 1024))"
done

cat >"$RESULT" <<EOF
{"multiple":$MULTIPLE,"recordsPerSecond":$RATE,"seconds":$RUN_SECONDS,"rawProducePerSecond":$raw_rate,
 "loadAverageBefore":"$load_before","loadAverageAfter":"$load_after","peakRssMb":{$rss},
 "lag":$lag}
EOF
info "result: $RESULT"
cat "$RESULT"
