import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { RETRY_POLICY } from '../../nodes/shared/transport';
import { TjarTrigger } from '../../nodes/TjarTrigger/TjarTrigger.node';
import { activate, deactivate, fakeHookContext, type LogLine } from '../helpers/fakeTriggerContext';
import { WEBHOOK_EVENTS } from '../mock/seed';
import { startTjarMock } from '../mock/tjar-mock';
import type { MockWebhook, TjarMock } from '../mock/types';

const trigger = new TjarTrigger();
const WEBHOOK_URL = 'https://n8n.example.com/webhook/6f1c6a8e-0000-4000-8000-000000000001/webhook';
const OTHER_URL = 'https://hooks.example.com/erp/tjar';
const CAPACITY = 5;
/** TJAR-API.md §6: the events assumed when the store does not list its own. */
const BUILT_IN_EVENTS = [
	'abandoned_cart.created',
	'order.created',
	'order.deleted',
	'order.status_changed',
	'order.updated',
	'product.created',
	'product.deleted',
	'product.updated',
];

let mock: TjarMock;

beforeAll(async () => {
	RETRY_POLICY.baseDelayMs = 1;
	mock = await startTjarMock({ webhookCapacity: CAPACITY });
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.state.webhooks.length = 0;
	mock.clearRequests();
});

function hook(staticData: IDataObject, parameters: IDataObject = { events: ['order.created', 'order.updated'] }, language = 'en', logs?: LogLine[]) {
	return fakeHookContext({
		credentials: { storeDomain: `http://${mock.host}`, apiKey: mock.apiKey, language },
		parameters,
		staticData,
		webhookUrl: WEBHOOK_URL,
		logs,
	});
}

/** A webhook that exists in the store without this node knowing its secret. */
function seedWebhook(url: string, events: string[] = ['order.created', 'order.updated'], store: TjarMock = mock): MockWebhook {
	const id = store.state.webhooks.reduce((max, w) => Math.max(max, w.id), 0) + 1;
	const webhook: MockWebhook = {
		id,
		identifier: id,
		name: 'left behind',
		url,
		events,
		is_active: true,
		secret: `secret-${id}`,
		created_at: '2024-01-01 09:00:00',
		updated_at: '2024-01-01 09:00:00',
	};
	store.state.webhooks.push(webhook);
	return webhook;
}

const calls = () => mock.requests.map((r) => `${r.method} ${r.path}`);
const ours = () => mock.state.webhooks.filter((w) => w.url === WEBHOOK_URL);

async function failureOf(promise: Promise<unknown>): Promise<Error> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(Error);
	return error as Error;
}

