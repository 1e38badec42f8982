import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * How Tjar signs webhook deliveries: every point here is ASSUMED (TJAR-API.md §6; Tjar publishes no
 * delivery contract). Correct a point here and the trigger follows.
 *
 * - The signature is HMAC-SHA256 keyed with the webhook's secret, hex-encoded, in `X-Tjar-Signature`,
 *   either bare (`<hex>`) or prefixed (`sha256=<hex>`).
 * - Timestamped deliveries sign `{timestamp}.{raw body}`: the timestamp travels either inside the
 *   signature header (`t=<unix seconds>,v1=<hex>`, several `v1` allowed while a secret rotates) or in
 *   `X-Tjar-Timestamp`. A timestamp further than 300 s from now is rejected (replays).
 * - With `X-Tjar-Timestamp` present we also accept a signature over the bare body, in case Tjar sends
 *   the header without signing it. The window is still checked, but an unsigned timestamp proves
 *   nothing: such a delivery is as replayable as one without a timestamp.
 * - The delivery id is the body's `delivery_id` (signed), else `X-Tjar-Delivery`; the event name is the
 *   body's `event`, else `X-Tjar-Event`. The recent delivery ids are the replay guard of untimed forms.
 */
export const TJAR_WEBHOOK_CONTRACT = {
	/** Header names as n8n exposes them (Node lower-cases incoming header names). */
	signatureHeader: 'x-tjar-signature',
	timestampHeader: 'x-tjar-timestamp',
	deliveryHeader: 'x-tjar-delivery',
	eventHeader: 'x-tjar-event',
	/** Body fields that may carry the delivery id, first found wins. */
	deliveryIdFields: ['delivery_id', 'deliveryId'],
	/** Body field that carries the event name. */
	eventField: 'event',
	/** Body field that carries the resource object. */
	dataField: 'data',
	algorithm: 'sha256',
	encoding: 'hex',
	signaturePrefix: 'sha256=',
	/** Key names inside `t=…,v1=…`. */
	timestampKey: 't',
	signatureKey: 'v1',
	toleranceSeconds: 300,
} as const;

export type SignatureCheck =
	| { valid: true }
	| {
			valid: false;
			reason: 'no secret' | 'missing signature' | 'malformed signature' | 'bad timestamp' | 'expired timestamp' | 'mismatch';
	  };

export interface VerifyTjarSignatureInput {
	secret: string | undefined;
	rawBody: Buffer | string;
	/** The `X-Tjar-Signature` header value as received (Node gives string or string[]). */
	signatureHeader: string | string[] | undefined;
	/** The `X-Tjar-Timestamp` header value, if any. */
	timestampHeader?: string | string[] | undefined;
	/** Current time in milliseconds (`Date.now()`); injectable for tests. */
	now?: number;
}

const firstValue = (value: string | string[] | undefined): string | undefined =>
	(Array.isArray(value) ? value[0] : value)?.trim() || undefined;

const hmacHex = (secret: string, payload: Buffer): string =>
	createHmac(TJAR_WEBHOOK_CONTRACT.algorithm, secret).update(payload).digest(TJAR_WEBHOOK_CONTRACT.encoding);

/** Constant-time comparison of two hex strings; a different length is simply "not equal". */
function sameHex(expected: string, actual: string): boolean {
	const a = Buffer.from(expected, 'utf8');
	const b = Buffer.from(actual.toLowerCase(), 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** Unix seconds from a header value; milliseconds are recognised by their size. */
function parseTimestamp(value: string): number | undefined {
	if (!/^\d{1,16}$/.test(value)) return undefined;
	const number = Number(value);
	return number > 1e11 ? Math.floor(number / 1000) : number;
}

/** Splits `t=123,v1=abc,v1=def` into its timestamp and signatures; undefined when it is not that form. */
function parseTimestampedForm(header: string): { timestamp?: string; signatures: string[] } | undefined {
	const { timestampKey, signatureKey } = TJAR_WEBHOOK_CONTRACT;
	const parts = header.split(',').map((part) => part.trim());
	if (!parts.some((part) => part.startsWith(`${timestampKey}=`) || part.startsWith(`${signatureKey}=`))) return undefined;
	let timestamp: string | undefined;
	const signatures: string[] = [];
	for (const part of parts) {
		const separator = part.indexOf('=');
		if (separator < 0) continue;
		const key = part.slice(0, separator);
		const value = part.slice(separator + 1);
		if (key === timestampKey) timestamp = value;
		else if (key === signatureKey) signatures.push(value);
	}
	return { timestamp, signatures };
}

/** Checks a delivery and says why it failed. Never throws. */
export function checkTjarSignature(input: VerifyTjarSignatureInput): SignatureCheck {
	try {
		if (!input.secret) return { valid: false, reason: 'no secret' };
		const header = firstValue(input.signatureHeader);
		if (!header) return { valid: false, reason: 'missing signature' };
		const body = Buffer.isBuffer(input.rawBody) ? input.rawBody : Buffer.from(input.rawBody, 'utf8');

		let timestampText: string | undefined;
		let signatures: string[];
		let bareBodyAllowed: boolean;
		const timestamped = parseTimestampedForm(header);
		if (timestamped) {
			if (!timestamped.timestamp || timestamped.signatures.length === 0) {
				return { valid: false, reason: 'malformed signature' };
			}
			timestampText = timestamped.timestamp;
			signatures = timestamped.signatures;
			bareBodyAllowed = false;
		} else {
			const prefix = TJAR_WEBHOOK_CONTRACT.signaturePrefix;
			signatures = [header.toLowerCase().startsWith(prefix) ? header.slice(prefix.length) : header];
			timestampText = firstValue(input.timestampHeader);
			bareBodyAllowed = true;
		}

		const signedPayloads: Buffer[] = [];
		if (timestampText !== undefined) {
			const timestamp = parseTimestamp(timestampText);
			if (timestamp === undefined) return { valid: false, reason: 'bad timestamp' };
			const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
			if (Math.abs(nowSeconds - timestamp) > TJAR_WEBHOOK_CONTRACT.toleranceSeconds) {
				return { valid: false, reason: 'expired timestamp' };
			}
			signedPayloads.push(Buffer.concat([Buffer.from(`${timestampText}.`, 'utf8'), body]));
		}
		if (bareBodyAllowed) signedPayloads.push(body);

		const expected = signedPayloads.map((payload) => hmacHex(input.secret as string, payload));
		// Every candidate is compared (no early exit), so timing says nothing about which one matched.
		let matched = false;
		for (const signature of signatures) {
			for (const candidate of expected) matched = sameHex(candidate, signature) || matched;
		}
		return matched ? { valid: true } : { valid: false, reason: 'mismatch' };
	} catch {
		return { valid: false, reason: 'malformed signature' };
	}
}

/** True only for a genuine delivery signed with `secret` (see TJAR_WEBHOOK_CONTRACT). Never throws. */
export function verifyTjarSignature(input: VerifyTjarSignatureInput): boolean {
	return checkTjarSignature(input).valid;
}
