import { engineSuite, expectSuccess, pairedIndexes } from './harness/engine';
import { byId, chain, e2eWorkflow, start, tjarNode } from './harness/workflowJson';

/** Order operations run through n8n-core's WorkflowExecute against the loopback mock (10 records per page). */
const engine = engineSuite((mock) => {
	mock.seedOrders(35);
	mock.seedProducts(6);
});

describe('Order operations in the n8n engine', () => {
	test('Get Many with Return All reads all four pages once, with the credential headers resolved by n8n', async () => {
		const result = await engine.run(e2eWorkflow('orders.json'));
		expectSuccess(result);
		expect(result.items('Get All Orders')).toHaveLength(35);
		const pages = engine.requestsTo('GET', '/orders').filter((r) => r.query.status === undefined);
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3', '4']);
		// Authorization and Accept-Language come from the credential's generic `authenticate` block,
		// resolved by n8n's expression engine; `language` was not set, so its default (en) applies.
		expect(pages[0].headers).toMatchObject({ authorization: `Bearer ${engine.mock.apiKey}`, 'accept-language': 'en', accept: 'application/json' });
	});

	test('Change Status resolves expressions per item and pairs each output with its input', async () => {
		const result = await engine.run(e2eWorkflow('orders.json'));
		const pending = result.items('Get Pending Orders');
		expect(pending.map((i) => i.json.id)).toEqual([1, 6]);
		const shipped = result.items('Mark Shipped');
		expect(shipped.map((i) => (i.json.status as { value: string }).value)).toEqual(['Shipped', 'Shipped']);
		expect(pairedIndexes(shipped)).toEqual([0, 1]);
		expect(engine.requestsTo('POST', /^\/orders\/\d+\/status$/).map((r) => [r.path, r.body])).toEqual([
			['/orders/1/status', { status: 'Shipped', note: 'Order 260681 handed to SMSA', notify_customer: true }],
			['/orders/6/status', { status: 'Shipped', note: 'Order 260686 handed to SMSA', notify_customer: true }],
		]);
		expect(result.items('Get Statuses').map((i) => i.json.value)).toEqual(['Pending', 'Processing', 'Shipped', 'Delivered', 'Cancelled']);
	});

	test('Change Status takes the status itself from an expression, per item', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Move Order', { resource: 'order', operation: 'changeStatus', orderId: byId('={{ $json.id }}'), status: '={{ $json.next }}' }),
			),
			{ input: [{ json: { id: 2, next: 'Processing' } }, { json: { id: 3, next: 'Cancelled' } }] },
		);
		expectSuccess(result);
		expect(engine.requestsTo('POST', /^\/orders\/\d+\/status$/).map((r) => [r.path, r.body])).toEqual([
			['/orders/2/status', { status: 'Processing', notify_customer: false }],
			['/orders/3/status', { status: 'Cancelled', notify_customer: false }],
		]);
		expect(result.items('Move Order').map((i) => (i.json.status as { value: string }).value)).toEqual(['Processing', 'Cancelled']);
	});

	test('Get takes the order ID from the input item and Arabic text passes through untouched', async () => {
		const result = await engine.run(
			chain(start(), tjarNode('Get Order', { resource: 'order', operation: 'get', orderId: byId('={{ $json.orderId }}') })),
			{ input: [{ json: { orderId: 7 } }, { json: { orderId: '12' } }], credential: { language: 'ar' } },
		);
		expectSuccess(result);
		const orders = result.items('Get Order');
		expect(orders.map((i) => i.json.id)).toEqual([7, 12]);
		expect((orders[0].json.city as { ar: string }).ar).toBe('الرياض');
		expect(engine.calls()).toEqual(['GET /orders/7', 'GET /orders/12']);
		expect(engine.mock.requests[0].headers['accept-language']).toBe('ar');
	});

	test('Create sends product lines, customer and address as JSON', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Create Order', {
					resource: 'order',
					operation: 'create',
					products: { line: [{ id: '2', quantity: 3 }, { id: '={{ $json.extraProduct }}', quantity: 1, color_name: 'Black' }] },
					customer: { user_id: '101', user_recipient_name: 'سارة القحطاني' },
					shipping_address: { address: 'طريق الملك فهد', city_id: '3', zip_code: '12211' },
					additionalFields: { notes: 'Gift wrap please' },
				}),
			),
			{ input: [{ json: { extraProduct: 4 } }] },
		);
		expectSuccess(result);
		const [call] = engine.requestsTo('POST', '/orders');
		expect(call.body).toEqual({
			customer: { user_id: 101, user_recipient_name: 'سارة القحطاني' },
			shipping_address: { address: 'طريق الملك فهد', city_id: 3, zip_code: '12211' },
			products: [
				{ id: 2, quantity: 3 },
				{ id: 4, quantity: 1, color_name: 'Black' },
			],
			notes: 'Gift wrap please',
		});
		const [created] = result.items('Create Order');
		expect(created.json.id).toBe(36);
		expect(created.json.order_details).toHaveLength(2);
	});

	test('Update (legacy Edit Order) posts a multipart form with _method=PUT and bracket keys', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Edit Order', {
					resource: 'order',
					operation: 'update',
					orderId: byId('5'),
					customer: { user_recipient_name: 'نورة الدوسري' },
					products_to_add: { line: [{ id: '3', quantity: 2 }] },
				}),
			),
		);
		expectSuccess(result);
		const [call] = engine.requestsTo('POST', '/orders/5');
		expect(call.multipart?.fields).toMatchObject({
			_method: 'PUT',
			'customer[user_recipient_name]': 'نورة الدوسري',
			'products_to_add[0][id]': '3',
			'products_to_add[0][quantity]': '2',
		});
		const [edited] = result.items('Edit Order');
		expect(edited.json.name).toBe('نورة الدوسري');
	});
});
