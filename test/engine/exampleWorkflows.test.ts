import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Tjar } from '../../nodes/Tjar/Tjar.node';
import { TjarTrigger } from '../../nodes/TjarTrigger/TjarTrigger.node';
import { startTjarMock } from '../mock/tjar-mock';
import { sandboxState } from '../sandbox/seed';
import { engineAdditionalData, executeFrom, removeBinaryData, toWorkflow } from './harness/runWorkflow';

/**
 * The saved workflows people run (templates/, also npm run dev's examples) and the e2e suite's: every Tjar parameter they
 * set must be one the node shows for that resource and operation, so a renamed field cannot leave them
 * silently ignoring a setting.
 */
const FOLDERS = [join(__dirname, '..', '..', 'templates'), join(__dirname, '..', 'e2e', 'workflows'), join(__dirname, '..', '..', 'bench', 'workflows')];
const files = FOLDERS.flatMap((folder) => readdirSync(folder).filter((f) => f.endsWith('.json')).map((f) => join(folder, f)))
	// The benchmark's HTTP Request and Webhook workflows have no Tjar node to check.
	.filter((file) => readFileSync(file, 'utf8').includes('"n8n-nodes-tjar.'));
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as IWorkflowBase;
const descriptions = { 'n8n-nodes-tjar.tjar': new Tjar().description, 'n8n-nodes-tjar.tjarTrigger': new TjarTrigger().description };

afterAll(() => removeBinaryData());

describe.each(files.map((file) => [file.split('/').slice(-3).join('/'), file]))('%s', (_name, file) => {
	const tjarNodes = load(file).nodes.filter((node): node is INode => node.type in descriptions);

	test('names a version the Tjar nodes have (n8n refuses to load a node at an unknown typeVersion)', () => {
		expect(tjarNodes.length).toBeGreaterThan(0);
		for (const node of tjarNodes) {
			const { version } = descriptions[node.type as keyof typeof descriptions];
			const versions = Array.isArray(version) ? version : [version];
			expect({ node: node.name, known: versions.includes(node.typeVersion) }).toEqual({ node: node.name, known: true });
		}
	});

	test('sets only parameters the Tjar nodes show for the chosen operation', () => {
		expect(tjarNodes.length).toBeGreaterThan(0);
		for (const node of tjarNodes) {
			const description = descriptions[node.type as keyof typeof descriptions];
			const shown = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) as INodeParameters;
			const unknown = Object.keys(node.parameters).filter((key) => !(key in shown));
			// Inside collections (Additional Fields, Filters, ...) each key must be one of the options.
			for (const [key, value] of Object.entries(node.parameters)) {
				const property = description.properties.find(
					(p) => p.name === key && p.type === 'collection' && NodeHelpers.displayParameter(shown, p, node, description),
				);
				if (!property || !value || typeof value !== 'object') continue;
				const options = new Set((property.options ?? []).map((option) => option.name));
				unknown.push(...Object.keys(value).filter((sub) => !options.has(sub)).map((sub) => `${key}.${sub}`));
			}
			expect({ node: node.name, unknown }).toEqual({ node: node.name, unknown: [] });
		}
	});
});

test('the template "abandoned carts older than a day" reminds exactly the carts created before today', async () => {
	const mock = await startTjarMock({ maxPerPage: 50 });
	try {
		Object.assign(mock.state, sandboxState(mock.url));
		const saved = load(join(FOLDERS[0], 'abandoned-cart-reminders.json'));
		// Schedule Trigger and Sticky Note are n8n-nodes-base nodes, not available here: start at the first Tjar
		// node. The template names its credential only ({id: null}); give it one, as n8n's import does.
		// "Today" is the workflow's today: run it in the mock store's time zone (UTC, as the e2e suite's
		// GENERIC_TIMEZONE), not n8n's default America/New_York, which differs from UTC's date for hours each night.
		const runnable = {
			...saved,
			settings: { ...saved.settings, timezone: 'UTC' },
			nodes: saved.nodes.filter((n) => n.type !== 'n8n-nodes-base.scheduleTrigger' && n.type !== 'n8n-nodes-base.stickyNote'),
		};
		delete (runnable.connections as Record<string, unknown>)['Every Morning'];
		for (const node of runnable.nodes) if (node.credentials) node.credentials.tjarApi = { id: 'template', name: 'Tjar API account' };
		const workflow = toWorkflow(runnable);
		const credentials = { template: { storeDomain: mock.url, apiKey: mock.apiKey } };
		const result = await executeFrom(workflow, workflow.getNode('Carts Older Than A Day') as INode, [{ json: {} }], engineAdditionalData(credentials));
		expect(result.run.status).toBe('success');

		const today = new Date().toISOString().slice(0, 10);
		const expected = mock.state.abandonedCarts.filter((c) => c.created_at.slice(0, 10) < today).map((c) => c.id);
		expect(expected.length).toBeGreaterThan(0);
		expect(result.items('Carts Older Than A Day').map((i) => i.json.id)).toEqual(expected);
		expect(result.items('Send Reminder')).toHaveLength(expected.length);
		const [first] = mock.requests.filter((r) => r.method === 'POST');
		expect(first.body).toMatchObject({ channel: 'whatsapp', message: expect.stringContaining('ما زالت سلتك بانتظارك') });
	} finally {
		await mock.close();
	}
});
