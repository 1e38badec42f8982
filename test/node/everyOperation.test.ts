import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { TJAR_ENDPOINTS } from '../../nodes/shared/endpoints';
import { Tjar } from '../../nodes/Tjar/Tjar.node';
import { binaryFile } from '../helpers/fakeContext';
import { byId, runTjar } from '../helpers/runTjar';
import { signTjarPayload, startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

/**
 * Every operation in the dropdowns, each with parameters that succeed against the mock: a 422 or a 404
 * from Tjar on one item becomes that item's error (with Continue On Fail) and the next item still runs.
 */
let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock({ webhookCapacity: 50 });
});
afterAll(async () => await mock.close());
beforeEach(() => {
	for (const list of [mock.state.orders, mock.state.products, mock.state.media, mock.state.webhooks, mock.state.abandonedCarts]) list.length = 0;
	mock.seedOrders(2);
	mock.seedProducts(6); // ids 1-3 physical, 4 digital, 5 booking, 6 service
	mock.seedAbandonedCarts(2);
	mock.state.webhooks.push({
		id: 1,
		identifier: 1,
		name: 'Hook',
		url: 'https://n8n.example.com/webhook/1',
		events: ['order.created'],
		is_active: true,
		secret: 'secret-1',
		created_at: '2024-01-01 09:00:00',
		updated_at: '2024-01-01 09:00:00',
	});
	mock.clearRequests();
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const withFile = (): INodeExecutionData => ({ json: {}, binary: { data: binaryFile(PNG, 'a.png', 'image/png') } });
const media = { mediaId: byId(1), replaceFile: false, binaryPropertyName: 'data', updateFields: { alt: 'Alt' } };
const name = { nameAr: 'منتج', nameEn: 'Item', price: 10 };
const payload = '{"event":"order.created"}';

/** Parameters that succeed, per operation; `needsMedia` uploads media id 1 first. */
const OPERATIONS: Record<string, { parameters: IDataObject; item?: () => INodeExecutionData; needsMedia?: true }> = {
	'order.getMany': { parameters: { returnAll: false, limit: 1 } },
	'order.get': { parameters: { orderId: byId(1) } },
	'order.getStatuses': { parameters: {} },
	'order.create': { parameters: { products: { line: [{ id: '1', quantity: 1 }] } } },
	'order.changeStatus': { parameters: { orderId: byId(1), status: 'Shipped' } },
	'order.update': { parameters: { orderId: byId(1), shipping_address: { address: 'شارع التحلية' } } },
	'product.getMany': { parameters: { returnAll: false, limit: 1 } },
	'product.get': { parameters: { productId: byId(1) } },
	'product.create': { parameters: name },
	'product.update': { parameters: { productId: byId(1), updateFields: { price: 12 } } },
	'product.delete': { parameters: { productId: byId(2) } },
	'digitalProduct.create': { parameters: name },
	'digitalProduct.get': { parameters: { productId: byId(4) } },
	'digitalProduct.update': { parameters: { productId: byId(4), updateFields: { price: 12 } } },
	'bookingProduct.create': { parameters: name },
	'bookingProduct.get': { parameters: { productId: byId(5) } },
	'bookingProduct.update': { parameters: { productId: byId(5), updateFields: { price: 12 } } },
	'serviceProduct.create': { parameters: name },
	'serviceProduct.get': { parameters: { productId: byId(6) } },
	'serviceProduct.update': { parameters: { productId: byId(6), updateFields: { price: 12 } } },
	'media.upload': { parameters: { binaryPropertyName: 'data', additionalFields: {} }, item: withFile },
	'media.uploadMany': { parameters: { allBinaryFields: false, binaryPropertyNames: 'data' }, item: withFile },
	'media.update': { parameters: media, needsMedia: true },
	'webhook.getMany': { parameters: { returnAll: false, limit: 1 } },
	'webhook.register': { parameters: { name: 'n8n', url: 'https://n8n.example.com/webhook/2', events: ['order.created'], additionalFields: {} } },
	'webhook.update': { parameters: { webhookId: byId(1), updateFields: { name: 'Renamed' } } },
	'webhook.delete': { parameters: { webhookId: byId(1) } },
	'webhook.verifySignature': { parameters: { payload, signature: signTjarPayload('secret-1', payload) } },
	'webhook.refreshSecret': { parameters: { webhookId: byId(1) } },
	'webhook.getEvents': { parameters: {} },
	'abandonedCart.getMany': { parameters: { returnAll: false, limit: 1 } },
	'abandonedCart.get': { parameters: { cartId: byId(1) } },
	'abandonedCart.sendReminder': { parameters: { cartId: byId(1), additionalFields: {} } },
};

const INVALID = { status: 'error', message: 'The given data was invalid.', errors: { name: ['The name field is required.'] } };

/** Runs the operation on two items, with `failure` set up for the first request it sends. */
async function runTwice(key: string, failure: () => void): Promise<INodeExecutionData[]> {
	const [resource, operation] = key.split('.');
	const { parameters, item, needsMedia } = OPERATIONS[key];
	if (needsMedia) {
		await runTjar(mock, { parameters: { resource: 'media', operation: 'upload', binaryPropertyName: 'data', additionalFields: {} }, items: [withFile()] });
		mock.clearRequests();
	}
	failure();
	const items = [item?.() ?? { json: {} }, item?.() ?? { json: {} }];
	return await runTjar(mock, { parameters: { resource, operation, ...parameters }, items, continueOnFail: true });
}

function expectSecondItemSucceeded(output: INodeExecutionData[]): void {
	const rest = output.slice(1);
	expect(rest.length).toBeGreaterThan(0);
	expect(rest.map((entry) => [entry.pairedItem, 'error' in entry.json])).toEqual(rest.map(() => [{ item: 1 }, false]));
}

test('the table names every endpoint of the endpoint table', () => {
	expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(TJAR_ENDPOINTS).sort());
});

describe.each(Object.keys(OPERATIONS))('%s', (key) => {
	it('a 422 on the first item becomes its error item, listing the field; the second item still runs', async () => {
		const output = await runTwice(key, () => mock.failNext(1, 422, { body: INVALID }));
		expect(output[0]).toEqual({
			json: expect.objectContaining({ error: 'Tjar rejected the data (422): name: The name field is required.' }),
			pairedItem: { item: 0 },
		});
		expectSecondItemSucceeded(output);
	});

	it('a 404 becomes an error item that says what was not found', async () => {
		const output = await runTwice(key, () => mock.failNext(1, 404));
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json.error).toMatch(/\(404\)/);
		expect(output[0].json.error).toMatch(new RegExp(TJAR_ENDPOINTS[key as keyof typeof TJAR_ENDPOINTS].subject, 'i'));
		expectSecondItemSucceeded(output);
	});
});

test('the node is usable as an AI tool and its subtitle shows operation and resource', () => {
	const { description } = new Tjar();
	expect(description.usableAsTool).toBe(true);
	expect(description.subtitle).toBe('={{ $parameter["operation"] + ": " + $parameter["resource"] }}');
});
