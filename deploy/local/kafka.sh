#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft, broker + controller in one JVM) for local runs and tests,
# built from Kafka's own Maven Central artifacts: no Docker, no tarball download.
#
# Usage: deploy/local/kafka.sh COMMAND
#   start            start the broker, or reuse whatever already accepts connections on the port
#   stop             stop the broker that this script started (pid file); leaves other brokers alone
#   status           print running / not running (exit 0 when running, 3 when not)
#   topics [SUFFIX]  create the contract topics and their .dlq topics (idempotent); with SUFFIX,
#                    each name gets SUFFIX appended (a leading '.' is added when SUFFIX starts with a
#                    letter or digit: "t1" and ".t1" both give aifc.capital.snapshots.t1)
#   reset            stop the broker and delete its data (clean slate; next start formats again)
#   run-class CLASS [ARGS...]
#                    run a class from the broker's jars, e.g. org.apache.kafka.tools.ConsoleProducer
#   classpath        print the broker's classpath (quoted glob form, for java -cp)
#
# Environment:
#   KAFKA_PORT (9092)             client port; the broker listens on 127.0.0.1 and advertises localhost
#   KAFKA_CONTROLLER_PORT (9093)  KRaft controller port, loopback only
#   KAFKA_BOOTSTRAP               bootstrap servers used by the tools (default localhost:$KAFKA_PORT)
#   KAFKA_HEAP_OPTS               broker heap (default -Xms256m -Xmx512m)
#   KAFKA_START_TIMEOUT (60)      seconds to wait for the broker to answer
#   KAFKA_STOP_TIMEOUT (30)       seconds to wait after SIGTERM before SIGKILL
#
# State lives in deploy/local/.state/kafka/ (jars in libs/, data in data/, server.properties, kafka.pid);
# the broker log is deploy/local/.state/logs/kafka.log.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# ---------------------------------------------------------------------------------------------------
# Topics of contract/README.md §1: "name partitions [topic-config ...]". Every topic also gets "<name>.dlq"
# with as many partitions as the topic (Topics.partitions: a replay keeps the per-firm spread) and default
# (delete) retention: a DLQ keeps malformed records, which may have no key, and a compacted topic would
# reject those.
TOPICS=(
  "aifc.capital.snapshots 3"
  "aifc.transactions.screened 6"
  "aifc.staff.changes 3"
  "aifc.controllers.changes 3"
  "aifc.licences 3 cleanup.policy=compact"
  "aifc.compliance.alerts 6"
)
# ---------------------------------------------------------------------------------------------------

KAFKA_HOST=127.0.0.1
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-localhost:$KAFKA_PORT}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

KAFKA_PROJECT_DIR="$LOCAL_DIR/kafka"
KAFKA_STATE_DIR="$STATE_DIR/kafka"
KAFKA_LIBS="$KAFKA_STATE_DIR/libs"
KAFKA_DATA="$KAFKA_STATE_DIR/data"
KAFKA_CONFIG="$KAFKA_STATE_DIR/server.properties"
KAFKA_PIDFILE="$KAFKA_STATE_DIR/kafka.pid"
KAFKA_LOCKFILE="$KAFKA_STATE_DIR/.lock"
KAFKA_LIBS_LOCKFILE="$KAFKA_STATE_DIR/.libs.lock"
KAFKA_LOG="$LOG_DIR/kafka.log"
KAFKA_LIBS_STAMP="$KAFKA_LIBS/.fetched-from-pom"

mkdir -p "$KAFKA_STATE_DIR"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

# start/stop/reset run one at a time (e.g. two test scripts starting the broker at once).
lock_command() {
  run_exclusive "$KAFKA_LOCKFILE" 180 "${BASH_SOURCE[0]}" "$@"
}

# --- jars ------------------------------------------------------------------------------------------

pom_digest() {
  cksum <"$KAFKA_PROJECT_DIR/pom.xml" | cut -d' ' -f1
}

