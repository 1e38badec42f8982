/**
 * Preloaded into every n8n process of the end-to-end tests and `npm run dev`
 * (NODE_OPTIONS="--require <abs path>/loopback-guard.cjs"): refuses any TCP connection to a host that is
 * not loopback, and appends one line per attempt to $LOOPBACK_GUARD_LOG (stderr when unset). An empty log
 * after a run shows nothing tried to leave 127.0.0.1. Never set it for npm: npm would hang on the registry.
 */
'use strict';
const net = require('node:net');
const fs = require('node:fs');

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\]|::ffff:127\.\d+\.\d+\.\d+)$/i;
const isLoopback = (host) => host === undefined || host === null || host === '' || LOOPBACK.test(String(host));

function report(message) {
	const line = `[loopback-guard] pid ${process.pid} ${message}\n`;
	if (process.env.LOOPBACK_GUARD_LOG) fs.appendFileSync(process.env.LOOPBACK_GUARD_LOG, line);
	else process.stderr.write(line);
}

/** The host and port of the many connect() call shapes; undefined for IPC (path) connections. */
function targetOf(args) {
	let first = args[0];
	if (Array.isArray(first)) first = first[0]; // internal normalised form
	if (first && typeof first === 'object') {
		if (first.path) return undefined;
		return { host: first.host ?? 'localhost', port: first.port };
	}
	if (typeof first === 'number' || /^\d+$/.test(String(first))) {
		return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
	}
	return undefined; // connect(path): a unix socket
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
	const target = targetOf(args);
	if (target && !isLoopback(target.host)) {
		const message = `blocked connect to ${target.host}:${target.port}`;
		report(message);
		const error = Object.assign(new Error(`[loopback-guard] ${message}`), { code: 'ECONNREFUSED' });
		process.nextTick(() => this.destroy(error));
		return this;
	}
	return originalConnect.apply(this, args);
};
