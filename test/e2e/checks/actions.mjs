/**
 * What each saved workflow (workflows/*.json) must produce when `n8n execute` runs it against the mock:
 * the items of each Tjar node and the exact requests the mock received. The mock is seeded by
 * run-e2e.mjs with MOCK_SEED (35 orders in rotating statuses, 12 products of all four types, 6 carts)
 * and serves at most 10 records per page, so Return All has to read several pages.
 */
import { nodeError, nodeItems } from '../lib/n8n.mjs';
import { expect } from '../lib/report.mjs';

export const MOCK_SEED = { orders: 35, products: 12, carts: 6, maxPerPage: 10 };

const apiCalls = (requests, method, pathPattern) =>
	requests.filter((r) => r.method === method && (typeof pathPattern === 'string' ? r.path === pathPattern : pathPattern.test(r.path)));

const items = (execution, node) => {
	const list = nodeItems(execution, node);
	expect(list !== undefined, `node "${node}" did not run`, Object.keys(execution?.data?.resultData?.runData ?? {}));
	return list;
};

const pairedIndexes = (list) => list.map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : item.pairedItem?.item));

function succeeded(execution, exitCode) {
	const error = execution?.data?.resultData?.error;
	expect(exitCode === 0 && execution?.status === 'success', `execution should succeed (exit ${exitCode}, status ${execution?.status})`, error ?? execution?.data?.resultData?.lastNodeExecuted);
}

