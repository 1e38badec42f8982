import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';
import { removeBinaryData } from './harness/runWorkflow';
import { EngineWebhookServer } from './harness/webhookServer';
import { CREDENTIAL_ID, e2eWorkflow } from './harness/workflowJson';

/**
 * The Tjar Trigger through n8n-core's HookContext and WebhookContext: activation registers with the
 * mock, the mock's signed delivery over HTTP starts the workflow (WorkflowExecute from the trigger),
 * a tampered one is refused, deactivation removes the registration.
 */
let mock: TjarMock;
let server: EngineWebhookServer;

beforeEach(async () => {
	mock = await startTjarMock();
	mock.seedOrders(2);
	server = new EngineWebhookServer(e2eWorkflow('trigger.json'), 'New Order', {
		[CREDENTIAL_ID]: { storeDomain: mock.url, apiKey: mock.apiKey },
	});
	await server.listen();
});
afterEach(async () => {
	await server.close();
	await mock.close();
});
afterAll(() => removeBinaryData());

test('activation registers one webhook for the node URL and keeps its secret in static data', async () => {
	expect(await server.activate()).toEqual({ existed: false, created: true });
	const url = server.webhookUrl();
	expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/5f1d2c3b-8a0b-4c0e-9d6e-7a1b2c3d4e5f\/webhook$/);
	expect(mock.state.webhooks).toEqual([expect.objectContaining({ url, events: ['order.created'], name: 'n8n e2e' })]);
	const staticData = server.workflow.staticData['node:New Order'] as Record<string, unknown>;
	expect(staticData).toMatchObject({ webhookId: String(mock.state.webhooks[0].id), secret: mock.state.webhooks[0].secret });

	// A second activation (e.g. n8n restarting) finds the registration and does not create another.
	expect(await server.activate('init')).toEqual({ existed: true });
	expect(mock.state.webhooks).toHaveLength(1);
});

test('a signed delivery starts one execution with the event; a tampered one gets 401 and starts nothing', async () => {
	await server.activate();
	const url = server.webhookUrl() ?? '';
	const order = mock.state.orders[0];

	const accepted = await mock.deliverWebhook(url, { event: 'order.created', data: order, deliveryId: 'delivery-1' });
	expect(accepted.status).toBe(200);
	const [run, ...more] = await server.settled();
	expect(more).toHaveLength(0);
	expect(run.run.status).toBe('success');
	const [item] = run.items('New Order');
	expect(item.json).toMatchObject({ event: 'order.created', delivery_id: 'delivery-1', data: { id: order.id, customer: { name: 'محمد العتيبي' } } });
	expect(run.items('Received')).toHaveLength(1);

	const tampered = await mock.deliverWebhook(url, { event: 'order.created', data: order, tamper: true });
	expect(tampered.status).toBe(401);
	const unsigned = await mock.deliverWebhook(url, { event: 'order.created', data: order, omitSignature: true });
	expect(unsigned.status).toBe(401);
	const repeated = await mock.deliverWebhook(url, { event: 'order.created', data: order, deliveryId: 'delivery-1' });
	expect(repeated.status).toBe(200);
	expect(await server.settled()).toHaveLength(1);
});

test('deactivation deletes the registration', async () => {
	await server.activate();
	const id = mock.state.webhooks[0].id;
	expect(await server.deactivate()).toBe(true);
	expect(mock.state.webhooks).toEqual([]);
	expect(mock.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([`/webhooks/${id}`]);
});
