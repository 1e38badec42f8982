/**
 * The Tjar node as an AI Agent tool inside the running n8n: n8n turns every `usableAsTool` node into a
 * `<name>Tool` node type when it loads the package (its own convertNodeToAiTool); the editor receives it
 * in /types/nodes.json. That description then goes through the installed n8n-core's createNodeAsTool, as
 * the AI Agent does when it calls the tool, for Order Get Many with model-defined Limit and Date From.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect } from '../lib/report.mjs';

const TOOL_TYPE = 'n8n-nodes-tjar.tjarTool';

/** @param {{ report, n8n, api, n8nDir }} ctx — `api` holds the owner's session (after setupOwner). */
export async function aiToolChecks({ report, n8n, api, n8nDir }) {
	let description;
	const loaded = await report.check('AI tool: n8n generated "Tjar Tool" (ai_tool output, tool description fields) from the package', async () => {
		const response = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie: api.cookie, 'browser-id': 'tjar-scripts' } });
		expect(response.ok, `GET /types/nodes.json → ${response.status}`);
		description = (await response.json()).find((type) => type.name === TOOL_TYPE);
		expect(description, `${TOOL_TYPE} is among the node types`);
		expect(description.displayName === 'Tjar Tool' && JSON.stringify(description.outputs) === '["ai_tool"]', 'a tool node with an ai_tool output', { displayName: description.displayName, outputs: description.outputs });
		const names = description.properties.map((p) => p.name);
		expect(names.includes('toolDescription') && names.includes('descriptionType') && names.includes('resource') && names.includes('operation'), 'tool description fields added, our parameters kept', names.slice(0, 6));
	});
	if (!loaded) return;

	await report.check('AI tool: n8n-core builds the Order Get Many tool with a name, "Get many orders in Tjar" and a schema', () => {
		const load = createRequire(join(n8nDir, 'package.json'));
		const { createNodeAsTool } = load('n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool');
		const { toJsonSchema } = load('@langchain/core/utils/json_schema');
		const node = {
			id: 'e2e-tool',
			name: 'Find Orders',
			type: TOOL_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: {
				descriptionType: 'auto',
				resource: 'order',
				operation: 'getMany',
				returnAll: false,
				limit: "={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('Limit', `How many orders to return`, 'number') }}",
				filters: { dateFrom: "={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('Date_From', `First day, as YYYY-MM-DD`, 'string') }}" },
			},
		};
		const tool = createNodeAsTool({ node, nodeType: { description }, handleToolInvocation: async () => '[]' }).response;
		expect(tool.name === 'Find_Orders', 'tool name from the node name', tool.name);
		expect(tool.description === 'Get many orders in Tjar', 'tool description from the operation action', tool.description);
		const schema = toJsonSchema(tool.schema);
		expect(
			schema.properties?.Limit?.type === 'number' && schema.properties?.Date_From?.type === 'string' && schema.required?.join() === 'Limit,Date_From',
			'schema with the model-defined parameters',
			schema,
		);
	});
}
