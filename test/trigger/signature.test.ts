import { createHmac } from 'node:crypto';

import { checkTjarSignature, verifyTjarSignature } from '../../nodes/shared/signature';
import { signTjarPayload } from '../mock/signing';

/** Signatures come from the mock's signer (the delivery side), not from the code under test. */
const secret = 'whsec_5f0c2a6b9d';
const rawBody = Buffer.from(JSON.stringify({ event: 'order.created', data: { id: 7, name: 'سارة' } }), 'utf8');
const nowMs = 1_717_000_000_000;
const nowSeconds = nowMs / 1000;

describe('verifyTjarSignature', () => {
	it('accepts a bare hex HMAC-SHA256 of the raw body', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'plain');
		expect(signatureHeader).toBe(createHmac('sha256', secret).update(rawBody).digest('hex'));
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(true);
	});

	it('accepts upper-case hex and the raw body as a string', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'plain').toUpperCase();
		expect(verifyTjarSignature({ secret, rawBody: rawBody.toString('utf8'), signatureHeader, now: nowMs })).toBe(true);
	});

	it('accepts the sha256= prefix form', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'prefix');
		expect(signatureHeader.startsWith('sha256=')).toBe(true);
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(true);
	});

	it('accepts the t=…,v1=… form signed over "{t}.{body}" within five minutes', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'timestamp', nowSeconds - 299);
		expect(signatureHeader).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(true);
	});

	it('accepts a t=…,v1=… header with a second v1 (secret rotation)', () => {
		const [t, v1] = signTjarPayload(secret, rawBody, 'timestamp', nowSeconds).split(',');
		const signatureHeader = `${t},v1=${'0'.repeat(64)},${v1}`;
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(true);
	});

	it('accepts a timestamp in X-Tjar-Timestamp with the signature over "{t}.{body}"', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'timestamp-header', nowSeconds);
		const timestampHeader = String(nowSeconds);
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, timestampHeader, now: nowMs })).toBe(true);
	});

	it('also accepts a bare-body signature next to X-Tjar-Timestamp (an unsigned header), still checking its window', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'plain');
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, timestampHeader: String(nowSeconds), now: nowMs })).toBe(true);
		expect(checkTjarSignature({ secret, rawBody, signatureHeader, timestampHeader: String(nowSeconds - 400), now: nowMs })).toEqual({
			valid: false,
			reason: 'expired timestamp',
		});
	});

	it('accepts a timestamp in milliseconds', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'timestamp-header', nowSeconds);
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, timestampHeader: String(nowSeconds), now: nowMs + 200_000 })).toBe(true);
		const plain = signTjarPayload(secret, rawBody, 'plain');
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader: plain, timestampHeader: String(nowMs), now: nowMs })).toBe(true);
	});

	it('rejects a tampered body', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'plain');
		const tampered = Buffer.from(rawBody.toString('utf8').replace('"id":7', '"id":8'), 'utf8');
		expect(checkTjarSignature({ secret, rawBody: tampered, signatureHeader, now: nowMs })).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects a signature made with another secret', () => {
		const signatureHeader = signTjarPayload('another-secret', rawBody, 'prefix');
		expect(checkTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects a delivery without a signature header', () => {
		expect(checkTjarSignature({ secret, rawBody, signatureHeader: undefined, now: nowMs })).toEqual({
			valid: false,
			reason: 'missing signature',
		});
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader: '  ', now: nowMs })).toBe(false);
	});

	it('rejects everything when no secret is held', () => {
		const signatureHeader = signTjarPayload('', rawBody, 'plain');
		expect(checkTjarSignature({ secret: undefined, rawBody, signatureHeader, now: nowMs })).toEqual({ valid: false, reason: 'no secret' });
		expect(verifyTjarSignature({ secret: '', rawBody, signatureHeader, now: nowMs })).toBe(false);
	});

	it('rejects a t=…,v1=… signature older than five minutes, even though it is genuine', () => {
		const signatureHeader = signTjarPayload(secret, rawBody, 'timestamp', nowSeconds - 301);
		expect(checkTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toEqual({ valid: false, reason: 'expired timestamp' });
	});

	it('rejects an old X-Tjar-Timestamp and one from the far future', () => {
		const old = nowSeconds - 3600;
		const future = nowSeconds + 3600;
		for (const timestamp of [old, future]) {
			const signatureHeader = signTjarPayload(secret, rawBody, 'timestamp-header', timestamp);
			expect(checkTjarSignature({ secret, rawBody, signatureHeader, timestampHeader: String(timestamp), now: nowMs })).toEqual({
				valid: false,
				reason: 'expired timestamp',
			});
		}
	});

	it('rejects a replayed timestamped signature whose timestamp was changed', () => {
		const genuine = signTjarPayload(secret, rawBody, 'timestamp', nowSeconds - 1000);
		const signatureHeader = genuine.replace(/^t=\d+/, `t=${nowSeconds}`);
		expect(checkTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toEqual({ valid: false, reason: 'mismatch' });
	});

	it('rejects signatures of the wrong length without throwing', () => {
		const genuine = signTjarPayload(secret, rawBody, 'plain');
		for (const signatureHeader of [genuine.slice(0, 63), `${genuine}00`, 'sha256=', 'abc', genuine.slice(0, 32)]) {
			expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(false);
		}
	});

	it('rejects malformed timestamped headers and non-numeric timestamps', () => {
		const v1 = signTjarPayload(secret, rawBody, 'timestamp', nowSeconds).split(',')[1];
		expect(checkTjarSignature({ secret, rawBody, signatureHeader: v1, now: nowMs }).valid).toBe(false);
		expect(checkTjarSignature({ secret, rawBody, signatureHeader: `t=${nowSeconds}`, now: nowMs })).toEqual({
			valid: false,
			reason: 'malformed signature',
		});
		expect(checkTjarSignature({ secret, rawBody, signatureHeader: `t=soon,${v1}`, now: nowMs })).toEqual({ valid: false, reason: 'bad timestamp' });
		const plain = signTjarPayload(secret, rawBody, 'plain');
		expect(checkTjarSignature({ secret, rawBody, signatureHeader: plain, timestampHeader: 'yesterday', now: nowMs })).toEqual({
			valid: false,
			reason: 'bad timestamp',
		});
	});

	it('reads the first value when a header arrives twice', () => {
		const signatureHeader = [signTjarPayload(secret, rawBody, 'plain'), 'junk'];
		expect(verifyTjarSignature({ secret, rawBody, signatureHeader, now: nowMs })).toBe(true);
	});

	it('never throws, whatever it is given', () => {
		const odd = [
			{ secret, rawBody: undefined as unknown as Buffer, signatureHeader: 'abc' },
			{ secret: 42 as unknown as string, rawBody, signatureHeader: 'abc' },
			{ secret, rawBody, signatureHeader: 17 as unknown as string },
		];
		for (const input of odd) expect(() => verifyTjarSignature(input)).not.toThrow();
		for (const input of odd) expect(verifyTjarSignature(input)).toBe(false);
	});
});
