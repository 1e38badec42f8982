import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { methods } from '../../nodes/Tjar/methods';
import { FALLBACK_WEBHOOK_EVENTS } from '../../nodes/shared/webhookEvents';
import { byId, rejectionOf, runTjar, tjarContext } from '../helpers/runTjar';
import { signTjarPayload, startTjarMock } from '../mock/tjar-mock';
import type { MockWebhook, TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock({ webhookCapacity: 50 });
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.clearRequests();
	mock.state.webhooks.length = 0;
});

function seedWebhooks(n: number): MockWebhook[] {
	for (let i = 1; i <= n; i++) {
		mock.state.webhooks.push({
			id: i,
			identifier: i,
			name: `Hook ${i}`,
			url: `https://n8n.example.com/webhook/${i}`,
			events: ['order.created'],
			is_active: true,
			secret: `secret-${i}`,
			created_at: '2024-01-01 09:00:00',
			updated_at: '2024-01-01 09:00:00',
		});
	}
	return mock.state.webhooks;
}

const withoutSecret = ({ secret: _secret, ...rest }: MockWebhook) => rest;
const sent = () => mock.requests.map((request) => ({ method: request.method, path: request.path, query: request.query, body: request.body }));

describe('Get Many', () => {
	it('with Return All, reads every page and outputs one item per webhook', async () => {
		const hooks = seedWebhooks(120);
		const output = await runTjar(mock, { parameters: { resource: 'webhook', operation: 'getMany', returnAll: true } });
		expect(sent()).toEqual([
			{ method: 'GET', path: '/webhooks', query: { page: '1', per_page: '100' }, body: undefined },
			{ method: 'GET', path: '/webhooks', query: { page: '2', per_page: '100' }, body: undefined },
		]);
		expect(output).toHaveLength(120);
		expect(output[0]).toEqual({ json: withoutSecret(hooks[0]), pairedItem: { item: 0 } });
		expect(output.map((item) => item.json.id)).toEqual(hooks.map((hook) => hook.id));
	});

	it('with a Limit, asks for that many and stops', async () => {
		seedWebhooks(5);
		const output = await runTjar(mock, { parameters: { resource: 'webhook', operation: 'getMany', returnAll: false, limit: 2 } });
		expect(sent()).toEqual([{ method: 'GET', path: '/webhooks', query: { page: '1', per_page: '2' }, body: undefined }]);
		expect(output.map((item) => item.json.name)).toEqual(['Hook 1', 'Hook 2']);
	});
});

describe('Register', () => {
	const register = (extra: Record<string, unknown> = {}) => ({
		resource: 'webhook',
		operation: 'register',
		name: 'n8n orders',
		url: 'https://n8n.example.com/webhook/orders',
		events: ['order.created', 'order.status_changed'],
		additionalFields: {},
		...extra,
	});

	it('sends {name, url, events} and outputs the webhook with its secret', async () => {
		const output = await runTjar(mock, { parameters: register() });
		expect(sent()).toEqual([
			{
				method: 'POST',
				path: '/webhooks',
				query: {},
				body: { name: 'n8n orders', url: 'https://n8n.example.com/webhook/orders', events: ['order.created', 'order.status_changed'] },
			},
		]);
		const stored = mock.state.webhooks[0];
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		expect(output[0].json.secret).toMatch(/^[0-9a-f]{64}$/);
	});

	it('accepts events as comma-separated text from an expression, and merges Extra Fields (JSON)', async () => {
		await runTjar(mock, {
			parameters: register({ name: ' متجر التمور ', events: 'product.updated, order.created', additionalFields: { extraFieldsJson: '{"is_active": false}' } }),
		});
		expect(mock.requests[0].body).toEqual({
			name: 'متجر التمور',
			url: 'https://n8n.example.com/webhook/orders',
			events: ['order.created', 'product.updated'],
			is_active: false,
		});
		expect(mock.state.webhooks[0]).toMatchObject({ name: 'متجر التمور', is_active: false });
	});

	it('reports the fields Tjar rejects (422)', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: register({ url: 'not a url', events: ['order.created', 'order.exploded'] }) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): url: The url must be a valid URL.; events.1: The selected events.1 is invalid.');
	});

	it('names the item whose Extra Fields (JSON) is invalid, before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: register({ additionalFields: { extraFieldsJson: '{is_active: false' } }) }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Extra Fields (JSON) in item 0 is not valid JSON');
		expect(mock.requests).toHaveLength(0);
	});

	it('registers one webhook per item with that item’s own fields', async () => {
		const output = await runTjar(mock, {
			parameters: [
				register({ name: 'A', events: ['order.created'], additionalFields: { extraFieldsJson: '{"is_active": false}' } }),
				register({ name: 'B', url: 'https://example.com/b', events: ['product.deleted'] }),
			],
		});
		expect(mock.requests.map((request) => request.body)).toEqual([
			{ name: 'A', url: 'https://n8n.example.com/webhook/orders', events: ['order.created'], is_active: false },
			{ name: 'B', url: 'https://example.com/b', events: ['product.deleted'] },
		]);
		expect(output.map((item) => [item.json.name, item.json.is_active, item.pairedItem])).toEqual([
			['A', false, { item: 0 }],
			['B', true, { item: 1 }],
		]);
	});
});

