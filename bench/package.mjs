/**
 * Part 4: what the package costs before it does anything: the tarball (`npm pack --dry-run --json`)
 * and the time to require the built node and credential files in a fresh Node process.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../test/e2e/lib/processes.mjs';
import { median } from './measure.mjs';

export function tarballFigures(repo) {
	const env = { ...process.env };
	delete env.NODE_OPTIONS;
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: repo, env, encoding: 'utf8' }));
	return { tarballBytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount, filename: pack.filename };
}

/**
 * Each sample is a new `node -e` process. n8n has n8n-workflow loaded before it loads a community
 * package, so "ours" times only our files (required and instantiated, as n8n does) after it.
 */
export async function coldRequire(repo, samples = 9) {
	const dist = (...parts) => JSON.stringify(join(repo, 'dist', ...parts));
	const script = `
		const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
		let t = process.hrtime.bigint();
		require('n8n-workflow');
		const workflowMs = ms(t);
		t = process.hrtime.bigint();
		const { Tjar } = require(${dist('nodes', 'Tjar', 'Tjar.node.js')});
		const { TjarTrigger } = require(${dist('nodes', 'TjarTrigger', 'TjarTrigger.node.js')});
		const { TjarApi } = require(${dist('credentials', 'TjarApi.credentials.js')});
		new Tjar(); new TjarTrigger(); new TjarApi();
		process.stdout.write(JSON.stringify({ workflowMs, oursMs: ms(t) }));
	`;
	const results = [];
	for (let i = 0; i < samples; i++) {
		const result = await run(process.execPath, ['-e', script], { cwd: repo, env: { ...process.env, NODE_OPTIONS: '' } });
		if (result.code !== 0) throw new Error(`require failed: ${result.stderr}`);
		results.push(JSON.parse(result.stdout));
	}
	return {
		samples,
		oursMs: median(results.map((r) => r.oursMs)),
		n8nWorkflowMs: median(results.map((r) => r.workflowMs)),
		oursRuns: results.map((r) => Number(r.oursMs.toFixed(2))),
	};
}
