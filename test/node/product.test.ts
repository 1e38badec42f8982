import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { methods } from '../../nodes/Tjar/methods';
import { Tjar } from '../../nodes/Tjar/Tjar.node';
import { tjarLoadOptionsContext } from '../helpers/loadOptionsContext';
import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock();
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.state.products.length = 0;
	mock.seedProducts(12);
	mock.clearRequests();
});

const product = (operation: string, extra: IDataObject = {}): IDataObject => ({ resource: 'product', operation, ...extra });
const stored = (id: number) => mock.state.products.find((entry) => entry.id === id);
const newest = () => mock.state.products[mock.state.products.length - 1];
const sent = () => mock.requests.map(({ method, path, query }) => ({ method, path, query }));

describe('Create', () => {
	it('sends POST /products with every field under Tjar’s key (summery_*, category_id, arrays) and outputs the product', async () => {
		const output = await runTjar(mock, {
			parameters: product('create', {
				nameAr: 'قهوة عربية فاخرة',
				nameEn: 'Premium Arabic Coffee',
				price: 65,
				additionalFields: {
					summaryAr: 'بن خولاني',
					summaryEn: 'Khawlani beans',
					descriptionAr: '<p>بن خولاني محمص</p>',
					descriptionEn: '<p>Roasted beans</p>',
					salePrice: 55.5,
					cost: 40,
					sku: 'COF-500',
					quantity: 25,
					slug: 'premium-arabic-coffee',
					imageId: '87',
					brandId: '2',
					badgeId: '3',
					categoryIds: '4, 9',
					subCategoryIds: '12',
					childCategoryIds: [31, '32'],
					minPurchase: 1,
					maxPurchase: 5,
					isRefundable: false,
					lowStockWarning: true,
					policyDescription: 'Returns within 7 days',
					videoSource: 'youtube',
					statusId: '1',
					tags: 'coffee, gift box',
					galleryIds: '88,89',
					extraFieldsJson: '{"badge_id": 5, "is_published": false}',
				},
			}),
		});

		expect(sent()).toEqual([{ method: 'POST', path: '/products', query: {} }]);
		expect(mock.requests[0].headers['content-type']).toBe('application/json');
		expect(mock.requests[0].body).toEqual({
			name_ar: 'قهوة عربية فاخرة',
			name_en: 'Premium Arabic Coffee',
			price: 65,
			summery_ar: 'بن خولاني',
			summery_en: 'Khawlani beans',
			description_ar: '<p>بن خولاني محمص</p>',
			description_en: '<p>Roasted beans</p>',
			sale_price: 55.5,
			cost: 40,
			sku: 'COF-500',
			quantity: 25,
			slug: 'premium-arabic-coffee',
			image_id: 87,
			brand: 2,
			badge_id: 5,
			category_id: [4, 9],
			sub_category: [12],
			child_category: [31, 32],
			min_purchase: 1,
			max_purchase: 5,
			is_refundable: false,
			is_inventory_warning: true,
			policy_description: 'Returns within 7 days',
			video_source: 'youtube',
			status_id: 1,
			tags: ['coffee', 'gift box'],
			product_gallery: [88, 89],
			is_published: false,
		});
		expect(output).toEqual([{ json: newest(), pairedItem: { item: 0 } }]);
		expect(output[0].json).toMatchObject({
			id: 13,
			name: { ar: 'قهوة عربية فاخرة', en: 'Premium Arabic Coffee' },
			summary: { ar: 'بن خولاني', en: 'Khawlani beans' },
			category_ids: [4, 9],
			stock: 25,
			is_published: false,
		});
	});

	it('one name is enough; empty additional fields are not sent', async () => {
		await runTjar(mock, { parameters: product('create', { nameAr: 'تمر سكري', nameEn: '', price: 45, additionalFields: { sku: '' } }) });
		expect(mock.requests[0].body).toEqual({ name_ar: 'تمر سكري', price: 45 });
	});

	it('no name at all is an error before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('create', { nameAr: ' ', nameEn: '', price: 10 }) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('The product needs a name');
		expect(mock.requests).toHaveLength(0);
	});

	it('a 422 lists Tjar’s field messages (price mapped from an empty value)', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('create', { nameEn: 'Dates', price: '' }) }));
		expect(mock.requests[0].body).toEqual({ name_en: 'Dates' });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): price: The price field is required.');
	});

	it('invalid Extra Fields (JSON) or a non-numeric category ID is an error naming the item, before any request', async () => {
		const json = await rejectionOf(
			runTjar(mock, { parameters: product('create', { nameEn: 'X', price: 1, additionalFields: { extraFieldsJson: '{badge_id: 3}' } }) }),
		);
		expect(json.message).toBe('Extra Fields (JSON) in item 0 is not valid JSON');
		const notObject = await rejectionOf(
			runTjar(mock, { parameters: product('create', { nameEn: 'X', price: 1, additionalFields: { extraFieldsJson: '[1, 2]' } }) }),
		);
		expect(notObject.message).toBe('Extra Fields (JSON) in item 0 must be a JSON object');
		const ids = await rejectionOf(runTjar(mock, { parameters: product('create', { nameEn: 'X', price: 1, additionalFields: { categoryIds: '4, Coffee' } }) }));
		expect(ids.message).toBe('Category IDs: "Coffee" is not a numeric ID');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Get', () => {
	it('sends GET /products/{id} and outputs the product', async () => {
		const output = await runTjar(mock, { parameters: product('get', { productId: byId(7) }) });
		expect(sent()).toEqual([{ method: 'GET', path: '/products/7', query: {} }]);
		expect(output).toEqual([{ json: stored(7), pairedItem: { item: 0 } }]);
	});

	it('Simplify returns id, both names, prices, stock, type, published and SKU', async () => {
		const output = await runTjar(mock, { parameters: product('get', { productId: { __rl: true, mode: 'list', value: '3' }, simplify: true }) });
		expect(output[0].json).toEqual({
			id: 3,
			name_en: 'Cambodian Oud Oil',
			name_ar: 'دهن عود كمبودي',
			price: 350,
			sale_price: 315,
			stock: 23,
			type: 'physical',
			is_published: true,
			sku: 'SKU-1003',
		});
	});

	it('a 404 names the product; an empty ID sends nothing', async () => {
		const missing = await rejectionOf(runTjar(mock, { parameters: product('get', { productId: byId(99) }) }));
		expect(missing).toBeInstanceOf(NodeApiError);
		expect(missing.message).toBe('Product "99" was not found (404)');
		expect(missing.description).toContain('Tjar said: "Product not found."');
		const empty = await rejectionOf(runTjar(mock, { parameters: product('get', { productId: byId('') }) }));
		expect(empty.message).toBe('The Product ID is empty');
		expect(mock.requests).toHaveLength(1);
	});
});

