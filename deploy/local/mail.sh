#!/usr/bin/env bash
# A real SMTP server for local runs and tests: GreenMail standalone (com.icegreen:greenmail-standalone from Maven
# Central), run with java -jar. It keeps every message in memory and shows it over IMAP and a small REST API, so the
# demo's alert mails can be read and the tests read back what notification-service sent.
#
# Usage: deploy/local/mail.sh COMMAND
#   start    start the server, or reuse whatever already accepts connections on the SMTP port
#   ensure   the same as start (for scripts that only need one running)
#   stop     stop the server that this script started (pid file); leaves any other alone
#   status   print running / not running (exit 0 when running, 3 when not)
#
# Environment:
#   MAIL_SMTP_PORT (2525)   SMTP, loopback only, no authentication, any recipient accepted
#   MAIL_IMAP_PORT (3143)   IMAP, loopback only: log in with the recipient's address and any password
#   MAIL_API_PORT (8025)    GreenMail's REST API (its default 8080 is notification-service's port):
#                           GET http://localhost:8025/api/user/<address>/messages/INBOX
#   GREENMAIL_VERSION (2.1.13)
#
# The jar goes to deploy/local/.state/mail/ (git-ignored), the pid file next to it, the log to .state/logs/mail.log.
# Messages live only as long as the process: stop (or a restart) drops them.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-2525}"
MAIL_IMAP_PORT="${MAIL_IMAP_PORT:-3143}"
MAIL_API_PORT="${MAIL_API_PORT:-8025}"
GREENMAIL_VERSION="${GREENMAIL_VERSION:-2.1.13}"
MAIL_DIR="$STATE_DIR/mail"
MAIL_JAR="$MAIL_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar"
MAIL_PIDFILE="$MAIL_DIR/greenmail.pid"
MAIL_LOG="$LOG_DIR/mail.log"
CENTRAL="${MAVEN_CENTRAL_URL:-https://repo.maven.apache.org/maven2}"
mkdir -p "$MAIL_DIR"

# The jar through the project's Maven Wrapper (so a Maven mirror or proxy in settings.xml applies), else straight from
# Maven Central with curl, checked against its SHA-1.
ensure_jar() {
  [[ -s "$MAIL_JAR" ]] && return 0
  info "fetching GreenMail $GREENMAIL_VERSION from Maven Central (first run only)"
  local mvnw=("$ROOT/mvnw")
  [[ -x "$ROOT/mvnw" ]] || mvnw=(sh "$ROOT/mvnw")
  if (cd "$MAIL_DIR" && "${mvnw[@]}" -q -B -ntp dependency:copy \
    -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" -DoutputDirectory="$MAIL_DIR" </dev/null) &&
    [[ -s "$MAIL_JAR" ]]; then
    return 0
  fi
  have curl || die "could not fetch GreenMail with ./mvnw, and curl is missing (apt-get install -y curl)"
  warn "./mvnw could not fetch GreenMail; trying $CENTRAL with curl"
  local path="com/icegreen/greenmail-standalone/$GREENMAIL_VERSION/greenmail-standalone-$GREENMAIL_VERSION.jar"
  curl -fsSL --retry 3 -o "$MAIL_JAR.part" "$CENTRAL/$path" || die "could not fetch $CENTRAL/$path"
  local want got
  want="$(curl -fsSL --retry 3 "$CENTRAL/$path.sha1" | cut -c1-40)" || die "could not fetch $CENTRAL/$path.sha1"
  got="$(sha1sum "$MAIL_JAR.part" | cut -c1-40)"
  if [[ "$want" != "$got" ]]; then
    rm -f "$MAIL_JAR.part"
    die "GreenMail jar checksum mismatch (expected $want, got $got)"
  fi
  mv "$MAIL_JAR.part" "$MAIL_JAR"
}

# The pid from the pid file while that process still runs GreenMail; otherwise nothing (and the stale file goes).
server_pid() {
  [[ -f "$MAIL_PIDFILE" ]] || return 1
  local pid
  pid="$(cat "$MAIL_PIDFILE")"
  if pid_alive "$pid" && [[ "$(pid_cmdline "$pid")" == *greenmail-standalone* ]]; then
    echo "$pid"
    return 0
  fi
  rm -f "$MAIL_PIDFILE"
  return 1
}

where() {
  echo "SMTP localhost:$MAIL_SMTP_PORT, IMAP localhost:$MAIL_IMAP_PORT (user: the address, any password)," \
    "REST http://localhost:$MAIL_API_PORT/api/user/<address>/messages/INBOX"
}

cmd_start() {
  local pid
  if pid="$(server_pid)"; then
    wait_for_port 127.0.0.1 "$MAIL_SMTP_PORT" 60 "GreenMail" "$MAIL_LOG" "$pid"
    info "mail server already running (pid $pid, started by mail.sh): $(where)"
    return 0
  fi
  if port_open 127.0.0.1 "$MAIL_SMTP_PORT"; then
    info "something already accepts connections on 127.0.0.1:$MAIL_SMTP_PORT; reusing it as the SMTP server (not started by mail.sh: 'stop' leaves it alone)"
    return 0
  fi
  local port
  for port in "$MAIL_IMAP_PORT" "$MAIL_API_PORT"; do
    port_open 127.0.0.1 "$port" && die "port $port is taken by another process; set MAIL_IMAP_PORT / MAIL_API_PORT"
  done
  ensure_jar
  local java
  java="$(java_bin)"
  (exec setsid nohup "$java" -Xms32m -Xmx128m -XX:+UseSerialGC \
    -Dgreenmail.smtp.hostname=127.0.0.1 -Dgreenmail.smtp.port="$MAIL_SMTP_PORT" \
    -Dgreenmail.imap.hostname=127.0.0.1 -Dgreenmail.imap.port="$MAIL_IMAP_PORT" \
    -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port="$MAIL_API_PORT" \
    -Dgreenmail.auth.disabled -jar "$MAIL_JAR" >"$MAIL_LOG" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$MAIL_PIDFILE"
  info "mail server starting (pid $pid), log: ${MAIL_LOG#"$ROOT"/}"
  wait_for_port 127.0.0.1 "$MAIL_SMTP_PORT" 60 "GreenMail" "$MAIL_LOG" "$pid"
  wait_for_port 127.0.0.1 "$MAIL_API_PORT" 30 "GreenMail's API" "$MAIL_LOG" "$pid"
  info "mail server ready: $(where)"
}

cmd_stop() {
  local pid
  if ! pid="$(server_pid)"; then
    info "no mail server started by mail.sh is running"
    return 0
  fi
  info "stopping the mail server (pid $pid)"
  stop_process "$pid" 10
  rm -f "$MAIL_PIDFILE"
}

cmd_status() {
  local pid
  if pid="$(server_pid)"; then
    echo "running (pid $pid, started by mail.sh): $(where)"
    return 0
  fi
  if port_open 127.0.0.1 "$MAIL_SMTP_PORT"; then
    echo "running (something accepts connections on 127.0.0.1:$MAIL_SMTP_PORT; not started by mail.sh)"
    return 0
  fi
  echo "not running"
  return 3
}

case "${1:-}" in
  start | ensure) run_exclusive "$MAIL_DIR/.lock" 120 "$0" "$@"; cmd_start ;;
  stop) run_exclusive "$MAIL_DIR/.lock" 120 "$0" "$@"; cmd_stop ;;
  status) cmd_status ;;
  *) die "usage: $0 start|ensure|stop|status" ;;
esac
