#!/usr/bin/env bash
# `npm run test:e2e`: the package inside a real n8n 2.41.1 (installed once into $TJAR_CACHE, outside the
# clone), against the loopback Tjar mock. Builds, packs, then hands over to run-e2e.mjs.
# Options are passed on, e.g. `npm run test:e2e -- --only Orders`.
# `--n8n 1` (`npm run test:e2e:n8n1`): n8n 1.x from harness/n8n-1/ instead, on the machine's own Node
# (the first `node` in PATH that is not Node 24 from scripts/node24.sh, or $TJAR_N8N1_NODE).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
N8N_MAJOR=2
PASS=()
while [ $# -gt 0 ]; do
	case "$1" in
	--n8n) N8N_MAJOR="$2"; shift 2 ;;
	--n8n=*) N8N_MAJOR="${1#--n8n=}"; shift ;;
	*) PASS+=("$1"); shift ;;
	esac
done
source scripts/ensure-deps.sh
t0=$(date +%s)

if [ "$N8N_MAJOR" = 1 ]; then
	N8N_NODE="${TJAR_N8N1_NODE:-$(PATH="${PATH//"$N24/bin:"/}" command -v node || true)}"
	[ -x "$N8N_NODE" ] || { echo "e2e: no Node for n8n 1.x (set TJAR_N8N1_NODE)" >&2; exit 1; }
	NODE_BIN="$(dirname "$N8N_NODE")"
	# npm and the sqlite3 build on that Node, against its own headers (<prefix>/include/node)
	N8N_DIR="$(PATH="$NODE_BIN:$PATH" npm_config_nodedir="$(dirname "$NODE_BIN")" bash test/e2e/lib/ensure-n8n.sh harness/n8n-1)"
	PASS+=(--node "$N8N_NODE")
else
	N8N_NODE="$(command -v node)"
	N8N_DIR="$(bash test/e2e/lib/ensure-n8n.sh)"
fi
echo "e2e: n8n $(PATH="$(dirname "$N8N_NODE"):$PATH" "$N8N_DIR/node_modules/.bin/n8n" --version) on node $("$N8N_NODE" -v) from $N8N_DIR"

# The mock's standalone CLI (test/mock/cli.ts) is compiled by its own tsconfig into .cache/tjar-mock/.
npx tsc -p test/mock/tsconfig.json

# One folder per run (several sessions may share this working tree): the tarball, n8n's user folder,
# logs. Removed when the run passes, kept for a look when it fails; only the newest five are kept.
RUN_DIR="$REPO/.e2e/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RUN_DIR"
ls -dt "$REPO"/.e2e/run-* 2>/dev/null | tail -n +6 | xargs -r rm -rf
TARBALL="$(bash test/e2e/lib/build-and-pack.sh "$RUN_DIR")"
echo "e2e: packed $(basename "$TARBALL"); build+pack took $(($(date +%s) - t0))s"

exec node test/e2e/run-e2e.mjs --n8n-dir "$N8N_DIR" --tarball "$TARBALL" --mock-cli "$REPO/.cache/tjar-mock/cli.js" --run-dir "$RUN_DIR" "${PASS[@]}"
