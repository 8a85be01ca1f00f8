#!/usr/bin/env bash
# Brings the whole system up on this machine: PostgreSQL, a Kafka broker with every contract topic, Keycloak (the
# identity provider people sign in at; AIFC_KEYCLOAK=no leaves it out and the services verify locally signed tokens)
# and the four services (built first when needed). Idempotent: what already runs is reused. Stop it with down.sh.
# KAFKA_SECURED=1 runs it on the secured broker (kafka.sh): each service and the demo feed with its own Kafka user
# (stop it with KAFKA_SECURED=1 deploy/local/down.sh).
# The demo feed: AIFC_DEMO=no leaves it out; AIFC_DEMO_RATE (records/s, default the demo day's 20) and
# AIFC_DEMO_DURATION (default 24h) change it (bench-demo.sh runs it at a multiple of its volume).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SERVICES=(licensing-service capital-service aml-service notification-service)
declare -A PORTS=([notification-service]=8080 [capital-service]=8081 [aml-service]=8082 [licensing-service]=8083)
RUN_DIR="$STATE_DIR/run"
mkdir -p "$RUN_DIR"

"$LOCAL_DIR/postgres.sh" ensure
"$LOCAL_DIR/kafka.sh" start
"$LOCAL_DIR/kafka.sh" topics
# Alert mail goes to a real SMTP server on this machine (GreenMail; read it over IMAP or its REST API).
"$LOCAL_DIR/mail.sh" start
if [[ "${AIFC_KEYCLOAK:-yes}" == yes ]]; then
  "$LOCAL_DIR/keycloak.sh" start
fi

needs_build() {
  local module jar
  for module in "${SERVICES[@]}" simulator; do
    if [[ "$module" == simulator ]]; then
      jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
    else
      jar="$ROOT/$module/target/quarkus-app/quarkus-run.jar"
    fi
    [[ -f "$jar" ]] || return 0
    if [[ -n "$(find "$ROOT/$module/src/main" "$ROOT/contract/src/main" "$ROOT/platform/src/main" "$ROOT/pom.xml" "$ROOT/$module/pom.xml" \
      -newer "$jar" -print -quit)" ]]; then
      return 0
    fi
  done
  return 1
}

if [[ "${AIFC_SKIP_BUILD:-no}" != yes ]] && needs_build; then
  info "building the services (./mvnw package, tests skipped: deploy/local/test.sh runs them)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests)
fi

if [[ "${AIFC_KEYCLOAK:-yes}" == yes ]]; then
  # Keycloak issues every token: capital-, aml- and licensing-service verify them with the realm's published keys
  # (smallrye-jwt reads the JWKS URL); notification-service signs people in there and takes its bearer tokens too.
  issuer="$("$LOCAL_DIR/keycloak.sh" issuer)"
  export AIFC_JWT_PUBLIC_KEY="$issuer/protocol/openid-connect/certs" AIFC_JWT_ISSUER="$issuer"
  export AIFC_OIDC_URL="$issuer"
  AIFC_OIDC_CLIENT_SECRET="$("$LOCAL_DIR/keycloak.sh" client-secret)"
  export AIFC_OIDC_CLIENT_SECRET
else
  # Bearer tokens signed here: the key pair is made on first use; every service verifies with its public half, and
  # notification-service asks for a token instead of signing people in.
  AIFC_TOKEN_LOCAL=1 "$LOCAL_DIR/token.sh" admin >/dev/null
  export AIFC_JWT_PUBLIC_KEY="$STATE_DIR/jwt/jwt-public.pem" AIFC_TOKEN_LOCAL=1
  export QUARKUS_PROFILE=prod,bearer-only QUARKUS_OIDC_TOKEN_ISSUER="https://aifc-compliance.local/issuer"
  QUARKUS_OIDC_PUBLIC_KEY="$(grep -v -- '-----' "$AIFC_JWT_PUBLIC_KEY" | tr -d '\n')"
  export QUARKUS_OIDC_PUBLIC_KEY
