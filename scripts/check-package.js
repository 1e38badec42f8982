// Checks what `npm pack` would publish: only dist/, README, LICENSE and package.json (plus the `main`
// index.js that npm always packs, as in n8n's starter), and every file
// the "n8n" section of package.json points at (plus each node's icons and codex file).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const pkg = require('../package.json');

const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = report.files.map((file) => file.path);
const allowed = (file) => file.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE', pkg.main].includes(file);
const unexpected = files.filter((file) => !allowed(file) || /\.test\.|\/test\/|\.map$/.test(file));

const required = [...pkg.n8n.credentials, ...pkg.n8n.nodes].flatMap((entry) => {
	const dir = path.posix.dirname(entry);
	const extra = entry.endsWith('.node.js') ? [entry.replace(/\.js$/, '.json'), `${dir}/tjar.svg`, `${dir}/tjar.dark.svg`] : [`${dir}/tjar.svg`, `${dir}/tjar.dark.svg`];
	return [entry, ...extra];
});
const missing = required.filter((file) => !files.includes(file));

console.log(`package: ${report.filename}, ${files.length} files, ${report.size} bytes packed, ${report.unpackedSize} bytes unpacked`);
if (unexpected.length) console.error(`files that must not be published:\n  ${unexpected.join('\n  ')}`);
if (missing.length) console.error(`files n8n needs that are missing:\n  ${missing.join('\n  ')}`);
if (Object.keys(pkg.dependencies ?? {}).length) console.error('package.json must have no runtime dependencies');
if (unexpected.length || missing.length || Object.keys(pkg.dependencies ?? {}).length) process.exit(1);
console.log('package contents: ok');
