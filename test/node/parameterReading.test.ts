import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Tjar } from '../../nodes/Tjar/Tjar.node';
import { binaryFile } from '../helpers/fakeContext';
import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

/**
 * How the node reads what a merchant typed or an expression gave: n8n does not convert an
 * expression's result to the field's type, so booleans, numbers, IDs and dates often arrive as text.
 */

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock({ webhookCapacity: 50 });
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.state.products.length = 0;
	mock.state.orders.length = 0;
	mock.state.webhooks.length = 0;
	mock.state.abandonedCarts.length = 0;
	mock.state.media.length = 0;
	mock.seedProducts(6);
	mock.seedOrders(3);
	mock.seedAbandonedCarts(5);
	mock.state.webhooks.push({
		id: 2,
		identifier: 2,
		name: 'Hook 2',
		url: 'https://n8n.example.com/webhook/2',
		events: ['order.created'],
		is_active: false,
		secret: 'secret-2',
		created_at: '2024-01-01 09:00:00',
		updated_at: '2024-01-01 09:00:00',
	});
	mock.clearRequests();
});

const params = (resource: string, operation: string, extra: IDataObject = {}): IDataObject => ({ resource, operation, ...extra });
const sent = () => mock.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));
const itemIndexOf = (error: Error) => (error as NodeOperationError).context.itemIndex;
/** The error items of a continueOnFail run, as [item, message]. */
const errorsOf = (output: INodeExecutionData[]) => output.map((item) => [item.pairedItem, item.json.error]);

describe('Booleans set by expressions', () => {
	it('Product Update sends Refundable "false" as false and Low Stock Warning "yes" as true (Boolean("false") was true)', async () => {
		await runTjar(mock, { parameters: params('product', 'update', { productId: byId(2), updateFields: { isRefundable: 'false', lowStockWarning: 'yes' } }) });
		expect(sent()).toEqual([{ method: 'PATCH', path: '/products/2', query: {}, body: { is_refundable: false, is_inventory_warning: true } }]);
	});

	it('Create of every product kind reads 0 / "1" / " TRUE " as booleans', async () => {
		await runTjar(mock, {
			parameters: [
				params('product', 'create', { nameEn: 'A', price: 1, additionalFields: { isRefundable: 0 } }),
				params('digitalProduct', 'create', { nameEn: 'B', price: 1, additionalFields: { isRefundable: '1' } }),
				params('bookingProduct', 'create', { nameEn: 'C', price: 1, additionalFields: { lowStockWarning: ' TRUE ' } }),
				params('serviceProduct', 'create', { nameEn: 'D', price: 1, additionalFields: { lowStockWarning: 'no' } }),
			],
		});
		expect(sent().map(({ path, body }) => [path, body])).toEqual([
			['/products', { name_en: 'A', price: 1, is_refundable: false }],
			['/products/digital', { name_en: 'B', price: 1, is_refundable: true }],
			['/products/booking', { name_en: 'C', price: 1, is_inventory_warning: true }],
			['/products/service', { name_en: 'D', price: 1, is_inventory_warning: false }],
		]);
	});

	it('a value that is not true or false is an error naming the field and what to type, before any request', async () => {
		const error = await rejectionOf(
			runTjar(mock, { parameters: params('product', 'update', { productId: byId(2), updateFields: { isRefundable: 'maybe' } }) }),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Refundable: "maybe" is not true or false');
		expect(error.description).toContain('true or false');
		expect(mock.requests).toHaveLength(0);
	});

	it('Webhook Update sends Active "true" as true and "false" as false; "off" is an error naming Active', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('webhook', 'update', { webhookId: byId(2), updateFields: { isActive: 'true' } }),
				params('webhook', 'update', { webhookId: byId(2), updateFields: { isActive: 'false' } }),
				params('webhook', 'update', { webhookId: byId(2), updateFields: { isActive: 'off' } }),
			],
			continueOnFail: true,
		});
		expect(sent().map(({ method, path, body }) => [method, path, body])).toEqual([
			['PUT', '/webhooks/2', { is_active: true }],
			['PUT', '/webhooks/2', { is_active: false }],
		]);
		expect(output[2]).toMatchObject({ json: { error: 'Active: "off" is not true or false' }, pairedItem: { item: 2 } });
	});

	it('Order Change Status sends Notify Customer "false" as false and "true" as true', async () => {
		await runTjar(mock, {
			parameters: [
				params('order', 'changeStatus', { orderId: byId(1), status: 'Shipped', notifyCustomer: 'false' }),
				params('order', 'changeStatus', { orderId: byId(2), status: 'Shipped', notifyCustomer: 'true' }),
			],
		});
		expect(sent().map(({ body }) => body)).toEqual([
			{ status: 'Shipped', notify_customer: false },
			{ status: 'Shipped', notify_customer: true },
		]);
	});

	it('Order Create sends Different Recipient "false" as false; the legacy Update sends "true" as form value 1', async () => {
		await runTjar(mock, {
			parameters: [
				params('order', 'create', { products: { line: [{ id: '1', quantity: 1 }] }, customer: { user_id: '101', different_recipient: 'false' } }),
				params('order', 'update', { orderId: byId(2), customer: { different_recipient: 'true' } }),
			],
		});
		expect(mock.requests[0].body).toEqual({ customer: { user_id: 101, different_recipient: false }, products: [{ id: 1, quantity: 1 }] });
		expect(mock.requests[1].multipart?.fields).toEqual({ _method: 'PUT', 'customer[different_recipient]': '1' });
	});

	it('Media Update with Replace File "false" sends no file; Upload Many with All Binary Fields "true" uploads every file', async () => {
		const files: INodeExecutionData = {
			json: {},
			binary: { a: binaryFile('one', 'a.txt', 'text/plain'), b: binaryFile('two', 'b.txt', 'text/plain') },
		};
		await runTjar(mock, { parameters: params('media', 'uploadMany', { allBinaryFields: 'true', binaryPropertyNames: 'none' }), items: [files] });
		await runTjar(mock, {
			parameters: params('media', 'update', { mediaId: byId(1), replaceFile: 'false', binaryPropertyName: 'missing', updateFields: { title: 'T' } }),
		});
		expect(mock.requests[0].multipart?.files.map((file) => file.filename)).toEqual(['a.txt', 'b.txt']);
		expect([mock.requests[1].path, mock.requests[1].multipart?.fields, mock.requests[1].multipart?.files]).toEqual([
			'/media/1',
			{ _method: 'PUT', title: 'T' },
			[],
		]);
	});

	it('Simplify "false" returns the full record, "true" the simplified one', async () => {
		const [full] = await runTjar(mock, { parameters: params('order', 'get', { orderId: byId(1), simplify: 'false' }) });
		const [simple] = await runTjar(mock, { parameters: params('order', 'get', { orderId: byId(1), simplify: 'true' }) });
		expect(full.json.customer).toBeDefined();
		expect(Object.keys(simple.json)).toEqual(['id', 'order_id', 'status', 'payment_status', 'total_amount', 'customer_name', 'customer_email', 'customer_phone', 'created_at']);
	});
});

