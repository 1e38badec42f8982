import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { RETRY_POLICY, tjarRequest } from '../../nodes/shared/transport';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn(async () => {}) }));
const sleepMock = sleep as jest.MockedFunction<typeof sleep>;

let mock: TjarMock;
const context = (language = 'en', storeDomain?: string) =>
	fakeExecuteContext({
		credentials: { storeDomain: storeDomain ?? `http://${mock.host}`, apiKey: mock.apiKey, language },
		parameters: {},
	});

beforeAll(async () => {
	mock = await startTjarMock({ seed: { orders: [], products: [] } });
	mock.seedOrders(3);
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.clearRequests();
	sleepMock.mockClear();
});

const firstOrderId = () => mock.state.orders[0].id;

async function failureOf(promise: Promise<unknown>): Promise<NodeApiError> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('requests', () => {
	it('sends the API key, JSON accept header and the response language', async () => {
		await tjarRequest.call(context('ar'), 'order.get', { identifier: firstOrderId() });
		const [request] = mock.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe(`/orders/${firstOrderId()}`);
		expect(request.headers.authorization).toBe(`Bearer ${mock.apiKey}`);
		expect(request.headers.accept).toBe('application/json');
		expect(request.headers['accept-language']).toBe('ar');
	});

	it('sends JSON bodies with a JSON content type', async () => {
		await tjarRequest.call(context(), 'product.create', { body: { name_en: 'Dates', price: 12.5 } });
		const [request] = mock.requests;
		expect(request.method).toBe('POST');
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual({ name_en: 'Dates', price: 12.5 });
	});

	it('unwraps the {status, message, data} envelope', async () => {
		const order = await tjarRequest.call(context(), 'order.get', { identifier: firstOrderId() });
		expect(order).toMatchObject({ id: firstOrderId(), identifier: firstOrderId() });
		expect(order).not.toHaveProperty('status', 'success');
	});

	it('encodes the identifier in the path', async () => {
		await tjarRequest.call(context(), 'order.get', { identifier: '12/../x y' }).catch(() => undefined);
		expect(mock.requests[0].path).toBe('/orders/12%2F..%2Fx%20y');
	});

	it('sends list filters as bracket arrays', async () => {
		await tjarRequest.call(context(), 'product.getMany', { query: { tag_ids: [3, 4], is_published: 1 } });
		expect(mock.requests[0].rawQuery).toBe('tag_ids%5B%5D=3&tag_ids%5B%5D=4&is_published=1');
	});

	it('stops before any request when the Store Domain is malformed', async () => {
		const call = tjarRequest.call(context('en', 'https://store.tjar.sa/admin'), 'order.get', { identifier: 1 });
		await expect(call).rejects.toThrow(NodeOperationError);
		await expect(call).rejects.toThrow(/Tjar credential: .*contains the path "\/admin"/);
		expect(mock.requests).toHaveLength(0);
	});

	it('says the Store Domain is not a Tjar store when it answers with a web page', async () => {
		const website = createServer((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html' });
			response.end('<!doctype html><title>My shop</title>');
		});
		await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
		const { port } = website.address() as AddressInfo;
		try {
			const error = await failureOf(tjarRequest.call(context('en', `http://127.0.0.1:${port}`), 'order.getMany', { itemIndex: 1 }));
			expect(error.message).toBe('The Store Domain did not answer like a Tjar store (HTTP 200, not JSON)');
			expect(error.description).toMatch(/Check the Store Domain in the Tjar credential/);
			expect(error.context.itemIndex).toBe(1);
		} finally {
			website.close();
		}
	});

	it('says the store could not be reached when nothing listens', async () => {
		const error = await failureOf(tjarRequest.call(context('en', 'http://127.0.0.1:9'), 'order.get', { identifier: 1 }));
		expect(error.message).toMatch(/Could not reach the Tjar store \(ECONNREFUSED|fetch failed/);
	});
});

describe('error messages', () => {
	it('401: tells the merchant to check the API key and where to find it', async () => {
		const ctx = fakeExecuteContext({
			credentials: { storeDomain: `http://${mock.host}`, apiKey: 'wrong-key' },
			parameters: {},
		});
		const error = await failureOf(tjarRequest.call(ctx, 'order.getMany'));
		expect(error.message).toBe('Tjar rejected the API key (401)');
		expect(error.description).toMatch(/General Settings → Developers/);
		expect(error.description).toMatch(/Tjar said: "Unauthenticated\."/);
		expect(error.httpCode).toBe('401');
	});

	it('403: says the key lacks permission', async () => {
		mock.failNext(1, 403, { body: { status: 'error', message: 'This action is unauthorized.' } });
		const error = await failureOf(tjarRequest.call(context(), 'product.delete', { identifier: 5 }));
		expect(error.message).toBe('The API key is not allowed to do this (403)');
		expect(error.description).toMatch(/DELETE \/products\/\{identifier\}.*This action is unauthorized/);
	});

	it('404: names the object that was not found and hints at order_id', async () => {
		const error = await failureOf(tjarRequest.call(context(), 'order.get', { identifier: 999999, itemIndex: 2 }));
		expect(error.message).toBe('Order "999999" was not found (404)');
		expect(error.description).toMatch(/not the order number shown to customers \(order_id\)/);
		expect(error.context.itemIndex).toBe(2);
	});

	it('422: lists every field error', async () => {
		const error = await failureOf(tjarRequest.call(context(), 'product.create', { body: {} }));
		expect(error.message).toMatch(/^Tjar rejected the data \(422\): /);
		expect(error.message).toMatch(/price: The price field is required\./);
		expect(error.message).toMatch(/name_(ar|en)/);
	});

	it('5xx: says the store had a server error', async () => {
		mock.failNext(1, 500);
		const error = await failureOf(tjarRequest.call(context(), 'product.create', { body: { name_en: 'x', price: 1 } }));
		expect(error.message).toBe('The Tjar store had a server error (500)');
		expect(mock.requests).toHaveLength(1);
	});
});

describe('retries', () => {
	it('429 with Retry-After: waits as told, then succeeds', async () => {
		mock.failNext(2, 429, { headers: { 'Retry-After': '3' } });
		const order = await tjarRequest.call(context(), 'order.get', { identifier: firstOrderId() });
		expect(order).toMatchObject({ id: firstOrderId() });
		expect(mock.requests).toHaveLength(3);
		expect(sleepMock.mock.calls).toEqual([[3000], [3000]]);
	});

	it('without Retry-After backs off exponentially', async () => {
		mock.failNext(2, 503, { headers: { 'Retry-After': '' } });
		await tjarRequest.call(context(), 'order.get', { identifier: firstOrderId() });
		expect(sleepMock.mock.calls).toEqual([[RETRY_POLICY.baseDelayMs], [RETRY_POLICY.baseDelayMs * 2]]);
	});

	it('never waits longer than the cap, even when told to', async () => {
		mock.failNext(1, 429, { headers: { 'Retry-After': '86400' } });
		await tjarRequest.call(context(), 'order.get', { identifier: firstOrderId() });
		expect(sleepMock.mock.calls).toEqual([[RETRY_POLICY.maxDelayMs]]);
	});

	it('gives up after the retry bound with a message about the rate limit', async () => {
		mock.failNext(RETRY_POLICY.maxAttempts, 429);
		const error = await failureOf(tjarRequest.call(context(), 'order.getMany'));
		expect(error.message).toBe(`Tjar is limiting the request rate (429), still after ${RETRY_POLICY.maxAttempts} attempts`);
		expect(mock.requests).toHaveLength(RETRY_POLICY.maxAttempts);
	});

	it('gives up on a GET after the retry bound on 503', async () => {
		mock.failNext(RETRY_POLICY.maxAttempts, 503);
		const error = await failureOf(tjarRequest.call(context(), 'order.getMany'));
		expect(error.message).toBe('The Tjar store had a server error (503)');
		expect(mock.requests).toHaveLength(RETRY_POLICY.maxAttempts);
	});

	it('does not retry a POST on 503, which may have created something', async () => {
		mock.failNext(1, 503);
		const error = await failureOf(tjarRequest.call(context(), 'order.create', { body: { products: [{ id: 1, quantity: 1 }] } }));
		expect(error.httpCode).toBe('503');
		expect(mock.requests).toHaveLength(1);
		expect(sleepMock).not.toHaveBeenCalled();
	});

	it('retries a POST on 429, which was refused before it did anything', async () => {
		mock.failNext(1, 429);
		await tjarRequest.call(context(), 'product.create', { body: { name_en: 'Coffee', price: 30 } });
		expect(mock.requests.map((r) => r.method)).toEqual(['POST', 'POST']);
	});
});
