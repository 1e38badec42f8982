/**
 * The example workflows of templates/ inside the real n8n, so they never rot: imported as a user would
 * (the credential found by its name, "Tjar API account"), the scheduled ones run with `n8n execute`
 * (Schedule Trigger swapped for a Manual Trigger), and the Tjar Trigger one activated and fed a signed
 * `order.created` delivery. Each asserts the items its nodes produce and the requests the mock received.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { executions } from '../lib/db.mjs';
import { nodeItems } from '../lib/n8n.mjs';
import { waitFor } from '../lib/processes.mjs';
import { expect } from '../lib/report.mjs';
import { TEMPLATE_CREDENTIAL_NAME, loadTemplates, writeTemplatesForImport } from '../lib/templates.mjs';

export const TEMPLATE_TRIGGER_WORKFLOW = 'tjarTplNewOrder1';
const LOW_STOCK = { threshold: 5, stocks: { 1: 3, 2: 0 } };

const items = (execution, node) => {
	const list = nodeItems(execution, node);
	expect(list !== undefined, `node "${node}" did not run`, Object.keys(execution?.data?.resultData?.runData ?? {}));
	return list;
};

function succeeded(execution, exitCode) {
	const error = execution?.data?.resultData?.error;
	expect(exitCode === 0 && execution?.status === 'success', `execution should succeed (exit ${exitCode}, status ${execution?.status})`, error);
}

const apiCalls = (requests, method, pattern) => requests.filter((r) => r.method === method && pattern.test(r.path));

/** A Tjar API call to the mock, as the store's own dashboard would make (to set up a scenario). */
async function storeCall(mock, method, path, body) {
	const response = await fetch(`${mock.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${mock.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${await response.text()}`);
}

/**
 * Imports a "Tjar API account" credential for the mock and every template with only that name as its
 * credential reference. Returns the template ids.
 */
export async function importTemplates({ n8n, runDir, mock }) {
	const file = join(runDir, 'template-credentials.json');
	const data = { storeDomain: mock.url, apiKey: mock.apiKey, language: 'en' };
	writeFileSync(file, JSON.stringify([{ id: 'tjarTplCredent01', name: TEMPLATE_CREDENTIAL_NAME, type: 'tjarApi', data }]));
	await n8n.importCredentials(file);
	const dir = join(runDir, 'templates');
	const written = writeTemplatesForImport(dir, { manualStart: true });
	expect(written.length >= 3, 'at least three templates', written);
	await n8n.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
	return written.map((template) => template.id);
}

/** Scenarios for run-e2e's `n8n execute` loop: same shape as ACTION_SCENARIOS, plus `prepare(mock)`. */
export const TEMPLATE_SCENARIOS = [
	{
		workflow: 'tjarTplLowStock1',
		async prepare(mock) {
			for (const [id, quantity] of Object.entries(LOW_STOCK.stocks)) await storeCall(mock, 'PATCH', `/products/${id}`, { quantity });
		},
		checks: {
			'Template "daily low stock report": one report listing exactly the products under 5 in stock'({ execution, requests, state, exitCode }) {
				succeeded(execution, exitCode);
				const all = items(execution, 'Get All Products');
				expect(all.length === state.products.length, 'Return All read every product', { got: all.length, store: state.products.length });
				expect(apiCalls(requests, 'GET', /^\/products$/).length > 1, 'several pages were read');
				const expected = state.products.filter((p) => !p.is_unlimited && p.stock < LOW_STOCK.threshold).map((p) => p.id);
				expect(expected.includes(1) && expected.includes(2), 'the scenario set products 1 and 2 low', expected);
				const low = items(execution, 'Low Stock Only').map((i) => i.json.id);
				expect(JSON.stringify(low) === JSON.stringify(expected), 'the filter kept the low-stock products only (not unlimited ones)', { low, expected });
				const report = items(execution, 'Compose Report');
				expect(report.length === 1, 'one report item', report.length);
				const { subject, text } = report[0].json;
				expect(subject === `Low stock: ${expected.length} products`, 'subject counts them', subject);
				const first = state.products.find((p) => p.id === 1);
				expect(text.split('\n').length === expected.length && text.includes(`${first.name.en} (SKU ${first.sku}): 3 left`), 'one line per product with name, SKU and stock', text);
			},
		},
	},
	{
		workflow: 'tjarTplCartRmnd1',
		checks: {
			'Template "abandoned carts older than a day": date_to is yesterday, one reminder per cart'({ execution, requests, state, exitCode }) {
				succeeded(execution, exitCode);
				const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
				const list = apiCalls(requests, 'GET', /^\/abandoned-carts$/);
				expect(list.length > 0 && list.every((r) => r.query.date_to === yesterday), `GET /abandoned-carts with date_to=${yesterday}`, list.map((r) => r.query));
				const expected = state.abandonedCarts.filter((c) => c.created_at.slice(0, 10) <= yesterday).map((c) => c.id);
				const carts = items(execution, 'Carts Older Than A Day').map((i) => i.json.id);
				expect(carts.length > 0 && JSON.stringify(carts) === JSON.stringify(expected), 'every cart from before today', { carts, expected });
				const posts = apiCalls(requests, 'POST', /^\/abandoned-carts\/\d+\/reminder$/);
				expect(posts.map((p) => p.path).join() === expected.map((id) => `/abandoned-carts/${id}/reminder`).join(), 'one reminder POST per cart', posts.map((p) => p.path));
				const cart = state.abandonedCarts.find((c) => c.id === expected[0]);
				expect(
					posts[0].body.channel === 'whatsapp' && posts[0].body.message === `مرحبا ${cart.customer.name}، ما زالت سلتك بانتظارك (${cart.products_count} منتجات).`,
					'WhatsApp reminder in Arabic with the customer name',
					posts[0].body,
				);
				expect(items(execution, 'Send Reminder').length === expected.length, 'Send Reminder returned one item per cart');
			},
		},
	},
];

