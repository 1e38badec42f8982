/**
 * The Tjar mock as a separate process (test/mock/cli.ts compiled) and a client for its `/__mock/*`
 * control endpoints (request log, deliveries, state, fault injection).
 */
import { openSync } from 'node:fs';
import { spawnGroup, waitFor } from './processes.mjs';

/** Starts `node <script> ...args`; resolves with the JSON line it prints ({url, host, baseUrl, apiKey}). */
export async function startMockProcess(script, args, { logFile, env = process.env } = {}) {
	const errFd = logFile ? openSync(logFile, 'a') : 'inherit';
	const child = spawnGroup(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', errFd] });
	let out = '';
	let exitCode;
	child.stdout.on('data', (chunk) => (out += chunk));
	child.once('exit', (code) => (exitCode = code ?? -1));
	const info = await waitFor(`the mock (${script}) to print its address`, () => {
		if (exitCode !== undefined) throw new Error(`mock exited ${exitCode}: ${out}`);
		const line = out.split('\n').find((l) => l.startsWith('{'));
		return line ? JSON.parse(line) : undefined;
	}, { timeoutMs: 20000, intervalMs: 50 });
	return new MockClient(info, child);
}

export class MockClient {
	constructor(info, child) {
		Object.assign(this, info);
		this.process = child;
	}

	async control(method, path, body) {
		const response = await fetch(`${this.url}/__mock/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`mock ${method} /__mock/${path} → ${response.status}: ${text}`);
		return JSON.parse(text);
	}

	/** Every API request received (path without /api/core/v1; Buffers as base64). */
	requests() {
		return this.control('GET', 'requests');
	}

	clear() {
		return this.control('POST', 'clear', {});
	}

	state() {
		return this.control('GET', 'state');
	}

	fail(options) {
		return this.control('POST', 'fail', options);
	}

	/** Signed delivery to `url` → {status, body} of n8n's answer. */
	deliver(options) {
		return this.control('POST', 'deliver', options);
	}
}
