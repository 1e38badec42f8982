/**
 * `npm run sandbox:deliver [-- --event order.created]`: while `npm run dev` runs, places a new order in
 * the sandbox store and has the sandbox send a signed `order.created` delivery to every webhook that
 * listens for it (the Tjar Trigger of the example workflow). Prints n8n's answer.
 * Other events (`--event order.status_changed`, ...) are sent with the newest existing order.
 */
import { parseArgs } from 'node:util';

const SANDBOX = process.env.TJAR_SANDBOX_URL ?? `http://127.0.0.1:${process.env.TJAR_SANDBOX_PORT ?? 8787}`;
const API_KEY = 'sandbox-key';
const { values: args } = parseArgs({ options: { event: { type: 'string', default: 'order.created' } } });

async function call(method, path, body, headers = {}) {
	const response = await fetch(`${SANDBOX}${path}`, {
		method,
		headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
	return JSON.parse(text);
}

async function main() {
	const state = await call('GET', '/__mock/state').catch(() => {
		throw new Error(`the sandbox is not reachable at ${SANDBOX}: start it with \`npm run dev\``);
	});
	const targets = state.webhooks.filter((w) => w.is_active !== false && w.events.includes(args.event));
	if (targets.length === 0) {
		throw new Error(`no webhook in the sandbox listens for ${args.event}. Is the workflow "Tjar: new order → notify the team and mark as Processing" active in n8n?`);
	}
	let order;
	if (args.event === 'order.created') {
		const created = await call(
			'POST',
			'/api/core/v1/orders',
			{ products: [{ id: 1, quantity: 2 }, { id: 7, quantity: 1 }], customer: { name: 'ريم الغامدي', email: 'reem.ghamdi@example.com', mobile: '+966508901234' }, notes: 'sandbox:deliver' },
			{ authorization: `Bearer ${API_KEY}` },
		);
		order = created.data;
		console.log(`placed order #${order.order_id} (id ${order.id}) for ${order.customer.name}, ${order.formatted_total_amount.replace(/<[^>]+>/g, '').trim()} SAR`);
	} else {
		order = state.orders[0];
	}
	for (const webhook of targets) {
		const answer = await call('POST', '/__mock/deliver', { url: webhook.url, event: args.event, data: order });
		console.log(`signed ${args.event} → ${webhook.url}\n  n8n answered ${answer.status} ${answer.body}`);
	}
}

main().catch((error) => {
	console.error(`sandbox:deliver: ${error.message}`);
	process.exit(1);
});
