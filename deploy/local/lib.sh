# shellcheck shell=bash
# Shared helpers for the local-stack scripts in deploy/local/.
#
# Source it from a script that lives in deploy/local/ (or anywhere else):
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Provides:
#   ROOT        repository root (the directory holding pom.xml and mvnw)
#   LOCAL_DIR   deploy/local
#   STATE_DIR   deploy/local/.state (override with AIFC_STATE_DIR); git-ignored run-time state
#   LOG_DIR     $STATE_DIR/logs
#   info MSG... / warn MSG...      messages on stderr, prefixed with the calling script's name
#   die MSG...                     error message on stderr, exit 1
#   port_open HOST PORT            true when something accepts TCP connections on HOST:PORT
#   wait_for_port HOST PORT SECONDS NAME LOGFILE [PID]
#                                  wait until HOST:PORT accepts connections; on timeout (or when the
#                                  optional PID dies first) print the last 30 lines of LOGFILE and die
#   show_log_tail LOGFILE [LINES]  print the last LINES (default 30) lines of LOGFILE on stderr
#   pid_alive PID                  true while PID runs (not a zombie)
#   pid_cmdline PID                the command line of PID, blank-separated
#   have CMD                       true when CMD is on the PATH
#   run_exclusive LOCKFILE SECONDS SCRIPT ARGS...
#                                  re-runs SCRIPT with ARGS while holding an flock on LOCKFILE, then
#                                  exits with its status; inside the locked run it returns at once.
#                                  Children (daemons) do not inherit the lock (flock -o).
#   java_bin                       path of the java launcher (JAVA_HOME first, then PATH)
#   aml_alert_id_key               the local installation's aml-service alert id key (made on first use in
#                                  $STATE_DIR/aml-alert-id.key, kept so alert ids stay the same across runs)

if [[ -n "${AIFC_LOCAL_LIB_LOADED:-}" ]]; then
  return 0
fi
AIFC_LOCAL_LIB_LOADED=1

LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
ROOT="$(cd "$LOCAL_DIR/../.." && pwd -P)"
STATE_DIR="${AIFC_STATE_DIR:-$LOCAL_DIR/.state}"
LOG_DIR="$STATE_DIR/logs"
export ROOT LOCAL_DIR STATE_DIR LOG_DIR
mkdir -p "$LOG_DIR"

AIFC_SCRIPT_NAME="$(basename "${0:-local}")"

info() {
  printf '[%s %s] %s\n' "$AIFC_SCRIPT_NAME" "$(date +%H:%M:%S)" "$*" >&2
}

warn() {
  printf '[%s %s] WARNING: %s\n' "$AIFC_SCRIPT_NAME" "$(date +%H:%M:%S)" "$*" >&2
}

die() {
  printf '[%s %s] ERROR: %s\n' "$AIFC_SCRIPT_NAME" "$(date +%H:%M:%S)" "$*" >&2
  exit 1
}

have() {
  command -v "$1" >/dev/null 2>&1
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  elif have java; then
    command -v java
  else
    die "no 'java' found: install a JDK 17 (Debian: apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME"
  fi
}

# port_open HOST PORT -- uses bash's /dev/tcp, bounded to 2 s so a black-holed address cannot hang us.
port_open() {
  local host="$1" port="$2"
  # shellcheck disable=SC2016 # $1 and $2 belong to the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' port-probe "$host" "$port" >/dev/null 2>&1
}

# pid_alive PID -- true while PID exists and is not a zombie (a child that died but was not reaped yet).
pid_alive() {
  local pid="$1" state=""
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r "/proc/$pid/stat" ]]; then
    state="$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null || true)"
  elif have ps; then
    state="$(ps -o stat= -p "$pid" 2>/dev/null || true)"
  fi
  [[ "$state" != Z* ]]
}

# Stops a process this project started: TERM, up to WAIT_SECONDS for it to end, then KILL; with "group", KILL goes to
# its whole process group (a launcher script whose child runs in the session setsid made for both).
stop_process() { # PID WAIT_SECONDS [group]
  local pid="$1" deadline=$((SECONDS + $2))
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid" && ((SECONDS < deadline)); do
    sleep 0.25
  done
  if [[ "${3:-}" == group ]]; then
    kill -KILL -- "-$pid" 2>/dev/null || true
  elif pid_alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
}

