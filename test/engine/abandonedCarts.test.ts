import { engineSuite, expectSuccess, pairedIndexes } from './harness/engine';
import { byId, chain, e2eWorkflow, start, tjarNode } from './harness/workflowJson';

/** Abandoned cart operations in n8n-core's engine. */
const engine = engineSuite((mock) => mock.seedAbandonedCarts(25));

describe('Abandoned cart operations in the n8n engine', () => {
	test('Get Many → Send Reminder with an Arabic message built from each cart', async () => {
		const result = await engine.run(e2eWorkflow('abandoned-carts.json'));
		expectSuccess(result);
		const carts = result.items('Get Carts');
		expect(carts.map((c) => c.json.id)).toEqual([1, 2, 3]);
		const reminders = engine.requestsTo('POST', /\/reminder$/);
		expect(reminders.map((r) => [r.path, r.body])).toEqual(
			carts.map((c) => [`/abandoned-carts/${c.json.id}/reminder`, { channel: 'whatsapp', message: `مرحبا ${(c.json.customer as { name: string }).name}، سلتك بانتظارك` }]),
		);
		expect(pairedIndexes(result.items('Send Reminder'))).toEqual([0, 1, 2]);
	});

	test('Get Many filters by products count and date, Return All over three pages', async () => {
		const result = await engine.run(
			chain(
				start(),
				tjarNode('Carts', {
					resource: 'abandonedCart',
					operation: 'getMany',
					returnAll: true,
					filters: { dateFrom: '2024-01-01T10:00:00', productsCount: 2 },
				}),
			),
		);
		expectSuccess(result);
		const [first] = engine.mock.requests;
		expect(first.query).toMatchObject({ date_from: '2024-01-01', products_count: '2' });
		const expected = engine.mock.state.abandonedCarts.filter((c) => c.products_count === 2).map((c) => c.id);
		expect(result.items('Carts').map((c) => c.json.id)).toEqual(expected);

		const all = await engine.run(chain(start(), tjarNode('All', { resource: 'abandonedCart', operation: 'getMany', returnAll: true })));
		expect(all.items('All')).toHaveLength(25);
		expect(engine.requestsTo('GET', '/abandoned-carts').slice(-3).map((r) => r.query.page)).toEqual(['1', '2', '3']);
	});

	test('Get one cart by an ID from the input', async () => {
		const result = await engine.run(chain(start(), tjarNode('Cart', { resource: 'abandonedCart', operation: 'get', cartId: byId('={{ $json.cart }}') })), {
			input: [{ json: { cart: 4 } }],
		});
		expectSuccess(result);
		expect(result.items('Cart')[0].json).toMatchObject({ id: 4, products_count: 2 });
	});
});
