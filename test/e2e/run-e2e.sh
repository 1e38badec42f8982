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

# The mock's standalone CLI (test/mock/cli.ts) is compiled by its own tsconfig into .cache/tjar-mock/.
npx tsc -p test/mock/tsconfig.json

# One folder per run (several sessions may share this working tree): the tarball, n8n's user folder,
# logs. Removed when the run passes, kept for a look when it fails; only the newest five are kept.
RUN_DIR="$REPO/.e2e/run-$(date +%Y%m%d-%H%M%S)-$$"
mkdir -p "$RUN_DIR"
ls -dt "$REPO"/.e2e/run-* 2>/dev/null | tail -n +6 | xargs -r rm -rf
TARBALL="$(bash test/e2e/lib/build-and-pack.sh "$RUN_DIR")"
echo "e2e: packed $(basename "$TARBALL"); build+pack took $(($(date +%s) - t0))s"

exec node test/e2e/run-e2e.mjs --n8n-dir "$N8N_DIR" --tarball "$TARBALL" --mock-cli "$REPO/.cache/tjar-mock/cli.js" --run-dir "$RUN_DIR" "$@"
