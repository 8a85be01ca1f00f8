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
#   add-firm FIRM [SUFFIX]
#                    secured broker only: give firm FIRM its own lanes next to the four ingest topics
#                    (<topic>[SUFFIX].firm.FIRM, contract/README.md §1 "Firm lanes") and a user
#                    firm-<firm in lower case> that may write those lanes and nothing else
#   credentials USER secured broker only: print the files holding USER's client settings (.properties for
#                    Kafka tools and Java clients, .env with the KAFKA_* variables the services read)
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
#   KAFKA_SECURED (0)             1: the secured broker instead, a second broker with its own state and ports
#                                 (9094 and 9095 unless KAFKA_PORT / KAFKA_CONTROLLER_PORT say otherwise):
#                                 SASL/SCRAM-SHA-512 over TLS (a locally generated CA), ACLs enforced by KRaft's
#                                 StandardAuthorizer, no topic auto-creation, one user per service (capital-service,
#                                 aml-service, licensing-service, notification-service), one for the simulator
#                                 (writes the shared ingest topics) and one per firm (add-firm); the controller
#                                 listener takes SASL/PLAIN on loopback. Every password is generated here.
#
# State lives in deploy/local/.state/kafka/ (jars in libs/, data in data/, server.properties, kafka.pid);
# the broker log is deploy/local/.state/logs/kafka.log. The secured broker keeps its state in
# .state/kafka-secured/ (key material and credentials in secrets/, owner-only) and logs to kafka-secured.log.
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
KAFKA_SECURED="${KAFKA_SECURED:-0}"
if [[ "$KAFKA_SECURED" == 1 ]]; then
  KAFKA_PORT="${KAFKA_PORT:-9094}"
  KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9095}"
  KAFKA_INSTANCE=kafka-secured
else
  KAFKA_PORT="${KAFKA_PORT:-9092}"
  KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
  KAFKA_INSTANCE=kafka
fi
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-localhost:$KAFKA_PORT}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-$([[ "$KAFKA_SECURED" == 1 ]] && echo 180 || echo 60)}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

KAFKA_PROJECT_DIR="$LOCAL_DIR/kafka"
KAFKA_STATE_DIR="$STATE_DIR/$KAFKA_INSTANCE"
# Both brokers run the same jars.
KAFKA_LIBS="$STATE_DIR/kafka/libs"
KAFKA_DATA="$KAFKA_STATE_DIR/data"
KAFKA_CONFIG="$KAFKA_STATE_DIR/server.properties"
KAFKA_PIDFILE="$KAFKA_STATE_DIR/kafka.pid"
KAFKA_LOCKFILE="$KAFKA_STATE_DIR/.lock"
KAFKA_LIBS_LOCKFILE="$STATE_DIR/kafka/.libs.lock"
KAFKA_LOG="$LOG_DIR/$KAFKA_INSTANCE.log"
KAFKA_LIBS_STAMP="$KAFKA_LIBS/.fetched-from-pom"
# Secured broker: key material, passwords and each user's client settings (owner-only).
KAFKA_SECRETS="$KAFKA_STATE_DIR/secrets"
KAFKA_ADMIN_PROPERTIES="$KAFKA_SECRETS/users/admin.properties"

mkdir -p "$KAFKA_STATE_DIR" "$STATE_DIR/kafka"

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

# The listeners: PLAINTEXT on loopback, or (secured) SASL_SSL with SCRAM-SHA-512 for clients and the broker itself,
# SASL/PLAIN for the controller (its static credential: SCRAM lives in the metadata the controller serves), and ACLs.
listener_config() {
  if [[ "$KAFKA_SECURED" != 1 ]]; then
    cat <<EOF
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://localhost:${KAFKA_PORT}
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
EOF
    return 0
  fi
  local admin store
  admin="$(password_of admin)"
  store="$(<"$KAFKA_SECRETS/store.password")"
  cat <<EOF
listeners=SASL_SSL://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://127.0.0.1:${KAFKA_CONTROLLER_PORT}
advertised.listeners=SASL_SSL://localhost:${KAFKA_PORT}
inter.broker.listener.name=SASL_SSL
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${admin}";
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${admin}" user_admin="${admin}";
ssl.keystore.type=PKCS12
ssl.keystore.location=${KAFKA_SECRETS}/broker.p12
ssl.keystore.password=${store}
ssl.key.password=${store}
ssl.truststore.type=PKCS12
ssl.truststore.location=${KAFKA_SECRETS}/truststore.p12
ssl.truststore.password=${store}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
EOF
}

