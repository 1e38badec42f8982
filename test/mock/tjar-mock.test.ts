import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type PaginationStyle, type TjarMock, signTjarPayload, startTjarMock } from './tjar-mock';

interface CallOptions {
	body?: unknown;
	form?: FormData;
	headers?: Record<string, string>;
	auth?: boolean;
}

/** Parsed JSON responses are navigated freely in assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

interface CallResult {
	status: number;
	headers: Headers;
	json: Json;
}

async function call(mock: TjarMock, method: string, path: string, opts: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
	if (opts.auth !== false) headers.Authorization = `Bearer ${mock.apiKey}`;
	let body: string | FormData | undefined;
	if (opts.form) body = opts.form;
	else if (opts.body !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(opts.body);
	}
	const res = await fetch(`${mock.baseUrl}${path}`, { method, headers, body });
	return { status: res.status, headers: res.headers, json: (await res.json()) as Json };
}

describe('Tjar mock', () => {
	let mock: TjarMock;

	beforeEach(async () => {
		mock = await startTjarMock();
	});
	afterEach(async () => {
		await mock.close();
	});

	it('listens on loopback and exposes its addresses', () => {
		expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(mock.baseUrl).toBe(`${mock.url}/api/core/v1`);
		expect(mock.host).toBe(mock.url.replace('http://', ''));
		expect(mock.apiKey).toBe('test-key');
	});

	it('requires the bearer key', async () => {
		const missing = await call(mock, 'GET', '/orders', { auth: false });
		expect(missing.status).toBe(401);
		expect(missing.json).toEqual({ status: 'error', message: 'Unauthenticated.' });
		const wrong = await call(mock, 'GET', '/orders', { auth: false, headers: { Authorization: 'Bearer nope' } });
		expect(wrong.status).toBe(401);
		const good = await call(mock, 'GET', '/orders');
		expect(good.status).toBe(200);
		expect(good.json.status).toBe('success');
	});

	it('localises envelope messages with Accept-Language: ar', async () => {
		mock.seedOrders(1);
		const res = await call(mock, 'GET', '/orders/1', { headers: { 'Accept-Language': 'ar' } });
		expect(res.json.message).toBe('تمت العملية بنجاح');
		const missing = await call(mock, 'GET', '/orders/999', { headers: { 'Accept-Language': 'ar' } });
		expect(missing.json.message).toBe('الطلب غير موجود.');
	});

	it('seeds realistic orders, products and carts', () => {
		const [order] = mock.seedOrders(2);
		expect(order).toMatchObject({ id: 1, identifier: 1, order_id: expect.any(String), status: { value: 'Pending' } });
		expect(order.status.label.ar).toMatch(/[\u0600-\u06FF]/);
		expect(order.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		expect(order.order_details.length).toBeGreaterThan(0);
		expect(order.total_amount).toBeGreaterThan(0);
		const products = mock.seedProducts(6);
		expect(new Set(products.map((p) => p.type))).toEqual(new Set(['physical', 'digital', 'booking', 'service']));
		expect(products[0].name.ar).toMatch(/[\u0600-\u06FF]/);
		expect(mock.seedAbandonedCarts(1)[0]).toMatchObject({ id: 1, identifier: 1, reminders_sent: 0 });
	});

	it.each<[PaginationStyle, (json: Json) => unknown]>([
		['pagination', (json) => json.data.pagination],
		['meta', (json) => json.data.meta],
		['top-meta', (json) => json.meta],
		['none', () => undefined],
	])('places pagination metadata for style %s', async (style, metaOf) => {
		mock.setPaginationStyle(style);
		mock.seedOrders(20);
		const res = await call(mock, 'GET', '/orders?page=2&per_page=15');
		expect(res.json.data.orders.map((o: { id: number }) => o.id)).toEqual([16, 17, 18, 19, 20]);
		const expected = style === 'none' ? undefined : { current_page: 2, last_page: 2, per_page: 15, total: 20 };
		expect(metaOf(res.json)).toEqual(expected);
		const placed = [res.json.data.pagination, res.json.data.meta, res.json.meta].filter((m) => m !== undefined);
		expect(placed).toHaveLength(style === 'none' ? 0 : 1);
	});

	it('defaults to 15 per page and caps per_page at maxPerPage', async () => {
		await mock.close();
		mock = await startTjarMock({ maxPerPage: 10, paginationStyle: 'meta' });
		mock.seedProducts(25);
		const res = await call(mock, 'GET', '/products?per_page=50');
		expect(res.json.data.products).toHaveLength(10);
		expect(res.json.data.meta).toEqual({ current_page: 1, last_page: 3, per_page: 10, total: 25 });
	});

	it('repeatPageForever answers page 1 with last_page 999 whatever page is asked', async () => {
		mock.seedOrders(3);
		mock.repeatPageForever(true);
		const res = await call(mock, 'GET', '/orders?page=7');
		expect(res.json.data.pagination).toMatchObject({ current_page: 1, last_page: 999 });
		expect(res.json.data.orders.map((o: { id: number }) => o.id)).toEqual([1, 2, 3]);
		mock.repeatPageForever(false);
		const normal = await call(mock, 'GET', '/orders?page=7');
		expect(normal.json.data.orders).toEqual([]);
	});

	it('answers 404 for unknown ids, wrong product types and unknown routes', async () => {
		const product = await call(mock, 'GET', '/products/42');
		expect(product.status).toBe(404);
		expect(product.json).toEqual({ status: 'error', message: 'Product not found.' });
		mock.seedProducts(1, 'physical');
		expect((await call(mock, 'GET', '/products/digital/1')).status).toBe(404);
		expect((await call(mock, 'GET', '/products/1')).status).toBe(200);
		const route = await call(mock, 'GET', '/nothing-here');
		expect(route.status).toBe(404);
		expect(route.json).toEqual({ status: 'error', message: 'Route not found.' });
	});

	it('validates creates with 422 and creates with 201', async () => {
		const bad = await call(mock, 'POST', '/products', { body: { sku: 'X' } });
		expect(bad.status).toBe(422);
		expect(bad.json.message).toBe('The given data was invalid.');
		expect(bad.json.errors.price).toEqual(['The price field is required.']);
		const good = await call(mock, 'POST', '/products/digital', {
			body: { name_ar: 'قالب متجر', name_en: 'Store template', summery_en: 'A template', price: '49.5', download_url: 'x' },
		});
		expect(good.status).toBe(201);
		expect(good.json.data).toMatchObject({ id: 1, identifier: 1, type: 'digital', price: 49.5, download_url: 'x' });
		expect(good.json.data.name).toEqual({ ar: 'قالب متجر', en: 'Store template' });
		expect(good.json.data.summary.en).toBe('A template');
		const patched = await call(mock, 'PATCH', '/products/digital/1', { body: { name_en: 'Renamed', is_published: 0 } });
		expect(patched.json.data).toMatchObject({ name: { ar: 'قالب متجر', en: 'Renamed' }, is_published: false });
		const gone = await call(mock, 'DELETE', '/products/1');
		expect(gone.json).toEqual({ status: 'success', message: 'Deleted', data: null });
		expect((await call(mock, 'POST', '/orders', { body: { products: [] } })).status).toBe(422);
	});

	it('filters lists and collects bracket query keys as arrays', async () => {
		mock.seedProducts(12);
		const res = await call(mock, 'GET', '/products?tag_ids[]=1&tag_ids[]=2&is_published=1&search=coffee');
		const ids = res.json.data.products.map((p: { id: number }) => p.id);
		expect(ids.length).toBeGreaterThan(0);
		for (const id of ids) {
			const p = mock.state.products.find((x) => x.id === id);
			expect(p?.is_published).toBe(true);
			expect(p?.name.en.toLowerCase()).toContain('coffee');
		}
		expect(mock.requests[0].query['tag_ids[]']).toEqual(['1', '2']);
		expect(mock.requests[0].rawQuery).toContain('tag_ids');
		mock.seedOrders(10);
		const dated = await call(mock, 'GET', '/orders?date_from=2024-01-03&date_to=2024-01-05&status=pending');
		for (const o of dated.json.data.orders) {
			expect(o.created_at.slice(0, 10) >= '2024-01-03' && o.created_at.slice(0, 10) <= '2024-01-05').toBe(true);
			expect(o.status.value).toBe('Pending');
		}
	});

	it('changes order status and records cart reminders', async () => {
		mock.seedOrders(1);
		mock.seedAbandonedCarts(1);
		expect((await call(mock, 'POST', '/orders/1/status', { body: { status: 'nope' } })).status).toBe(422);
		const changed = await call(mock, 'POST', '/orders/1/status', { body: { status: 'shipped' } });
		expect(changed.json.data.status).toMatchObject({ value: 'Shipped', label: { en: 'Shipped' } });
		const reminder = await call(mock, 'POST', '/abandoned-carts/1/reminder', { body: { channel: 'sms' } });
		expect(reminder.json.data).toEqual({ cart_id: 1, sent: true, channel: 'sms' });
		expect(mock.state.abandonedCarts[0].reminders_sent).toBe(1);
	});

	it('creates orders and applies the legacy multipart Edit Order', async () => {
		mock.seedProducts(2);
		const created = await call(mock, 'POST', '/orders', { body: { products: [{ id: 2, quantity: 3 }], customer: { name: 'ليلى' } } });
		expect(created.status).toBe(201);
		expect(created.json.data).toMatchObject({ id: 1, customer: { name: 'ليلى' }, order_details: [{ product_id: 2, qty: 3 }] });
		const form = new FormData();
		form.append('_method', 'PUT');
		form.append('customer[user_recipient_name]', 'خالد');
		form.append('products_to_add[0][id]', '1');
		form.append('products_to_add[0][quantity]', '2');
		const edited = await call(mock, 'POST', '/orders/1', { form });
		expect(edited.status).toBe(200);
		expect(edited.json.data.name).toBe('خالد');
		expect(edited.json.data.order_details).toHaveLength(2);
		expect(edited.json.data.total_amount).toBeGreaterThan(created.json.data.total_amount);
	});

	it('failNext returns the status (429 with Retry-After: 0) for the next matching requests only', async () => {
		mock.failNext(2, 429);
		const first = await call(mock, 'GET', '/orders');
		expect(first.status).toBe(429);
		expect(first.headers.get('retry-after')).toBe('0');
		expect(first.json.status).toBe('error');
		expect((await call(mock, 'GET', '/orders')).status).toBe(429);
		expect((await call(mock, 'GET', '/orders')).status).toBe(200);

		mock.failNext(1, 500, { match: (r) => r.path === '/products', body: { status: 'error', message: 'boom' } });
		expect((await call(mock, 'GET', '/orders')).status).toBe(200);
		const failed = await call(mock, 'GET', '/products');
		expect(failed.status).toBe(500);
		expect(failed.json.message).toBe('boom');
		expect(mock.requests).toHaveLength(5);
		mock.clearRequests();
		expect(mock.requests).toHaveLength(0);
	});

	it('parses multipart uploads (single, multiple, update with _method=PUT)', async () => {
		const form = new FormData();
		form.append('file', new Blob(['PNGDATA'], { type: 'image/png' }), 'logo.png');
		form.append('alt', 'شعار');
		const single = await call(mock, 'POST', '/media', { form });
		expect(single.status).toBe(201);
		expect(single.json.data).toMatchObject({ id: 1, name: 'logo.png', mime_type: 'image/png', size: 7, alt: 'شعار', title: null });
		expect(single.json.data.url).toContain('/assets/tenant/uploads/media-uploader/');
		const recorded = mock.requests[0].multipart;
		expect(recorded?.fields).toEqual({ alt: 'شعار' });
		expect(recorded?.files[0]).toMatchObject({ field: 'file', filename: 'logo.png', contentType: 'image/png' });
		expect(recorded?.files[0].data.toString()).toBe('PNGDATA');

		const many = new FormData();
		many.append('files[]', new Blob(['a']), 'a.txt');
		many.append('files[]', new Blob(['bb']), 'b.txt');
		const multiple = await call(mock, 'POST', '/media/multiple', { form: many });
		expect(multiple.json.data.map((m: { id: number; size: number }) => [m.id, m.size])).toEqual([[2, 1], [3, 2]]);

		const update = new FormData();
		update.append('_method', 'PUT');
		update.append('title', 'New title');
		const updated = await call(mock, 'POST', '/media/1', { form: update });
		expect(updated.json.data).toMatchObject({ id: 1, title: 'New title', name: 'logo.png' });

		const empty = new FormData();
		empty.append('alt', 'x');
		const missing = await call(mock, 'POST', '/media', { form: empty });
		expect(missing.status).toBe(422);
		expect(missing.json.errors.file).toBeDefined();
	});

	it('registers webhooks with a secret, enforces capacity and verifies signatures', async () => {
		await mock.close();
		mock = await startTjarMock({ webhookCapacity: 1 });
		const invalid = await call(mock, 'POST', '/webhooks', { body: { name: 'n', url: 'not a url', events: ['order.nope'] } });
		expect(invalid.status).toBe(422);
		expect(Object.keys(invalid.json.errors).sort()).toEqual(['events.0', 'url']);
		const reg = await call(mock, 'POST', '/webhooks', { body: { name: 'n8n', url: 'http://127.0.0.1:1/hook', events: ['order.created'] } });
		expect(reg.status).toBe(201);
		expect(reg.json.data.secret).toMatch(/^[0-9a-f]{64}$/);
		const full = await call(mock, 'POST', '/webhooks', { body: { name: 'x', url: 'https://a.example/h', events: ['order.created'] } });
		expect(full.json).toEqual({ status: 'error', message: 'Webhook capacity reached for this store.' });

		const payload = { event: 'order.created', data: { id: 1 } };
		const signature = createHmac('sha256', reg.json.data.secret).update(JSON.stringify(payload)).digest('hex');
		const valid = await call(mock, 'POST', '/webhooks/verify-signature', { body: { payload, signature } });
		expect(valid.json.data.valid).toBe(true);
		const wrong = await call(mock, 'POST', '/webhooks/verify-signature', { body: { payload: 'x', signature } });
		expect(wrong.json.data.valid).toBe(false);

		const refreshed = await call(mock, 'POST', '/webhooks/1/refresh-secret');
		expect(refreshed.json.data.secret).not.toBe(reg.json.data.secret);
		const events = await call(mock, 'GET', '/webhooks/events');
		expect(events.json.data.events.map((e: { key: string }) => e.key)).toContain('order.status_changed');
		const statuses = await call(mock, 'GET', '/orders/statuses');
		expect(statuses.json.data.statuses).toHaveLength(5);
	});

	describe('deliverWebhook', () => {
		let receiver: Server;
		let received: Array<{ headers: IncomingHttpHeaders; raw: string }>;
		let target: string;

		beforeEach(async () => {
			received = [];
			receiver = createServer((req, res) => {
				const chunks: Buffer[] = [];
				req.on('data', (c: Buffer) => chunks.push(c));
				req.on('end', () => {
					received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
					res.end('ok');
				});
			});
			await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
			target = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
		});
		afterEach(async () => {
			await new Promise<void>((resolve) => receiver.close(() => resolve()));
		});

		const hmac = (secret: string, text: string): string => createHmac('sha256', secret).update(text).digest('hex');

		it('signs the raw body in each form', async () => {
			const secret = 's3cret';
			const result = await mock.deliverWebhook(target, { event: 'order.created', data: { id: 7 }, secret, deliveryId: 'd-1' });
			expect(result).toEqual({ status: 200, body: 'ok' });
			const plain = received[0];
			expect(plain.headers['x-tjar-signature']).toBe(hmac(secret, plain.raw));
			expect(plain.headers['x-tjar-event']).toBe('order.created');
			expect(plain.headers['x-tjar-delivery']).toBe('d-1');
			expect(JSON.parse(plain.raw)).toMatchObject({ event: 'order.created', delivery_id: 'd-1', data: { id: 7 } });

			await mock.deliverWebhook(target, { event: 'order.updated', data: {}, secret, form: 'prefix' });
			expect(received[1].headers['x-tjar-signature']).toBe(`sha256=${hmac(secret, received[1].raw)}`);

			await mock.deliverWebhook(target, { event: 'order.updated', data: {}, secret, form: 'timestamp', timestamp: 1700000000 });
			expect(received[2].headers['x-tjar-signature']).toBe(`t=1700000000,v1=${hmac(secret, `1700000000.${received[2].raw}`)}`);
			expect(signTjarPayload(secret, received[2].raw, 'timestamp', 1700000000)).toBe(received[2].headers['x-tjar-signature']);
		});

		it('can tamper, omit the signature, rename the header, and use a registered secret', async () => {
			await mock.deliverWebhook(target, { event: 'order.created', data: { id: 1 }, secret: 'k', tamper: true });
			expect(received[0].headers['x-tjar-signature']).not.toBe(hmac('k', received[0].raw));
			await mock.deliverWebhook(target, { event: 'order.created', data: {}, secret: 'k', omitSignature: true });
			expect(received[1].headers['x-tjar-signature']).toBeUndefined();
			await mock.deliverWebhook(target, { event: 'order.created', data: {}, secret: 'k', signatureHeader: 'X-Signature' });
			expect(received[2].headers['x-signature']).toBe(hmac('k', received[2].raw));

			const reg = await call(mock, 'POST', '/webhooks', { body: { name: 'n8n', url: target, events: ['order.created'] } });
			await mock.deliverWebhook(target, { event: 'order.created', data: {} });
			expect(received[3].headers['x-tjar-signature']).toBe(hmac(reg.json.data.secret, received[3].raw));
		});

		it('refuses non-loopback targets', async () => {
			await expect(mock.deliverWebhook('http://example.com/hook', { event: 'e', data: {}, secret: 'k' })).rejects.toThrow(/only targets/);
		});
	});

	it('serves control endpoints before auth when enabled', async () => {
		await mock.close();
		mock = await startTjarMock({ controlEndpoints: true });
		await fetch(`${mock.url}/__mock/seed`, { method: 'POST', body: JSON.stringify({ orders: 2 }) });
		await fetch(`${mock.url}/__mock/fail`, { method: 'POST', body: JSON.stringify({ count: 1, status: 503, path: '/orders' }) });
		expect((await call(mock, 'GET', '/orders')).status).toBe(503);
		expect((await call(mock, 'GET', '/orders')).json.data.orders).toHaveLength(2);
		const recorded = (await (await fetch(`${mock.url}/__mock/requests`)).json()) as Array<{ path: string }>;
		expect(recorded.map((r) => r.path)).toEqual(['/orders', '/orders']);
		await fetch(`${mock.url}/__mock/clear`, { method: 'POST' });
		expect(mock.requests).toHaveLength(0);
		const state = (await (await fetch(`${mock.url}/__mock/state`)).json()) as { orders: unknown[] };
		expect(state.orders).toHaveLength(2);
	});
});