describe('Update', () => {
	it('sends PATCH /products/{id} with only the fields set, categories as `category`', async () => {
		const output = await runTjar(mock, {
			parameters: product('update', {
				productId: byId(2),
				updateFields: { price: 49, nameEn: 'Sukkari Dates 1kg', categoryIds: '5', summaryEn: 'From Qassim', sku: '', tags: 'dates' },
			}),
		});

		expect(sent()).toEqual([{ method: 'PATCH', path: '/products/2', query: {} }]);
		expect(mock.requests[0].body).toEqual({ price: 49, name_en: 'Sukkari Dates 1kg', category: [5], summery_en: 'From Qassim', tags: ['dates'] });
		expect(output).toEqual([{ json: stored(2), pairedItem: { item: 0 } }]);
		expect(stored(2)).toMatchObject({ price: 49, name: { en: 'Sukkari Dates 1kg', ar: 'تمر سكري' }, category_ids: [5], sku: 'SKU-1002' });
	});

	it('nothing set is an error before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('update', { productId: byId(2), updateFields: { sku: '' } }) }));
		expect(error.message).toBe('Nothing to update on the product');
		expect(mock.requests).toHaveLength(0);
	});

	it('Extra Fields (JSON) alone is enough, and wins over a field set above', async () => {
		await runTjar(mock, {
			parameters: product('update', { productId: byId(1), updateFields: { price: 10, extraFieldsJson: { price: 12, item_stock_count: [3, 4] } } }),
		});
		expect(mock.requests[0].body).toEqual({ price: 12, item_stock_count: [3, 4] });
	});

	it('a 422 lists Tjar’s field messages', async () => {
		mock.failNext(1, 422, {
			body: { status: 'error', message: 'The given data was invalid.', errors: { sale_price: ['The sale price must be less than the price.'] } },
		});
		const error = await rejectionOf(runTjar(mock, { parameters: product('update', { productId: byId(1), updateFields: { salePrice: 900 } }) }));
		expect(mock.requests[0].body).toEqual({ sale_price: 900 });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): sale_price: The sale price must be less than the price.');
	});

	it('a 404 names the product', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('update', { productId: byId(404), updateFields: { price: 1 } }) }));
		expect(error.message).toBe('Product "404" was not found (404)');
	});
});