describe('activation', () => {
	it('registers a fresh webhook and keeps its id and secret in static data', async () => {
		const staticData: IDataObject = {};
		expect(await activate(trigger, hook(staticData))).toBe('created');

		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks']);
		expect(mock.requests[0].query).toMatchObject({ page: '1', per_page: '100' });
		expect(mock.requests[1].body).toEqual({
			name: 'n8n: Order sync (Tjar Trigger)',
			url: WEBHOOK_URL,
			events: ['order.created', 'order.updated'],
		});
		const [registered] = mock.state.webhooks;
		expect(staticData).toEqual({
			webhookId: String(registered.id),
			secret: registered.secret,
			events: ['order.created', 'order.updated'],
		});
	});

	it('without a List Webhooks endpoint (404) trusts its own registration and registers when it has none', async () => {
		const listMissing = { match: (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/webhooks' };
		const logs: LogLine[] = [];
		const staticData: IDataObject = {};
		mock.failNext(1, 404, listMissing);
		expect(await activate(trigger, hook(staticData, undefined, 'en', logs))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks']);
		expect(logs.some((line) => /404 to List Webhooks/.test(line.message))).toBe(true);

		mock.clearRequests();
		mock.failNext(1, 404, listMissing);
		expect(await activate(trigger, hook(staticData))).toBe('reused');
		expect(calls()).toEqual(['GET /webhooks']);
		expect(ours()).toHaveLength(1);
	});

	it('without a List Webhooks endpoint (404), replaces its own registration when the events changed', async () => {
		const listMissing = { match: (r: { method: string; path: string }) => r.method === 'GET' && r.path === '/webhooks' };
		const staticData: IDataObject = {};
		mock.failNext(1, 404, listMissing);
		await activate(trigger, hook(staticData));
		const first = staticData.webhookId;

		mock.clearRequests();
		mock.failNext(1, 404, listMissing);
		expect(await activate(trigger, hook(staticData, { events: ['order.status_changed'] }))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', `DELETE /webhooks/${first}`, 'POST /webhooks']);
		expect(ours().map((w) => w.events)).toEqual([['order.status_changed']]);
		expect(staticData).toMatchObject({ events: ['order.status_changed'], secret: expect.any(String) });
	});

	it('reuses its registration when the events match and it holds the secret', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData));
		const before = { ...staticData };
		mock.clearRequests();

		expect(await activate(trigger, hook(staticData, { events: ['order.updated', 'order.created'] }))).toBe('reused');
		expect(calls()).toEqual(['GET /webhooks']);
		expect(staticData).toEqual(before);
		expect(ours()).toHaveLength(1);
	});

	it('deletes an orphan for its URL (no secret held) and registers again, leaving other webhooks alone', async () => {
		const orphan = seedWebhook(WEBHOOK_URL);
		const foreign = seedWebhook(OTHER_URL);
		const staticData: IDataObject = {};

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', `DELETE /webhooks/${orphan.id}`, 'POST /webhooks']);
		expect(ours()).toHaveLength(1);
		expect(ours()[0].secret).toBe(staticData.secret);
		expect(mock.state.webhooks).toContain(foreign);
	});

	it('treats a registration whose secret it lost as an orphan', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData));
		const first = ours()[0].id;
		delete staticData.secret;
		mock.clearRequests();

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', `DELETE /webhooks/${first}`, 'POST /webhooks']);
		expect(ours()).toHaveLength(1);
	});

	it('replaces its registration when the selected events changed', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData, { events: ['order.created'] }));
		const old = ours()[0].id;
		mock.clearRequests();

		expect(await activate(trigger, hook(staticData, { events: ['order.created', 'product.created'] }))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', `DELETE /webhooks/${old}`, 'POST /webhooks']);
		expect(ours()).toHaveLength(1);
		expect(ours()[0].events).toEqual(['order.created', 'product.created']);
		expect(staticData.events).toEqual(['order.created', 'product.created']);
	});

	it('replaces a registration that Tjar reports as inactive', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData));
		ours()[0].is_active = false;
		mock.clearRequests();

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', expect.stringMatching(/^DELETE \/webhooks\/\d+$/), 'POST /webhooks']);
		expect(ours()).toHaveLength(1);
		expect(ours()[0].is_active).toBe(true);
	});

	it('forgets a stored id that the store no longer has and registers again', async () => {
		const staticData: IDataObject = { webhookId: '999', secret: 'old-secret', events: ['order.created', 'order.updated'] };

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks']);
		expect(staticData.webhookId).toBe(String(ours()[0].id));
		expect(staticData.secret).toBe(ours()[0].secret);
	});

	it('removes its old registration when n8n is now reached under another host name', async () => {
		const moved = seedWebhook('http://old-host:5678/webhook/6f1c6a8e-0000-4000-8000-000000000001/webhook');
		const staticData: IDataObject = { webhookId: String(moved.id), secret: moved.secret, events: moved.events };

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', `DELETE /webhooks/${moved.id}`, 'POST /webhooks']);
		expect(mock.state.webhooks.map((w) => w.url)).toEqual([WEBHOOK_URL]);
	});

	it('never deletes a webhook for another path, even when it carries the id it remembers', async () => {
		const foreign = seedWebhook(OTHER_URL);
		const staticData: IDataObject = { webhookId: String(foreign.id), secret: 'old-secret', events: ['order.created'] };

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks']);
		expect(mock.state.webhooks).toContain(foreign);
		expect(staticData.webhookId).not.toBe(String(foreign.id));
	});

	it('finds its registration on a later page of List Webhooks', async () => {
		const paged = await startTjarMock({ maxPerPage: 2, webhookCapacity: 10 });
		try {
			const context = (staticData: IDataObject) =>
				fakeHookContext({
					credentials: { storeDomain: `http://${paged.host}`, apiKey: paged.apiKey },
					parameters: { events: ['order.created'] },
					staticData,
					webhookUrl: WEBHOOK_URL,
				});
			for (let i = 0; i < 3; i++) seedWebhook(`${OTHER_URL}/${i}`, ['order.created'], paged);
			const staticData: IDataObject = {};
			await activate(trigger, context(staticData));
			paged.clearRequests();

			expect(await activate(trigger, context(staticData))).toBe('reused');
			expect(paged.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
				'GET /webhooks?page=1&per_page=100',
				'GET /webhooks?page=2&per_page=100',
			]);
		} finally {
			await paged.close();
		}
	});

	it('names the webhook with Options → Webhook Name when given', async () => {
		await activate(trigger, hook({}, { events: ['order.created'], options: { webhookName: 'ERP order sync' } }));
		expect((mock.requests[1].body as IDataObject).name).toBe('ERP order sync');
	});

	it('registers every event the store lists for "All Events"', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData, { events: ['*'] }));

		// checkExists and create each read the list: an event added to the store shows up as a change.
		expect(calls()).toEqual(['GET /webhooks/events', 'GET /webhooks', 'GET /webhooks/events', 'POST /webhooks']);
		const expected = WEBHOOK_EVENTS.map((e) => e.key).sort();
		expect((mock.requests[3].body as IDataObject).events).toEqual(expected);
		mock.clearRequests();
		expect(await activate(trigger, hook(staticData, { events: ['*'] }))).toBe('reused');
	});

	it('falls back to the built-in event list for "All Events" when Webhook Events fails', async () => {
		const logs: LogLine[] = [];
		mock.failNext(1, 500, { match: (r) => r.path === '/webhooks/events' });
		await activate(trigger, hook({}, { events: ['*'] }, 'en', logs));

		expect((mock.requests[mock.requests.length - 1].body as IDataObject).events).toEqual(BUILT_IN_EVENTS);
		expect(logs.some((l) => l.level === 'warn' && l.message.includes('built-in list'))).toBe(true);
	});

	it('asks Refresh Secret for a secret when Register returns none', async () => {
		const created: MockWebhook = { ...seedWebhook(WEBHOOK_URL), secret: 'not-yet-revealed' };
		mock.state.webhooks.length = 0;
		// The store creates the webhook but answers without its secret.
		mock.failNext(1, 201, {
			match: (r) => {
				if (r.method !== 'POST' || r.path !== '/webhooks') return false;
				mock.state.webhooks.push(created);
				return true;
			},
			body: { status: 'success', message: 'Created', data: { id: created.id, name: created.name, url: WEBHOOK_URL } },
		});
		const staticData: IDataObject = {};

		expect(await activate(trigger, hook(staticData))).toBe('created');
		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks', `POST /webhooks/${created.id}/refresh-secret`]);
		expect(staticData.webhookId).toBe(String(created.id));
		expect(staticData.secret).toBe(mock.state.webhooks[0].secret);
		expect(staticData.secret).not.toBe('not-yet-revealed');
	});

	it('refuses to keep a webhook without a secret while Verify Signature is on', async () => {
		mock.failNext(1, 201, {
			match: (r) => r.method === 'POST' && r.path === '/webhooks',
			body: { status: 'success', message: 'Created', data: { id: 77 } },
		});
		const staticData: IDataObject = {};

		const error = await failureOf(activate(trigger, hook(staticData)));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Tjar did not return a signing secret for the webhook');
		expect(calls()).toEqual(['GET /webhooks', 'POST /webhooks', 'POST /webhooks/77/refresh-secret', 'DELETE /webhooks/77']);
		expect(staticData).toEqual({});
	});

	it('keeps a webhook without a secret when Verify Signature is off, and reuses it', async () => {
		mock.failNext(1, 201, {
			match: (r) => r.method === 'POST' && r.path === '/webhooks',
			body: { status: 'success', message: 'Created', data: { id: 1 } },
		});
		mock.failNext(1, 404, { match: (r) => r.path === '/webhooks/1/refresh-secret' });
		const unverified = { events: ['order.created', 'order.updated'], options: { verifySignature: false } };
		const staticData: IDataObject = {};

		expect(await activate(trigger, hook(staticData, unverified))).toBe('created');
		expect(staticData).toEqual({ webhookId: '1', events: ['order.created', 'order.updated'] });
		seedWebhook(WEBHOOK_URL);
		expect(await activate(trigger, hook(staticData, unverified))).toBe('reused');
	});

	it('explains a full store: remove unused webhooks in Settings → Developers', async () => {
		for (let i = 0; i < CAPACITY; i++) seedWebhook(`${OTHER_URL}/${i}`);
		const staticData: IDataObject = {};

		const error = await failureOf(activate(trigger, hook(staticData)));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Your Tjar store has reached its webhook limit');
		expect((error as NodeOperationError).description).toContain('Remove webhooks you no longer use in the Tjar dashboard (Settings → Developers)');
		expect(staticData).toEqual({});
		expect(mock.state.webhooks).toHaveLength(CAPACITY);
	});

	it('recognises the capacity message in Arabic too', async () => {
		for (let i = 0; i < CAPACITY; i++) seedWebhook(`${OTHER_URL}/${i}`);
		const error = await failureOf(activate(trigger, hook({}, undefined, 'ar')));
		expect(error.message).toBe('Your Tjar store has reached its webhook limit');
	});

	it('reports other registration errors as Tjar gave them', async () => {
		const error = await failureOf(activate(trigger, hook({}, { events: ['order.shipped'] })));
		expect(error.message).toContain('Tjar rejected the data (422): events.0: The selected events.0 is invalid.');
	});

	it('asks for at least one event', async () => {
		const error = await failureOf(activate(trigger, hook({}, { events: [] })));
		expect(error.message).toBe('Choose at least one event in the Tjar Trigger');
		expect(calls()).toEqual([]);
	});
});

