import type { INode, INodeProperties, INodePropertyOptions, INodeType } from 'n8n-workflow';
import { nodeNameToToolName } from 'n8n-workflow';
import { createNodeAsTool } from 'n8n-core/dist/execution-engine/node-execution-context/utils/create-node-as-tool';
import { toJsonSchema } from '@langchain/core/utils/json_schema';

import { Tjar } from '../../nodes/Tjar/Tjar.node';

/**
 * The Tjar node as a tool of n8n's AI Agent (`usableAsTool`). n8n builds the tool with n8n-core's
 * createNodeAsTool: the name from the node's name, the description from the operation's `action`
 * ("<action> in Tjar"), and the schema from the `$fromAI()` placeholders the user lets the model fill
 * (the editor's "Let the model define this parameter" button writes
 * `$fromAI('<display name with _ for other characters>', '', '<type>')`). These tests build that tool for
 * every operation, with every parameter the editor lets a model define, and check what an LLM receives.
 * The e2e suite repeats the Order Get Many case with n8n's own conversion of the node (n8n's
 * convertNodeToAiTool) inside the installed n8n.
 */
const tjar = new Tjar();
const { properties } = tjar.description;
const NAME_RULE = /^[a-zA-Z0-9_-]{1,64}$/; // OpenAI's rule for tool names and argument keys

/** What the editor's override button writes, and the JSON schema type it leads to. */
const fromAiType = (type: INodeProperties['type']) => (['boolean', 'number', 'json'].includes(type) ? type : 'string');
const fromAiKey = (displayName: string) => displayName.replace(/[^a-zA-Z0-9-]/g, '_').slice(0, 63);
const fromAi = (property: INodeProperties, description = '') => `={{ $fromAI('${fromAiKey(property.displayName)}', \`${description}\`, '${fromAiType(property.type)}') }}`;

/** Parameter types whose value the editor lets a model define (options are picked by the user). */
const OVERRIDABLE = new Set(['string', 'number', 'boolean', 'json', 'dateTime', 'resourceLocator']);

const shownFor = (resource: string, operation: string) =>
	properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions.show.operation?.includes(operation));

/** Every overridable parameter of one operation set to $fromAI, top level and inside collections. */
function modelDefinedParameters(resource: string, operation: string): { parameters: INode['parameters']; keys: Record<string, string> } {
	const parameters: INode['parameters'] = { resource, operation };
	const keys: Record<string, string> = {};
	const place = (property: INodeProperties) => {
		keys[fromAiKey(property.displayName)] = fromAiType(property.type) === 'json' ? 'object' : fromAiType(property.type);
		return property.type === 'resourceLocator' ? { __rl: true, mode: 'id', value: fromAi(property) } : fromAi(property);
	};
	for (const property of shownFor(resource, operation)) {
		if (OVERRIDABLE.has(property.type)) parameters[property.name] = place(property);
		if (property.type === 'collection') {
			const inner = (property.options as INodeProperties[]).filter((option) => OVERRIDABLE.has(option.type));
			parameters[property.name] = Object.fromEntries(inner.map((option) => [option.name, place(option)]));
		}
	}
	return { parameters, keys };
}

const toolNode = (name: string, parameters: INode['parameters']): INode => ({
	id: 'tool-1',
	name,
	type: 'n8n-nodes-tjar.tjarTool',
	typeVersion: 1,
	position: [0, 0],
	parameters,
	credentials: { tjarApi: { id: '1', name: 'Tjar API account' } },
});

function buildTool(node: INode) {
	return createNodeAsTool({ node, nodeType: tjar as INodeType, handleToolInvocation: async () => '[]' }).response;
}

const resources = (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) => ({ value: String(o.value), name: o.name }));
const operations = resources.flatMap((resource) => {
	const field = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource.value))!;
	return (field.options as INodePropertyOptions[]).map((op) => ({ resource, op: { value: String(op.value), name: op.name, action: op.action!, description: op.description } }));
});

describe.each(operations.map(({ resource, op }) => [`${resource.name} → ${op.name}`, resource, op] as const))('as an AI Agent tool: %s', (_title, resource, op) => {
	const { parameters, keys } = modelDefinedParameters(resource.value, op.value);
	const node = toolNode(`${resource.name} ${op.name}`, parameters);

	test('n8n builds the tool: a valid name, "<action> in Tjar", a schema with every model-defined parameter', () => {
		const tool = buildTool(node);
		expect(tool.name).toBe(nodeNameToToolName(node));
		expect(tool.name).toMatch(NAME_RULE);
		expect(tool.description).toBe(`${op.action} in Tjar`);

		const schema = toJsonSchema(tool.schema) as { type: string; properties: Record<string, { type?: string }>; required?: string[] };
		expect(schema.type).toBe('object');
		const types = Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, value.type ?? 'object']));
		expect(types).toEqual(keys);
		for (const key of Object.keys(keys)) expect(key).toMatch(NAME_RULE);
	});
});

describe('descriptions an LLM can act on', () => {
	test('every action is a distinct sentence starting with a verb, so the model can tell the tools apart', () => {
		const actions = operations.map(({ op }) => op.action);
		expect(new Set(actions).size).toBe(actions.length);
		for (const action of actions) expect(action).toMatch(/^(Get|Create|Update|Delete|Change|Upload|Register|Refresh|Verify|Send) [a-z]/);
	});

	test('every operation has a description that says more than its action', () => {
		for (const { resource, op } of operations) {
			expect({ operation: `${resource.name} ${op.name}`, same: op.description === op.action }).toEqual({ operation: `${resource.name} ${op.name}`, same: false });
			expect(op.description).toMatch(/\S{3,}/);
		}
	});
});

test('Order Get Many as a tool: the model fills Limit and the date filters; the schema validates its arguments', () => {
	const limit = properties.find((p) => p.name === 'limit' && p.displayOptions?.show?.resource?.includes('order'))!;
	const filters = properties.find((p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes('order'))!;
	const dateFrom = (filters.options as INodeProperties[]).find((o) => o.name === 'dateFrom')!;
	const node = toolNode('Find Orders', {
		resource: 'order',
		operation: 'getMany',
		returnAll: false,
		limit: fromAi(limit, 'How many orders to return, newest first'),
		filters: { dateFrom: fromAi(dateFrom, 'First day, as YYYY-MM-DD'), status: 'Pending' },
	});

	const tool = buildTool(node);
	expect(tool.name).toBe('Find_Orders');
	expect(tool.description).toBe('Get many orders in Tjar');
	expect(toJsonSchema(tool.schema)).toMatchObject({
		type: 'object',
		properties: {
			Limit: { type: 'number', description: 'How many orders to return, newest first' },
			Date_From: { type: 'string', description: 'First day, as YYYY-MM-DD' },
		},
		required: ['Limit', 'Date_From'],
	});
	expect(tool.schema.parse({ Limit: 5, Date_From: '2024-05-01' })).toEqual({ Limit: 5, Date_From: '2024-05-01' });
	expect(() => tool.schema.parse({ Limit: 'five', Date_From: '2024-05-01' })).toThrow();
});
