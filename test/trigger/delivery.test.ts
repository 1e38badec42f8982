import type { IDataObject } from 'n8n-workflow';
import { NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { TjarTrigger } from '../../nodes/TjarTrigger/TjarTrigger.node';
import {
	activate,
	type DeliveryReceiver,
	fakeHookContext,
	type LogLine,
	runWebhook,
	startDeliveryReceiver,
} from '../helpers/fakeTriggerContext';
import { signTjarPayload } from '../mock/signing';
import { startTjarMock } from '../mock/tjar-mock';
import type { MockOrder, TjarMock } from '../mock/types';

/**
 * Deliveries are signed and sent by the mock (the store's side) to a loopback receiver that runs
 * the trigger's webhook() the way n8n's webhook server does.
 */
const trigger = new TjarTrigger();

let mock: TjarMock;
let receiver: DeliveryReceiver;
let order: MockOrder;
const parameters: IDataObject = {};
let staticData: IDataObject;
let logs: LogLine[];

beforeAll(async () => {
	mock = await startTjarMock();
	[order] = mock.seedOrders(1);
});
afterAll(async () => await mock.close());

beforeEach(async () => {
	mock.state.webhooks.length = 0;
	staticData = {};
	logs = [];
	for (const key of Object.keys(parameters)) delete parameters[key];
	Object.assign(parameters, { events: ['order.created', 'order.status_changed'], options: {} });
	receiver = await startDeliveryReceiver(trigger, { parameters, staticData, logs });
	await activate(
		trigger,
		fakeHookContext({
			credentials: { storeDomain: `http://${mock.host}`, apiKey: mock.apiKey },
			parameters,
			staticData,
			webhookUrl: receiver.url,
		}),
	);
});
afterEach(async () => await receiver.close());

const started = () => receiver.runs.filter((run) => run.result?.workflowData !== undefined);

describe('genuine deliveries', () => {
	it('start the workflow with one item: event, delivery id, the resource, receive time', async () => {
		const before = Date.now();
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-1001' });

		expect(answer.status).toBe(200);
		expect(started()).toHaveLength(1);
		expect(started()[0].result!.webhookResponse).toEqual({ received: true, started: true });
		const items = started()[0].result!.workflowData!;
		expect(items).toHaveLength(1);
		expect(items[0]).toHaveLength(1);
		const json = items[0][0].json;
		expect(json).toEqual({
			event: 'order.created',
			delivery_id: 'dlv-1001',
			data: JSON.parse(JSON.stringify(order)),
			received_at: expect.any(String),
			meta: { created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/) },
		});
		expect(Date.parse(json.received_at as string)).toBeGreaterThanOrEqual(before - 1000);
		expect((json.data as IDataObject).customer).toEqual(order.customer);
		expect(logs.filter((l) => l.level === 'warn')).toEqual([]);
	});

	it.each(['plain', 'prefix', 'timestamp', 'timestamp-header'] as const)('are accepted in the %s signature form', async (form) => {
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.status_changed', data: order, form });
		expect(answer.status).toBe(200);
		expect(started()).toHaveLength(1);
		expect(started()[0].result!.workflowData![0][0].json.event).toBe('order.status_changed');
	});

	it('add the HTTP headers when Include Headers is on', async () => {
		parameters.options = { includeHeaders: true };
		await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-h' });
		const headers = started()[0].result!.workflowData![0][0].json.headers as IDataObject;
		expect(headers['x-tjar-event']).toBe('order.created');
		expect(headers['x-tjar-delivery']).toBe('dlv-h');
		expect(headers['x-tjar-signature']).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('rejected deliveries', () => {
	it('a tampered body is answered 401, starts nothing and is logged', async () => {
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, tamper: true });

		expect(answer.status).toBe(401);
		expect(JSON.parse(answer.body)).toEqual({ status: 'error', message: 'Missing or invalid webhook signature' });
		expect(receiver.runs).toHaveLength(1);
		expect(receiver.runs[0].result).toEqual({ noWebhookResponse: true });
		expect(started()).toEqual([]);
		expect(logs).toEqual([
			{ level: 'warn', message: 'Tjar Trigger "Tjar Trigger": rejected a delivery (mismatch); answered 401 and started nothing' },
		]);
	});

	it('a delivery without a signature is answered 401', async () => {
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, omitSignature: true });
		expect(answer.status).toBe(401);
		expect(started()).toEqual([]);
		expect(logs[0].message).toContain('(missing signature)');
	});

	it('a delivery signed with another secret is answered 401', async () => {
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, secret: 'not-the-secret' });
		expect(answer.status).toBe(401);
		expect(started()).toEqual([]);
	});

	it('a replay older than five minutes is answered 401', async () => {
		const timestamp = Math.floor(Date.now() / 1000) - 600;
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, form: 'timestamp', timestamp });
		expect(answer.status).toBe(401);
		expect(logs[0].message).toContain('(expired timestamp)');
		expect(started()).toEqual([]);
	});

	it('a forged delivery does not use up its delivery id', async () => {
		await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-9', tamper: true });
		const answer = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-9' });
		expect(answer.status).toBe(200);
		expect(started()).toHaveLength(1);
	});
});

describe('deliveries that start nothing but are answered 200', () => {
	it('events the trigger was not set to', async () => {
		const answer = await mock.deliverWebhook(receiver.url, { event: 'product.updated', data: { id: 3 } });
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body)).toEqual({
			received: true,
			started: false,
			reason: 'event product.updated is not selected in this trigger',
		});
		expect(receiver.runs[0].result!.workflowData).toBeUndefined();
		expect(staticData.recentDeliveryIds).toBeUndefined();
	});

	it('a delivery id seen before', async () => {
		const first = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-7' });
		const again = await mock.deliverWebhook(receiver.url, { event: 'order.created', data: order, deliveryId: 'dlv-7', form: 'prefix' });

		expect([first.status, again.status]).toEqual([200, 200]);
		expect(JSON.parse(again.body)).toEqual({ received: true, started: false, reason: 'delivery dlv-7 was already received' });
		expect(started()).toHaveLength(1);
		expect(staticData.recentDeliveryIds).toEqual(['dlv-7']);
	});
});

