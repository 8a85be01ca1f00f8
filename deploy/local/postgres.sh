#!/usr/bin/env bash
# The local PostgreSQL for the services and their tests: the machine's own server, no Docker.
#
# Usage: deploy/local/postgres.sh COMMAND
#   ensure   make sure PostgreSQL accepts TCP connections on 127.0.0.1:$PGPORT (use a running server;
#            else start the Debian cluster; else, as root, install the distribution's postgresql package
#            and start it), then create the role aifc (password aifc) and the service, test (*_test, the
#            platform module's own aifc_platform_test among them) and end-to-end test (*_e2e) databases owned
#            by it. Idempotent: running it again changes nothing.
#   status   print whether PostgreSQL accepts connections (exit 0 when it does, 3 when not)
#
# Environment:
#   PGPORT (5432)   port on 127.0.0.1
#
# Superuser access is tried in this order: psql -h 127.0.0.1 -U postgres (trust or PGPASSWORD), then
# runuser -u postgres -- psql (peer authentication over the Unix socket, as on a fresh Debian install).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Role and databases, in one place.
APP_ROLE=aifc
APP_PASSWORD=aifc
DATABASES=(
  aifc_capital aifc_aml aifc_licensing aifc_notification
  aifc_capital_test aifc_aml_test aifc_licensing_test aifc_notification_test aifc_platform_test
  aifc_capital_e2e aifc_aml_e2e aifc_licensing_e2e aifc_notification_e2e
)

PG_HOST=127.0.0.1
PGPORT="${PGPORT:-5432}"
export PGPORT
# Connection settings from the caller's environment must not redirect our psql calls elsewhere.
unset PGHOST PGHOSTADDR PGUSER PGDATABASE PGSERVICE PGOPTIONS
PG_LOCKFILE="$STATE_DIR/postgres.lock"
PG_INSTALL_LOG="$LOG_DIR/postgres-install.log"
PG_START_TIMEOUT="${PG_START_TIMEOUT:-60}"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '/^set -euo/d' -e 's/^# \{0,1\}//'
}

is_root() {
  [[ "$(id -u)" -eq 0 ]]
}

install_command() {
  printf '%s' "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql"
}

# --- server --------------------------------------------------------------------------------------

install_postgres() {
  if ! is_root; then
    die "PostgreSQL is not installed. Install it as root, then run this again:
    sudo sh -c '$(install_command)'"
  fi
  have apt-get || die "PostgreSQL is not installed and there is no apt-get; install PostgreSQL 15 or newer so that it listens on $PG_HOST:$PGPORT"
  info "installing PostgreSQL from the distribution (log: ${PG_INSTALL_LOG#"$ROOT"/})"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql; } \
    >>"$PG_INSTALL_LOG" 2>&1; then
    show_log_tail "$PG_INSTALL_LOG" 30
    die "installing PostgreSQL failed"
  fi
  have pg_lsclusters || die "the postgresql package is installed but pg_lsclusters is missing"
}

# Prints "version name status owner logfile" of the Debian cluster for $PGPORT; creates one if none exists.
find_cluster() {
  local ver name port status owner logfile
  local -a others=()
  while read -r ver name port status owner _ logfile; do
    [[ "$ver" =~ ^[0-9]+$ ]] || continue
    if [[ "$port" == "$PGPORT" ]]; then
      printf '%s %s %s %s %s\n' "$ver" "$name" "$status" "$owner" "${logfile:-}"
      return 0
    fi
    others+=("$ver/$name on port $port")
  done < <(pg_lsclusters --no-header 2>/dev/null || pg_lsclusters | tail -n +2)
  if ((${#others[@]} > 0)); then
    die "no PostgreSQL cluster uses port $PGPORT (found: ${others[*]}); set PGPORT to one of those ports"
  fi
  # Installed but without any cluster (e.g. dropped): create the default one.
  is_root || die "PostgreSQL is installed but has no cluster; as root run: pg_createcluster --start <version> main"
  ver="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -n | tail -n 1)"
  [[ -n "$ver" ]] || die "no PostgreSQL server binaries under /usr/lib/postgresql; run as root: $(install_command)"
  info "creating PostgreSQL cluster $ver/main on port $PGPORT"
  pg_createcluster "$ver" main --port "$PGPORT" >>"$PG_INSTALL_LOG" 2>&1 ||
    { show_log_tail "$PG_INSTALL_LOG" 30; die "pg_createcluster $ver main failed"; }
  printf '%s main down postgres /var/log/postgresql/postgresql-%s-main.log\n' "$ver" "$ver"
}

ensure_server() {
  if port_open "$PG_HOST" "$PGPORT"; then
    info "PostgreSQL already accepts connections on $PG_HOST:$PGPORT; using it"
    return 0
  fi
  if ! have pg_lsclusters || ! have pg_ctlcluster; then
    install_postgres
  fi
  local cluster ver name status owner logfile
  cluster="$(find_cluster)"
  read -r ver name status owner logfile <<<"$cluster"
  [[ -n "${ver:-}" ]] || die "could not find or create a PostgreSQL cluster for port $PGPORT"
  if [[ "$status" == online* ]]; then
    # Running, yet not on 127.0.0.1:$PGPORT: started a moment ago, or listen_addresses excludes it.
    info "cluster $ver/$name is online; waiting for $PG_HOST:$PGPORT"
  else
    if ! is_root && [[ "$(id -un)" != "$owner" ]]; then
      die "PostgreSQL cluster $ver/$name is down. Start it as root, then run this again:
    pg_ctlcluster --skip-systemctl-redirect $ver $name start"
    fi
    info "starting PostgreSQL cluster $ver/$name"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start ||
      { show_log_tail "$logfile" 30; die "pg_ctlcluster $ver $name start failed"; }
  fi
  wait_for_port "$PG_HOST" "$PGPORT" "$PG_START_TIMEOUT" "PostgreSQL $ver/$name" "$logfile"
  info "PostgreSQL $ver/$name accepts connections on $PG_HOST:$PGPORT"
}

# --- superuser access ------------------------------------------------------------------------------

ensure_psql() {
  have psql && return 0
  is_root || die "the psql client is missing; as root run: apt-get install -y postgresql-client"
  info "installing the psql client"
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client >>"$PG_INSTALL_LOG" 2>&1 ||
    { apt-get update >>"$PG_INSTALL_LOG" 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql-client >>"$PG_INSTALL_LOG" 2>&1; } ||
    die "could not install postgresql-client (see $PG_INSTALL_LOG)"
}

SU_MODE=""
# su_psql PSQL-ARGS... -- psql as the PostgreSQL superuser, connected to the database 'postgres'.
su_psql() {
  case "$SU_MODE" in
    tcp) PGCONNECT_TIMEOUT=10 psql -X -w -h "$PG_HOST" -p "$PGPORT" -U postgres -d postgres "$@" ;;
    peer) (cd / && runuser -u postgres -- env -u PGPASSWORD psql -X -w -p "$PGPORT" -d postgres "$@") ;;
    local) psql -X -w -p "$PGPORT" -d postgres "$@" ;;
    *) die "internal error: no superuser connection chosen" ;;
  esac
}

