#!/usr/bin/env bash
# Keycloak, the local stack's identity provider: its own distribution from Maven Central
# (org.keycloak:keycloak-quarkus-dist), run in development mode (dev-file database) on localhost, with the realm
# `aifc` imported from deploy/local/keycloak/aifc-realm.json: the roles in the `groups` claim, the firm in `firm_id`,
# a demo user per role and demo firm, the desk's client (authorization code flow) and a client for scripts.
#
# Usage: deploy/local/keycloak.sh COMMAND
#   ensure           download and unpack the distribution (first run only) and check for a Java 21+ runtime
#   start            start Keycloak, or reuse one that already serves the realm on the port; waits until ready
#   stop             stop the Keycloak this script started (pid file); leaves any other alone
#   status           print running / not running (exit 0 when the realm answers, 3 when not)
#   users            print the demo users: user name, role, firm and password
#   password USER    print one demo user's password
#   client-secret    print the desk client's secret (notification-service's quarkus.oidc.credentials.secret)
#   issuer           print the realm's issuer URL
#
# Environment:
#   KEYCLOAK_VERSION (26.5.6)     the distribution's version on Maven Central
#   KEYCLOAK_PORT (8180)          HTTP port (loopback only); the management port (health) is KEYCLOAK_PORT + 1
#   KEYCLOAK_JAVA_HOME            a Java 21 or newer to run it with (else JAVA_HOME, the PATH, /usr/lib/jvm/*)
#   KEYCLOAK_START_TIMEOUT (180)  seconds to wait for the realm to answer
#   AIFC_DESK_ORIGIN              the desk's origin for the client's redirect URIs (http://localhost:8080)
#
# The passwords and the client secret are generated on first start into deploy/local/.state/keycloak/secrets/
# (owner-only, never in git) and given to the realm import as environment placeholders. The server log is
# deploy/local/.state/logs/keycloak.log. Editing the realm file re-imports it at the next start (the dev database
# is reset).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.5.6}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_MANAGEMENT_PORT="$((KEYCLOAK_PORT + 1))"
KEYCLOAK_START_TIMEOUT="${KEYCLOAK_START_TIMEOUT:-180}"
KC_STATE="$STATE_DIR/keycloak"
KC_ZIP="$KC_STATE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
KC_HOME="$KC_STATE/keycloak-$KEYCLOAK_VERSION"
KC_PIDFILE="$KC_STATE/keycloak.pid"
KC_LOCKFILE="$KC_STATE/.lock"
KC_SECRETS="$KC_STATE/secrets"
KC_PASSWORDS="$KC_SECRETS/passwords.env"
KC_REALM_FILE="$LOCAL_DIR/keycloak/aifc-realm.json"
KC_LOG="$LOG_DIR/keycloak.log"
KC_URL="http://localhost:$KEYCLOAK_PORT"
KC_ISSUER="$KC_URL/realms/aifc"
CENTRAL="${MAVEN_CENTRAL_URL:-https://repo1.maven.org/maven2}"

mkdir -p "$KC_STATE"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

# --- runtime and distribution ----------------------------------------------------------------------

java_major() { # JAVA -> its feature version (17, 21, 25...)
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1 | cut -d. -f1
}

# Keycloak 26 runs on Java 21 or newer; the services stay on 17. Prints a java launcher that fits.
keycloak_java() {
  local candidate major
  local -a candidates=()
  [[ -n "${KEYCLOAK_JAVA_HOME:-}" ]] && candidates+=("$KEYCLOAK_JAVA_HOME/bin/java")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  have java && candidates+=("$(command -v java)")
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -e "$candidate" ]] && candidates+=("$candidate")
  done
  for candidate in "${candidates[@]}"; do
    [[ -x "$candidate" ]] || continue
    major="$(java_major "$candidate")"
    if [[ "$major" =~ ^[0-9]+$ ]] && ((major >= 21)); then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  die "Keycloak $KEYCLOAK_VERSION needs Java 21 or newer and none was found (looked at KEYCLOAK_JAVA_HOME, JAVA_HOME," \
    "the PATH and /usr/lib/jvm/*). Install one (Debian: apt-get install -y openjdk-21-jre-headless, or Temurin 21/25)" \
    "or point KEYCLOAK_JAVA_HOME at it."
}