# pid_cmdline PID -- the command line of PID with arguments separated by blanks (empty if unknown).
pid_cmdline() {
  local pid="$1"
  if [[ -r "/proc/$pid/cmdline" ]]; then
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true
  elif have ps; then
    ps -o args= -p "$pid" 2>/dev/null || true
  fi
}

# CPU a benchmark phase takes, per event: cpu_mark SERVICE_PID at its start, cpu_per_event MARK SERVICE_PID EVENTS at
# its end -> {"serviceMsPerEvent":…,"postgresMsPerEvent":…}, the service's process and every PostgreSQL process (user
# and system time; a backend that exits in between takes its time with it).
cpu_ticks() { # PID -> user + system CPU clock ticks the process has used so far
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_cpu_ticks() {
  local t=0 p
  for p in $(pgrep -x postgres); do t=$((t + $(cpu_ticks "$p"))); done
  echo "$t"
}
cpu_mark() { # SERVICE_PID
  echo "$(cpu_ticks "$1") $(postgres_cpu_ticks)"
}
cpu_per_event() { # MARK SERVICE_PID EVENTS
  local svc0 pg0
  read -r svc0 pg0 <<<"$1"
  awk -v s="$(($(cpu_ticks "$2") - svc0))" -v p="$(($(postgres_cpu_ticks) - pg0))" -v hz="$(getconf CLK_TCK)" -v n="$3" \
    'BEGIN {printf "{\"serviceMsPerEvent\":%.3f,\"postgresMsPerEvent\":%.3f}", s * 1000 / hz / n, p * 1000 / hz / n}'
}

show_log_tail() {
  local logfile="$1" lines="${2:-30}"
  if [[ -n "$logfile" && -s "$logfile" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$lines" "$logfile" >&2
    tail -n "$lines" "$logfile" >&2
    printf -- '----- end of %s -----\n' "$logfile" >&2
  elif [[ -n "$logfile" ]]; then
    printf '(log file %s is empty or missing)\n' "$logfile" >&2
  fi
}

# wait_for_port HOST PORT SECONDS NAME LOGFILE [PID]
wait_for_port() {
  local host="$1" port="$2" seconds="$3" name="$4" logfile="${5:-}" pid="${6:-}"
  local deadline=$((SECONDS + seconds))
  while ! port_open "$host" "$port"; do
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      show_log_tail "$logfile" 30
      die "$name (pid $pid) exited before it accepted connections on $host:$port"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$logfile" 30
      die "$name did not accept connections on $host:$port within ${seconds}s"
    fi
    sleep 0.25
  done
}

# run_exclusive LOCKFILE SECONDS SCRIPT ARGS...
# Serialises whole commands (start, stop, ensure...) between concurrent callers. flock -o keeps the lock
# in the flock process only, so a broker or database server started by SCRIPT never holds it.
run_exclusive() {
  local lockfile="$1" seconds="$2"
  shift 2
  if [[ "${AIFC_LOCK_HELD:-}" == *"<$lockfile>"* ]] || ! have flock; then
    return 0
  fi
  local rc=0
  AIFC_LOCK_HELD="${AIFC_LOCK_HELD:-}<$lockfile>" flock -o -w "$seconds" -E 75 "$lockfile" bash "$@" || rc=$?
  if ((rc == 75)); then
    die "another run still holds $lockfile after ${seconds}s"
  fi
  exit "$rc"
}

# The screened-transaction traffic of the aml-service benchmarks (bench-aml.sh, and the drain beside the desk in
# bench-service.sh): the load scenario's three demo firms, events named by random UUIDs as most firms' systems name
# them, or with AML_BENCH_EVENT_IDS=sequence by the simulator's <run>-<n>, in order (the traffic of the runs before
# 2026-12-06 17:50 UTC, which spared an index on the event key the random inserts it takes in production).
AML_BENCH_EVENT_IDS="${AML_BENCH_EVENT_IDS:-uuid}"
AML_BENCH_TRAFFIC=(--scenario load --firms F-DATF-01,F-CUST-01,F-DEAL-01 --event-ids "$AML_BENCH_EVENT_IDS")

# aml_alert_id_key: aml-service refuses to start without aifc.aml.alert-id-key outside dev and test (its alert ids
# are keyed hashes, so that they name no customer). The local stack makes one random key and keeps it.
aml_alert_id_key() {
  local file="$STATE_DIR/aml-alert-id.key"
  if [[ ! -s "$file" ]]; then
    mkdir -p "$STATE_DIR"
    (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$file")
  fi
  cat "$file"
}
