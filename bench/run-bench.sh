#!/usr/bin/env bash
# `npm run bench`: the package against n8n's own HTTP Request and Webhook nodes, side by side in one real
# n8n 2.41.1 on this machine (not part of `npm test`; takes a few minutes). Works from a clean clone: brings
# Node 24 and the dev dependencies (scripts/ensure-deps.sh) and the pinned n8n (test/e2e/lib/ensure-n8n.sh),
# builds, packs, then hands over to bench.mjs. Options are passed on, e.g. `npm run bench -- --rounds 1`.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/ensure-deps.sh

N8N_DIR="$(bash test/e2e/lib/ensure-n8n.sh)"
npm run build --silent >/dev/null
# The mock's standalone CLI (test/mock/cli.ts) and its signing helper, compiled into .cache/tjar-mock/.
npx tsc -p test/mock/tsconfig.json

PACK_DIR=.cache/bench
mkdir -p "$PACK_DIR"
rm -f "$PACK_DIR"/*.tgz
TARBALL="$PACK_DIR/$(npm pack --silent --pack-destination "$PACK_DIR" | tail -n 1)"

exec node bench/bench.mjs --n8n-dir "$N8N_DIR" --tarball "$REPO/$TARBALL" --mock-cli "$REPO/.cache/tjar-mock/cli.js" "$@"
