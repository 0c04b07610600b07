#!/usr/bin/env bash
# Makes sure `prometheus` and `promtool` are on the PATH, for the Prometheus test
# (bench/test/prometheus.test.ts): installs Debian's `prometheus` package where they are missing.
# The package's own service is not needed (and does not start here): the test runs its own
# prometheus on a free loopback port. Idempotent, and silent when both are present.
#   bash deploy/scripts/ensure-prometheus.sh
set -euo pipefail

say() { echo "ensure-prometheus: $*" >&2; }

if command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; then exit 0; fi

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

say "installing prometheus with apt"
# Another job may hold apt's lock (two workspaces' tests starting together): wait for it.
as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends prometheus >/dev/null
command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1
