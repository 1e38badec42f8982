# Source this file: Node 24 first in PATH, and the dev dependencies installed from the lockfile
# when node_modules is missing or older than package-lock.json. Lets `npm test` and `npm run dev`
# work on a fresh clone with nothing but the machine's npm.
source "$(dirname "${BASH_SOURCE[0]}")/node24.sh" || return 1
_tjar_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$_tjar_root/node_modules/.package-lock.json" ] || [ "$_tjar_root/package-lock.json" -nt "$_tjar_root/node_modules/.package-lock.json" ]; then
	echo "installing dev dependencies (npm ci) with node $(node -v)"
	# --ignore-scripts: n8n's dependency tree has install scripts that download from GitHub, which is
	# unreachable here; the native module we need (isolated-vm) ships a prebuilt binary for Node 24.
	(cd "$_tjar_root" && npm ci --ignore-scripts --no-audit --no-fund) || return 1
fi