ensure_distribution() {
  if [[ -x "$KC_HOME/bin/kc.sh" ]]; then
    return 0
  fi
  mkdir -p "$KC_STATE"
  # Through the project's Maven Wrapper first: the zip lands in the local Maven repository (~/.m2) as well, so a fresh
  # clone on the same machine copies it from there instead of downloading it again (mirrors and proxies apply).
  if [[ ! -s "$KC_ZIP" ]]; then
    info "fetching Keycloak $KEYCLOAK_VERSION (org.keycloak:keycloak-quarkus-dist, about 160 MB the first time)"
    (cd "$KC_STATE" && sh "$ROOT/mvnw" -q -B -ntp dependency:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$KC_STATE" \
      </dev/null >/dev/null 2>&1) || true
  fi
  if [[ ! -s "$KC_ZIP" ]]; then
    local url="$CENTRAL/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
    warn "./mvnw could not fetch Keycloak; downloading it from $CENTRAL with curl"
    have curl || die "curl is needed to download Keycloak"
    curl -fsSL --retry 3 -o "$KC_ZIP.part" "$url" || die "could not download $url"
    local want got
    want="$(curl -fsSL --retry 3 "$url.sha1" | cut -c1-40)" || die "could not download $url.sha1"
    got="$(sha1sum "$KC_ZIP.part" | cut -c1-40)"
    [[ "$want" == "$got" ]] || die "the Keycloak download does not match Maven Central's checksum ($got, not $want)"
    mv "$KC_ZIP.part" "$KC_ZIP"
  fi
  if ! have unzip && [[ "$(id -u)" == 0 ]] && have apt-get; then
    info "installing unzip from the distribution"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip >/dev/null; } || true
  fi
  have unzip || die "unzip is needed to unpack Keycloak (Debian: apt-get install -y unzip)"
  rm -rf "$KC_HOME.part"
  mkdir -p "$KC_HOME.part"
  unzip -q "$KC_ZIP" -d "$KC_HOME.part" || die "could not unpack $KC_ZIP"
  mv "$KC_HOME.part/keycloak-$KEYCLOAK_VERSION" "$KC_HOME"
  rmdir "$KC_HOME.part"
  info "Keycloak $KEYCLOAK_VERSION unpacked in ${KC_HOME#"$ROOT"/}"
}

# --- secrets -----------------------------------------------------------------------------------------

realm_users() {
  sed -n 's/^ *"username": "\([^"$]*\)",\{0,1\}$/\1/p' "$KC_REALM_FILE"
}

password_variable() { # USER -> the realm file's placeholder for the user's password
  local name
  name="$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]' | tr -c 'A-Z0-9' '_')"
  printf 'AIFC_KC_PASSWORD_%s\n' "$name"
}

random_secret() {
  od -An -N18 -tx1 /dev/urandom | tr -d ' \n'
}

# A password per demo user and the desk client's secret, made once, owner-only.
ensure_secrets() {
  (umask 077 && mkdir -p "$KC_SECRETS" && touch "$KC_PASSWORDS")
  chmod 700 "$KC_SECRETS"
  chmod 600 "$KC_PASSWORDS"
  local user var
  for user in $(realm_users); do
    var="$(password_variable "$user")"
    grep -q "^$var=" "$KC_PASSWORDS" || printf '%s=%s\n' "$var" "$(random_secret)" >>"$KC_PASSWORDS"
  done
  grep -q '^AIFC_DESK_CLIENT_SECRET=' "$KC_PASSWORDS" \
    || printf 'AIFC_DESK_CLIENT_SECRET=%s%s\n' "$(random_secret)" "$(random_secret)" >>"$KC_PASSWORDS"
}

secret_value() { # VARIABLE -> its value from the secrets file
  [[ -s "$KC_PASSWORDS" ]] || die "no Keycloak secrets yet: run deploy/local/keycloak.sh start"
  local line
  line="$(grep -m1 "^$1=" "$KC_PASSWORDS" || true)"
  [[ -n "$line" ]] || die "no secret $1 in $KC_PASSWORDS"
  printf '%s\n' "${line#*=}"
}

# --- process -----------------------------------------------------------------------------------------

kc_pid() {
  [[ -f "$KC_PIDFILE" ]] || return 1
  local pid
  pid="$(<"$KC_PIDFILE")"
  # kc.sh, or the java it replaces itself with after re-augmenting (-Dkc.home.dir=<KC_HOME>/bin/..)
  if pid_alive "$pid" && [[ "$(pid_cmdline "$pid")" == *"$KC_HOME/bin/"* ]]; then
    printf '%s\n' "$pid"
    return 0
  fi
  rm -f "$KC_PIDFILE"
  return 1
}

realm_answers() {
  curl -fsS -o /dev/null --max-time 3 "$KC_ISSUER/.well-known/openid-configuration" 2>/dev/null
}