describe('Delete', () => {
	it('sends DELETE /products/{id} and outputs {deleted: true, id}', async () => {
		const output = await runTjar(mock, { parameters: product('delete', { productId: byId(5) }) });
		expect(sent()).toEqual([{ method: 'DELETE', path: '/products/5', query: {} }]);
		expect(output).toEqual([{ json: { deleted: true, id: 5 }, pairedItem: { item: 0 } }]);
		expect(stored(5)).toBeUndefined();

		const again = await rejectionOf(runTjar(mock, { parameters: product('delete', { productId: byId(5) }) }));
		expect(again.message).toBe('Product "5" was not found (404)');
	});

	it('an empty ID sends nothing', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('delete', { productId: byId(' ') }) }));
		expect(error.message).toBe('The Product ID is empty');
		expect(mock.requests).toHaveLength(0);
		expect(mock.state.products).toHaveLength(12);
	});
});

describe('Get Many', () => {
	it('sends every filter: ID lists as key[] values, published as 1, dates as YYYY-MM-DD', async () => {
		const output = await runTjar(mock, {
			parameters: product('getMany', {
				filters: {
					search: 'coffee',
					sku: 'SKU-1001',
					published: 'published',
					tagIds: '2, 3',
					brandIds: '2',
					categoryIds: [2, 4],
					minPrice: 60,
					maxPrice: 70,
					dateFrom: '2024-01-01T00:00:00',
					dateTo: '2024-01-01T23:59:59.000+03:00',
				},
			}),
		});

		expect(sent()).toEqual([
			{
				method: 'GET',
				path: '/products',
				query: {
					search: 'coffee',
					sku: 'SKU-1001',
					is_published: '1',
					'tag_ids[]': ['2', '3'],
					'brand_ids[]': ['2'],
					'category_ids[]': ['2', '4'],
					min_price: '60',
					max_price: '70',
					date_from: '2024-01-01',
					date_to: '2024-01-01',
					page: '1',
					per_page: '50',
				},
			},
		]);
		expect(output).toEqual([{ json: stored(1), pairedItem: { item: 0 } }]);
	});

	it('Unpublished sends is_published=0, Any sends nothing', async () => {
		const hidden = await runTjar(mock, { parameters: product('getMany', { returnAll: true, filters: { published: 'unpublished' } }) });
		const any = await runTjar(mock, { parameters: product('getMany', { returnAll: true, filters: { published: 'any' } }) });
		expect(mock.requests.map((request) => request.query)).toEqual([
			{ is_published: '0', page: '1', per_page: '100' },
			{ page: '1', per_page: '100' },
		]);
		expect(hidden.map((item) => item.json.id)).toEqual([4, 8, 12]);
		expect(any).toHaveLength(12);
	});

	it('Limit reads one page of that size; Return All reads every page', async () => {
		mock.seedProducts(218);
		mock.clearRequests();
		const limited = await runTjar(mock, { parameters: product('getMany', { limit: 5 }) });
		expect(sent()).toEqual([{ method: 'GET', path: '/products', query: { page: '1', per_page: '5' } }]);
		expect(limited.map((item) => item.json.id)).toEqual([1, 2, 3, 4, 5]);

		mock.clearRequests();
		const all = await runTjar(mock, { parameters: product('getMany', { returnAll: true }) });
		expect(sent().map((request) => request.query)).toEqual([
			{ page: '1', per_page: '100' },
			{ page: '2', per_page: '100' },
			{ page: '3', per_page: '100' },
		]);
		expect(all).toHaveLength(230);
		expect(new Set(all.map((item) => item.json.id)).size).toBe(230);
	});

	it('Simplify applies to every product', async () => {
		const output = await runTjar(mock, { parameters: product('getMany', { limit: 3, simplify: true }) });
		expect(output.map((item) => item.json)).toEqual([
			{ id: 1, name_en: 'Premium Arabic Coffee', name_ar: 'قهوة عربية فاخرة', price: 65, sale_price: null, stock: 21, type: 'physical', is_published: true, sku: 'SKU-1001' },
			{ id: 2, name_en: 'Sukkari Dates', name_ar: 'تمر سكري', price: 45.5, sale_price: null, stock: 22, type: 'physical', is_published: true, sku: 'SKU-1002' },
			{ id: 3, name_en: 'Cambodian Oud Oil', name_ar: 'دهن عود كمبودي', price: 350, sale_price: 315, stock: 23, type: 'physical', is_published: true, sku: 'SKU-1003' },
		]);
	});

	it('a non-numeric tag ID is an error naming the filter, before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: product('getMany', { filters: { tagIds: '1, summer' } }) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Tag IDs: "summer" is not a numeric ID');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Several items in one run', () => {
	it('each item sends its own operation and fields; a failing item becomes an error item (continueOnFail)', async () => {
		const output = await runTjar(mock, {
			parameters: [
				product('create', { nameEn: 'Saffron Gift', price: 90, additionalFields: { categoryIds: '3' } }),
				product('create', { nameAr: 'بخور', price: 35 }),
				product('update', { productId: byId(1), updateFields: { extraFieldsJson: 'not json' } }),
				product('getMany', { limit: 2, filters: { search: 'dates' } }),
				product('update', { productId: byId(99), updateFields: { quantity: 3 } }),
				product('delete', { productId: byId(12) }),
			],
			continueOnFail: true,
		});

		expect(mock.requests.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
			{ method: 'POST', path: '/products', query: {}, body: { name_en: 'Saffron Gift', price: 90, category_id: [3] } },
			{ method: 'POST', path: '/products', query: {}, body: { name_ar: 'بخور', price: 35 } },
			{ method: 'GET', path: '/products', query: { search: 'dates', page: '1', per_page: '2' }, body: undefined },
			{ method: 'PATCH', path: '/products/99', query: {}, body: { quantity: 3 } },
			{ method: 'DELETE', path: '/products/12', query: {}, body: undefined },
		]);
		expect(output.map((item) => [item.pairedItem, item.json.error ?? item.json.id])).toEqual([
			[{ item: 0 }, 13],
			[{ item: 1 }, 14],
			[{ item: 2 }, 'Extra Fields (JSON) in item 2 is not valid JSON'],
			[{ item: 3 }, 2],
			[{ item: 4 }, 'Product "99" was not found (404)'],
			[{ item: 5 }, 12],
		]);
	});
});

