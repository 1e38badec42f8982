#!/usr/bin/env bash
# `npm test`: the whole test suite, as CI runs it. Unit and engine tests (jest), then the
# end-to-end tests in a real n8n 2.41.1. Works on a fresh clone: it brings Node 24 and the
# dev dependencies itself.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
npx jest --ci
bash test/e2e/run-e2e.sh
