import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { startTjarMock } from '../mock/tjar-mock';
import type { ProductType, TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock();
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.state.products.length = 0;
	mock.seedProducts(6); // ids 1-3 physical, 4 digital, 5 booking, 6 service
	mock.clearRequests();
});

const stored = (id: number) => mock.state.products.find((entry) => entry.id === id);
const sent = () => mock.requests.map(({ method, path, query, body }) => ({ method, path, query, body }));

describe.each<[string, ProductType, string, number]>([
	['digitalProduct', 'digital', 'Digital product', 4],
	['bookingProduct', 'booking', 'Booking product', 5],
	['serviceProduct', 'service', 'Service product', 6],
])('%s', (resource, type, subject, existingId) => {
	const noun = subject.toLowerCase();
	const titleCase = subject.replace(/\b\w/g, (letter) => letter.toUpperCase());
	const params = (operation: string, extra: IDataObject = {}): IDataObject => ({ resource, operation, ...extra });

	it(`Create sends POST /products/${type} with the shared product fields and outputs the new ${noun}`, async () => {
		const output = await runTjar(mock, {
			parameters: params('create', {
				nameAr: 'منتج جديد',
				nameEn: 'New Item',
				price: 120,
				additionalFields: { summaryAr: 'ملخص', categoryIds: '7', imageId: '87', extraFieldsJson: '{"duration_minutes": 60}' },
			}),
		});

		expect(sent()).toEqual([
			{
				method: 'POST',
				path: `/products/${type}`,
				query: {},
				body: { name_ar: 'منتج جديد', name_en: 'New Item', price: 120, summery_ar: 'ملخص', category_id: [7], image_id: 87, duration_minutes: 60 },
			},
		]);
		const created = stored(7)!;
		expect(created).toMatchObject({ type, name: { ar: 'منتج جديد', en: 'New Item' }, duration_minutes: 60 });
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	it(`Create without a name is an error before any request`, async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: params('create', { price: 5 }) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(`The ${noun} needs a name`);
		expect(mock.requests).toHaveLength(0);
	});

	it('Create: a 422 lists Tjar’s field messages', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: params('create', { nameEn: 'Session', price: '' }) }));
		expect(sent()).toEqual([{ method: 'POST', path: `/products/${type}`, query: {}, body: { name_en: 'Session' } }]);
		expect(error.message).toBe('Tjar rejected the data (422): price: The price field is required.');
	});

	it(`Update of an ID that is not a ${noun} is a 404 naming it`, async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: params('update', { productId: byId(2), updateFields: { price: 3 } }) }));
		expect(error.message).toBe(`${subject} "2" was not found (404)`);
	});

	it(`Get sends GET /products/${type}/{id}; Simplify works`, async () => {
		const output = await runTjar(mock, {
			parameters: [params('get', { productId: byId(existingId) }), params('get', { productId: byId(existingId), simplify: true })],
		});

		expect(sent()).toEqual([
			{ method: 'GET', path: `/products/${type}/${existingId}`, query: {}, body: undefined },
			{ method: 'GET', path: `/products/${type}/${existingId}`, query: {}, body: undefined },
		]);
		const original = stored(existingId)!;
		expect(output).toEqual([
			{ json: original, pairedItem: { item: 0 } },
			{
				json: {
					id: existingId,
					name_en: original.name.en,
					name_ar: original.name.ar,
					price: original.price,
					sale_price: original.sale_price,
					stock: original.stock,
					type,
					is_published: original.is_published,
					sku: original.sku,
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	it(`Get of an ID that is not a ${noun} is a 404 naming it`, async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: params('get', { productId: byId(1) }) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`${subject} "1" was not found (404)`);
	});

	it(`Update sends PATCH /products/${type}/{id} with only the fields set`, async () => {
		const output = await runTjar(mock, {
			parameters: params('update', { productId: byId(existingId), updateFields: { salePrice: 99, descriptionEn: '<p>Updated</p>', badgeId: '' } }),
		});

		expect(sent()).toEqual([
			{ method: 'PATCH', path: `/products/${type}/${existingId}`, query: {}, body: { sale_price: 99, description_en: '<p>Updated</p>' } },
		]);
		expect(output).toEqual([{ json: stored(existingId), pairedItem: { item: 0 } }]);
		expect(stored(existingId)).toMatchObject({ sale_price: 99, description: { en: '<p>Updated</p>' } });
	});

	it('an empty ID on Get or Update sends nothing; continueOnFail keeps going', async () => {
		const output = await runTjar(mock, {
			parameters: [
				params('get', { productId: byId('') }),
				params('update', { productId: { __rl: true, mode: 'list', value: '' }, updateFields: { price: 1 } }),
				params('update', { productId: byId(existingId), updateFields: { extraFieldsJson: '{oops' } }),
				params('get', { productId: byId(existingId) }),
			],
			continueOnFail: true,
		});

		expect(sent().map((request) => request.path)).toEqual([`/products/${type}/${existingId}`]);
		expect(output.map((item) => [item.pairedItem, item.json.error ?? item.json.id])).toEqual([
			[{ item: 0 }, `The ${titleCase} ID is empty`],
			[{ item: 1 }, `The ${titleCase} ID is empty`],
			[{ item: 2 }, 'Extra Fields (JSON) in item 2 is not valid JSON'],
			[{ item: 3 }, existingId],
		]);
	});
});
