/**
 * Child processes that never outlive the run: each is spawned in its own process group, so stopping it
 * also stops what it started (n8n's task runners). stopAll() runs on exit, Ctrl-C and SIGTERM.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set();

/** Spawns `command` detached (own process group), stdout/stderr to the given fds or pipes. */
export function spawnGroup(command, args, options = {}) {
	const child = spawn(command, args, { ...options, detached: true });
	running.add(child);
	child.once('exit', () => running.delete(child));
	return child;
}

function signalGroup(child, signal) {
	try {
		process.kill(-child.pid, signal);
	} catch {
		// already gone
	}
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves when the leader has exited. */
export async function stopGroup(child, graceMs = 8000) {
	if (!child || child.pid === undefined) return;
	if (!exited(child)) {
		const done = new Promise((resolve) => child.once('exit', resolve));
		signalGroup(child, 'SIGTERM');
		const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
		await done;
		clearTimeout(timer);
	}
	// children of the leader (task runners) may still be in the group
	signalGroup(child, 'SIGKILL');
	running.delete(child);
}

export async function stopAll() {
	await Promise.all([...running].map((child) => stopGroup(child)));
}

/** Synchronous last resort for process 'exit': kill every group we started. */
function killAllNow() {
	for (const child of running) signalGroup(child, 'SIGKILL');
}

let handlersInstalled = false;
/** Stops all children when this process ends for any reason; `onSignal` may print a line first. */
export function installCleanup(onSignal = () => {}) {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', killAllNow);
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
		process.on(signal, () => {
			// Ctrl-C under `npm run` arrives twice: from the terminal and forwarded by npm.
			if (stopping) return;
			stopping = true;
			onSignal(signal);
			stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		});
	}
}

/** A free TCP port on 127.0.0.1 (released before it is returned; a tiny race is acceptable in tests). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; throws `what` after `timeoutMs`. */
export async function waitFor(what, probe, { timeoutMs = 30000, intervalMs = 250 } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		try {
			const value = await probe();
			if (value) return value;
		} catch (error) {
			lastError = error;
		}
		await sleep(intervalMs);
	}
	throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
}

/** Runs a command to completion, capturing output. */
export function run(command, args, options = {}) {
	return new Promise((resolve, reject) => {
		const child = spawnGroup(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.once('error', reject);
		child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
	});
}
