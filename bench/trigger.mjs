/**
 * Part 3: signed deliveries at a fixed concurrency to a running n8n (`n8n start`), the Tjar Trigger
 * (signature verification on) against a plain Webhook node. Deliveries are signed the way the mock
 * signs them (test/mock/signing.ts) with the secret the trigger registered in the mock.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Agent, request } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { waitFor } from '../test/e2e/lib/processes.mjs';
import { median, percentile } from './measure.mjs';

export const TRIGGER_TARGETS = [
	{ key: 'webhook', label: 'Webhook node', workflow: 'benchWebhook0001' },
	{ key: 'tjar', label: 'Tjar Trigger (verified)', workflow: 'benchTjarTrig001' },
];
export const TJAR_TRIGGER_WEBHOOK_ID = '0b3c1a52-6f0e-4d3b-9a57-be0c00000001';
export const WEBHOOK_PATH = 'tjar-bench';

/** Signed, ready-to-send deliveries (built before the clock starts, so signing costs the sender nothing). */
export function buildDeliveries({ count, order, secret, signingModule }) {
	const { signTjarPayload } = createRequire(import.meta.url)(signingModule);
	return Array.from({ length: count }, () => {
		const deliveryId = randomUUID();
		const body = Buffer.from(
			JSON.stringify({ event: 'order.created', delivery_id: deliveryId, created_at: order.created_at, data: order }),
			'utf8',
		);
		return {
			body,
			headers: {
				'Content-Type': 'application/json',
				'Content-Length': body.length,
				'User-Agent': 'Tjar-Webhooks/1.0 (bench)',
				'X-Tjar-Event': 'order.created',
				'X-Tjar-Delivery': deliveryId,
				'X-Tjar-Signature': signTjarPayload(secret, body, 'plain'),
			},
		};
	});
}

function post(url, delivery, agent) {
	return new Promise((resolve) => {
		const started = process.hrtime.bigint();
		const req = request(url, { method: 'POST', headers: delivery.headers, agent, timeout: 60_000 }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
		});
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (error) => resolve({ status: 0, error: error.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
		req.end(delivery.body);
	});
}

/** Sends every delivery with `concurrency` requests in flight; resolves with per-delivery results. */
export async function sendAll(url, deliveries, concurrency) {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
	const results = new Array(deliveries.length);
	let next = 0;
	const startedAt = Date.now();
	const t0 = process.hrtime.bigint();
	const worker = async () => {
		while (next < deliveries.length) {
			const index = next++;
			results[index] = await post(url, deliveries[index], agent);
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
	agent.destroy();
	return { results, wallMs, startedAt };
}

/** sqlite stores UTC as "YYYY-MM-DD HH:MM:SS.SSS". */
const parseDbTime = (value) => (value ? Date.parse(`${String(value).replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(value) ? '' : 'Z'}`) : undefined);

/** Executions of a workflow by status, and when the last one stopped (epoch ms). Read-only. */
export function executionCounts({ userFolder, workflowId, since = 0 }) {
	const file = join(userFolder, '.n8n', 'database.sqlite');
	if (!existsSync(file)) return { total: 0, byStatus: {}, lastStoppedAt: undefined };
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		const rows = db.prepare('SELECT id, status, finished, startedAt, stoppedAt FROM execution_entity WHERE workflowId = ? AND id > ?').all(workflowId, since);
		const byStatus = {};
		let lastStoppedAt;
		let maxId = since;
		for (const row of rows) {
			byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
			const stopped = parseDbTime(row.stoppedAt);
			if (stopped !== undefined && (lastStoppedAt === undefined || stopped > lastStoppedAt)) lastStoppedAt = stopped;
			maxId = Math.max(maxId, Number(row.id));
		}
		return { total: rows.length, byStatus, lastStoppedAt, maxId };
	} finally {
		db.close();
	}
}

/** Highest execution id so far (any workflow), to count only the executions of one batch. */
export function lastExecutionId(userFolder) {
	const file = join(userFolder, '.n8n', 'database.sqlite');
	if (!existsSync(file)) return 0;
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		return Number(db.prepare('SELECT MAX(id) AS id FROM execution_entity').get().id ?? 0);
	} finally {
		db.close();
	}
}

/**
 * One batch to one target: send, then wait (without touching the database while sending) until n8n
 * has finished an execution for every delivery, or until nothing has changed for `settleMs`.
 */
export async function deliveryBatch({ url, deliveries, concurrency, userFolder, workflowId, settleMs = 15000 }) {
	const since = lastExecutionId(userFolder);
	const sent = await sendAll(url, deliveries, concurrency);
	const accepted = sent.results.filter((r) => r.status === 200).length;
	let counts = executionCounts({ userFolder, workflowId, since });
	let lastChange = Date.now();
	let previous = -1;
	await waitFor(`${deliveries.length} executions of ${workflowId}`, () => {
		counts = executionCounts({ userFolder, workflowId, since });
		const finished = counts.total - (counts.byStatus.running ?? 0) - (counts.byStatus.new ?? 0);
		if (finished !== previous) {
			previous = finished;
			lastChange = Date.now();
		}
		return finished >= deliveries.length || Date.now() - lastChange > settleMs;
	}, { timeoutMs: 600_000, intervalMs: 250 });
	const latencies = sent.results.map((r) => r.ms);
	const succeeded = counts.byStatus.success ?? 0;
	const completedMs = counts.lastStoppedAt !== undefined ? counts.lastStoppedAt - sent.startedAt : undefined;
	return {
		deliveries: deliveries.length,
		accepted,
		statuses: countBy(sent.results.map((r) => r.status)),
		sendWallMs: sent.wallMs,
		acknowledgedPerSecond: deliveries.length / (sent.wallMs / 1000),
		completedMs,
		completedPerSecond: completedMs ? deliveries.length / (completedMs / 1000) : undefined,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		executions: counts.byStatus,
		lost: deliveries.length - succeeded,
	};
}

const countBy = (values) => values.reduce((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});

/** Combines the batches of one target (ABBA order, so each target runs first once). */
export function summariseTarget(label, batches) {
	return {
		label,
		batches: batches.length,
		deliveries: batches.reduce((s, b) => s + b.deliveries, 0),
		completedPerSecond: median(batches.map((b) => b.completedPerSecond)),
		acknowledgedPerSecond: median(batches.map((b) => b.acknowledgedPerSecond)),
		p50Ms: median(batches.map((b) => b.p50Ms)),
		p99Ms: median(batches.map((b) => b.p99Ms)),
		lost: batches.reduce((s, b) => s + b.lost, 0),
		nonOkResponses: batches.reduce((s, b) => s + (b.deliveries - b.accepted), 0),
		raw: batches,
	};
}