describe('deactivation', () => {
	it('deletes its webhook and clears static data, keeping the delivery history', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData));
		staticData.recentDeliveryIds = ['d-1'];
		const id = ours()[0].id;
		mock.clearRequests();

		expect(await deactivate(trigger, hook(staticData))).toBe(true);
		expect(calls()).toEqual([`DELETE /webhooks/${id}`]);
		expect(mock.state.webhooks).toEqual([]);
		expect(staticData).toEqual({ recentDeliveryIds: ['d-1'] });
	});

	it('treats a 404 on delete as done', async () => {
		const staticData: IDataObject = { webhookId: '4242', secret: 's', events: ['order.created'] };
		expect(await deactivate(trigger, hook(staticData))).toBe(true);
		expect(calls()).toEqual(['DELETE /webhooks/4242']);
		expect(staticData).toEqual({});
	});

	it('does nothing when it registered nothing', async () => {
		expect(await deactivate(trigger, hook({}))).toBe(true);
		expect(calls()).toEqual([]);
	});

	it('keeps the id and logs when Tjar fails to delete, so the next activation can clean up', async () => {
		const staticData: IDataObject = {};
		await activate(trigger, hook(staticData));
		const logs: LogLine[] = [];
		mock.failNext(4, 503);

		expect(await deactivate(trigger, hook(staticData, undefined, 'en', logs))).toBe(false);
		expect(staticData.webhookId).toBe(String(ours()[0].id));
		expect(logs.map((l) => l.level)).toEqual(['warn']);
	});
});

