import { RETRY_POLICY } from '../../nodes/shared/transport';
import { engineSuite, expectSuccess, pairedIndexes } from './harness/engine';
import { byId, chain, e2eWorkflow, start, tjarNode } from './harness/workflowJson';

/** How failures surface in n8n's engine: continue-on-fail items, stopped workflows, retries. */
const engine = engineSuite((mock) => mock.seedOrders(3));

const getOrder = (extra = {}) => tjarNode('Get Order', { resource: 'order', operation: 'get', orderId: byId('={{ $json.id }}') }, extra);

describe('Errors in the n8n engine', () => {
	beforeAll(() => {
		RETRY_POLICY.baseDelayMs = 0;
	});

	test('With "continue" on error, a 404 becomes an error item paired with its input and the workflow goes on', async () => {
		const result = await engine.run(e2eWorkflow('continue-on-fail.json'));
		expectSuccess(result);
		const out = result.items('Get Order Or Fail');
		expect(out[0].json).toMatchObject({ id: 1 });
		expect(out[1].json.error).toBe('Order "99999" was not found (404)');
		expect(pairedIndexes(out)).toEqual([0, 1]);
		expect(result.items('Carry On')).toHaveLength(2);
	});

	test('Without it, a 404 stops the workflow with the NodeApiError on the node', async () => {
		const result = await engine.run(chain(start(), getOrder()), { input: [{ json: { id: 1 } }, { json: { id: 404404 } }] });
		expect(result.run.status).toBe('error');
		const error = result.run.data.resultData.error;
		expect(error).toMatchObject({ name: 'NodeApiError', httpCode: '404', message: 'Order "404404" was not found (404)' });
		expect(result.run.data.resultData.lastNodeExecuted).toBe('Get Order');
	});

	test('A wrong API key is a 401 that names the credential to fix', async () => {
		const result = await engine.run(chain(start(), getOrder()), { input: [{ json: { id: 1 } }], credential: { apiKey: 'wrong' } });
		expect(result.run.status).toBe('error');
		expect(result.run.data.resultData.error).toMatchObject({ httpCode: '401' });
		expect(engine.mock.requests[0].headers.authorization).toBe('Bearer wrong');
	});

	test('429 and 503 are retried by the transport inside the engine, then the item succeeds', async () => {
		engine.mock.failNext(1, 429);
		engine.mock.failNext(1, 503);
		const result = await engine.run(chain(start(), getOrder()), { input: [{ json: { id: 2 } }] });
		expectSuccess(result);
		expect(engine.calls()).toEqual(['GET /orders/2', 'GET /orders/2', 'GET /orders/2']);
		expect(result.items('Get Order')[0].json.id).toBe(2);
	});

	test('An empty ID is an error, never a call to the list endpoint', async () => {
		const result = await engine.run(chain(start(), getOrder({ onError: 'continueRegularOutput' })), { input: [{ json: { id: '' } }] });
		expectSuccess(result);
		expect(result.items('Get Order')[0].json.error).toBe('The Order ID is empty');
		expect(engine.mock.requests).toHaveLength(0);
	});
});
