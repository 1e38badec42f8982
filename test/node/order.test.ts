import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { methods } from '../../nodes/Tjar/methods';
import { Tjar } from '../../nodes/Tjar/Tjar.node';
import { tjarLoadOptionsContext } from '../helpers/loadOptionsContext';
import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { ORDER_STATUSES } from '../mock/seed';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock();
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.state.orders.length = 0;
	mock.state.products.length = 0;
	mock.seedOrders(6);
	mock.seedProducts(3, 'physical');
	mock.clearRequests();
});

const order = (operation: string, extra: IDataObject = {}): IDataObject => ({ resource: 'order', operation, ...extra });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });
const stored = (id: number) => mock.state.orders.find((entry) => entry.id === id);
/** Requests as method, path and query, in the order the mock received them. */
const sent = () => mock.requests.map(({ method, path, query }) => ({ method, path, query }));

describe('Get', () => {
	it('sends GET /orders/{id} and outputs the order', async () => {
		const output = await runTjar(mock, { parameters: order('get', { orderId: byId(3) }) });

		expect(sent()).toEqual([{ method: 'GET', path: '/orders/3', query: {} }]);
		expect(mock.requests[0].rawBody.length).toBe(0);
		expect(output).toEqual([{ json: stored(3), pairedItem: { item: 0 } }]);
	});

	it('takes the ID picked from the list (list mode)', async () => {
		const output = await runTjar(mock, { parameters: order('get', { orderId: fromList('2') }) });
		expect(sent()).toEqual([{ method: 'GET', path: '/orders/2', query: {} }]);
		expect(output[0].json.order_id).toBe('260682');
	});

	it('Simplify returns id, order number, status values, total, customer and date', async () => {
		const output = await runTjar(mock, { parameters: order('get', { orderId: byId(2), simplify: true }) });
		const original = stored(2)!;
		expect(output).toEqual([
			{
				json: {
					id: 2,
					order_id: '260682',
					status: 'Processing',
					payment_status: 'paid',
					total_amount: original.total_amount,
					customer_name: 'سارة القحطاني',
					customer_email: 'sara.qahtani@example.com',
					customer_phone: '+966502345678',
					created_at: '2024-01-02 10:00:00',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('a 404 says the order was not found and hints at order ID vs order number', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: order('get', { orderId: byId(260681) }) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Order "260681" was not found (404)');
		expect(error.description).toContain('not the order number shown to customers (order_id)');
		expect(error.description).toContain('Tjar said: "Order not found."');
	});

	it('an empty ID is an error before any request', async () => {
		for (const orderId of [byId(''), byId('  '), fromList('')]) {
			const error = await rejectionOf(runTjar(mock, { parameters: order('get', { orderId }) }));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe('The Order ID is empty');
		}
		expect(mock.requests).toHaveLength(0);
	});

	it('continueOnFail: the failed item becomes an error item with its pairedItem and the run goes on', async () => {
		const output = await runTjar(mock, {
			parameters: [order('get', { orderId: byId(1) }), order('get', { orderId: byId(999) }), order('get', { orderId: byId('') }), order('get', { orderId: byId(4) })],
			continueOnFail: true,
		});

		expect(sent().map((request) => request.path)).toEqual(['/orders/1', '/orders/999', '/orders/4']);
		expect(output).toHaveLength(4);
		expect(output[0]).toEqual({ json: stored(1), pairedItem: { item: 0 } });
		expect(output[1].pairedItem).toEqual({ item: 1 });
		expect(output[1].json.error).toBe('Order "999" was not found (404)');
		expect(output[2]).toMatchObject({ json: { error: 'The Order ID is empty' }, pairedItem: { item: 2 } });
		expect(output[3]).toEqual({ json: stored(4), pairedItem: { item: 3 } });
	});
});

describe('Get Many', () => {
	it('Limit asks for that many on page 1 and outputs one item per order', async () => {
		const output = await runTjar(mock, { parameters: order('getMany', { returnAll: false, limit: 4 }) });

		expect(sent()).toEqual([{ method: 'GET', path: '/orders', query: { page: '1', per_page: '4' } }]);
		expect(output).toEqual(mock.state.orders.slice(0, 4).map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('the default limit is 50', async () => {
		mock.seedOrders(60);
		mock.clearRequests();
		const output = await runTjar(mock, { parameters: order('getMany') });
		expect(sent()).toEqual([{ method: 'GET', path: '/orders', query: { page: '1', per_page: '50' } }]);
		expect(output).toHaveLength(50);
	});

	it('Return All reads every page and stops at last_page', async () => {
		mock.seedOrders(244);
		mock.clearRequests();
		const output = await runTjar(mock, { parameters: order('getMany', { returnAll: true }) });

		expect(sent()).toEqual([1, 2, 3].map((page) => ({ method: 'GET', path: '/orders', query: { page: String(page), per_page: '100' } })));
		expect(output).toHaveLength(250);
		expect(output.map((item) => item.json.id)).toEqual(mock.state.orders.map((entry) => entry.id));
	});

	it('sends Date From / Date To as YYYY-MM-DD and the status filter', async () => {
		const output = await runTjar(mock, {
			parameters: order('getMany', {
				returnAll: true,
				filters: { dateFrom: '2024-01-02T18:30:00', dateTo: '2024-01-05T00:00:00.000+03:00', status: 'Shipped' },
			}),
		});

		expect(sent()).toEqual([
			{
				method: 'GET',
				path: '/orders',
				query: { date_from: '2024-01-02', date_to: '2024-01-05', status: 'Shipped', page: '1', per_page: '100' },
			},
		]);
		expect(output.map((item) => item.json.id)).toEqual([3]);
	});

	it('a 422 on the list lists Tjar’s field messages', async () => {
		mock.failNext(1, 422, {
			body: { status: 'error', message: 'The given data was invalid.', errors: { status: ['The selected status is invalid.'] } },
		});
		const error = await rejectionOf(runTjar(mock, { parameters: order('getMany', { filters: { status: 'Lost' } }) }));
		expect(sent()).toEqual([{ method: 'GET', path: '/orders', query: { status: 'Lost', page: '1', per_page: '50' } }]);
		expect(error.message).toBe('Tjar rejected the data (422): status: The selected status is invalid.');
	});

	it('Simplify applies to every order', async () => {
		const output = await runTjar(mock, { parameters: order('getMany', { limit: 2, simplify: true }) });
		expect(output.map((item) => Object.keys(item.json))).toEqual([
			['id', 'order_id', 'status', 'payment_status', 'total_amount', 'customer_name', 'customer_email', 'customer_phone', 'created_at'],
			['id', 'order_id', 'status', 'payment_status', 'total_amount', 'customer_name', 'customer_email', 'customer_phone', 'created_at'],
		]);
		expect(output.map((item) => [item.json.order_id, item.json.status])).toEqual([
			['260681', 'Pending'],
			['260682', 'Processing'],
		]);
	});

	it('each item uses its own filters and limit (nothing leaks between items)', async () => {
		const output = await runTjar(mock, {
			parameters: [
				order('getMany', { limit: 1, filters: { status: 'Pending' } }),
				order('getMany', { limit: 3 }),
				order('getMany', { returnAll: true, filters: { dateFrom: '2024-01-04' } }),
			],
		});

		expect(sent()).toEqual([
			{ method: 'GET', path: '/orders', query: { status: 'Pending', page: '1', per_page: '1' } },
			{ method: 'GET', path: '/orders', query: { page: '1', per_page: '3' } },
			{ method: 'GET', path: '/orders', query: { date_from: '2024-01-04', page: '1', per_page: '100' } },
		]);
		expect(output.map((item) => [item.pairedItem, item.json.id])).toEqual([
			[{ item: 0 }, 1],
			[{ item: 1 }, 1],
			[{ item: 1 }, 2],
			[{ item: 1 }, 3],
			[{ item: 2 }, 4],
			[{ item: 2 }, 5],
			[{ item: 2 }, 6],
		]);
	});
});

describe('Get Statuses', () => {
	it('sends GET /orders/statuses and outputs one item per status', async () => {
		const output = await runTjar(mock, { parameters: order('getStatuses') });
		expect(sent()).toEqual([{ method: 'GET', path: '/orders/statuses', query: {} }]);
		expect(output).toEqual(ORDER_STATUSES.map((json) => ({ json, pairedItem: { item: 0 } })));
	});

	it('backs the Status dropdown of Change Status (which also takes an expression)', () => {
		const status = new Tjar().description.properties.find(
			(p) => p.name === 'status' && (p.displayOptions?.show?.operation as string[] | undefined)?.includes('changeStatus'),
		);
		expect(status).toMatchObject({ type: 'options', required: true, typeOptions: { loadOptionsMethod: 'getOrderStatuses' } });
		expect(status?.noDataExpression).toBeUndefined();
		expect(methods!.loadOptions).toHaveProperty('getOrderStatuses');
	});

	it('loadOptions getOrderStatuses offers each status value with its English label', async () => {
		const options = await methods!.loadOptions!.getOrderStatuses.call(tjarLoadOptionsContext(mock, { resource: 'order' }));
		expect(sent()).toEqual([{ method: 'GET', path: '/orders/statuses', query: {} }]);
		expect(options).toEqual([
			{ name: 'Pending', value: 'Pending', description: 'قيد الانتظار' },
			{ name: 'Processing', value: 'Processing', description: 'قيد المعالجة' },
			{ name: 'Shipped', value: 'Shipped', description: 'تم الشحن' },
			{ name: 'Delivered', value: 'Delivered', description: 'تم التوصيل' },
			{ name: 'Cancelled', value: 'Cancelled', description: 'ملغي' },
		]);
	});
});

describe('Create', () => {
	const lines = {
		line: [
			{
				id: '2',
				quantity: 3,
				variant_id: '45',
				color_name: 'Black',
				size_name: 'XL',
				product_options: { option: [{ name: 'Engraving', type: 'text', value: 'محمد' }] },
			},
			{ id: '3', quantity: 1, variant_id: '' },
		],
	};

	it('sends POST /orders with customer, shipping address, product lines, coupon, notes and extra fields', async () => {
		const output = await runTjar(mock, {
			parameters: order('create', {
				products: lines,
				customer: { user_id: '101', different_recipient: true, user_recipient_name: 'سارة القحطاني', user_mobile_recipient: '+966502345678', user_email_recipient: '' },
				shipping_address: { address: 'طريق الملك فهد', city_id: '3', country_id: '1', zip_code: '12211', shipping_id: '2' },
				additionalFields: { coupon: 'RAMADAN10', notes: 'Call before delivery', extraFieldsJson: '{"source": "n8n", "notes": "from extra"}' },
			}),
		});

		expect(sent()).toEqual([{ method: 'POST', path: '/orders', query: {} }]);
		expect(mock.requests[0].headers['content-type']).toBe('application/json');
		expect(mock.requests[0].body).toEqual({
			customer: { user_id: 101, different_recipient: true, user_recipient_name: 'سارة القحطاني', user_mobile_recipient: '+966502345678' },
			shipping_address: { address: 'طريق الملك فهد', city_id: 3, country_id: 1, zip_code: '12211', shipping_id: 2 },
			products: [
				{ id: 2, quantity: 3, variant_id: 45, color_name: 'Black', size_name: 'XL', product_options: [{ name: 'Engraving', type: 'text', value: 'محمد' }] },
				{ id: 3, quantity: 1 },
			],
			coupon: 'RAMADAN10',
			notes: 'from extra',
			source: 'n8n',
		});
		const created = mock.state.orders[mock.state.orders.length - 1];
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
		expect(created.order_details.map((line) => [line.product_id, line.qty])).toEqual([
			[2, 3],
			[3, 1],
		]);
	});

	it('sends only the product lines when nothing else is set', async () => {
		await runTjar(mock, { parameters: order('create', { products: { line: [{ id: '1', quantity: 2 }] } }) });
		expect(mock.requests[0].body).toEqual({ products: [{ id: 1, quantity: 2 }] });
	});

	it('a 422 lists Tjar’s field messages', async () => {
		const error = await rejectionOf(
			runTjar(mock, {
				parameters: order('create', { products: lines, additionalFields: { extraFieldsJson: { products: [] } } }),
			}),
		);
		expect(mock.requests).toHaveLength(1);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): products: The products field is required.');
	});

	it('invalid Extra Fields (JSON) is an error naming the item, before any request', async () => {
		const error = await rejectionOf(
			runTjar(mock, {
				parameters: [order('create', { products: lines }), order('create', { products: lines, additionalFields: { extraFieldsJson: '{"source": n8n}' } })],
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Extra Fields (JSON) in item 1 is not valid JSON');
		expect(mock.requests).toHaveLength(1);
	});

	it('no product line, or a line without a product ID, is an error before any request', async () => {
		const none = await rejectionOf(runTjar(mock, { parameters: order('create', { products: {} }) }));
		expect(none.message).toBe('An order needs at least one product');
		const noId = await rejectionOf(runTjar(mock, { parameters: order('create', { products: { line: [{ id: '1' }, { id: ' ', quantity: 2 }] } }) }));
		expect(noId.message).toBe('Product line 2 has no Product ID');
		expect(mock.requests).toHaveLength(0);
	});

	it('each item sends its own lines and customer (nothing leaks between items)', async () => {
		const output = await runTjar(mock, {
			parameters: [
				order('create', { products: { line: [{ id: '1', quantity: 1 }] }, customer: { user_id: '101' }, additionalFields: { coupon: 'A' } }),
				order('create', { products: { line: [{ id: '2', quantity: 5 }] } }),
			],
		});
		expect(mock.requests.map((request) => request.body)).toEqual([
			{ customer: { user_id: 101 }, products: [{ id: 1, quantity: 1 }], coupon: 'A' },
			{ products: [{ id: 2, quantity: 5 }] },
		]);
		expect(output.map((item) => [item.pairedItem, item.json.id])).toEqual([
			[{ item: 0 }, 7],
			[{ item: 1 }, 8],
		]);
	});
});

describe('Change Status', () => {
	it('sends POST /orders/{id}/status with status, note and notify_customer', async () => {
		const output = await runTjar(mock, {
			parameters: order('changeStatus', { orderId: byId(1), status: 'Shipped', note: 'SMSA 2900012345', notifyCustomer: true }),
		});

		expect(sent()).toEqual([{ method: 'POST', path: '/orders/1/status', query: {} }]);
		expect(mock.requests[0].body).toEqual({ status: 'Shipped', note: 'SMSA 2900012345', notify_customer: true });
		expect(output).toEqual([{ json: stored(1), pairedItem: { item: 0 } }]);
		expect(stored(1)!.status.value).toBe('Shipped');
	});

	it('leaves out an empty note and sends notify_customer false by default', async () => {
		await runTjar(mock, { parameters: order('changeStatus', { orderId: byId(2), status: 'Delivered' }) });
		expect(mock.requests[0].body).toEqual({ status: 'Delivered', notify_customer: false });
	});

	it('a status Tjar does not know gives its 422 message', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: order('changeStatus', { orderId: byId(1), status: 'Lost' }) }));
		expect(error.message).toBe('Tjar rejected the data (422): status: The selected status is invalid.');
	});

	it('a 404 names the order', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: order('changeStatus', { orderId: byId(77), status: 'Shipped' }) }));
		expect(error.message).toBe('Order "77" was not found (404)');
	});

	it('an empty ID or an empty status is an error before any request', async () => {
		const noId = await rejectionOf(runTjar(mock, { parameters: order('changeStatus', { orderId: byId(''), status: 'Shipped' }) }));
		expect(noId.message).toBe('The Order ID is empty');
		const noStatus = await rejectionOf(runTjar(mock, { parameters: order('changeStatus', { orderId: byId(1), status: ' ' }) }));
		expect(noStatus.message).toBe('No status was chosen');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Update (Legacy Edit Order)', () => {
	it('sends POST /orders/{id} as multipart with _method=PUT and bracket keys', async () => {
		const output = await runTjar(mock, {
			parameters: order('update', {
				orderId: byId(2),
				customer: { user_id: '102', different_recipient: true, user_recipient_name: 'نورة الدوسري', user_email_recipient: 'noura@example.com', user_mobile_recipient: '+966504567890' },
				shipping_address: { address: 'شارع التحلية', country_id: '1', city_id: '2', zip_code: '23431', shipping_id: '4' },
				products_to_add: {
					line: [
						{
							id: '1',
							quantity: 2,
							variant_id: '7',
							color_name: 'Gold',
							size_name: 'M',
							product_options: { option: [{ name: 'Gift Note', type: 'textarea', value: 'كل عام وأنتم بخير' }] },
						},
					],
				},
			}),
		});

		expect(sent()).toEqual([{ method: 'POST', path: '/orders/2', query: {} }]);
		expect(mock.requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(mock.requests[0].multipart).toEqual({
			fields: {
				_method: 'PUT',
				'customer[user_id]': '102',
				'customer[different_recipient]': '1',
				'customer[user_recipient_name]': 'نورة الدوسري',
				'customer[user_email_recipient]': 'noura@example.com',
				'customer[user_mobile_recipient]': '+966504567890',
				'shipping_address[address]': 'شارع التحلية',
				'shipping_address[country_id]': '1',
				'shipping_address[city_id]': '2',
				'shipping_address[zip_code]': '23431',
				'shipping_address[shipping_id]': '4',
				'products_to_add[0][id]': '1',
				'products_to_add[0][quantity]': '2',
				'products_to_add[0][variant_id]': '7',
				'products_to_add[0][color_name]': 'Gold',
				'products_to_add[0][size_name]': 'M',
				'products_to_add[0][product_options][0][name]': 'Gift Note',
				'products_to_add[0][product_options][0][type]': 'textarea',
				'products_to_add[0][product_options][0][value]': 'كل عام وأنتم بخير',
			},
			files: [],
		});
		expect(output).toEqual([{ json: stored(2), pairedItem: { item: 0 } }]);
		expect(stored(2)).toMatchObject({ name: 'نورة الدوسري', email: 'noura@example.com', address: 'شارع التحلية', zipcode: '23431' });
		expect(stored(2)!.order_details.map((line) => [line.product_id, line.qty])).toContainEqual([1, 2]);
	});

	it('sends _method first and only the fields that were set; Extra Fields (JSON) become bracket keys and win', async () => {
		await runTjar(mock, {
			parameters: order('update', {
				orderId: byId(1),
				shipping_address: { zip_code: '11564' },
				additionalFields: { extraFieldsJson: '{"shipping_address": {"zip_code": "11565"}, "note": "x", "flags": [true, false]}' },
			}),
		});
		const names = [...mock.requests[0].rawBody.toString('utf8').matchAll(/name="([^"]+)"/g)].map((match) => match[1]);
		expect(names).toEqual(['_method', 'shipping_address[zip_code]', 'shipping_address[zip_code]', 'note', 'flags[0]', 'flags[1]']);
		expect(mock.requests[0].multipart!.fields).toEqual({
			_method: 'PUT',
			'shipping_address[zip_code]': '11565',
			note: 'x',
			'flags[0]': '1',
			'flags[1]': '0',
		});
		expect(stored(1)!.zipcode).toBe('11565');
	});

	it('a 422 lists Tjar’s field messages', async () => {
		mock.failNext(1, 422, {
			body: { status: 'error', message: 'The given data was invalid.', errors: { 'shipping_address.city_id': ['The selected city is invalid.'] } },
		});
		const error = await rejectionOf(runTjar(mock, { parameters: order('update', { orderId: byId(1), shipping_address: { city_id: '999' } }) }));
		expect(mock.requests[0].multipart!.fields).toEqual({ _method: 'PUT', 'shipping_address[city_id]': '999' });
		expect(error.message).toBe('Tjar rejected the data (422): shipping_address.city_id: The selected city is invalid.');
	});

	it('nothing to change is an error before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: order('update', { orderId: byId(1), customer: { user_email_recipient: '' } }) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Nothing to update');
		expect(mock.requests).toHaveLength(0);
	});

	it('a 404 names the order; an empty ID sends nothing', async () => {
		const missing = await rejectionOf(runTjar(mock, { parameters: order('update', { orderId: byId(404), shipping_address: { zip_code: '1' } }) }));
		expect(missing.message).toBe('Order "404" was not found (404)');
		const empty = await rejectionOf(runTjar(mock, { parameters: order('update', { orderId: byId(''), shipping_address: { zip_code: '1' } }) }));
		expect(empty.message).toBe('The Order ID is empty');
		expect(mock.requests).toHaveLength(1);
	});
});

describe('Order search (resource locator From List)', () => {
	const searchOrders = (filter?: string, token?: string) =>
		methods!.listSearch!.searchOrders.call(tjarLoadOptionsContext(mock, { resource: 'order' }), filter, token);

	it('without a filter lists the first page with order number, customer and status, and offers the next page', async () => {
		mock.seedOrders(54);
		mock.clearRequests();
		const result = await searchOrders();

		expect(sent()).toEqual([{ method: 'GET', path: '/orders', query: { page: '1', per_page: '50' } }]);
		expect(result.results).toHaveLength(50);
		expect(result.results[0]).toEqual({ name: '#260681 · محمد العتيبي · Pending', value: '1' });
		expect(result.paginationToken).toBe('2');

		const next = await searchOrders(undefined, result.paginationToken);
		expect(next.results.map((entry) => entry.value)).toEqual(['51', '52', '53', '54', '55', '56', '57', '58', '59', '60']);
		expect(next.paginationToken).toBeUndefined();
	});

	it('matches the order number, customer name or email', async () => {
		expect((await searchOrders('260683')).results).toEqual([{ name: '#260683 · عبدالله الشهري · Shipped', value: '3' }]);
		expect((await searchOrders('SARA')).results.map((entry) => entry.value)).toEqual(['2']);
		expect((await searchOrders('نورة')).results.map((entry) => entry.value)).toEqual(['4']);
	});

	it('reads further pages until something matches', async () => {
		mock.seedOrders(144);
		mock.state.orders[139].order_id = 'X-7';
		mock.clearRequests();
		const result = await searchOrders('x-7');

		expect(sent().map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(result).toEqual({ results: [{ name: '#X-7 · Ahmed Ali · Cancelled', value: '140' }] });
	});
});

describe('Node description', () => {
	const properties = new Tjar().description.properties.filter((property) => property.displayOptions?.show?.resource?.includes('order'));

	it('every order field is in Title Case and has a description', () => {
		expect(properties.length).toBeGreaterThan(10);
		for (const property of properties) {
			if (property.type === 'notice') continue;
			expect(property.displayName).toMatch(/^[A-Z0-9][^ ]*( ([A-Z0-9(]|of |to |or |in )[^ ]*)*$/);
			if (property.name === 'operation' || property.type === 'collection') continue;
			expect([property.name, property.description]).toEqual([property.name, expect.stringMatching(/\S/)]);
		}
	});

	it('the operations and their actions', () => {
		const operation = properties.find((property) => property.name === 'operation')!;
		expect(operation.options!.map((option) => [(option as { value: string }).value, (option as { action: string }).action])).toEqual([
			['changeStatus', 'Change the status of an order'],
			['create', 'Create an order'],
			['get', 'Get an order'],
			['getMany', 'Get many orders'],
			['getStatuses', 'Get order statuses'],
			['update', 'Update an order with the legacy edit form'],
		]);
	});
});
