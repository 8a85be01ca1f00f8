#!/usr/bin/env bash
# Prints a bearer token for the local stack.
#   deploy/local/token.sh ROLE [FIRM_ID] [HOURS]
# ROLE: firm-reporter, compliance-officer, mlro (these need FIRM_ID), regulator, admin.
# While the stack's Keycloak runs (up.sh starts it), the token is Keycloak's for the matching demo user (the
# services up.sh started trust only that issuer; it lives 15 minutes, HOURS is ignored). Otherwise, or with
# AIFC_TOKEN_LOCAL=1, it is signed here with the key pair made on first use in deploy/local/.state/jwt/. Example:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh regulator)" localhost:8081/rulebook
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ $# -lt 1 ]]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
if [[ "${AIFC_TOKEN_LOCAL:-0}" != 1 ]] && "$LOCAL_DIR/keycloak.sh" status >/dev/null 2>&1; then
  role="$1" firm="${2:-}"
  case "$role" in
    regulator | admin) user="$role" ;;
    firm-reporter | compliance-officer | mlro)
      [[ -n "$firm" ]] || die "role '$role' is firm-scoped: give a firm id"
      user="$role.$(printf '%s' "$firm" | tr '[:upper:]' '[:lower:]')"
      ;;
    *) die "unknown role '$role' (firm-reporter, compliance-officer, mlro, regulator, admin)" ;;
  esac
  password="$("$LOCAL_DIR/keycloak.sh" password "$user" 2>/dev/null)" \
    || die "Keycloak has no demo user $user (the demo firms: F-DATF-01, F-CUST-01, F-DEAL-01, F-CLEAN-01);" \
      "AIFC_TOKEN_LOCAL=1 signs a token here instead, which only services verifying the local key accept"
  answer="$(curl -sS --max-time 20 --data-urlencode grant_type=password --data-urlencode client_id=aifc-scripts \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    "$("$LOCAL_DIR/keycloak.sh" issuer)/protocol/openid-connect/token")" || die "Keycloak did not answer"
  token="$(printf '%s' "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
  [[ -n "$token" ]] || die "Keycloak refused the token for $user: $answer"
  printf '%s\n' "$token"
  exit 0
fi

jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$jar" ]]; then
  info "building the simulator (it carries the token command)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl simulator -am) >&2
fi
exec "$(java_bin)" -cp "$jar:$ROOT/simulator/target/lib/*" kz.aifc.simulator.TokenCommand "$STATE_DIR/jwt" "$@"
