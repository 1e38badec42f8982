import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IConnections, IDataObject, INode, INodeParameters, IWorkflowBase } from 'n8n-workflow';

/** Builders for workflow JSON in engine tests: the same shape n8n saves and `n8n import:workflow` reads. */

export const CREDENTIAL_ID = 'tjarE2eCredent01';
const credentials = { tjarApi: { id: CREDENTIAL_ID, name: 'Tjar Store (mock)' } };

let position = 0;

export function tjarNode(name: string, parameters: IDataObject, extra: Partial<INode> = {}): INode {
	position += 220;
	return {
		id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`,
		name,
		type: 'n8n-nodes-tjar.tjar',
		typeVersion: 1,
		position: [position, 0],
		parameters,
		credentials,
		...extra,
	} as INode;
}

export function node(name: string, type: string, parameters: IDataObject = {}): INode {
	position += 220;
	return { id: `node-${name.replace(/\W+/g, '-').toLowerCase()}`, name, type, typeVersion: 1, position: [position, 0], parameters: parameters as INodeParameters };
}

export const start = (): INode => node('Start', 'n8n-nodes-base.manualTrigger');

/** Nodes in a line: Start → a → b → ... */
export function chain(...nodes: INode[]): IWorkflowBase {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return workflow(nodes, connections);
}

export function workflow(nodes: INode[], connections: IConnections, name = 'engine test'): IWorkflowBase {
	return {
		id: 'engineWorkflow01',
		name,
		active: false,
		isArchived: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as IWorkflowBase;
}

/** A saved workflow of the end-to-end suite (test/e2e/workflows), to run the very same JSON in-process. */
export function e2eWorkflow(file: string): IWorkflowBase {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'e2e', 'workflows', file), 'utf8')) as IWorkflowBase;
}

/** A resource locator in "By ID" mode, as the editor saves it. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });
