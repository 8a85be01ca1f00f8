#!/usr/bin/env bash
# Stops what up.sh started: the demo feed, the four services, the Kafka broker, the mail server and Keycloak
# (PostgreSQL belongs to the machine and stays).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUN_DIR="$STATE_DIR/run"

# terminate PIDFILE...: SIGTERM to every live process, then wait for all of them together (SIGKILL after 30 s).
terminate() {
  local pidfile pid
  local -a live=()
  for pidfile in "$@"; do
    [[ -f "$pidfile" ]] || continue
    pid="$(cat "$pidfile")"
    if kill -0 "$pid" 2>/dev/null; then
      info "stopping $(basename "$pidfile" .pid) (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      live+=("$pid")
    fi
    rm -f "$pidfile"
  done
  for _ in $(seq 1 60); do
    local any=no
    for pid in "${live[@]}"; do
      kill -0 "$pid" 2>/dev/null && any=yes
    done
    [[ "$any" == no ]] && return 0
    sleep 0.5
  done
  for pid in "${live[@]}"; do
    kill -KILL "$pid" 2>/dev/null || true
  done
}

shopt -s nullglob
terminate "$RUN_DIR/simulator.pid"
terminate "$RUN_DIR"/*.pid
# AIFC_KEEP_BROKER=1 leaves the broker running (bench-demo.sh, when the broker was up before it).
if [[ "${AIFC_KEEP_BROKER:-0}" != 1 ]]; then
  "$LOCAL_DIR/kafka.sh" stop
fi
"$LOCAL_DIR/mail.sh" stop
"$LOCAL_DIR/keycloak.sh" stop
info "stopped"