choose_superuser() {
  local mode
  for mode in tcp peer local; do
    if [[ "$mode" == peer ]] && ! { is_root && have runuser && id postgres >/dev/null 2>&1; }; then
      continue
    fi
    if [[ "$mode" == local && "$(id -un)" != postgres ]]; then
      continue
    fi
    SU_MODE="$mode"
    if [[ "$(su_psql -Atqc 'select 1' 2>/dev/null)" == 1 ]]; then
      return 0
    fi
  done
  SU_MODE=""
  die "cannot connect to PostgreSQL as a superuser (tried: psql -h $PG_HOST -p $PGPORT -U postgres$(is_root && printf '; runuser -u postgres -- psql -p %s' "$PGPORT")).
Run this script as root, or let a superuser create the role and databases:
    CREATE ROLE $APP_ROLE LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
    CREATE DATABASE <name> OWNER $APP_ROLE;   -- for each of: ${DATABASES[*]}"
}

# --- role and databases ------------------------------------------------------------------------------

sql_array() {
  local out="" d
  for d in "$@"; do
    out+="${out:+,}'$d'"
  done
  printf 'ARRAY[%s]::text[]' "$out"
}

ensure_role_and_databases() {
  local dbs missing
  dbs="$(sql_array "${DATABASES[@]}")"
  missing="$(su_psql -Atq -c "SELECT string_agg(d, ' ' ORDER BY d) FROM unnest($dbs) AS d
    WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)")"
  if ! su_psql -q -v ON_ERROR_STOP=1 >/dev/null <<SQL; then
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$APP_ROLE') THEN
    CREATE ROLE $APP_ROLE LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
  ELSE
    ALTER ROLE $APP_ROLE LOGIN PASSWORD '$APP_PASSWORD' CREATEDB;
  END IF;
END
\$\$;
SELECT format('CREATE DATABASE %I OWNER %I', d, '$APP_ROLE')
  FROM unnest($dbs) AS d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d)
\gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', datname, '$APP_ROLE')
  FROM pg_database
 WHERE datname = ANY ($dbs) AND pg_get_userbyid(datdba) <> '$APP_ROLE'
\gexec
SQL
    die "creating the role $APP_ROLE or the databases failed (see the psql error above)"
  fi
  if [[ -n "$missing" ]]; then
    info "created databases: $missing"
  else
    info "role $APP_ROLE and all ${#DATABASES[@]} databases already exist"
  fi
}

verify_app_login() {
  local out
  if ! out="$(PGPASSWORD="$APP_PASSWORD" PGCONNECT_TIMEOUT=10 psql -X -w -h "$PG_HOST" -p "$PGPORT" \
    -U "$APP_ROLE" -d aifc_capital -Atqc 'select 1' 2>&1)" || [[ "$out" != 1 ]]; then
    die "the role $APP_ROLE cannot log in with its password over TCP ($PG_HOST:$PGPORT): $out
pg_hba.conf needs a line such as: host all all 127.0.0.1/32 scram-sha-256"
  fi
}

cmd_ensure() {
  ensure_server
  ensure_psql
  choose_superuser
  ensure_role_and_databases
  verify_app_login
  info "PostgreSQL ready at $PG_HOST:$PGPORT (user $APP_ROLE, password $APP_PASSWORD; databases: ${DATABASES[*]})"
}

cmd_status() {
  if port_open "$PG_HOST" "$PGPORT"; then
    echo "running (accepts connections on $PG_HOST:$PGPORT)"
    return 0
  fi
  echo "not running"
  return 3
}

main() {
  local command="${1:-}"
  case "$command" in
    ensure)
      # One ensure at a time (two CREATE DATABASE for the same name would collide).
      run_exclusive "$PG_LOCKFILE" 300 "${BASH_SOURCE[0]}" ensure
      cmd_ensure
      ;;
    status) cmd_status ;;
    -h | --help | help) usage ;;
    "")
      usage >&2
      die "missing command (ensure, status)"
      ;;
    *)
      usage >&2
      die "unknown command '${command}'"
      ;;
  esac
}

main "$@"