# Copies the broker's jars into .state/kafka/libs/ unless they are there already for the current pom.
ensure_libs() {
  local want
  want="$(pom_digest)"
  if [[ -f "$KAFKA_LIBS_STAMP" && "$(<"$KAFKA_LIBS_STAMP")" == "$want" ]]; then
    return 0
  fi
  # Only one fetch at a time; fd 8 is closed again right after, so nothing started later inherits it.
  if have flock; then
    exec 8>"$KAFKA_LIBS_LOCKFILE"
    flock -w 600 8 || die "another kafka.sh is still fetching the jars after 600s"
  fi
  if [[ -f "$KAFKA_LIBS_STAMP" && "$(<"$KAFKA_LIBS_STAMP")" == "$want" ]]; then
    exec 8>&-
    return 0
  fi
  info "fetching Apache Kafka jars from Maven Central into ${KAFKA_LIBS#"$ROOT"/} (first run only)"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$KAFKA_LIBS"
  local mvnw=("$ROOT/mvnw")
  [[ -x "$ROOT/mvnw" ]] || mvnw=(sh "$ROOT/mvnw")
  if ! (cd "$ROOT" && "${mvnw[@]}" -q -B -f "$KAFKA_PROJECT_DIR/pom.xml" \
    dependency:copy-dependencies -Dlibs.dir="$KAFKA_LIBS"); then
    rm -rf "$KAFKA_LIBS"
    die "could not fetch the Kafka jars (Maven Central must be reachable; see the Maven output above)"
  fi
  compgen -G "$KAFKA_LIBS/kafka_2.13-*.jar" >/dev/null || die "no kafka_2.13 jar in $KAFKA_LIBS after the fetch"
  printf '%s\n' "$want" >"$KAFKA_LIBS_STAMP"
  info "fetched $(find "$KAFKA_LIBS" -name '*.jar' | wc -l) jars"
  exec 8>&-
}

# Sets TOOL_JAVA to the java command line for short-lived Kafka tools: quick JVM start (C1 only, serial
# GC), warnings only on stderr. Usage: tool_java; "${TOOL_JAVA[@]}" CLASS ARGS...
TOOL_JAVA=()
tool_java() {
  TOOL_JAVA=("$(java_bin)" -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto
    -Dlog4j2.configurationFile="$KAFKA_PROJECT_DIR/log4j2-tools.properties"
    -cp "$KAFKA_LIBS/*")
}

# run_tool CLASS ARGS... -- runs a Kafka command-line tool class from the fetched jars.
run_tool() {
  tool_java
  "${TOOL_JAVA[@]}" "$@"
}

# --- broker process -----------------------------------------------------------------------------

# Prints the pid of the broker this script started, if it is still running. Removes a stale pid file.
broker_pid() {
  [[ -f "$KAFKA_PIDFILE" ]] || return 1
  local pid
  pid="$(<"$KAFKA_PIDFILE")"
  if pid_alive "$pid" && [[ "$(pid_cmdline "$pid")" == *kafka.Kafka*"$KAFKA_CONFIG"* ]]; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$KAFKA_PIDFILE"
  return 1
}

write_config() {
  mkdir -p "$KAFKA_DATA"
  local tmp="$KAFKA_CONFIG.tmp"
  cat >"$tmp" <<EOF
# Generated by deploy/local/kafka.sh on every start; edit the script, not this file.
# Single-node KRaft: this process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://localhost:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=${KAFKA_DATA}

# Small machine: few threads.
num.network.threads=3
num.io.threads=4
background.threads=4

# Topics: created explicitly by 'kafka.sh topics'; auto-creation stays on for convenience.
auto.create.topics.enable=true
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
delete.topic.enable=true

# One node: replication factor 1 for every internal topic.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=10
group.initial.rebalance.delay.ms=0

# Local data does not need to live long.
log.retention.hours=24
log.retention.bytes=1073741824
log.segment.bytes=134217728
log.retention.check.interval.ms=60000
EOF
  mv -f "$tmp" "$KAFKA_CONFIG"
}

# Formats the KRaft storage once; a formatted data directory (meta.properties) is kept as it is.
format_storage() {
  if [[ -f "$KAFKA_DATA/meta.properties" ]]; then
    local id
    id="$(sed -n 's/^cluster\.id=//p' "$KAFKA_DATA/meta.properties")"
    info "storage already formatted (cluster id ${id:-unknown}); keeping its data"
    return 0
  fi
  local cluster_id
  cluster_id="$(run_tool kafka.tools.StorageTool random-uuid | tail -n 1)"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "kafka.tools.StorageTool random-uuid printed '$cluster_id'"
  info "formatting storage in ${KAFKA_DATA#"$ROOT"/} (cluster id $cluster_id)"
  if ! run_tool kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$KAFKA_CONFIG" \
    --ignore-formatted >>"$KAFKA_LOG" 2>&1; then
    show_log_tail "$KAFKA_LOG" 30
    die "kafka.tools.StorageTool format failed (try: $0 reset)"
  fi
}

