#!/usr/bin/env bash
# Prints a signed bearer token for the local stack.
#   deploy/local/token.sh ROLE [FIRM_ID] [HOURS]
# ROLE: firm-reporter, compliance-officer, mlro (these need FIRM_ID), regulator, admin.
# The signing key pair is made on first use in deploy/local/.state/jwt/; up.sh points the services at its
# public half. Example:
#   curl -H "Authorization: Bearer $(deploy/local/token.sh regulator)" localhost:8081/rulebook
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ $# -lt 1 ]]; then
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
jar="$ROOT/simulator/target/simulator-1.0.0-SNAPSHOT.jar"
if [[ ! -f "$jar" ]]; then
  info "building the simulator (it carries the token command)"
  (cd "$ROOT" && ./mvnw -B -ntp -q package -DskipTests -pl simulator -am) >&2
fi
exec "$(java_bin)" -cp "$jar:$ROOT/simulator/target/lib/*" kz.aifc.simulator.TokenCommand "$STATE_DIR/jwt" "$@"