describe('Numbers set by expressions', () => {
	it('Product Update reads Arabic-Indic and Persian digits, the Arabic decimal separator and surrounding spaces', async () => {
		await runTjar(mock, {
			parameters: params('product', 'update', {
				productId: byId(2),
				updateFields: { price: '٦٥', salePrice: '٥٥٫٥', cost: ' 40.25 ', quantity: '۱۲', minPurchase: 1, maxPurchase: '5' },
			}),
		});
		expect(mock.requests[0].body).toEqual({ price: 65, sale_price: 55.5, cost: 40.25, quantity: 12, min_purchase: 1, max_purchase: 5 });
	});

	it('Price "12,5" is an error naming Price and the item, telling to use a dot; that item sends nothing', async () => {
		const error = await rejectionOf(
			runTjar(mock, {
				parameters: [
					params('product', 'get', { productId: byId(1) }),
					params('product', 'update', { productId: byId(2), updateFields: { price: '12,5' } }),
				],
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Price: "12,5" is not a number');
		expect(error.description).toBe('Use a dot for decimals, e.g. 12.5, and no thousands separators.');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent().map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /products/1']);
	});

	it('the top Price of Create reads "٦٥"; an expression giving text that is no number is an error', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('digitalProduct', 'create', { nameEn: 'E-book', price: '٦٥' }),
				params('product', 'create', { nameEn: 'Dates', price: 'SAR 45' }),
			],
			continueOnFail: true,
		});
		expect(sent().map(({ path, body }) => [path, body])).toEqual([['/products/digital', { name_en: 'E-book', price: 65 }]]);
		expect(output[1]).toMatchObject({ json: { error: 'Price: "SAR 45" is not a number' }, pairedItem: { item: 1 } });
	});

	it('Order Create reads a product line quantity of "٣" as 3; 0, 2.5 or "" is an error naming the line, before any request', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('order', 'create', { products: { line: [{ id: '١', quantity: '٣' }] } }),
				params('order', 'create', { products: { line: [{ id: '1', quantity: 1 }, { id: '2', quantity: 0 }] } }),
				params('order', 'create', { products: { line: [{ id: '1', quantity: 2.5 }] } }),
				params('order', 'create', { products: { line: [{ id: '1', quantity: '' }] } }),
			],
			continueOnFail: true,
		});
		expect(sent().map(({ path, body }) => [path, body])).toEqual([['/orders', { products: [{ id: 1, quantity: 3 }] }]]);
		expect(errorsOf(output.slice(1))).toEqual([
			[{ item: 1 }, 'Quantity of product line 2 must be a whole number of 1 or more'],
			[{ item: 2 }, 'Quantity of product line 1 must be a whole number of 1 or more'],
			[{ item: 3 }, 'Quantity of product line 1 must be a whole number of 1 or more'],
		]);
	});

	it('Abandoned Cart Get Many sends Products Count "٢" as 2; "two" is an error naming the filter', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('abandonedCart', 'getMany', { limit: 5, filters: { productsCount: '٢' } }),
				params('abandonedCart', 'getMany', { limit: 5, filters: { productsCount: 'two' } }),
			],
			continueOnFail: true,
		});
		expect(sent().map(({ query }) => query)).toEqual([{ products_count: '2', page: '1', per_page: '5' }]);
		expect(output[output.length - 1]).toMatchObject({ json: { error: 'Products Count: "two" is not a number' }, pairedItem: { item: 1 } });
	});

	it('Product Get Many sends Minimum Price "٥٠" as 50; "cheap" is an error naming Maximum Price', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('product', 'getMany', { limit: 5, filters: { minPrice: '٥٠' } }),
				params('product', 'getMany', { limit: 5, filters: { maxPrice: 'cheap' } }),
			],
			continueOnFail: true,
		});
		expect(sent().map(({ query }) => query)).toEqual([{ min_price: '50', page: '1', per_page: '5' }]);
		expect(output[output.length - 1]).toMatchObject({ json: { error: 'Maximum Price: "cheap" is not a number' }, pairedItem: { item: 1 } });
	});
});

