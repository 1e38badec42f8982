#!/usr/bin/env bash
# Installs a pinned n8n (a harness folder: package.json + package-lock.json) into a cache folder outside the
# clone, so every clone and every run reuses it. Echoes the install directory on stdout; progress goes to stderr.
# Usage: source scripts/node24.sh; N8N_DIR="$(bash test/e2e/lib/ensure-n8n.sh [harness folder])"
# The folder defaults to harness/ (n8n 2.x); harness/n8n-1/ holds n8n 1.x. npm and the sqlite3 build use the
# `node` first in PATH and npm_config_nodedir, so the caller picks the Node that will run this n8n.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
HARNESS="$(cd "${1:-$REPO/harness}" && pwd)"
: "${TJAR_CACHE:?source scripts/node24.sh first}"
VERSION="$(node -p "require('$HARNESS/package.json').dependencies.n8n")"
DIR="$TJAR_CACHE/n8n-$VERSION"
LOG="$TJAR_CACHE/n8n-$VERSION.install.log"
log() { echo "[ensure-n8n] $*" >&2; }

# The marker holds a hash of the harness folder: a half-finished install, or one made from another lockfile, is redone.
harness_hash() { cat "$HARNESS/package.json" "$HARNESS/package-lock.json" 2>/dev/null | sha256sum | cut -c1-16; }
WANT="$(harness_hash || true)"
MARKER="$DIR/.install-complete"
if [ -f "$MARKER" ] && [ "$(cat "$MARKER")" = "$WANT" ] && [ -x "$DIR/node_modules/.bin/n8n" ]; then
	echo "$DIR"
	exit 0
fi

# npm runs without NODE_OPTIONS: the loopback guard must never be in npm's environment (it would block the
# registry and npm would hang retrying).
run_npm() {
	(cd "$DIR" && env -u NODE_OPTIONS -u LOOPBACK_GUARD_LOG npm "$@" --no-audit --no-fund >>"$LOG" 2>&1) || {
		tail -n 40 "$LOG" >&2
		log "npm $* failed; full log in $LOG"
		exit 1
	}
}

log "installing n8n $VERSION with node $(node -v) into $DIR (first time only: about 3-5 minutes; log in $LOG)"
start=$(date +%s)
rm -rf "$DIR"
mkdir -p "$DIR"
: >"$LOG"
cp "$HARNESS/package.json" "$DIR/"
# --ignore-scripts: the Kafka node's native module tries to download from GitHub and fails, and npm then rolls
# back the whole install. isolated-vm ships a Node 24 prebuild that loads without its script (n8n 1.x's
# isolated-vm 6 does not build on Node 20 at all; it runs with the legacy expression engine instead).
if [ -f "$HARNESS/package-lock.json" ]; then
	cp "$HARNESS/package-lock.json" "$DIR/"
	run_npm ci --ignore-scripts
else
	run_npm install --ignore-scripts
	cp "$DIR/package-lock.json" "$HARNESS/package-lock.json"
	log "wrote ${HARNESS#"$REPO/"}/package-lock.json (commit it)"
	WANT="$(harness_hash)"
fi
# sqlite3 is the one native module n8n needs built; its prebuilt download (GitHub) is unreachable, so node-gyp
# compiles it against the running Node's headers (npm_config_nodedir: Node 24's, set by scripts/node24.sh).
run_npm rebuild sqlite3
"$DIR/node_modules/.bin/n8n" --version >/dev/null
echo "$WANT" >"$MARKER"
log "n8n $VERSION ready in $(($(date +%s) - start))s"
echo "$DIR"