export const ACTION_SCENARIOS = [
	{
		workflow: 'tjarE2eOrders001',
		checks: {
			'Get Many orders with Return All reads every page'({ execution, requests, exitCode }) {
				succeeded(execution, exitCode);
				const orders = items(execution, 'Get All Orders');
				expect(orders.length === MOCK_SEED.orders, `expected ${MOCK_SEED.orders} orders`, orders.length);
				expect(new Set(orders.map((o) => o.json.id)).size === MOCK_SEED.orders, 'orders are not duplicated');
				const pages = apiCalls(requests, 'GET', '/orders').filter((r) => r.query.status === undefined).map((r) => Number(r.query.page));
				expect(JSON.stringify(pages) === '[1,2,3,4]', 'pages 1-4 requested once each (10 per page)', pages);
				expect(orders[0].json.customer?.name === 'محمد العتيبي', 'Arabic customer names arrive intact', orders[0].json.customer);
				const auth = requests[0]?.headers;
				expect(auth?.authorization === 'Bearer e2e-key-0a9f' && auth['accept-language'] === 'en', 'credential headers sent', auth);
			},
			'Change Status: expression-mapped order IDs, one call per input item'({ execution, requests }) {
				const pending = items(execution, 'Get Pending Orders');
				expect(pending.length === 2 && pending.every((o) => o.json.status.value === 'Pending'), 'two pending orders (Limit 2, status filter)', pending.map((o) => o.json.status));
				const listCall = apiCalls(requests, 'GET', '/orders').find((r) => r.query.status !== undefined);
				expect(listCall?.query.status === 'Pending' && listCall.query.per_page === '2', 'filter and limit sent as query', listCall?.query);
				const changed = items(execution, 'Mark Shipped');
				expect(changed.length === 2 && changed.every((o) => o.json.status.value === 'Shipped'), 'both orders now Shipped', changed.map((o) => o.json.status));
				expect(JSON.stringify(pairedIndexes(changed)) === '[0,1]', 'pairedItem points at the input item', changed.map((i) => i.pairedItem));
				const calls = apiCalls(requests, 'POST', /^\/orders\/\d+\/status$/);
				expect(calls.map((c) => c.path).join() === pending.map((o) => `/orders/${o.json.id}/status`).join(), 'POST /orders/{id}/status for each order', calls.map((c) => c.path));
				const body = calls[0].body;
				expect(
					body.status === 'Shipped' && body.notify_customer === true && body.note === `Order ${pending[0].json.order_id} handed to SMSA`,
					'status body: {status, note (expression), notify_customer}',
					body,
				);
			},
			'Get Statuses lists the store statuses'({ execution }) {
				const statuses = items(execution, 'Get Statuses');
				expect(statuses.map((s) => s.json.value).join() === 'Pending,Processing,Shipped,Delivered,Cancelled', 'five statuses', statuses.map((s) => s.json));
			},
		},
	},
	{
		workflow: 'tjarE2eProdImg01',
		checks: {
			'Create product sends the Arabic/English body'({ execution, requests, exitCode }) {
				succeeded(execution, exitCode);
				const [created] = items(execution, 'Create Product');
				expect(created.json.name?.ar === 'عسل سدر جبلي' && created.json.price === 120.5, 'created product returned', created.json);
				const [call] = apiCalls(requests, 'POST', '/products');
				const body = call?.body ?? {};
				expect(
					body.name_ar === 'عسل سدر جبلي' && body.name_en === 'Mountain Sidr Honey' && body.price === 120.5 && body.sku === 'HONEY-SIDR-1' && body.quantity === 15 && body.summery_ar === 'عسل طبيعي من جبال الباحة',
					'POST /products body uses Tjar keys',
					body,
				);
				expect(Array.isArray(body.tags) && body.tags.join('|') === 'honey|gift', 'tags sent as a list', body.tags);
			},
			'Upload media sends the binary made by Convert to File as multipart'({ execution, requests }) {
				const [uploaded] = items(execution, 'Upload Image');
				expect(typeof uploaded.json.id === 'number', 'media id returned', uploaded.json);
				const [call] = apiCalls(requests, 'POST', '/media');
				const file = call?.multipart?.files?.[0];
				const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
				expect(file?.field === 'file' && file.filename === 'sidr-honey.png' && file.contentType === 'image/png', 'multipart part "file" with name and type', file && { ...file, data: undefined });
				expect(Buffer.from(file.data, 'base64').equals(png), 'the exact PNG bytes arrived');
				expect(call.multipart.fields.alt === 'Mountain Sidr Honey', 'alt text from an expression on another node', call.multipart.fields);
			},
			'Update product sets the new image_id from the upload'({ execution, requests, state }) {
				const [uploaded] = items(execution, 'Upload Image');
				const [created] = items(execution, 'Create Product');
				const [updated] = items(execution, 'Set Product Image');
				const [call] = apiCalls(requests, 'PATCH', /^\/products\/\d+$/);
				expect(call?.path === `/products/${created.json.id}`, 'PATCH /products/{new id}', call?.path);
				expect(JSON.stringify(call.body) === JSON.stringify({ image_id: uploaded.json.id }), 'body is exactly {image_id}', call.body);
				expect(updated.json.image_id === uploaded.json.id && updated.json.image === uploaded.json.url, 'product now shows the image', updated.json);
				const stored = state.products.find((p) => p.id === created.json.id);
				expect(stored?.image_id === uploaded.json.id, 'the store kept it', stored);
			},
		},
	},
	{
		workflow: 'tjarE2eCarts0001',
		checks: {
			'Send Reminder to each cart from Get Many'({ execution, requests, exitCode, state }) {
				succeeded(execution, exitCode);
				const carts = items(execution, 'Get Carts');
				expect(carts.length === 3, 'Limit 3 carts', carts.length);
				const reminders = items(execution, 'Send Reminder');
				expect(reminders.length === 3 && reminders.every((r) => r.json.sent === true && r.json.channel === 'whatsapp'), 'three reminders sent', reminders.map((r) => r.json));
				expect(JSON.stringify(pairedIndexes(reminders)) === '[0,1,2]', 'pairedItem per cart', reminders.map((r) => r.pairedItem));
				const calls = apiCalls(requests, 'POST', /^\/abandoned-carts\/\d+\/reminder$/);
				expect(calls.map((c) => c.path).join() === '/abandoned-carts/1/reminder,/abandoned-carts/2/reminder,/abandoned-carts/3/reminder', 'one POST per cart', calls.map((c) => c.path));
				const name = carts[0].json.customer.name;
				expect(calls[0].body.message === `مرحبا ${name}، سلتك بانتظارك` && calls[0].body.channel === 'whatsapp', 'Arabic message from an expression', calls[0].body);
				expect(state.abandonedCarts.filter((c) => c.reminders_sent === 1).length === 3, 'the store counted three reminders');
			},
		},
	},
	{
		workflow: 'tjarE2eFailing01',
		checks: {
			'A failing call with continue on fail: error item, workflow goes on'({ execution, requests, exitCode }) {
				succeeded(execution, exitCode);
				const out = items(execution, 'Get Order Or Fail');
				expect(out.length === 2, 'one item per input', out.map((i) => i.json));
				expect(typeof out[0].json.id === 'number' && out[0].json.error === undefined, 'first item is the order', out[0].json);
				expect(typeof out[1].json.error === 'string' && /not found|404/i.test(JSON.stringify(out[1].json)), 'second item carries the 404 error', out[1].json);
				expect(JSON.stringify(pairedIndexes(out)) === '[0,1]', 'pairedItem kept on the error item', out.map((i) => i.pairedItem));
				expect(items(execution, 'Carry On').length === 2, 'the next node got both items');
				expect(nodeError(execution, 'Get Order Or Fail') === undefined, 'the node itself did not fail');
				const gets = apiCalls(requests, 'GET', /^\/orders\/\d+$/).map((r) => r.path);
				expect(gets.at(-1) === '/orders/99999' && gets.length === 2, 'GET /orders/{id} then /orders/99999 (no retry on 404)', gets);
			},
		},
	},
	{
		workflow: 'tjarE2eCatalog01',
		checks: {
			'Digital product: create then get by expression'({ execution, requests, exitCode }) {
				succeeded(execution, exitCode);
				const [created] = items(execution, 'Create Digital Product');
				const [fetched] = items(execution, 'Get Digital Product');
				expect(created.json.type === 'digital' && fetched.json.id === created.json.id, 'digital product created and fetched', fetched.json);
				expect(apiCalls(requests, 'POST', '/products/digital').length === 1, 'POST /products/digital');
				expect(apiCalls(requests, 'GET', `/products/digital/${created.json.id}`).length === 1, 'GET /products/digital/{id}');
			},
			'Booking product get and service product update'({ execution, requests }) {
				const [booking] = items(execution, 'Get Booking Product');
				expect(booking.json.type === 'booking' && booking.json.id === 5, 'booking product 5', booking.json);
				const [service] = items(execution, 'Update Service Product');
				expect(service.json.type === 'service' && service.json.price === 17.5, 'service product price updated', service.json);
				const [patch] = apiCalls(requests, 'PATCH', '/products/service/6');
				expect(JSON.stringify(patch?.body) === '{"price":17.5}', 'PATCH /products/service/6 {price}', patch?.body);
			},
			'Product search in Arabic'({ execution, requests }) {
				const found = items(execution, 'Search Products');
				expect(found.length > 0 && found.every((p) => p.json.name.ar.includes('قهوة')), 'only coffee products', found.map((p) => p.json.name));
				const [call] = apiCalls(requests, 'GET', '/products');
				expect(call?.query.search === 'قهوة', 'search sent UTF-8', call?.query);
			},
			'Webhook register then delete; cart get'({ execution, requests, state }) {
				const [registered] = items(execution, 'Register Webhook');
				expect(typeof registered.json.secret === 'string' && registered.json.events.length === 2, 'registration with its secret', registered.json);
				const [post] = apiCalls(requests, 'POST', '/webhooks');
				expect(post?.body?.url === 'http://127.0.0.1:9/hooks/orders' && post.body.events.join() === 'order.created,order.status_changed', 'POST /webhooks body', post?.body);
				expect(apiCalls(requests, 'DELETE', `/webhooks/${registered.json.id}`).length === 1, 'DELETE /webhooks/{id} from an expression');
				expect(state.webhooks.length === 0, 'no webhook left in the store', state.webhooks);
				const [cart] = items(execution, 'Get Cart');
				expect(cart.json.id === 2 && Array.isArray(cart.json.items), 'cart 2', cart.json);
			},
		},
	},
];