describe('IDs typed with Arabic-Indic digits', () => {
	it('a locator ID, an ID field and an ID list (also separated by the Arabic comma) become numbers', async () => {
		await runTjar(mock, {
			parameters: [
				params('product', 'get', { productId: byId('٣') }),
				params('product', 'update', { productId: byId(2), updateFields: { imageId: '٨٧', categoryIds: '٤، ۹' } }),
				params('product', 'getMany', { limit: 5, filters: { tagIds: '١,٢' } }),
			],
		});
		expect(sent().map(({ method, path, query, body }) => [method, path, query, body])).toEqual([
			['GET', '/products/3', {}, undefined],
			['PATCH', '/products/2', {}, { image_id: 87, category: [4, 9] }],
			['GET', '/products', { 'tag_ids[]': ['1', '2'], page: '1', per_page: '5' }, undefined],
		]);
	});

	it('the By ID mode of every ID field accepts Arabic-Indic digits', () => {
		const locators = new Tjar().description.properties.filter((property) => property.type === 'resourceLocator');
		expect(locators.length).toBeGreaterThan(0);
		for (const locator of locators) {
			const byIdMode = locator.modes!.find((mode) => mode.name === 'id')!;
			const { regex } = (byIdMode.validation![0] as unknown as { properties: { regex: string } }).properties;
			expect([locator.name, ['57', ' ٥٧ ', '۵۷'].map((id) => new RegExp(regex).test(id)), new RegExp(regex).test('SKU-1')]).toEqual([
				locator.name,
				[true, true, true],
				false,
			]);
		}
	});
});