describe('Update', () => {
	const update = (extra: Record<string, unknown> = {}) => ({ resource: 'webhook', operation: 'update', webhookId: byId(2), updateFields: {}, ...extra });

	it('sends PUT /webhooks/{id} with only the fields that were set', async () => {
		seedWebhooks(2);
		const output = await runTjar(mock, { parameters: update({ updateFields: { events: ['product.created', 'order.created'], isActive: false } }) });
		expect(sent()).toEqual([{ method: 'PUT', path: '/webhooks/2', query: {}, body: { events: ['order.created', 'product.created'], is_active: false } }]);
		expect(output).toEqual([{ json: withoutSecret(mock.state.webhooks[1]), pairedItem: { item: 0 } }]);
		expect(output[0].json).toMatchObject({ id: 2, name: 'Hook 2', events: ['order.created', 'product.created'], is_active: false });
	});

	it('sends name and URL, and Extra Fields (JSON) over them', async () => {
		seedWebhooks(2);
		await runTjar(mock, {
			parameters: update({ updateFields: { name: 'Renamed', url: 'https://example.com/new', extraFieldsJson: { name: 'From JSON' } } }),
		});
		expect(mock.requests[0].body).toEqual({ name: 'From JSON', url: 'https://example.com/new' });
	});

	it('does not send fields that were added but left empty', async () => {
		seedWebhooks(2);
		await runTjar(mock, { parameters: update({ updateFields: { name: ' ', url: '', events: [], isActive: true } }) });
		expect(mock.requests[0].body).toEqual({ is_active: true });
	});

	it('refuses an empty Webhook ID and invalid Extra Fields (JSON), before any request', async () => {
		const output = await runTjar(mock, {
			continueOnFail: true,
			parameters: [update({ webhookId: byId(''), updateFields: { name: 'x' } }), update({ updateFields: { extraFieldsJson: '{x' } })],
		});
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'The Webhook ID is empty'],
			[{ item: 1 }, 'Extra Fields (JSON) in item 1 is not valid JSON'],
		]);
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses an update without fields, before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update() }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Nothing to update for webhook 2');
		expect(mock.requests).toHaveLength(0);
	});

	it('reports an unknown webhook as 404', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update({ webhookId: byId(77), updateFields: { name: 'x' } }) }));
		expect(error.message).toBe('Webhook "77" was not found (404)');
	});
});

describe('Delete', () => {
	it('sends DELETE /webhooks/{id} and outputs {deleted: true, id} with the ID as a number, as Product Delete does', async () => {
		seedWebhooks(3);
		const output = await runTjar(mock, { parameters: { resource: 'webhook', operation: 'delete', webhookId: byId(' 2 ') } });
		expect(sent()).toEqual([{ method: 'DELETE', path: '/webhooks/2', query: {}, body: undefined }]);
		expect(output).toEqual([{ json: { deleted: true, id: 2 }, pairedItem: { item: 0 } }]);
		expect(mock.state.webhooks.map((hook) => hook.id)).toEqual([1, 3]);
	});

	it('refuses an empty Webhook ID before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: { resource: 'webhook', operation: 'delete', webhookId: byId('') } }));
		expect(error.message).toBe('The Webhook ID is empty');
		expect(mock.requests).toHaveLength(0);
	});

	it('with Continue On Fail, reports the missing webhook and deletes the others', async () => {
		seedWebhooks(2);
		const output = await runTjar(mock, {
			continueOnFail: true,
			parameters: [1, 9, 2].map((id) => ({ resource: 'webhook', operation: 'delete', webhookId: byId(id) })),
		});
		expect(mock.requests.map((request) => request.path)).toEqual(['/webhooks/1', '/webhooks/9', '/webhooks/2']);
		expect(output).toEqual([
			{ json: { deleted: true, id: 1 }, pairedItem: { item: 0 } },
			{ json: { error: 'Webhook "9" was not found (404)', description: expect.stringContaining('Webhook not found.') }, pairedItem: { item: 1 } },
			{ json: { deleted: true, id: 2 }, pairedItem: { item: 2 } },
		]);
		expect(mock.state.webhooks).toHaveLength(0);
	});
});

