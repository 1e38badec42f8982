import { signTjarPayload } from '../mock/tjar-mock';
import { engineSuite, expectSuccess } from './harness/engine';
import { byId, chain, start, tjarNode } from './harness/workflowJson';

/** Webhook operations in n8n-core's engine. */
const engine = engineSuite(() => {});

describe('Webhook operations in the n8n engine', () => {
	test('Register, Update, Refresh Secret, Get Many and Delete, each taking the ID from the previous node', async () => {
		const id = byId('={{ $json.id }}');
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Register', {
					resource: 'webhook',
					operation: 'register',
					name: 'مزامنة الطلبات',
					url: '={{ "http://127.0.0.1:9/hooks/" + $json.path }}',
					events: ['order.created'],
				}),
				tjarNode('Update', { resource: 'webhook', operation: 'update', webhookId: id, updateFields: { isActive: false, events: ['order.created', 'order.updated'] } }),
				tjarNode('Refresh Secret', { resource: 'webhook', operation: 'refreshSecret', webhookId: id }),
				tjarNode('List', { resource: 'webhook', operation: 'getMany' }),
				tjarNode('Delete', { resource: 'webhook', operation: 'delete', webhookId: id }),
			),
			{ input: [{ json: { path: 'orders' } }] },
		);
		expectSuccess(result);
		expect(engine.calls()).toEqual(['POST /webhooks', 'PUT /webhooks/1', 'POST /webhooks/1/refresh-secret', 'GET /webhooks', 'DELETE /webhooks/1']);
		expect(engine.requestsTo('POST', '/webhooks')[0].body).toEqual({ name: 'مزامنة الطلبات', url: 'http://127.0.0.1:9/hooks/orders', events: ['order.created'] });
		expect(engine.requestsTo('PUT', '/webhooks/1')[0].body).toEqual({ events: ['order.created', 'order.updated'], is_active: false });
		const registered = result.items('Register')[0].json;
		const refreshed = result.items('Refresh Secret')[0].json;
		expect(typeof refreshed.secret).toBe('string');
		expect(refreshed.secret).not.toBe(registered.secret);
		expect(result.items('List')[0].json).toMatchObject({ id: 1, is_active: false });
		expect(engine.mock.state.webhooks).toEqual([]);
	});

	test('Get Events lists the store events and Verify Signature asks the store', async () => {
		const registered = await engine.run(
			chain(start(), tjarNode('Register', { resource: 'webhook', operation: 'register', name: 'n8n', url: 'http://127.0.0.1:9/h', events: ['order.created'] })),
		);
		const secret = registered.items('Register')[0].json.secret as string;
		const payload = JSON.stringify({ event: 'order.created', data: { id: 1 } });
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Events', { resource: 'webhook', operation: 'getEvents' }),
				tjarNode('Verify', { resource: 'webhook', operation: 'verifySignature', payload: '={{ $("Start").item.json.payload }}', signature: '={{ $("Start").item.json.signature }}' }),
			),
			{ input: [{ json: { payload, signature: signTjarPayload(secret, payload) } }] },
		);
		expectSuccess(result);
		expect(result.items('Events').map((i) => i.json.key)).toContain('abandoned_cart.created');
		// Get Events gives one item per event, so Verify runs once per event item, each paired back.
		const verified = result.items('Verify');
		expect(verified.every((i) => i.json.valid === true)).toBe(true);
		expect(engine.requestsTo('POST', '/webhooks/verify-signature')[0].body).toEqual({ payload, signature: signTjarPayload(secret, payload) });
	});
});