describe('All Events', () => {
	it('starts the workflow for any event, also ones missing from the list', async () => {
		parameters.events = ['*'];
		await mock.deliverWebhook(receiver.url, { event: 'product.deleted', data: { id: 3 } });
		await mock.deliverWebhook(receiver.url, { event: 'customer.created', data: { id: 4 } });
		expect(started().map((run) => run.result!.workflowData![0][0].json.event)).toEqual(['product.deleted', 'customer.created']);
	});
});

describe('webhook() without the loopback hop', () => {
	const secret = 'stored-secret';
	const body = { event: 'order.created', delivery_id: 'dlv-x', data: { id: 1, name: 'عبدالله' } };
	const rawBody = Buffer.from(JSON.stringify(body), 'utf8');
	const params = { events: ['order.created'], options: {} };

	it('remembers at most the last 100 delivery ids', async () => {
		const data: IDataObject = { webhookId: '1', secret };
		for (let i = 1; i <= 105; i++) {
			const payload = Buffer.from(JSON.stringify({ ...body, delivery_id: `d-${i}` }), 'utf8');
			const run = await runWebhook(trigger, {
				parameters: params,
				staticData: data,
				request: { rawBody: payload, body: JSON.parse(payload.toString()), headers: { 'x-tjar-signature': signTjarPayload(secret, payload) } },
			});
			expect(run.result?.workflowData).toBeDefined();
		}
		const ids = data.recentDeliveryIds as string[];
		expect(ids).toHaveLength(100);
		expect(ids[0]).toBe('d-6');
		expect(ids[99]).toBe('d-105');
	});

	it('verifies the re-serialised body when n8n did not keep the raw bytes', async () => {
		const run = await runWebhook(trigger, {
			parameters: params,
			staticData: { secret },
			request: { body, headers: { 'x-tjar-signature': signTjarPayload(secret, JSON.stringify(body)) } },
		});
		expect(run.status).toBe(200);
		expect(run.result!.workflowData![0][0].json).toMatchObject({ event: 'order.created', delivery_id: 'dlv-x', data: body.data });
	});

	it('fails with a clear error when it holds no secret', async () => {
		const run = await runWebhook(trigger, {
			parameters: params,
			staticData: {},
			request: { rawBody, body, headers: { 'x-tjar-signature': signTjarPayload(secret, rawBody) } },
		});
		expect(run.status).toBe(500);
		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect(run.error!.message).toBe('The Tjar Trigger has no signing secret for its webhook');
		expect((run.error as NodeOperationError).description).toContain('Deactivate and reactivate the workflow');
	});

	it('starts unsigned deliveries only when Verify Signature is off', async () => {
		const run = await runWebhook(trigger, {
			parameters: { ...params, options: { verifySignature: false } },
			staticData: {},
			request: { rawBody, body, headers: {} },
		});
		expect(run.result!.workflowData![0][0].json.event).toBe('order.created');
	});

	it('shows a warning notice while Verify Signature is off', () => {
		const notice = trigger.description.properties.find((p) => p.type === 'notice')!;
		// A root path ('/'): with a bare 'options.verifySignature', n8n 1.x refuses to activate the workflow
		expect(notice.displayOptions).toEqual({ show: { '/options.verifySignature': [false] } });
		expect(notice.displayName).toContain('anyone who knows this webhook URL can start the workflow');
		const shownWith = (options: IDataObject) => {
			const values = { events: ['order.created'], options };
			return NodeHelpers.displayParameter(values, notice, { typeVersion: 1 }, trigger.description, values);
		};
		expect(shownWith({ verifySignature: false })).toBe(true);
		expect(shownWith({ verifySignature: true })).toBe(false);
		expect(shownWith({})).toBe(false);
	});

	it('a replayed delivery with a new X-Tjar-Delivery header is still a duplicate: the signed body id wins', async () => {
		const data: IDataObject = { webhookId: '1', secret };
		const deliver = async (headerId: string) =>
			await runWebhook(trigger, {
				parameters: params,
				staticData: data,
				request: { rawBody, body, headers: { 'x-tjar-signature': signTjarPayload(secret, rawBody), 'x-tjar-delivery': headerId } },
			});
		const first = await deliver('h-1');
		const replay = await deliver('h-2');
		expect(first.result!.workflowData![0][0].json.delivery_id).toBe('dlv-x');
		expect(replay.result).toEqual({ webhookResponse: { received: true, started: false, reason: 'delivery dlv-x was already received' } });
		expect(data.recentDeliveryIds).toEqual(['dlv-x']);
	});

	it('reads the event from X-Tjar-Event and the delivery id from X-Tjar-Delivery when the body lacks them', async () => {
		const bare = Buffer.from(JSON.stringify({ data: { id: 5 } }), 'utf8');
		const run = await runWebhook(trigger, {
			parameters: params,
			staticData: { secret },
			request: {
				rawBody: bare,
				body: { data: { id: 5 } },
				headers: { 'x-tjar-signature': signTjarPayload(secret, bare), 'x-tjar-event': 'order.created', 'x-tjar-delivery': 'h-1' },
			},
		});
		expect(run.result!.workflowData![0][0].json).toEqual({
			event: 'order.created',
			delivery_id: 'h-1',
			data: { id: 5 },
			received_at: expect.any(String),
		});
	});
});