describe('Limit', () => {
	it.each([0, -3, 2.5, 'abc', ''])('Limit %p is an error naming Limit and the item, before any request', async (limit) => {
		const error = await rejectionOf(
			runTjar(mock, {
				parameters: [params('order', 'get', { orderId: byId(1) }), params('order', 'getMany', { returnAll: false, limit })],
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Limit must be a whole number of 1 or more');
		expect(itemIndexOf(error)).toBe(1);
		expect(sent().map(({ path }) => path)).toEqual(['/orders/1']);
	});

	it('every Get Many checks it: products, abandoned carts and webhooks', async () => {
		const output = await runTjar(mock, {
			parameters: [params('product', 'getMany', { limit: 0 }), params('abandonedCart', 'getMany', { limit: 'abc' }), params('webhook', 'getMany', { limit: -1 })],
			continueOnFail: true,
		});
		expect(errorsOf(output)).toEqual([0, 1, 2].map((item) => [{ item }, 'Limit must be a whole number of 1 or more']));
		expect(mock.requests).toHaveLength(0);
	});

	it('Limit "٣" asks for 3; Return All "false" from an expression keeps the Limit instead of reading every page', async () => {
		await runTjar(mock, { parameters: params('product', 'getMany', { returnAll: 'false', limit: '٣' }) });
		expect(sent().map(({ query }) => query)).toEqual([{ page: '1', per_page: '3' }]);
	});
});

describe('Price filters of Product Get Many', () => {
	it('Maximum Price and Minimum Price left at 0 (or empty) are not sent, so the filter does not hide every product', async () => {
		const output = await runTjar(mock, { parameters: params('product', 'getMany', { returnAll: true, filters: { maxPrice: 0, minPrice: 0 } }) });
		await runTjar(mock, { parameters: params('product', 'getMany', { returnAll: true, filters: { maxPrice: '', minPrice: '' } }) });
		expect(sent().map(({ query }) => query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '1', per_page: '100' },
		]);
		expect(output).toHaveLength(6);
	});

	it('a Maximum Price above 0 is sent on its own', async () => {
		await runTjar(mock, { parameters: params('product', 'getMany', { returnAll: true, filters: { maxPrice: 200, minPrice: 0 } }) });
		expect(sent().map(({ query }) => query)).toEqual([{ max_price: '200', page: '1', per_page: '100' }]);
	});

	it('the descriptions say that 0 is not sent', () => {
		const filters = new Tjar().description.properties.find(
			(property) => property.name === 'filters' && property.displayOptions?.show?.resource?.includes('product'),
		)!;
		const descriptionOf = (name: string) => (filters.options as Array<{ name: string; description: string }>).find((option) => option.name === name)!.description;
		expect(descriptionOf('maxPrice')).toContain('0 means no maximum');
		expect(descriptionOf('minPrice')).toContain('0 means no minimum');
	});
});

describe('Delete outputs', () => {
	it('Webhook Delete and Product Delete both output the ID as a number', async () => {
		const output = await runTjar(mock, {
			parameters: [params('webhook', 'delete', { webhookId: byId(' 2 ') }), params('product', 'delete', { productId: byId('5') })],
		});
		expect(output.map((item) => item.json)).toEqual([
			{ deleted: true, id: 2 },
			{ deleted: true, id: 5 },
		]);
	});
});

describe('Empty IDs', () => {
	it('every resource names its ID in Title Case', async () => {
		const empty = byId('');
		const output = await runTjar(mock, {
			parameters: [
				params('order', 'get', { orderId: empty }),
				params('order', 'changeStatus', { orderId: empty, status: 'Shipped' }),
				params('order', 'update', { orderId: empty }),
				params('product', 'get', { productId: empty }),
				params('product', 'delete', { productId: empty }),
				params('digitalProduct', 'update', { productId: empty, updateFields: { price: 1 } }),
				params('bookingProduct', 'get', { productId: empty }),
				params('serviceProduct', 'get', { productId: empty }),
				params('abandonedCart', 'sendReminder', { cartId: empty }),
				params('webhook', 'refreshSecret', { webhookId: empty }),
				params('media', 'update', { mediaId: empty }),
			],
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual([
			'The Order ID is empty',
			'The Order ID is empty',
			'The Order ID is empty',
			'The Product ID is empty',
			'The Product ID is empty',
			'The Digital Product ID is empty',
			'The Booking Product ID is empty',
			'The Service Product ID is empty',
			'The Abandoned Cart ID is empty',
			'The Webhook ID is empty',
			'The Media ID is empty',
		]);
		expect(output[0].json.description).toBe('Enter the Order ID, or map it from a previous node, e.g. {{ $json.id }}.');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Date filters', () => {
	it('text that is no date is an error naming the filter, on orders, products and abandoned carts, before any request', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('order', 'getMany', { filters: { dateFrom: 'yesterday' } }),
				params('product', 'getMany', { filters: { dateTo: '31/01/2024' } }),
				params('abandonedCart', 'getMany', { filters: { dateFrom: new Date('nope') } }),
			],
			continueOnFail: true,
		});
		expect(errorsOf(output)).toEqual([
			[{ item: 0 }, 'Date From: "yesterday" is not a date'],
			[{ item: 1 }, 'Date To: "31/01/2024" is not a date'],
			[{ item: 2 }, 'Date From: "Invalid Date" is not a date'],
		]);
		expect(output[0].json.description).toBe('Pick a day in the date picker, or give it as YYYY-MM-DD in an expression, e.g. 2024-01-31.');
		expect(mock.requests).toHaveLength(0);
	});

	it('YYYY-MM-DD keeps its own day (also in Arabic-Indic digits); a Date object or other date text is taken in UTC', async () => {
		await runTjar(mock, {
			parameters: [
				params('order', 'getMany', { limit: 1, filters: { dateFrom: '2024-01-31T23:30:00.000+03:00', dateTo: '٢٠٢٤-٠٢-٢٩' } }),
				params('order', 'getMany', { limit: 1, filters: { dateFrom: new Date('2024-03-01T22:00:00Z'), dateTo: 'March 2, 2024 12:00 UTC' } }),
			],
		});
		expect(sent().map(({ query }) => [query.date_from, query.date_to])).toEqual([
			['2024-01-31', '2024-02-29'],
			['2024-03-01', '2024-03-02'],
		]);
	});
});
