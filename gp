#!/usr/bin/env bash
# The project's entry point. Provisions Node 22/24 and dependencies when
# needed (see scripts/env.sh), then:
#   ./gp start         start the example Backstage (http://localhost:3000)
#   ./gp test          run every test: unit, database (SQLite, plus PostgreSQL
#                      and MySQL where their connection strings are set) and
#                      end-to-end in Chromium
#   ./gp yarn ARGS...  run the committed Yarn with the provisioned Node
#                      (and Chromium for `proof` and `test:e2e`)
set -euo pipefail

[ "${1:-}" = yarn ] && GP_SKIP_INSTALL=1
source "$(dirname "${BASH_SOURCE[0]}")/scripts/env.sh"
cd "$GP_ROOT"

command="${1:-}"
shift || true
case "$command" in
  start)
    gp_say "starting the example Backstage: app on http://localhost:3000, backend on http://localhost:7007"
    exec node "$GP_ROOT"/.yarn/releases/yarn-*.cjs start "$@"
    ;;
  test)
    gp_ensure_chromium
    exec node scripts/test-all.mjs "$@"
    ;;
  yarn)
    # The proof suites and the Playwright tests drive Chromium.
    case "${1:-}" in proof | test:e2e) gp_ensure_chromium ;; esac
    exec node "$GP_ROOT"/.yarn/releases/yarn-*.cjs "$@"
    ;;
  *)
    echo "usage: ./gp start | ./gp test | ./gp yarn ARGS..." >&2
    exit 2
    ;;
esac