# The realm is imported into an empty dev database only: a changed realm file starts from a fresh one.
reset_if_realm_changed() {
  local stamp="$KC_STATE/realm.cksum" want
  want="$(cksum <"$KC_REALM_FILE" | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(<"$stamp")" != "$want" ]]; then
    rm -rf "$KC_HOME/data/h2"
    printf '%s\n' "$want" >"$stamp"
  fi
  mkdir -p "$KC_HOME/data/import"
  cp "$KC_REALM_FILE" "$KC_HOME/data/import/aifc-realm.json"
}

cmd_start() {
  if realm_answers; then
    info "Keycloak already serves the realm on :$KEYCLOAK_PORT"
    return 0
  fi
  if port_open 127.0.0.1 "$KEYCLOAK_PORT" || port_open 127.0.0.1 "$KEYCLOAK_MANAGEMENT_PORT"; then
    die "port $KEYCLOAK_PORT or $KEYCLOAK_MANAGEMENT_PORT is taken by something that is not this Keycloak"
  fi
  local java
  java="$(keycloak_java)"
  ensure_distribution
  ensure_secrets
  reset_if_realm_changed
  info "starting Keycloak $KEYCLOAK_VERSION on :$KEYCLOAK_PORT with $java (log: $KC_LOG)"
  (
    set -a
    # shellcheck disable=SC1090
    . "$KC_PASSWORDS"
    set +a
    export JAVA_HOME="${java%/bin/java}" JAVA_OPTS_KC_HEAP="${KEYCLOAK_HEAP:--Xms64m -Xmx512m}"
    export AIFC_DESK_ORIGIN="${AIFC_DESK_ORIGIN:-http://localhost:8080}"
    exec setsid nohup "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
      --http-management-port="$KEYCLOAK_MANAGEMENT_PORT" --hostname="$KC_URL" --health-enabled=true \
      --import-realm >>"$KC_LOG" 2>&1 </dev/null
  ) &
  local pid=$!
  echo "$pid" >"$KC_PIDFILE"
  local deadline=$((SECONDS + KEYCLOAK_START_TIMEOUT))
  until realm_answers; do
    if ! pid_alive "$pid"; then
      show_log_tail "$KC_LOG" 40
      die "Keycloak (pid $pid) exited before the realm answered"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$KC_LOG" 40
      die "the realm did not answer at $KC_ISSUER within ${KEYCLOAK_START_TIMEOUT}s"
    fi
    sleep 1
  done
  info "Keycloak ready: $KC_ISSUER (pid $pid)"
}

cmd_stop() {
  local pid
  if ! pid="$(kc_pid)"; then
    info "no Keycloak started by this script is running"
    return 0
  fi
  info "stopping Keycloak (pid $pid)"
  # kc.sh forwards TERM to its java child; both belong to the session setsid made for them, and nothing else does.
  stop_process "$pid" 30 group
  rm -f "$KC_PIDFILE"
}

cmd_users() {
  [[ -s "$KC_PASSWORDS" ]] || die "no Keycloak secrets yet: run deploy/local/keycloak.sh start"
  local user role firm
  printf '%-32s %-19s %-11s %s\n' USER ROLE FIRM PASSWORD
  for user in $(realm_users); do
    role="${user%%.*}"
    firm="${user#*.}"
    [[ "$firm" == "$user" ]] && firm="(every firm)" || firm="$(printf '%s' "$firm" | tr '[:lower:]' '[:upper:]')"
    printf '%-32s %-19s %-11s %s\n' "$user" "$role" "$firm" "$(secret_value "$(password_variable "$user")")"
  done
}

command="${1:-}"
case "$command" in
  start | stop)
    run_exclusive "$KC_LOCKFILE" 300 "${BASH_SOURCE[0]}" "$@"
    "cmd_$command"
    ;;
  ensure)
    run_exclusive "$KC_LOCKFILE" 900 "${BASH_SOURCE[0]}" "$@"
    keycloak_java >/dev/null
    ensure_distribution
    ;;
  status)
    if realm_answers; then
      echo "running: $KC_ISSUER"
    else
      echo "not running"
      exit 3
    fi
    ;;
  users) cmd_users ;;
  password)
    [[ $# -eq 2 ]] || die "usage: keycloak.sh password USER"
    secret_value "$(password_variable "$2")"
    ;;
  client-secret) secret_value AIFC_DESK_CLIENT_SECRET ;;
  issuer) echo "$KC_ISSUER" ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
