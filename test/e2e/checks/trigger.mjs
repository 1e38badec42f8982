/**
 * The Tjar Trigger inside a running n8n: registration on activation, a signed delivery that starts one
 * execution, a tampered one that is refused, and removal on deactivation through the public API.
 */
import { executions } from '../lib/db.mjs';
import { nodeItems } from '../lib/n8n.mjs';
import { waitFor } from '../lib/processes.mjs';
import { expect } from '../lib/report.mjs';

export const TRIGGER_WORKFLOW = 'tjarE2eTrigger01';
const WEBHOOK_ID = '5f1d2c3b-8a0b-4c0e-9d6e-7a1b2c3d4e5f';

/** @param {{ report, mock, n8n, api, userFolder, n8nDir }} ctx */
export async function triggerChecks(ctx) {
	const { report, mock, n8n, api, userFolder, n8nDir } = ctx;
	const expectedUrl = `${n8n.url}/webhook/${WEBHOOK_ID}/webhook`;
	const runs = () => executions({ userFolder, n8nDir, workflowId: TRIGGER_WORKFLOW });
	let registration;

	const registered = await report.check('Trigger: activation registers one webhook in the store', async () => {
		registration = await waitFor('the registration to reach the mock', async () => {
			const { webhooks } = await mock.state();
			return webhooks.find((w) => w.url === expectedUrl);
		}, { timeoutMs: 20000 });
		const { webhooks } = await mock.state();
		expect(webhooks.length === 1, 'exactly one registration', webhooks);
		expect(registration.events.join() === 'order.created' && registration.name === 'n8n e2e', 'events and name from the node', registration);
		const post = (await mock.requests()).find((r) => r.method === 'POST' && r.path === '/webhooks');
		expect(post?.headers.authorization === `Bearer ${mock.apiKey}`, 'registered with the credential', post?.headers);
	});
	if (!registered) return;

	const order = (await mock.state()).orders[0];
	await report.check('Trigger: a signed delivery starts one successful execution carrying the event', async () => {
		const answer = await mock.deliver({ url: expectedUrl, event: 'order.created', data: order, deliveryId: 'e2e-delivery-1' });
		expect(answer.status === 200, 'n8n answers 200', answer);
		expect(JSON.parse(answer.body).received === true, 'n8n answers with the JSON acknowledgement', answer);
		const [run] = await waitFor('one webhook execution', () => {
			// 1.x stores the execution as 'new' before 'running'
			const list = runs().filter((r) => r.finished || (r.status !== 'running' && r.status !== 'new'));
			return list.length ? list : undefined;
		}, { timeoutMs: 20000 });
		expect(run.mode === 'webhook' && run.status === 'success', 'mode webhook, status success', { mode: run.mode, status: run.status });
		const [item] = nodeItems(run.data, 'New Order') ?? [];
		expect(item?.json.event === 'order.created', 'output has the event name', item?.json);
		expect(item.json.data?.id === order.id && item.json.data.customer.name === order.customer.name, 'output has the order (Arabic intact)', item.json.data);
		expect(JSON.stringify(item.json).includes('e2e-delivery-1'), 'output has the delivery id', item.json);
		expect(nodeItems(run.data, 'Received')?.length === 1, 'the next node ran once');
	});

	await report.check('Trigger: a tampered delivery gets 401 and starts nothing', async () => {
		const before = runs().length;
		const answer = await mock.deliver({ url: expectedUrl, event: 'order.created', data: order, tamper: true });
		expect(answer.status === 401, 'n8n answers 401', answer);
		const unsigned = await mock.deliver({ url: expectedUrl, event: 'order.created', data: order, omitSignature: true });
		expect(unsigned.status === 401, 'an unsigned delivery gets 401 too', unsigned);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(runs().length === before, 'no new execution', runs().map((r) => ({ id: r.id, status: r.status })));
	});

	await report.check('Trigger: deactivating through the public API removes the registration', async () => {
		await api.publicApi('POST', `workflows/${TRIGGER_WORKFLOW}/deactivate`);
		// n8n answers before it calls the store: poll
		await waitFor('the registration to be deleted', async () => (await mock.state()).webhooks.length === 0, { timeoutMs: 20000 });
		const del = (await mock.requests()).filter((r) => r.method === 'DELETE' && r.path === `/webhooks/${registration.id}`);
		expect(del.length === 1, 'DELETE /webhooks/{id} once', del.map((r) => r.path));
		const after = await mock.deliver({ url: expectedUrl, event: 'order.created', data: order, secret: registration.secret });
		expect(after.status === 404, 'the URL is no longer served', after);
	});
}
