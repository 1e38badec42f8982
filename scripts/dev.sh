#!/usr/bin/env bash
# `npm run dev`: build the package, start the local Tjar sandbox and n8n 2.41.1 with the package, a
# sandbox credential and the example workflows of templates/. Ctrl-C stops everything. `npm run dev -- --fresh` resets .dev/.
# n8n is installed once into $TJAR_CACHE (outside the clone; about 3-5 minutes the first time).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/ensure-deps.sh

N8N_DIR="$(bash test/e2e/lib/ensure-n8n.sh)"
echo "[dev] building the package…"
# Packed outside .dev/, which `--fresh` removes.
TARBALL="$(bash test/e2e/lib/build-and-pack.sh "$REPO/.cache/dev-pack")"
npx tsc -p test/sandbox/tsconfig.json

exec node scripts/dev/dev.mjs --n8n-dir "$N8N_DIR" --tarball "$TARBALL" --sandbox-cli "$REPO/.cache/sandbox/sandbox/cli.js" "$@"