launch_broker() {
  local java
  java="$(java_bin)"
  local -a heap
  read -r -a heap <<<"$KAFKA_HEAP_OPTS"
  local -a cmd=(
    "$java" "${heap[@]}"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$KAFKA_PROJECT_DIR/log4j2.properties"
    -cp "$KAFKA_LIBS/*"
    kafka.Kafka "$KAFKA_CONFIG"
  )
  printf '===== %s kafka.sh start: %s =====\n' "$(date '+%F %T')" "${cmd[*]}" >>"$KAFKA_LOG"
  rm -f "$KAFKA_PIDFILE"
  # A new session (setsid) that ignores SIGHUP (nohup), detached from our stdin/stdout, so the broker
  # outlives the calling shell. The wrapper writes its own pid and then becomes java (exec), so the
  # pid file always names the broker process itself.
  # shellcheck disable=SC2016 # $1, $2 and $@ belong to the inner bash
  setsid nohup bash -c 'cd "$1" && printf "%s\n" "$$" >"$2" && shift 2 && exec "$@"' kafka-broker \
    "$KAFKA_STATE_DIR" "$KAFKA_PIDFILE" "${cmd[@]}" >>"$KAFKA_LOG" 2>&1 </dev/null &
  local i
  for ((i = 0; i < 50; i++)); do
    [[ -s "$KAFKA_PIDFILE" ]] && break
    sleep 0.1
  done
  [[ -s "$KAFKA_PIDFILE" ]] || die "the broker process did not start (see $KAFKA_LOG)"
  cat "$KAFKA_PIDFILE"
}

# The broker answers a metadata request (the topic list) within the deadline.
wait_until_ready() {
  local pid="$1" deadline="$2"
  wait_for_port "$KAFKA_HOST" "$KAFKA_PORT" $((deadline - SECONDS > 0 ? deadline - SECONDS : 1)) \
    "Kafka broker" "$KAFKA_LOG" "$pid"
  tool_java
  while ! timeout 20 "${TOOL_JAVA[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --list >/dev/null 2>&1; do
    pid_alive "$pid" || {
      show_log_tail "$KAFKA_LOG" 30
      die "the Kafka broker (pid $pid) exited during start-up"
    }
    if ((SECONDS >= deadline)); then
      show_log_tail "$KAFKA_LOG" 30
      die "the Kafka broker accepts connections on $KAFKA_HOST:$KAFKA_PORT but did not answer a metadata request within ${KAFKA_START_TIMEOUT}s"
    fi
    sleep 1
  done
}

terminate_broker() {
  local pid="$1" timeout="$2" waited=0
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid" && ((waited < timeout * 4)); do
    sleep 0.25
    waited=$((waited + 1))
  done
  if pid_alive "$pid"; then
    warn "broker pid $pid still running ${timeout}s after SIGTERM; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while pid_alive "$pid"; do sleep 0.1; done
  fi
  rm -f "$KAFKA_PIDFILE"
}

# --- commands ------------------------------------------------------------------------------------

cmd_start() {
  local pid started=$SECONDS
  if pid="$(broker_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      info "Kafka broker already running (pid $pid, started by kafka.sh) at $KAFKA_BOOTSTRAP"
      return 0
    fi
    info "Kafka broker pid $pid is still starting; waiting for it"
    wait_until_ready "$pid" $((SECONDS + KAFKA_START_TIMEOUT))
    info "Kafka broker ready at $KAFKA_BOOTSTRAP (pid $pid)"
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    info "something already accepts connections on $KAFKA_HOST:$KAFKA_PORT; reusing it as the Kafka broker (not started by kafka.sh: no pid file, 'stop' leaves it alone)"
    return 0
  fi
  if port_open 127.0.0.1 "$KAFKA_CONTROLLER_PORT"; then
    die "the controller port 127.0.0.1:$KAFKA_CONTROLLER_PORT is already in use; free it or set KAFKA_CONTROLLER_PORT"
  fi

  ensure_libs
  write_config
  format_storage
  pid="$(launch_broker)"
  info "Kafka broker starting (pid $pid), log: ${KAFKA_LOG#"$ROOT"/}"
  # If the start fails, do not leave a half-started broker behind.
  trap 'if pid_alive "'"$pid"'"; then warn "stopping the half-started broker (pid '"$pid"')"; terminate_broker "'"$pid"'" 10; fi; rm -f "$KAFKA_PIDFILE"' EXIT
  wait_until_ready "$pid" $((started + KAFKA_START_TIMEOUT))
  trap - EXIT
  info "Kafka broker ready at $KAFKA_BOOTSTRAP (pid $pid) after $((SECONDS - started))s"
}

cmd_stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      info "a broker answers on $KAFKA_HOST:$KAFKA_PORT but was not started by kafka.sh (no pid file); leaving it alone"
    else
      info "Kafka broker not running"
    fi
    return 0
  fi
  info "stopping Kafka broker (pid $pid)"
  local started=$SECONDS
  terminate_broker "$pid" "$KAFKA_STOP_TIMEOUT"
  info "Kafka broker stopped after $((SECONDS - started))s"
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
      echo "running (pid $pid, started by kafka.sh, bootstrap $KAFKA_BOOTSTRAP)"
    else
      echo "starting (pid $pid, port $KAFKA_PORT not open yet)"
    fi
    return 0
  fi
  if port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    echo "running (something accepts connections on $KAFKA_HOST:$KAFKA_PORT; not started by kafka.sh)"
    return 0
  fi
  echo "not running"
  return 3
}