describe('Verify Signature', () => {
	const verify = (payload: string | IDataObject, signature: string) => ({ resource: 'webhook', operation: 'verifySignature', payload, signature });
	const rawBody = '{"event":"order.created","data":{"id":7,"name":"محمد"}}';

	it('sends {payload, signature} and outputs valid: true for a genuine delivery', async () => {
		seedWebhooks(2);
		const signature = signTjarPayload('secret-2', rawBody, 'prefix');
		const output = await runTjar(mock, { parameters: verify(rawBody, ` ${signature} `) });
		expect(sent()).toEqual([{ method: 'POST', path: '/webhooks/verify-signature', query: {}, body: { payload: rawBody, signature } }]);
		expect(output).toEqual([{ json: { valid: true, webhook_id: 2 }, pairedItem: { item: 0 } }]);
	});

	it('outputs valid: false for a tampered payload', async () => {
		seedWebhooks(1);
		const signature = signTjarPayload('secret-1', rawBody);
		const output = await runTjar(mock, { parameters: verify(rawBody.replace('7', '8'), signature) });
		expect(output[0].json).toEqual({ valid: false });
	});

	it('sends a payload given as an object (from an expression) as JSON text', async () => {
		seedWebhooks(1);
		const payload = { event: 'order.created', data: { id: 7 } };
		const output = await runTjar(mock, { parameters: verify(payload, signTjarPayload('secret-1', JSON.stringify(payload))) });
		expect(mock.requests[0].body).toMatchObject({ payload: JSON.stringify(payload) });
		expect(output[0].json.valid).toBe(true);
	});

	it('reports missing fields as Tjar’s 422', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: verify('', '') }));
		expect(error.message).toBe('Tjar rejected the data (422): payload: The payload field is required.; signature: The signature field is required.');
	});
});

describe('Refresh Secret', () => {
	it('sends POST /webhooks/{id}/refresh-secret and outputs the new secret', async () => {
		seedWebhooks(1);
		const output = await runTjar(mock, { parameters: { resource: 'webhook', operation: 'refreshSecret', webhookId: byId(1) } });
		expect(sent()).toEqual([{ method: 'POST', path: '/webhooks/1/refresh-secret', query: {}, body: undefined }]);
		const newSecret = mock.state.webhooks[0].secret;
		expect(newSecret).not.toBe('secret-1');
		expect(output).toEqual([{ json: mock.state.webhooks[0], pairedItem: { item: 0 } }]);
		expect(output[0].json).toMatchObject({ id: 1, secret: newSecret });
	});

	it('reports an unknown webhook as 404 and refuses an empty ID', async () => {
		const missing = await rejectionOf(runTjar(mock, { parameters: { resource: 'webhook', operation: 'refreshSecret', webhookId: byId(5) } }));
		expect(missing.message).toBe('Webhook "5" was not found (404)');
		const empty = await rejectionOf(runTjar(mock, { parameters: { resource: 'webhook', operation: 'refreshSecret', webhookId: byId(' ') } }));
		expect(empty.message).toBe('The Webhook ID is empty');
		expect(mock.requests).toHaveLength(1);
	});
});

describe('Get Events', () => {
	it('outputs one item per event the store lists', async () => {
		const output = await runTjar(mock, { parameters: { resource: 'webhook', operation: 'getEvents' } });
		expect(sent()).toEqual([{ method: 'GET', path: '/webhooks/events', query: { page: '1', per_page: '100' }, body: undefined }]);
		expect(output).toEqual(mock.state.webhookEvents.map((event) => ({ json: event, pairedItem: { item: 0 } })));
		expect(output).toHaveLength(8);
	});
});

describe('Events dropdown (loadOptions getWebhookEvents)', () => {
	const loadOptionsContext = (apiKey?: string) => {
		const logger = { warn: jest.fn(), debug: jest.fn(), info: jest.fn(), error: jest.fn() };
		const context = Object.assign(tjarContext(mock, { parameters: {}, apiKey }), { logger });
		return { context: context as unknown as ILoadOptionsFunctions, logger };
	};
	const getWebhookEvents = methods?.loadOptions?.getWebhookEvents;

	it('lists the store’s own events', async () => {
		mock.state.webhookEvents.push({ key: 'customer.created', name: 'Customer created', description: 'A customer signed up.' });
		try {
			const { context } = loadOptionsContext();
			const options = await getWebhookEvents!.call(context);
			expect(mock.requests.map((request) => request.path)).toEqual(['/webhooks/events']);
			expect(options.map((option) => option.value)).toContain('customer.created');
			expect(options).toHaveLength(9);
		} finally {
			mock.state.webhookEvents.pop();
		}
	});

	it('falls back to the built-in eight events when the store can not be asked, and logs why', async () => {
		const { context, logger } = loadOptionsContext('wrong-key');
		const options = await getWebhookEvents!.call(context);
		expect(options).toEqual(FALLBACK_WEBHOOK_EVENTS);
		expect(options).toHaveLength(8);
		expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('401'));
	});
});
