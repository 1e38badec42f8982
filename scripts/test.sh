#!/usr/bin/env bash
# `npm test`: the whole test suite, as CI runs it. Unit and engine tests (jest), then the
# end-to-end tests in a real n8n 2.41.1 (Node 24) and in n8n 1.123.81 (the machine's Node 20).
# Works on a fresh clone: it brings Node 24, the dev dependencies and both n8n installs itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npx jest --ci
bash test/e2e/run-e2e.sh
bash test/e2e/run-e2e.sh --n8n 1