cmd_topics() {
  local suffix="${1:-}"
  if [[ -n "$suffix" ]]; then
    [[ "$suffix" =~ ^[A-Za-z0-9._-]+$ ]] || die "topic suffix '$suffix' may only hold letters, digits, '.', '_' and '-'"
    [[ "$suffix" =~ ^[A-Za-z0-9] ]] && suffix=".$suffix"
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || die "no Kafka broker on $KAFKA_HOST:$KAFKA_PORT; run: $0 start"
  ensure_libs

  local -a commands=() expected=()
  local spec name partitions config topic
  local -a fields
  for spec in "${TOPICS[@]}"; do
    read -r -a fields <<<"$spec"
    name="${fields[0]}"
    partitions="${fields[1]}"
    topic="$name$suffix"
    local line="--bootstrap-server $KAFKA_BOOTSTRAP --create --if-not-exists --topic $topic --partitions $partitions --replication-factor 1"
    for config in "${fields[@]:2}"; do
      line+=" --config $config"
    done
    commands+=("$line")
    commands+=("--bootstrap-server $KAFKA_BOOTSTRAP --create --if-not-exists --topic $topic.dlq --partitions $partitions --replication-factor 1")
    expected+=("$topic" "$topic.dlq")
  done
  commands+=("--bootstrap-server $KAFKA_BOOTSTRAP --list --exclude-internal")

  info "ensuring ${#expected[@]} topics${suffix:+ with suffix \"$suffix\"} on $KAFKA_BOOTSTRAP"
  local out
  tool_java
  # One JVM for all of them: Kafka's own TopicCommand, run line by line by a tiny source-file launcher.
  if ! out="$(printf '%s\n' "${commands[@]}" |
    "${TOOL_JAVA[@]}" "$KAFKA_PROJECT_DIR/TopicCommandBatch.java")"; then
    warn "the one-JVM topic batch failed; falling back to one TopicCommand JVM per topic"
    out=""
    local -a args
    for line in "${commands[@]}"; do
      read -r -a args <<<"$line"
      out+="$(run_tool org.apache.kafka.tools.TopicCommand "${args[@]}")"$'\n' ||
        die "kafka-topics failed: $line"
    done
  fi
  printf '%s\n' "$out" | grep '^Created topic' | sed 's/^/  /' >&2 || true

  local missing=() attempt
  for attempt in 1 2 3 4 5; do
    missing=()
    for topic in "${expected[@]}"; do
      grep -qxF -- "$topic" <<<"$out" || missing+=("$topic")
    done
    ((${#missing[@]} == 0)) && break
    # A busy broker may list a topic a moment after creating it: ask again before calling it missing.
    sleep 1
    out="$(printf '%s\n' "--bootstrap-server $KAFKA_BOOTSTRAP --list --exclude-internal" |
      "${TOOL_JAVA[@]}" "$KAFKA_PROJECT_DIR/TopicCommandBatch.java")" || true
  done
  ((${#missing[@]} == 0)) || die "topics missing after creation: ${missing[*]}"
  info "topics ready: ${expected[*]}"
}

cmd_reset() {
  cmd_stop
  if [[ -d "$KAFKA_DATA" ]]; then
    rm -rf "$KAFKA_DATA"
    info "deleted ${KAFKA_DATA#"$ROOT"/}; the next start formats fresh storage"
  else
    info "no Kafka data to delete"
  fi
}

cmd_run_class() {
  (($# >= 1)) || die "usage: $0 run-class CLASS [ARGS...]"
  ensure_libs
  local java
  java="$(java_bin)"
  exec "$java" -Xmx512m -Dlog4j2.configurationFile="$KAFKA_PROJECT_DIR/log4j2-tools.properties" \
    -cp "$KAFKA_LIBS/*" "$@"
}

main() {
  local command="${1:-}"
  (($# > 0)) && shift
  case "$command" in
    start)
      lock_command start
      cmd_start
      ;;
    stop)
      lock_command stop
      cmd_stop
      ;;
    status) cmd_status ;;
    topics) cmd_topics "$@" ;;
    reset)
      lock_command reset
      cmd_reset
      ;;
    run-class) cmd_run_class "$@" ;;
    classpath)
      ensure_libs
      printf '%s\n' "$KAFKA_LIBS/*"
      ;;
    -h | --help | help) usage ;;
    "")
      usage >&2
      die "missing command (start, stop, status, topics, reset, run-class, classpath)"
      ;;
    *)
      usage >&2
      die "unknown command '${command}'"
      ;;
  esac
}

main "$@"
