#!/usr/bin/env bash
# Builds the package and packs it into $1; echoes the tarball's path. Several sessions may share this
# working tree, and `npm run build` starts with `rm -rf dist`: a build running elsewhere can empty dist/
# while we pack. So the tarball is checked for every file the package.json "n8n" section lists, and
# built and packed again (up to three times) when one is missing.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DEST="$1"
mkdir -p "$DEST"
cd "$REPO"
REQUIRED="$(node -p "const n8n = require('./package.json').n8n; [...n8n.nodes, ...n8n.credentials].map((f) => 'package/' + f).join('\n')")"
for attempt in 1 2 3; do
	npm run build --silent >/dev/null
	rm -f "$DEST"/*.tgz
	TARBALL="$DEST/$(npm pack --silent --pack-destination "$DEST" | tail -n 1)"
	CONTENTS="$(tar tzf "$TARBALL")"
	MISSING="$(grep -vxFf <(echo "$CONTENTS") <(echo "$REQUIRED") || true)"
	if [ -z "$MISSING" ]; then
		echo "$TARBALL"
		exit 0
	fi
	echo "[build-and-pack] attempt $attempt: the tarball lacks $(echo "$MISSING" | tr '\n' ' ')(dist/ changed while packing: another build?); again" >&2
	sleep 2
done
echo "[build-and-pack] could not pack a complete package" >&2
exit 1