fi
# aml-service's alert ids are keyed hashes (no customer in an id): the installation's key, kept in .state.
AIFC_AML_ALERT_ID_KEY="$(aml_alert_id_key)"
export AIFC_AML_ALERT_ID_KEY
# Webhooks reach only public addresses unless allow-listed: let the demo deliver to a receiver on this machine.
export AIFC_WEBHOOKS_ALLOWED_HOSTS="${AIFC_WEBHOOKS_ALLOWED_HOSTS:-localhost,127.0.0.1,::1}"
# Webhook signing secrets are encrypted at rest under this AES-256 key; notification-service refuses to start without
# one. Made once, owner-only (0600), in the git-ignored .state; an operator sets AIFC_WEBHOOKS_SECRET_KEY instead.
if [[ -z "${AIFC_WEBHOOKS_SECRET_KEY:-}" ]]; then
  webhook_key="$STATE_DIR/webhook-secret-key"
  if [[ ! -s "$webhook_key" ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$webhook_key")
  fi
  AIFC_WEBHOOKS_SECRET_KEY="$(cat "$webhook_key")"
  export AIFC_WEBHOOKS_SECRET_KEY
fi

# notification-service mails CRITICAL alerts, escalations and near deadlines through the local SMTP server.
export AIFC_SMTP_HOST="${AIFC_SMTP_HOST:-localhost}" AIFC_SMTP_PORT="${AIFC_SMTP_PORT:-${MAIL_SMTP_PORT:-2525}}"
export AIFC_DESK_URL="${AIFC_DESK_URL:-http://localhost:8080/}"

# On the secured broker every process gets its own user's KAFKA_* settings (kafka.sh wrote them, owner-only).
kafka_env() { # USER -> the file to source, or /dev/null on the plain broker
  if [[ "${KAFKA_SECURED:-0}" == 1 ]]; then
    "$LOCAL_DIR/kafka.sh" credentials "$1" | sed -n 2p
  else
    echo /dev/null
  fi
}
bootstrap="localhost:9092"
[[ "${KAFKA_SECURED:-0}" == 1 ]] && bootstrap="localhost:9094"

java="$(java_bin)"
for svc in "${SERVICES[@]}"; do
  port="${PORTS[$svc]}"
  pidfile="$RUN_DIR/$svc.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    info "$svc already running (pid $(cat "$pidfile"))"
    continue
  fi
  if port_open 127.0.0.1 "$port"; then
    die "port $port is taken by another process; $svc cannot start (see: ss -ltnp 'sport = :$port')"
  fi
  log="$LOG_DIR/$svc.log"
  info "starting $svc on :$port (log: $log)"
  envfile="$(kafka_env "$svc")"
  (set -a && . "$envfile" && set +a && exec setsid nohup "$java" -Xms64m -Xmx${AIFC_SERVICE_HEAP:-384m} -XX:+UseSerialGC \
    -jar "$ROOT/$svc/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 </dev/null) &
  echo $! >"$pidfile"
done

for svc in "${SERVICES[@]}"; do
  port="${PORTS[$svc]}"
  wait_for_port 127.0.0.1 "$port" 90 "$svc" "$LOG_DIR/$svc.log" "$(cat "$RUN_DIR/$svc.pid")"
  deadline=$((SECONDS + 90))
  until curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      show_log_tail "$LOG_DIR/$svc.log" 30
      die "$svc did not become ready on :$port"
    fi
    sleep 0.5
  done
  info "$svc ready: http://localhost:$port"
done

# Alert mail for the demo firms: each firm's compliance officer and MLRO at <role>@<firm>.demo (an admin sets them; an
# MLRO address gets AML alerts in full, a compliance officer's the restricted view).
demo_admin_token="$("$LOCAL_DIR/token.sh" admin)"
for firm in F-DATF-01 F-CUST-01 F-DEAL-01 F-CLEAN-01; do
  domain="$(tr '[:upper:]' '[:lower:]' <<<"$firm").demo"
  curl -fsS -o /dev/null -X PUT -H "Authorization: Bearer $demo_admin_token" -H 'Content-Type: application/json' \
    -d "{\"complianceOfficer\":[\"compliance-officer@$domain\"],\"mlro\":[\"mlro@$domain\"]}" \
    "http://127.0.0.1:8080/firms/$firm/mail-recipients" || warn "could not set the mail recipients of $firm"
done

# Demo feed: each demo firm's roster and controllers first; its licence is registered once licensing-service
# shows them applied (and capital-service knows it before the first snapshot), so loading a roster one event at a
# time raises no vacancy. Then a compressed day of events that carries on in real time.
sim_jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
sim_pidfile="$RUN_DIR/simulator.pid"
sim_log="$LOG_DIR/simulator.log"
if [[ -f "$sim_pidfile" ]] && kill -0 "$(cat "$sim_pidfile")" 2>/dev/null; then
  info "demo feed already streaming (pid $(cat "$sim_pidfile"))"
elif [[ "${AIFC_DEMO:-yes}" == yes ]]; then
  info "starting the demo feed (log: $sim_log): rosters first, then the licences, then the day"
  envfile="$(kafka_env simulator)"
  # The onboarding's admin token: Keycloak's while it runs (the simulator signs one with --jwt-keys otherwise).
  admin_token="$("$LOCAL_DIR/token.sh" admin)"
  (set -a && . "$envfile" && set +a && export AIFC_ADMIN_TOKEN="$admin_token" && exec setsid nohup "$java" -Xmx256m -jar "$sim_jar" --scenario demo-day \
    --duration "${AIFC_DEMO_DURATION:-24h}" ${AIFC_DEMO_RATE:+--rate "$AIFC_DEMO_RATE"} --bootstrap "$bootstrap" \
    --licensing http://127.0.0.1:8083 --capital http://127.0.0.1:8081 --jwt-keys "$STATE_DIR/jwt" \
    >"$sim_log" 2>&1 </dev/null) &
  sim_pid=$!
  echo "$sim_pid" >"$sim_pidfile"
  deadline=$((SECONDS + 150))
  until grep -q '^simulator: onboarded ' "$sim_log" 2>/dev/null; do
    if ! pid_alive "$sim_pid"; then
      show_log_tail "$sim_log" 30
      die "the demo feed stopped before the demo firms were onboarded"
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$sim_log" 30
      die "the demo firms were not onboarded within 150 s"
    fi
    sleep 0.5
  done
  info "$(grep -m1 '^simulator: onboarded ' "$sim_log" | sed 's/^simulator: //')"
fi

if [[ "${AIFC_KEYCLOAK:-yes}" == yes ]]; then
  desk="http://localhost:8080/   (Sign in with a demo user below)"
else
  desk="http://localhost:8080/#token=$("$LOCAL_DIR/token.sh" admin)"
fi
cat <<MSG

The AIFC compliance monitor is up. Every API takes a bearer token: deploy/local/token.sh ROLE [FIRM_ID]
  Compliance desk (notification-service)  $desk
  capital-service                          http://localhost:8081/rulebook
  aml-service                              http://localhost:8082/rulebook
  licensing-service                        http://localhost:8083/rulebook
  Kafka                                    $bootstrap     PostgreSQL 127.0.0.1:5432 (aifc/aifc)
  Alert mail (GreenMail)                   http://localhost:${MAIL_API_PORT:-8025}/api/user/mlro@f-deal-01.demo/messages/INBOX
                                           (also compliance-officer@<firm>.demo; or IMAP localhost:${MAIL_IMAP_PORT:-3143},
                                           user: the address, any password)
  Logs                                     $LOG_DIR
  Demo firms: F-DATF-01 (exchange), F-CUST-01 (custodian), F-DEAL-01 (dealer), F-CLEAN-01 (clean); the day's
  incidents arrive within about 90 s. Try:
    curl -H "Authorization: Bearer \$(deploy/local/token.sh regulator)" localhost:8081/firms/F-DEAL-01/capital
    curl -H "Authorization: Bearer \$(deploy/local/token.sh regulator)" localhost:8082/firms/F-DATF-01/cases
    curl -H "Authorization: Bearer \$(deploy/local/token.sh regulator)" localhost:8083/firms/F-CUST-01/fit-and-proper
Stop everything with: deploy/local/down.sh
MSG
if [[ "${AIFC_KEYCLOAK:-yes}" == yes ]]; then
  printf '\nDemo users (Keycloak %s, passwords generated for this machine, kept in %s):\n' \
    "$("$LOCAL_DIR/keycloak.sh" issuer)" "${STATE_DIR#"$ROOT"/}/keycloak/secrets"
  "$LOCAL_DIR/keycloak.sh" users | sed 's/^/  /'
fi