describe('repeated activation', () => {
	const cycles = 20;

	it(`leaves no webhook behind after ${cycles} activate/deactivate cycles`, async () => {
		const staticData: IDataObject = {};
		for (let i = 0; i < cycles; i++) {
			await activate(trigger, hook(staticData));
			expect(ours()).toHaveLength(1);
			await deactivate(trigger, hook(staticData));
			expect(ours()).toHaveLength(0);
		}
		expect(mock.state.webhooks).toEqual([]);
	});

	it(`keeps one webhook over ${cycles} activations without deactivation (n8n restarts)`, async () => {
		const staticData: IDataObject = {};
		const outcomes: string[] = [];
		for (let i = 0; i < cycles; i++) {
			outcomes.push(await activate(trigger, hook(staticData)));
			expect(ours()).toHaveLength(1);
		}
		expect(outcomes).toEqual(['created', ...Array(cycles - 1).fill('reused')]);
		expect(calls().filter((c) => c === 'POST /webhooks')).toHaveLength(1);
	});

	it(`keeps one webhook over ${cycles} activations that lose static data each time (test runs)`, async () => {
		for (let i = 0; i < cycles; i++) {
			expect(await activate(trigger, hook({}))).toBe('created');
			expect(ours()).toHaveLength(1);
		}
		expect(mock.state.webhooks).toHaveLength(1);
	});

	it(`keeps one webhook over ${cycles} activations that change events each time`, async () => {
		const staticData: IDataObject = {};
		const choices = [['order.created'], ['product.updated'], ['order.created', 'order.deleted']];
		for (let i = 0; i < cycles; i++) {
			await activate(trigger, hook(staticData, { events: choices[i % choices.length] }));
			expect(ours()).toHaveLength(1);
			expect(ours()[0].events).toEqual(choices[i % choices.length]);
		}
	});
});

describe('Events list (loadOptions)', () => {
	const getEvents = trigger.methods.loadOptions.getEvents;

	it('offers "All Events" and the events the store lists', async () => {
		const options = await getEvents.call(hook({}) as never);
		expect(options[0]).toEqual({ name: 'All Events', value: '*', description: 'Every event the store lists when the workflow is activated' });
		expect(options.slice(1).map((o) => o.value).sort()).toEqual(WEBHOOK_EVENTS.map((e) => e.key).sort());
		expect(options.find((o) => o.value === 'order.status_changed')).toEqual({
			name: 'Order status changed',
			value: 'order.status_changed',
			description: 'The status of an order changed.',
		});
		expect(calls()).toEqual(['GET /webhooks/events']);
	});

	it('falls back to the built-in list when the store does not answer', async () => {
		mock.failNext(1, 404, { match: (r) => r.path === '/webhooks/events' });
		const options = await getEvents.call(hook({}) as never);
		expect(options.map((o) => o.value)).toEqual(['*', ...BUILT_IN_EVENTS]);
	});
});