write_config() {
  mkdir -p "$KAFKA_DATA"
  local tmp="$KAFKA_CONFIG.tmp"
  [[ "$KAFKA_SECURED" == 1 ]] && ensure_key_material
  (umask 077 && : >"$tmp")
  cat >"$tmp" <<EOF
# Generated by deploy/local/kafka.sh on every start; edit the script, not this file.
# Single-node KRaft: this process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${KAFKA_CONTROLLER_PORT}
controller.listener.names=CONTROLLER
$(listener_config)
log.dirs=${KAFKA_DATA}

# Small machine: few threads.
num.network.threads=3
num.io.threads=4
background.threads=4

# Topics: created explicitly by 'kafka.sh topics'; auto-creation stays on for convenience (not when secured).
auto.create.topics.enable=$([[ "$KAFKA_SECURED" == 1 ]] && echo false || echo true)
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
  local -a scram=()
  # The broker's own SCRAM credential must exist before it can talk to itself over SASL_SSL.
  [[ "$KAFKA_SECURED" == 1 ]] && scram=(--add-scram "SCRAM-SHA-512=[name=admin,password=$(password_of admin)]")
  if ! run_tool kafka.tools.StorageTool format --cluster-id "$cluster_id" --config "$KAFKA_CONFIG" \
    "${scram[@]}" --ignore-formatted >>"$KAFKA_LOG" 2>&1; then
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
  local -a admin_args
  read -r -a admin_args <<<"$(admin_config_args)"
  while ! timeout 20 "${TOOL_JAVA[@]}" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" "${admin_args[@]}" --list >/dev/null 2>&1; do
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

# --- secured broker: key material, users, ACLs ---------------------------------------------------

# Service users and what each may do, "user operation resource-type pattern-type name"; {S} stands for a topic
# suffix (empty for the demo, the run's suffix in tests), added to topic and group names alike. A service reads
# its shared topic and, by a prefixed ACL, every firm lane next to it (<topic>{S}.firm.<firm>); it writes only the
# DLQs of what it reads and the topics it produces. The simulator writes the shared ingest topics (the demo's
# layout); a firm user (add-firm) writes only its own lanes.
SERVICE_USERS=(capital-service aml-service licensing-service notification-service simulator)
SERVICE_ACLS=(
  "capital-service READ topic literal aifc.capital.snapshots{S}"
  "capital-service READ topic prefixed aifc.capital.snapshots{S}.firm."
  "capital-service READ topic literal aifc.licences{S}"
  "capital-service WRITE topic literal aifc.capital.snapshots{S}.dlq"
  "capital-service WRITE topic literal aifc.licences{S}.dlq"
  "capital-service WRITE topic literal aifc.compliance.alerts{S}"
  "capital-service READ group literal capital-service{S}"
  "aml-service READ topic literal aifc.transactions.screened{S}"
  "aml-service READ topic prefixed aifc.transactions.screened{S}.firm."
  "aml-service READ topic literal aifc.licences{S}"
  "aml-service WRITE topic literal aifc.transactions.screened{S}.dlq"
  "aml-service WRITE topic literal aifc.licences{S}.dlq"
  "aml-service WRITE topic literal aifc.compliance.alerts{S}"
  "aml-service READ group literal aml-service{S}"
  "aml-service READ group literal aml-service-licences{S}"
  "licensing-service READ topic literal aifc.staff.changes{S}"
  "licensing-service READ topic prefixed aifc.staff.changes{S}.firm."
  "licensing-service READ topic literal aifc.controllers.changes{S}"
  "licensing-service READ topic prefixed aifc.controllers.changes{S}.firm."
  "licensing-service WRITE topic literal aifc.staff.changes{S}.dlq"
  "licensing-service WRITE topic literal aifc.controllers.changes{S}.dlq"
  "licensing-service WRITE topic literal aifc.licences{S}"
  "licensing-service WRITE topic literal aifc.compliance.alerts{S}"
  "licensing-service READ group literal licensing-service{S}"
  "notification-service READ topic literal aifc.compliance.alerts{S}"
  "notification-service WRITE topic literal aifc.compliance.alerts{S}.dlq"
  "notification-service READ group literal notification-service{S}"
  "simulator WRITE topic literal aifc.capital.snapshots{S}"
  "simulator WRITE topic literal aifc.transactions.screened{S}"
  "simulator WRITE topic literal aifc.staff.changes{S}"
  "simulator WRITE topic literal aifc.controllers.changes{S}"
)
INGEST_TOPICS=(aifc.capital.snapshots aifc.transactions.screened aifc.staff.changes aifc.controllers.changes)

# A random secret of 48 hex digits (no character that needs quoting in JAAS or properties files).
new_secret() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

# The password of USER, generated on first use and kept owner-only in secrets/passwords/USER.
password_of() {
  local user="$1" file="$KAFKA_SECRETS/passwords/$1"
  if [[ ! -s "$file" ]]; then
    (umask 077 && mkdir -p "$KAFKA_SECRETS/passwords" && new_secret >"$file")
  fi
  cat "$file"
}

# A CA made here, the broker's key pair signed by it for localhost and 127.0.0.1, and a truststore holding the
# CA certificate for clients: all PKCS12, owner-only, made once (reset keeps them; delete secrets/ to renew).
ensure_key_material() {
  [[ -s "$KAFKA_SECRETS/truststore.p12" && -s "$KAFKA_SECRETS/broker.p12" ]] && return 0
  local keytool
  keytool="$(dirname "$(java_bin)")/keytool"
  [[ -x "$keytool" ]] || keytool=keytool
  (
    umask 077
    mkdir -p "$KAFKA_SECRETS"
    cd "$KAFKA_SECRETS"
    rm -f ca.p12 ca.pem broker.p12 broker.csr broker.pem truststore.p12
    [[ -s store.password ]] || new_secret >store.password
    local pass
    pass="$(<store.password)"
    info "making a local CA and the broker's TLS key pair in ${KAFKA_SECRETS#"$ROOT"/}"
    "$keytool" -genkeypair -keystore ca.p12 -storetype PKCS12 -storepass "$pass" -alias ca \
      -dname "CN=aifc local Kafka CA" -keyalg EC -groupname secp256r1 -validity 825 -ext bc:c >/dev/null 2>&1
    "$keytool" -exportcert -keystore ca.p12 -storepass "$pass" -alias ca -rfc -file ca.pem >/dev/null 2>&1
    "$keytool" -genkeypair -keystore broker.p12 -storetype PKCS12 -storepass "$pass" -alias broker \
      -dname "CN=localhost" -keyalg EC -groupname secp256r1 -validity 825 >/dev/null 2>&1
    "$keytool" -certreq -keystore broker.p12 -storepass "$pass" -alias broker -file broker.csr >/dev/null 2>&1
    "$keytool" -gencert -keystore ca.p12 -storepass "$pass" -alias ca -infile broker.csr -outfile broker.pem -rfc \
      -validity 825 -ext "SAN=dns:localhost,ip:127.0.0.1" -ext ku:c=digitalSignature,keyEncipherment \
      -ext eku=serverAuth >/dev/null 2>&1
    "$keytool" -importcert -keystore broker.p12 -storepass "$pass" -alias ca -file ca.pem -noprompt >/dev/null 2>&1
    "$keytool" -importcert -keystore broker.p12 -storepass "$pass" -alias broker -file broker.pem >/dev/null 2>&1
    "$keytool" -importcert -keystore truststore.p12 -storetype PKCS12 -storepass "$pass" -alias ca -file ca.pem \
      -noprompt >/dev/null 2>&1
    rm -f broker.csr
  ) || die "could not make the TLS key material with keytool"
  [[ -s "$KAFKA_SECRETS/truststore.p12" ]] || die "keytool made no truststore in $KAFKA_SECRETS"
  write_user_files admin
}

# secrets/users/USER.properties (Kafka tools, Java clients: --command-config / --producer.config) and USER.env
# (the KAFKA_* variables every service and the simulator read), owner-only.
write_user_files() {
  local user="$1" dir="$KAFKA_SECRETS/users" store jaas
  store="$(<"$KAFKA_SECRETS/store.password")"
  jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$user\" password=\"$(password_of "$user")\";"
  (
    umask 077
    mkdir -p "$dir"
    cat >"$dir/$user.properties" <<EOF
# Kafka client settings of user $user on the secured local broker (deploy/local/kafka.sh). Secret: owner-only.
bootstrap.servers=localhost:$KAFKA_PORT
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$jaas
ssl.truststore.type=PKCS12
ssl.truststore.location=$KAFKA_SECRETS/truststore.p12
ssl.truststore.password=$store
EOF
    # Single-quoted values: the file can be sourced by a shell (set -a; . FILE) and read as KEY='VALUE' lines.
    cat >"$dir/$user.env" <<EOF
KAFKA_BOOTSTRAP_SERVERS='localhost:$KAFKA_PORT'
KAFKA_SECURITY_PROTOCOL='SASL_SSL'
KAFKA_SASL_MECHANISM='SCRAM-SHA-512'
KAFKA_SASL_JAAS_CONFIG='$jaas'
KAFKA_SSL_TRUSTSTORE_TYPE='PKCS12'
KAFKA_SSL_TRUSTSTORE_LOCATION='$KAFKA_SECRETS/truststore.p12'
KAFKA_SSL_TRUSTSTORE_PASSWORD='$store'
EOF
  )
}

# Prints "--command-config FILE" for the Kafka tools on the secured broker, nothing on the plain one.
admin_config_args() {
  [[ "$KAFKA_SECURED" == 1 ]] && printf -- '--command-config %s' "$KAFKA_ADMIN_PROPERTIES"
  return 0
}

# Runs SecurityBatch (scram / allow lines on stdin) as the broker's admin, in one JVM.
security_batch() {
  tool_java
  "${TOOL_JAVA[@]}" "$KAFKA_PROJECT_DIR/SecurityBatch.java" "$KAFKA_ADMIN_PROPERTIES" >&2 ||
    die "could not set users or ACLs on $KAFKA_BOOTSTRAP (see the output above)"
}

# The service and simulator users (SCRAM credentials and client files); passwords are made once and kept.
ensure_service_users() {
  local user lines=()
  for user in "${SERVICE_USERS[@]}"; do
    lines+=("scram $user $(password_of "$user")")
    write_user_files "$user"
  done
  printf '%s\n' "${lines[@]}" | security_batch
  info "users ready: ${SERVICE_USERS[*]} (client settings in ${KAFKA_SECRETS#"$ROOT"/}/users/)"
}

# The services' ACLs for the topics and groups with SUFFIX.
grant_service_acls() {
  local suffix="$1"
  printf 'allow %s\n' "${SERVICE_ACLS[@]//\{S\}/$suffix}" | security_batch
}

cmd_add_firm() {
  [[ "$KAFKA_SECURED" == 1 ]] || die "add-firm is for the secured broker: KAFKA_SECURED=1 $0 add-firm FIRM"
  local firm="${1:-}" suffix="${2:-}"
  [[ "$firm" =~ ^[A-Za-z0-9_-]{1,100}$ ]] || die "a firm id with lanes holds only A-Z, a-z, 0-9, '_' and '-': '$firm'"
  if [[ -n "$suffix" ]]; then
    [[ "$suffix" =~ ^[A-Za-z0-9._-]+$ ]] || die "topic suffix '$suffix' may only hold letters, digits, '.', '_' and '-'"
    [[ "$suffix" =~ ^[A-Za-z0-9] ]] && suffix=".$suffix"
  fi
  port_open "$KAFKA_HOST" "$KAFKA_PORT" || die "no secured Kafka broker on $KAFKA_HOST:$KAFKA_PORT; run: KAFKA_SECURED=1 $0 start"
  ensure_libs
  local user topic spec partitions lines=() commands=()
  user="firm-$(printf '%s' "$firm" | tr '[:upper:]' '[:lower:]')"
  lines+=("scram $user $(password_of "$user")")
  for topic in "${INGEST_TOPICS[@]}"; do
    for spec in "${TOPICS[@]}"; do
      [[ "${spec%% *}" == "$topic" ]] && partitions="$(cut -d' ' -f2 <<<"$spec")"
    done
    commands+=("--bootstrap-server $KAFKA_BOOTSTRAP $(admin_config_args) --create --if-not-exists --topic $topic$suffix.firm.$firm --partitions $partitions --replication-factor 1")
    lines+=("allow $user WRITE topic literal $topic$suffix.firm.$firm")
  done
  tool_java
  printf '%s\n' "${commands[@]}" | "${TOOL_JAVA[@]}" "$KAFKA_PROJECT_DIR/TopicCommandBatch.java" >/dev/null ||
    die "could not create the lanes of firm $firm"
  printf '%s\n' "${lines[@]}" | security_batch
  write_user_files "$user"
  info "firm $firm: user $user writes ${INGEST_TOPICS[*]/%/$suffix.firm.$firm}"
  printf '%s\n' "$KAFKA_SECRETS/users/$user.properties"
}

cmd_credentials() {
  [[ "$KAFKA_SECURED" == 1 ]] || die "credentials are for the secured broker: KAFKA_SECURED=1 $0 credentials USER"
  local user="${1:-}"
  [[ -n "$user" && -f "$KAFKA_SECRETS/users/$user.properties" ]] ||
    die "no credentials for user '$user' (users: $(cd "$KAFKA_SECRETS/users" 2>/dev/null && ls -- *.properties 2>/dev/null | sed 's/\.properties$//' | tr '\n' ' '))"
  printf '%s\n%s\n' "$KAFKA_SECRETS/users/$user.properties" "$KAFKA_SECRETS/users/$user.env"
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
  # The start-up deadline counts from the launch (fetching jars or making keys before it may take a while).
  started=$SECONDS
  pid="$(launch_broker)"
  info "Kafka broker starting (pid $pid), log: ${KAFKA_LOG#"$ROOT"/}"
  # If the start fails, do not leave a half-started broker behind.
  trap 'if pid_alive "'"$pid"'"; then warn "stopping the half-started broker (pid '"$pid"')"; terminate_broker "'"$pid"'" 10; fi; rm -f "$KAFKA_PIDFILE"' EXIT
  wait_until_ready "$pid" $((started + KAFKA_START_TIMEOUT))
  trap - EXIT
  [[ "$KAFKA_SECURED" == 1 ]] && ensure_service_users
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
    local line="--bootstrap-server $KAFKA_BOOTSTRAP $(admin_config_args) --create --if-not-exists --topic $topic --partitions $partitions --replication-factor 1"
    for config in "${fields[@]:2}"; do
      line+=" --config $config"
    done
    commands+=("$line")
    commands+=("--bootstrap-server $KAFKA_BOOTSTRAP $(admin_config_args) --create --if-not-exists --topic $topic.dlq --partitions $partitions --replication-factor 1")
    expected+=("$topic" "$topic.dlq")
  done
  commands+=("--bootstrap-server $KAFKA_BOOTSTRAP $(admin_config_args) --list --exclude-internal")

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
    out="$(printf '%s\n' "--bootstrap-server $KAFKA_BOOTSTRAP $(admin_config_args) --list --exclude-internal" |
      "${TOOL_JAVA[@]}" "$KAFKA_PROJECT_DIR/TopicCommandBatch.java")" || true
  done
  ((${#missing[@]} == 0)) || die "topics missing after creation: ${missing[*]}"
  info "topics ready: ${expected[*]}"
  if [[ "$KAFKA_SECURED" == 1 ]]; then
    grant_service_acls "$suffix"
    info "service ACLs ready${suffix:+ for suffix \"$suffix\"}"
  fi
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
    add-firm) cmd_add_firm "$@" ;;
    credentials) cmd_credentials "$@" ;;
    run-class) cmd_run_class "$@" ;;
    classpath)
      ensure_libs
      printf '%s\n' "$KAFKA_LIBS/*"
      ;;
    -h | --help | help) usage ;;
    "")
      usage >&2
      die "missing command (start, stop, status, topics, add-firm, credentials, reset, run-class, classpath)"
      ;;
    *)
      usage >&2
      die "unknown command '${command}'"
      ;;
  esac
}

main "$@"
