#!/usr/bin/env bash
# Runs every test of the project against the real local stack: makes sure PostgreSQL is up (installing it
# from the distribution on a fresh Debian machine), fetches Keycloak (and checks for a Java 21+ to run it), starts a
# Kafka broker if none answers, runs
# `./mvnw verify`, and stops the broker again if it started it. Extra arguments go to Maven.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

"$LOCAL_DIR/postgres.sh" ensure
"$LOCAL_DIR/browser.sh" ensure
# The sign-in test (e2e DeskSignInIT) starts and stops Keycloak itself; the download happens here, once.
"$LOCAL_DIR/keycloak.sh" ensure

started_kafka=no
if ! port_open localhost "${KAFKA_PORT:-9092}"; then
  "$LOCAL_DIR/kafka.sh" start
  started_kafka=yes
fi
cleanup() {
  if [[ "$started_kafka" == yes ]]; then
    "$LOCAL_DIR/kafka.sh" stop || true
  fi
}
trap cleanup EXIT

cd "$ROOT"
# clean: a file moved or deleted in the sources must not live on in an old target/ (a stale migration, say)
./mvnw -B -ntp clean verify "$@"
