import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { resourceOptions, resources } from './resources';
import { methods } from './methods';

/** Errors keep Tjar's context when they are ours; anything else is tied to the item that caused it. */
function asNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export class Tjar implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tjar',
		name: 'tjar',
		icon: { light: 'file:tjar.svg', dark: 'file:tjar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage orders, products, media, webhooks and abandoned carts of a Tjar store',
		defaults: { name: 'Tjar' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tjarApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'order',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = methods;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const resource = this.getNodeParameter('resource', itemIndex) as string;
				const operation = this.getNodeParameter('operation', itemIndex) as string;
				const handler = resources[resource]?.operations[operation];
				if (!handler) {
					throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, {
						itemIndex,
					});
				}
				const result = await handler.call(this, itemIndex);
				const records: IDataObject[] = Array.isArray(result) ? result : [result];
				for (const json of records) output.push({ json, pairedItem: { item: itemIndex } });
			} catch (error) {
				const failure = asNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw failure;
				output.push({
					json: { error: failure.message, ...(failure.description ? { description: failure.description } : {}) },
					pairedItem: { item: itemIndex },
				});
			}
		}
		return [output];
	}
}
