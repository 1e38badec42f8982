/**
 * Loopback HTTP mock of a Tjar store API (`/api/core/v1`, TJAR-API.md), for every test of the package.
 * Plain node:http, 127.0.0.1 only. See types.ts for the option and result shapes.
 */
import { STATUS_CODES, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Lang, type MockSettings, errorBody, isRecord, message, toInt } from './http-helpers';
import { boundaryOf, parseMultipart } from './multipart';
import { dispatch } from './routes';
import { defaultState, seedAbandonedCarts, seedOrders, seedProducts } from './seed';
import { deliverWebhook, signTjarPayload } from './signing';
import type { DeliverOptions, FailOptions, PaginationStyle, RecordedRequest, TjarMock, TjarMockOptions } from './types';

export { signTjarPayload };
export type * from './types';

export const API_PREFIX = '/api/core/v1';

interface FaultRule extends FailOptions {
	remaining: number;
	status: number;
}

interface Reply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

function parseQuery(rawQuery: string): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		const existing = query[key];
		if (existing === undefined) query[key] = key.endsWith('[]') ? [value] : value;
		else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** Builds the recorded request; `malformed` is set when a JSON or multipart body could not be parsed. */
function recordOf(req: IncomingMessage, rawBody: Buffer): { record: RecordedRequest; malformed: boolean } {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	const rawQuery = url.search.replace(/^\?/, '');
	const pathname = url.pathname;
	const path = pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`) ? pathname.slice(API_PREFIX.length) || '/' : pathname;
	const record: RecordedRequest = { method: (req.method ?? 'GET').toUpperCase(), path, query: parseQuery(rawQuery), rawQuery, headers, body: undefined, rawBody };
	const contentType = headers['content-type'] ?? '';
	let malformed = false;
	if (rawBody.length > 0 && /json/i.test(contentType)) {
		try {
			record.body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			malformed = true;
		}
	}
	const boundary = boundaryOf(contentType);
	if (boundary) {
		try {
			record.multipart = parseMultipart(rawBody, boundary);
		} catch {
			malformed = true;
		}
	}
	if (/application\/x-www-form-urlencoded/i.test(contentType)) {
		record.form = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
	}
	return { record, malformed };
}

/** JSON-safe view of a recorded request (Buffers as base64), for the `/__mock/requests` endpoint. */
function serialiseRequest(r: RecordedRequest): Record<string, unknown> {
	return {
		...r,
		rawBody: r.rawBody.toString('base64'),
		multipart: r.multipart && {
			fields: r.multipart.fields,
			files: r.multipart.files.map((f) => ({ ...f, data: f.data.toString('base64') })),
		},
	};
}

function send(res: ServerResponse, reply: Reply): void {
	const text = JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...reply.headers,
	});
	res.end(text);
}

export async function startTjarMock(options: TjarMockOptions = {}): Promise<TjarMock> {
	const settings: MockSettings = {
		apiKey: options.apiKey ?? 'test-key',
		paginationStyle: options.paginationStyle ?? 'pagination',
		maxPerPage: options.maxPerPage ?? 100,
		webhookCapacity: options.webhookCapacity ?? 5,
		repeatPageForever: false,
	};
	const state = defaultState(options.seed);
	const requests: RecordedRequest[] = [];
	const faults: FaultRule[] = [];
	let origin = '';

	const failNext = (count: number, status: number, opts: FailOptions = {}): void => {
		if (count > 0) faults.push({ ...opts, remaining: count, status });
	};

	const takeFault = (record: RecordedRequest): Reply | undefined => {
		const rule = faults.find((f) => f.remaining > 0 && (!f.match || f.match(record)));
		if (!rule) return undefined;
		rule.remaining -= 1;
		if (rule.remaining === 0) faults.splice(faults.indexOf(rule), 1);
		const text = rule.status === 429 ? 'Too Many Attempts.' : (STATUS_CODES[rule.status] ?? 'Mock failure');
		const headers = rule.status === 429 ? { 'Retry-After': '0', ...rule.headers } : rule.headers;
		return { status: rule.status, body: rule.body ?? errorBody(text), headers };
	};

	const mockDeliver = (targetUrl: string, opts: DeliverOptions) => {
		const secret = opts.secret ?? state.webhooks.find((w) => w.url === targetUrl)?.secret;
		if (secret === undefined) return Promise.reject(new Error(`no secret given and no webhook registered for ${targetUrl}`));
		return deliverWebhook(targetUrl, { ...opts, secret });
	};

	/** `/__mock/*`: control endpoints for tests in another process (only with `controlEndpoints: true`). */
	const control = async (method: string, path: string, rawBody: Buffer): Promise<Reply> => {
		let body: Record<string, unknown> = {};
		try {
			const parsed: unknown = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
			if (isRecord(parsed)) body = parsed;
		} catch {
			return { status: 400, body: { error: 'invalid JSON' } };
		}
		const route = `${method} ${path}`;
		if (route === 'GET /__mock/requests') return { status: 200, body: requests.map(serialiseRequest) };
		if (route === 'GET /__mock/state') return { status: 200, body: state };
		if (route === 'POST /__mock/clear') {
			requests.length = 0;
			return { status: 200, body: { ok: true } };
		}
		if (route === 'POST /__mock/fail') {
			const onlyMethod = typeof body.method === 'string' ? body.method.toUpperCase() : undefined;
			const onlyPath = typeof body.path === 'string' ? body.path : undefined;
			failNext(toInt(body.count) ?? 1, toInt(body.status) ?? 500, {
				headers: isRecord(body.headers) ? (body.headers as Record<string, string>) : undefined,
				body: body.body,
				match: (r) => (!onlyMethod || r.method === onlyMethod) && (!onlyPath || r.path === onlyPath),
			});
			return { status: 200, body: { ok: true } };
		}
		if (route === 'POST /__mock/repeat-page') {
			settings.repeatPageForever = body.on === true;
			return { status: 200, body: { ok: true } };
		}
		if (route === 'POST /__mock/seed') {
			seedOrders(state, toInt(body.orders) ?? 0);
			seedProducts(state, toInt(body.products) ?? 0, origin);
			seedAbandonedCarts(state, toInt(body.abandonedCarts) ?? 0);
			return { status: 200, body: { ok: true } };
		}
		if (route === 'POST /__mock/deliver') {
			try {
				const { url, ...opts } = body;
				return { status: 200, body: await mockDeliver(String(url), opts as unknown as DeliverOptions) };
			} catch (error) {
				return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
			}
		}
		return { status: 404, body: { error: `unknown control endpoint ${route}` } };
	};

	const handle = async (req: IncomingMessage, rawBody: Buffer): Promise<Reply> => {
		const { record, malformed } = recordOf(req, rawBody);
		if (options.controlEndpoints && record.path.startsWith('/__mock/')) return control(record.method, record.path, rawBody);
		requests.push(record);
		const lang: Lang = /^ar\b/i.test(record.headers['accept-language'] ?? '') ? 'ar' : 'en';
		const fault = takeFault(record);
		if (fault) return fault;
		const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
		if (pathname !== API_PREFIX && !pathname.startsWith(`${API_PREFIX}/`)) {
			return { status: 404, body: errorBody(message(lang, 'routeNotFound')) };
		}
		const token = /^Bearer\s+(.+)$/i.exec(record.headers.authorization ?? '')?.[1]?.trim();
		if (token !== settings.apiKey) return { status: 401, body: errorBody('Unauthenticated.') };
		if (malformed) return { status: 400, body: errorBody(message(lang, 'malformed')) };
		return dispatch({ state, settings, req: record, lang, origin });
	};

	const server = createServer((req, res) => {
		readBody(req)
			.then((rawBody) => handle(req, rawBody))
			.then((reply) => send(res, reply))
			.catch((error: unknown) => send(res, { status: 500, body: errorBody(`Mock error: ${String(error)}`) }));
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	origin = `http://127.0.0.1:${port}`;
	let closed = false;

	return {
		url: origin,
		host: `127.0.0.1:${port}`,
		baseUrl: `${origin}${API_PREFIX}`,
		apiKey: settings.apiKey,
		state,
		requests,
		clearRequests: () => {
			requests.length = 0;
		},
		seedOrders: (n) => seedOrders(state, n),
		seedProducts: (n, type) => seedProducts(state, n, origin, type),
		seedAbandonedCarts: (n) => seedAbandonedCarts(state, n),
		failNext,
		repeatPageForever: (on) => {
			settings.repeatPageForever = on;
		},
		setPaginationStyle: (style: PaginationStyle) => {
			settings.paginationStyle = style;
		},
		deliverWebhook: mockDeliver,
		close: () =>
			new Promise<void>((resolve, reject) => {
				if (closed) return resolve();
				closed = true;
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