describe('Product search (resource locator From List)', () => {
	const searchProducts = (resource: string, filter?: string, token?: string) =>
		methods!.listSearch!.searchProducts.call(tjarLoadOptionsContext(mock, { resource }), filter, token);

	it('passes the filter as Tjar’s search and lists name and SKU', async () => {
		const result = await searchProducts('product', 'coffee');
		expect(sent()).toEqual([{ method: 'GET', path: '/products', query: { search: 'coffee', page: '1', per_page: '50' } }]);
		expect(result).toEqual({
			results: [
				{ name: 'Premium Arabic Coffee (SKU-1001)', value: '1' },
				{ name: 'Premium Arabic Coffee (SKU-1009)', value: '9' },
			],
			paginationToken: undefined,
		});
	});

	it('offers the next page while there is one', async () => {
		mock.seedProducts(48);
		mock.clearRequests();
		const first = await searchProducts('product');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('2');
		const second = await searchProducts('product', '', first.paginationToken);
		expect(sent()[1].query).toEqual({ page: '2', per_page: '50' });
		expect(second.results.map((entry) => entry.value)).toEqual(['51', '52', '53', '54', '55', '56', '57', '58', '59', '60']);
		expect(second.paginationToken).toBeUndefined();
	});

	it('on Digital, Booking or Service Product lists only that type', async () => {
		expect((await searchProducts('digitalProduct')).results).toEqual([
			{ name: 'Cooking E-book (SKU-1004)', value: '4' },
			{ name: 'Cooking E-book (SKU-1010)', value: '10' },
		]);
		expect((await searchProducts('bookingProduct')).results.map((entry) => entry.value)).toEqual(['5', '11']);
		expect((await searchProducts('serviceProduct')).results.map((entry) => entry.value)).toEqual(['6', '12']);
	});
});