/**
 * The Tjar Trigger template in the running n8n: activated through the public API, it registers its
 * webhook; a signed order.created delivery moves that order to Processing and composes the team
 * message; deactivating removes the registration. Runs after checks/trigger.mjs (the store then has
 * no registration left).
 */
export async function templateTriggerChecks({ report, mock, api, userFolder, n8nDir }) {
	const template = loadTemplates().find(({ workflow }) => workflow.id === TEMPLATE_TRIGGER_WORKFLOW).workflow;
	const webhookId = template.nodes.find((n) => n.type === 'n8n-nodes-tjar.tjarTrigger').webhookId;
	let registration;
	const active = await report.check('Template "new order → notify and mark as Processing": activation registers its webhook', async () => {
		await mock.clear();
		await api.publicApi('POST', `workflows/${TEMPLATE_TRIGGER_WORKFLOW}/activate`);
		registration = await waitFor('the template trigger to register', async () => (await mock.state()).webhooks.find((w) => w.url.includes(webhookId)), { timeoutMs: 20000 });
		expect(registration.events.join() === 'order.created' && registration.name === 'n8n: new orders', 'events and name from the template', registration);
	});
	if (!active) return;

	await report.check('Template "new order → notify and mark as Processing": a signed order.created marks it Processing and composes the message', async () => {
		await mock.clear();
		const order = (await mock.state()).orders.find((o) => o.status.value === 'Pending');
		expect(order, 'a pending order in the mock');
		const answer = await mock.deliver({ url: registration.url, event: 'order.created', data: order, deliveryId: 'e2e-template-1' });
		expect(answer.status === 200, 'n8n answers 200', answer);
		const [run] = await waitFor('the template execution', () => {
			const list = executions({ userFolder, n8nDir, workflowId: TEMPLATE_TRIGGER_WORKFLOW }).filter((r) => r.status !== 'running' && r.status !== 'new');
			return list.length ? list : undefined;
		}, { timeoutMs: 20000 });
		expect(run.mode === 'webhook' && run.status === 'success', 'one successful webhook execution', { mode: run.mode, status: run.status });
		const [changed] = nodeItems(run.data, 'Mark As Processing') ?? [];
		expect(changed?.json.id === order.id && changed.json.status?.value === 'Processing', 'the order is now Processing', changed?.json);
		const calls = apiCalls(await mock.requests(), 'POST', /^\/orders\/\d+\/status$/);
		expect(calls.length === 1 && calls[0].path === `/orders/${order.id}/status`, 'POST /orders/{id}/status once', calls.map((c) => c.path));
		expect(
			calls[0].body.status === 'Processing' && calls[0].body.notify_customer === true && calls[0].body.note === `Accepted automatically by n8n for ${order.customer.name}`,
			'status body from the template',
			calls[0].body,
		);
		const [message] = nodeItems(run.data, 'Notify Team') ?? [];
		expect(
			message?.json.text === `New order #${order.order_id} from ${order.customer.name}: ${changed.json.total_amount} SAR, now Processing.` && message.json.orderId === order.id,
			'the team message names the order, customer, total and status',
			message?.json,
		);
	});

	await report.check('Template "new order → notify and mark as Processing": deactivation removes its webhook', async () => {
		await api.publicApi('POST', `workflows/${TEMPLATE_TRIGGER_WORKFLOW}/deactivate`);
		await waitFor('the registration to be deleted', async () => !(await mock.state()).webhooks.some((w) => w.id === registration.id), { timeoutMs: 20000 });
	});
}
