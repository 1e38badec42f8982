import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock();
	// Cart n is dated 2024-01-01 09:00 plus (n - 1) × 25 h and holds (n % 3) + 1 products.
	mock.seedAbandonedCarts(130);
});
afterAll(async () => await mock.close());
beforeEach(() => mock.clearRequests());

const sent = () => mock.requests.map((request) => ({ method: request.method, path: request.path, query: request.query, body: request.body }));
const cart = (id: number) => mock.state.abandonedCarts.find((entry) => entry.id === id);

describe('Get', () => {
	it('sends GET /abandoned-carts/{id} and outputs the cart', async () => {
		const output = await runTjar(mock, { parameters: { resource: 'abandonedCart', operation: 'get', cartId: byId(5) } });
		expect(sent()).toEqual([{ method: 'GET', path: '/abandoned-carts/5', query: {}, body: undefined }]);
		expect(output).toEqual([{ json: cart(5), pairedItem: { item: 0 } }]);
		expect(output[0].json.customer).toMatchObject({ name: expect.any(String) });
	});

	it('reports an unknown cart as 404 with Tjar’s (Arabic) message', async () => {
		const error = await rejectionOf(
			runTjar(mock, { parameters: { resource: 'abandonedCart', operation: 'get', cartId: byId(999) }, language: 'ar' }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Abandoned cart "999" was not found (404)');
		expect(error.description).toContain('Tjar said: "السلة المتروكة غير موجودة."');
	});

	it('refuses an empty Abandoned Cart ID before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: { resource: 'abandonedCart', operation: 'get', cartId: byId('') } }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The Abandoned Cart ID is empty');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	const getMany = (extra: Record<string, unknown> = {}) => ({ resource: 'abandonedCart', operation: 'getMany', filters: {}, ...extra });

	it('sends Products Count, Date From and Date To as YYYY-MM-DD filters', async () => {
		const output = await runTjar(mock, {
			parameters: getMany({
				returnAll: true,
				filters: { productsCount: 2, dateFrom: '2024-01-04T00:00:00', dateTo: '2024-01-08T23:59:59.000+03:00' },
			}),
		});
		expect(sent()).toEqual([
			{
				method: 'GET',
				path: '/abandoned-carts',
				query: { products_count: '2', date_from: '2024-01-04', date_to: '2024-01-08', page: '1', per_page: '100' },
				body: undefined,
			},
		]);
		expect(output).toEqual([
			{ json: cart(4), pairedItem: { item: 0 } },
			{ json: cart(7), pairedItem: { item: 0 } },
		]);
	});

	it('with Return All, reads every page without filters', async () => {
		const output = await runTjar(mock, { parameters: getMany({ returnAll: true }) });
		expect(mock.requests.map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
		]);
		expect(output).toHaveLength(130);
		expect(output.map((item) => item.json.id)).toEqual(mock.state.abandonedCarts.map((entry) => entry.id));
	});

	it('with a Limit, returns that many', async () => {
		const output = await runTjar(mock, { parameters: getMany({ returnAll: false, limit: 3 }) });
		expect(sent()).toEqual([{ method: 'GET', path: '/abandoned-carts', query: { page: '1', per_page: '3' }, body: undefined }]);
		expect(output.map((item) => item.json.id)).toEqual([1, 2, 3]);
	});

	it('keeps each item’s filters to itself', async () => {
		const output = await runTjar(mock, {
			parameters: [
				getMany({ returnAll: false, limit: 2, filters: { productsCount: 3 } }),
				getMany({ returnAll: false, limit: 1, filters: { dateFrom: '2024-01-10' } }),
			],
		});
		expect(mock.requests.map((request) => request.query)).toEqual([
			{ products_count: '3', page: '1', per_page: '2' },
			{ date_from: '2024-01-10', page: '1', per_page: '1' },
		]);
		expect(output.map((item) => [item.json.id, item.pairedItem])).toEqual([
			[2, { item: 0 }],
			[5, { item: 0 }],
			[10, { item: 1 }],
		]);
	});
});

describe('Send Reminder', () => {
	const reminder = (extra: Record<string, unknown> = {}) => ({
		resource: 'abandonedCart',
		operation: 'sendReminder',
		cartId: byId(3),
		additionalFields: {},
		...extra,
	});

	it('sends POST /abandoned-carts/{id}/reminder with channel, message and Extra Fields (JSON)', async () => {
		const before = cart(3)!.reminders_sent;
		const output = await runTjar(mock, {
			parameters: reminder({
				additionalFields: { channel: 'sms', message: 'سلتك بانتظارك! أكمل طلبك الآن', extraFieldsJson: '{"coupon": "COMEBACK10"}' },
			}),
		});
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/abandoned-carts/3/reminder',
				query: {},
				body: { channel: 'sms', message: 'سلتك بانتظارك! أكمل طلبك الآن', coupon: 'COMEBACK10' },
			},
		]);
		expect(output).toEqual([{ json: { cart_id: 3, sent: true, channel: 'sms' }, pairedItem: { item: 0 } }]);
		expect(cart(3)).toMatchObject({ reminders_sent: before + 1, last_reminder: { channel: 'sms', message: 'سلتك بانتظارك! أكمل طلبك الآن' } });
	});

	it('sends an empty body when no field is set, and nothing from one item leaks into the next', async () => {
		const output = await runTjar(mock, {
			parameters: [reminder({ cartId: byId(1), additionalFields: { channel: 'whatsapp', message: 'Hi' } }), reminder({ cartId: byId(2) })],
		});
		expect(sent()).toEqual([
			{ method: 'POST', path: '/abandoned-carts/1/reminder', query: {}, body: { channel: 'whatsapp', message: 'Hi' } },
			{ method: 'POST', path: '/abandoned-carts/2/reminder', query: {}, body: {} },
		]);
		expect(output.map((item) => [item.json.cart_id, item.json.channel, item.pairedItem])).toEqual([
			[1, 'whatsapp', { item: 0 }],
			[2, 'email', { item: 1 }],
		]);
	});

	it('names the item whose Extra Fields (JSON) is invalid, before any request', async () => {
		const error = await rejectionOf(
			runTjar(mock, { parameters: [reminder(), reminder({ additionalFields: { extraFieldsJson: '{"coupon": ' } })] }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Extra Fields (JSON) in item 1 is not valid JSON');
		expect(mock.requests).toHaveLength(1);
	});

	it('reports Tjar’s 422 field errors', async () => {
		mock.failNext(1, 422, { body: { status: 'error', message: 'The given data was invalid.', errors: { channel: ['The selected channel is invalid.'] } } });
		const error = await rejectionOf(runTjar(mock, { parameters: reminder({ additionalFields: { channel: 'pigeon' } }) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): channel: The selected channel is invalid.');
	});

	it('reports an unknown cart as 404, and with Continue On Fail goes on with the next item', async () => {
		const output = await runTjar(mock, {
			continueOnFail: true,
			parameters: [reminder({ cartId: byId(404) }), reminder({ cartId: byId('') }), reminder({ cartId: byId(6) })],
		});
		expect(mock.requests.map((request) => request.path)).toEqual(['/abandoned-carts/404/reminder', '/abandoned-carts/6/reminder']);
		expect(output).toEqual([
			{ json: { error: 'Abandoned cart "404" was not found (404)', description: expect.any(String) }, pairedItem: { item: 0 } },
			{ json: { error: 'The Abandoned Cart ID is empty', description: expect.any(String) }, pairedItem: { item: 1 } },
			{ json: { cart_id: 6, sent: true, channel: 'email' }, pairedItem: { item: 2 } },
		]);
	});
});
