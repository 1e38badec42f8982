import { engineSuite, expectSuccess, pairedIndexes } from './harness/engine';
import { byId, chain, e2eWorkflow, node, start, tjarNode } from './harness/workflowJson';

/** Product operations (all four kinds) in n8n-core's engine; seeded ids cycle physical ×3, digital, booking, service (carts: for the shared e2e workflow). */
const engine = engineSuite((mock) => {
	mock.seedProducts(12);
	mock.seedAbandonedCarts(3);
});

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('Product operations in the n8n engine', () => {
	test('Create, upload an image made by a previous node, then Update with the new image_id', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Create Product', {
					resource: 'product',
					operation: 'create',
					nameAr: 'عسل سدر جبلي',
					nameEn: 'Mountain Sidr Honey',
					price: 120.5,
					additionalFields: { sku: 'HONEY-SIDR-1', quantity: 15, categoryIds: '2, 5' },
				}),
				node('Make Image', 'test.fileFromBase64', { base64: PNG, fileName: 'honey.png', mimeType: 'image/png', binaryPropertyName: 'photo' }),
				tjarNode('Upload Image', {
					resource: 'media',
					operation: 'upload',
					binaryPropertyName: 'photo',
					additionalFields: { alt: "={{ $('Create Product').item.json.name.en }}" },
				}),
				tjarNode('Set Product Image', {
					resource: 'product',
					operation: 'update',
					productId: byId("={{ $('Create Product').item.json.id }}"),
					updateFields: { imageId: '={{ $json.id }}' },
				}),
			),
		);
		expectSuccess(result);
		expect(engine.requestsTo('POST', '/products')[0].body).toEqual({
			name_ar: 'عسل سدر جبلي',
			name_en: 'Mountain Sidr Honey',
			price: 120.5,
			sku: 'HONEY-SIDR-1',
			quantity: 15,
			category_id: [2, 5],
		});
		// The binary went through n8n-core's BinaryDataService (filesystem mode) and back out as multipart.
		const binary = result.items('Make Image')[0].binary?.photo;
		expect(binary?.id).toMatch(/^filesystem-v2:/);
		const [upload] = engine.requestsTo('POST', '/media');
		expect(upload.multipart?.files).toEqual([
			{ field: 'file', filename: 'honey.png', contentType: 'image/png', data: Buffer.from(PNG, 'base64') },
		]);
		expect(upload.multipart?.fields).toEqual({ alt: 'Mountain Sidr Honey' });
		const [media] = result.items('Upload Image');
		const [patch] = engine.requestsTo('PATCH', '/products/13');
		expect(patch.body).toEqual({ image_id: media.json.id });
		const [updated] = result.items('Set Product Image');
		expect(updated.json).toMatchObject({ id: 13, image_id: media.json.id, image: media.json.url });
		expect(pairedIndexes(result.items('Set Product Image'))).toEqual([0]);
	});

	test('Get Many sends filters as query parameters, tag IDs in bracket form', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Find Products', {
					resource: 'product',
					operation: 'getMany',
					returnAll: true,
					filters: { tagIds: '2,3', published: 'published', minPrice: 40 },
				}),
			),
		);
		expectSuccess(result);
		const [call] = engine.mock.requests;
		expect(call.rawQuery).toContain('tag_ids%5B%5D=2&tag_ids%5B%5D=3');
		expect(call.query).toMatchObject({ is_published: '1', min_price: '40', page: '1' });
		const found = result.items('Find Products').map((i) => i.json);
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((p) => p.is_published === true && (p.price as number) >= 40)).toBe(true);
	});

	test('Get, Delete and the typed kinds use their own paths', async () => {
		const result = await engine.run(e2eWorkflow('catalogue.json'));
		expectSuccess(result);
		expect(result.items('Get Booking Product')[0].json).toMatchObject({ id: 5, type: 'booking' });
		expect(result.items('Update Service Product')[0].json).toMatchObject({ id: 6, type: 'service', price: 17.5 });
		const digital = result.items('Get Digital Product')[0].json;
		expect(digital).toMatchObject({ id: 13, type: 'digital', name: { ar: 'كتاب القهوة السعودية', en: 'Saudi Coffee E-book' } });
		expect(engine.calls()).toEqual(
			expect.arrayContaining(['POST /products/digital', 'GET /products/digital/13', 'GET /products/booking/5', 'PATCH /products/service/6']),
		);

		const deleted = await engine.run(
			chain(start(), tjarNode('Delete', { resource: 'product', operation: 'delete', productId: byId('={{ $json.id }}') })),
			{ input: [{ json: { id: 2 } }] },
		);
		expect(deleted.items('Delete')[0].json).toEqual({ deleted: true, id: 2 });
		expect(engine.requestsTo('DELETE', '/products/2')).toHaveLength(1);
		expect(engine.mock.state.products.some((p) => p.id === 2)).toBe(false);
	});

	test.each([
		['digitalProduct', 'digital'],
		['bookingProduct', 'booking'],
		['serviceProduct', 'service'],
	])('%s: Create, Get and Update chained by expressions on /products/%s', async (resource, type) => {
		const id = byId('={{ $json.id }}');
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Create', { resource, operation: 'create', nameEn: '={{ $json.title }}', price: '={{ $json.price }}' }),
				tjarNode('Get', { resource, operation: 'get', productId: id }),
				tjarNode('Update', { resource, operation: 'update', productId: id, updateFields: { nameAr: 'اسم جديد', price: 99 } }),
			),
			{ input: [{ json: { title: `New ${type}`, price: 49 } }] },
		);
		expectSuccess(result);
		expect(engine.calls()).toEqual([`POST /products/${type}`, `GET /products/${type}/13`, `PATCH /products/${type}/13`]);
		expect(engine.mock.requests[0].body).toEqual({ name_en: `New ${type}`, price: 49 });
		expect(engine.mock.requests[2].body).toEqual({ name_ar: 'اسم جديد', price: 99 });
		expect(result.items('Update')[0].json).toMatchObject({ id: 13, type, price: 99, name: { ar: 'اسم جديد', en: `New ${type}` } });
	});

	test('Get with Simplify keeps the fields a merchant needs', async () => {
		const result = await engine.run(chain(start(), tjarNode('Get', { resource: 'product', operation: 'get', productId: byId('1'), simplify: true })));
		expectSuccess(result);
		const [item] = result.items('Get');
		expect(item.json.id).toBe(1);
		expect(Object.keys(item.json).length).toBeLessThan(Object.keys(engine.mock.state.products[0]).length);
	});
});
