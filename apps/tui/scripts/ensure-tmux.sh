#!/bin/sh
# The terminal tests drive the client inside a real tmux: install it where it is missing.
# CI runs as root on Debian; elsewhere this needs sudo without a password, or tmux installed by hand.
set -e
command -v tmux >/dev/null 2>&1 && exit 0
echo "tmux is missing: installing it with apt-get" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo -n"; fi
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux
