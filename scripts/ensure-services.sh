#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, user postgres without a password) and Redis
# (127.0.0.1:6379) answer, for the test suites: installs them with apt where missing and
# starts them. Idempotent, and silent when both already answer.
#   bash scripts/ensure-services.sh
set -euo pipefail

HOST=127.0.0.1
say() { echo "ensure-services: $*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    say "needs root (or passwordless sudo) to run: $*"
    return 1
  fi
}

apt_updated=no
apt_install() {
  say "installing $* with apt"
  # Another job may hold apt's lock (two workspaces' tests starting together): wait for it.
  if [ "$apt_updated" = no ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
    apt_updated=yes
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

# Port checks that need no client tools, for when the services run elsewhere (a container).
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

postgres_answers() {
  if command -v pg_isready >/dev/null 2>&1; then pg_isready -q -h "$HOST" -p 5432; else port_open 5432; fi
}

redis_answers() {
  if command -v redis-cli >/dev/null 2>&1; then [ "$(redis-cli -h "$HOST" -p 6379 ping 2>/dev/null)" = PONG ]; else port_open 6379; fi
}

# Waits up to 30 s for a check to pass.
wait_for() {
  local check=$1 name=$2
  for _ in $(seq 1 60); do
    if "$check"; then return 0; fi
    sleep 0.5
  done
  say "$name did not come up within 30 s"
  return 1
}

newest_postgres() { ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1; }

ensure_postgres() {
  local started=no version
  if ! postgres_answers; then
    if [ -z "$(newest_postgres)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then apt_install postgresql; fi
    version=$(newest_postgres)
    if ! pg_lsclusters -h 2>/dev/null | awk '{ print $1 " " $2 }' | grep -qx "$version main"; then
      as_root pg_createcluster "$version" main >/dev/null
    fi
    say "starting PostgreSQL $version"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for postgres_answers PostgreSQL
    started=yes
  fi
  command -v psql >/dev/null 2>&1 || return 0
  if psql -h "$HOST" -U postgres -d postgres -w -Atqc "SELECT 1" >/dev/null 2>&1; then return 0; fi
  if [ "$started" = no ]; then
    # A server someone else set up: do not loosen its authentication behind their back.
    say "PostgreSQL on $HOST:5432 refuses user postgres without a password; allow it (trust on 127.0.0.1) or point TEST_POSTGRES_URL at a server that does"
    return 1
  fi
  # The one we just installed or started: let the tests' postgres user in from loopback.
  version=$(newest_postgres)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  say "allowing user postgres from $HOST without a password ($hba)"
  as_root sed -i "1i host all postgres $HOST/32 trust" "$hba"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  wait_for postgres_answers PostgreSQL
  psql -h "$HOST" -U postgres -d postgres -w -Atqc "SELECT 1" >/dev/null
}

ensure_redis() {
  redis_answers && return 0
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  # The package's own service may have come up with the install.
  redis_answers && return 0
  say "starting Redis"
  redis-server --daemonize yes --bind "$HOST" --port 6379 --save "" --appendonly no >/dev/null
  wait_for redis_answers Redis
}

ensure_postgres
ensure_redis
