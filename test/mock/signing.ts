/** Webhook signing (the ASSUMED contract of TJAR-API.md §6) and delivery to a loopback receiver. */
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { formatTimestamp } from './seed';
import type { DeliverOptions, DeliveryResult, SignatureForm } from './types';

export const hmacHex = (secret: string, data: string | Buffer): string =>
	createHmac('sha256', secret).update(data).digest('hex');

/**
 * The value of the signature header for `rawBody`:
 * plain `<hex>`; prefix `sha256=<hex>`; timestamp `t=<ts>,v1=<hex of "ts.body">`;
 * timestamp-header `<hex of "ts.body">` (the timestamp travels in `X-Tjar-Timestamp`).
 */
export function signTjarPayload(
	secret: string,
	rawBody: string | Buffer,
	form: SignatureForm = 'plain',
	timestamp: number = Math.floor(Date.now() / 1000),
): string {
	const body = Buffer.isBuffer(rawBody) ? rawBody : Buffer.from(rawBody, 'utf8');
	switch (form) {
		case 'plain':
			return hmacHex(secret, body);
		case 'prefix':
			return `sha256=${hmacHex(secret, body)}`;
		case 'timestamp':
			return `t=${timestamp},v1=${hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]))}`;
		case 'timestamp-header':
			return hmacHex(secret, Buffer.concat([Buffer.from(`${timestamp}.`), body]));
	}
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** POSTs a signed event to a loopback URL; refuses any other host. */
export function deliverWebhook(targetUrl: string, opts: DeliverOptions & { secret: string }): Promise<DeliveryResult> {
	const target = new URL(targetUrl);
	if (target.protocol !== 'http:' || !LOOPBACK.has(target.hostname)) {
		return Promise.reject(new Error(`deliverWebhook only targets http://127.0.0.1 or localhost, not ${targetUrl}`));
	}
	const form = opts.form ?? 'plain';
	const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
	const deliveryId = opts.deliveryId ?? randomUUID();
	const payload: Record<string, unknown> = {
		event: opts.event,
		delivery_id: deliveryId,
		created_at: formatTimestamp(new Date(timestamp * 1000)),
		data: opts.data,
	};
	let rawBody = JSON.stringify(payload);
	const signature = signTjarPayload(opts.secret, rawBody, form, timestamp);
	if (opts.tamper) rawBody = JSON.stringify({ ...payload, tampered: true });

	const headers: Record<string, string | number> = {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(rawBody),
		'User-Agent': 'Tjar-Webhooks/1.0 (mock)',
		'X-Tjar-Event': opts.event,
		'X-Tjar-Delivery': deliveryId,
		...opts.headers,
	};
	if (!opts.omitSignature) headers[opts.signatureHeader ?? 'X-Tjar-Signature'] = signature;
	if (form === 'timestamp-header') headers['X-Tjar-Timestamp'] = String(timestamp);

	return new Promise((resolve, reject) => {
		const req = request(target, { method: 'POST', headers, timeout: 15_000 }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error('webhook delivery timed out')));
		req.on('error', reject);
		req.end(rawBody);
	});
}
