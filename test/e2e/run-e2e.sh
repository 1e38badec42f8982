#!/usr/bin/env bash
# `npm run test:e2e`: the package inside a real n8n 2.41.1 (installed once into $TJAR_CACHE, outside the
# clone), against the loopback Tjar mock. Builds, packs, then hands over to run-e2e.mjs.
# Options are passed on, e.g. `npm run test:e2e -- --only Orders`.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
source scripts/ensure-deps.sh
t0=$(date +%s)

N8N_DIR="$(bash test/e2e/lib/ensure-n8n.sh)"
echo "e2e: n8n $("$N8N_DIR/node_modules/.bin/n8n" --version) from $N8N_DIR"

npm run build --silent >/dev/null
# The mock's standalone CLI (test/mock/cli.ts) is compiled by its own tsconfig into .cache/tjar-mock/.
npx tsc -p test/mock/tsconfig.json

mkdir -p .e2e
rm -f .e2e/*.tgz
TARBALL=".e2e/$(npm pack --silent --pack-destination .e2e | tail -n 1)"
echo "e2e: packed $TARBALL; build+pack took $(($(date +%s) - t0))s"

exec node test/e2e/run-e2e.mjs --n8n-dir "$N8N_DIR" --tarball "$REPO/$TARBALL" --mock-cli "$REPO/.cache/tjar-mock/cli.js" "$@"
