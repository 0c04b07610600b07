#!/usr/bin/env bash
# The IRC end-to-end test drives Debian's irssi inside tmux: installs either where missing.
set -euo pipefail
missing=()
command -v irssi >/dev/null 2>&1 || missing+=(irssi)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "${missing[*]} missing: installing Debian's packages." >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}"