describe('Node description', () => {
	const productResources = ['product', 'digitalProduct', 'bookingProduct', 'serviceProduct'];
	const all = new Tjar().description.properties;
	const fieldsOf = (resource: string) => all.filter((property) => property.displayOptions?.show?.resource?.includes(resource));
	const actions = (resource: string) =>
		fieldsOf(resource)
			.find((property) => property.name === 'operation')!
			.options!.map((option) => (option as { action: string }).action);

	it('Product has Create, Delete, Get, Get Many, Update; the typed products Create, Get, Update', () => {
		expect(actions('product')).toEqual(['Create a product', 'Delete a product', 'Get a product', 'Get many products', 'Update a product']);
		expect(actions('digitalProduct')).toEqual(['Create a digital product', 'Get a digital product', 'Update a digital product']);
		expect(actions('bookingProduct')).toEqual(['Create a booking product', 'Get a booking product', 'Update a booking product']);
		expect(actions('serviceProduct')).toEqual(['Create a service product', 'Get a service product', 'Update a service product']);
	});

	it('the Arabic/English pairs read "Name (Arabic)" and "Summary (Arabic)"; the API spelling "summery" is never shown', () => {
		for (const resource of productResources) {
			const create = fieldsOf(resource).filter((property) => property.displayOptions?.show?.operation?.includes('create'));
			expect(create.filter((property) => property.name !== 'additionalFields').map((property) => property.displayName)).toEqual([
				'Name (Arabic)',
				'Name (English)',
				'Price',
			]);
			const additional = create.find((property) => property.name === 'additionalFields')!.options as Array<{ displayName: string }>;
			expect(additional.map((option) => option.displayName)).toEqual(expect.arrayContaining(['Summary (Arabic)', 'Summary (English)', 'Extra Fields (JSON)']));
			expect(JSON.stringify(fieldsOf(resource))).not.toMatch(/summery/i);
		}
	});

	it('every product field, also inside Additional Fields, Update Fields and Filters, has a description', () => {
		for (const resource of productResources) {
			for (const property of fieldsOf(resource)) {
				const nested = (property.options ?? []).filter((option) => 'displayName' in option) as Array<{ description?: string; name: string }>;
				for (const field of [property, ...nested]) {
					if (field.name === 'operation' || field.name === 'additionalFields' || field.name === 'updateFields' || field.name === 'filters') continue;
					expect([field.name, field.description]).toEqual([field.name, expect.stringMatching(/\S/)]);
				}
			}
		}
	});
});
