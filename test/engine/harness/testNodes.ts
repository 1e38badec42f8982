import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * Tiny stand-ins for n8n-nodes-base nodes (not a dependency of this package): a start node like the
 * Manual Trigger, a pass-through like No Operation, and a node that turns a base64 string into a binary property through n8n-core's own
 * `prepareBinaryData`, as "Convert to File" does.
 */
export class StartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Starts an engine test with one empty item',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class PassThrough implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Operation',
		name: 'noOp',
		group: ['organization'],
		version: 1,
		description: 'Passes its items on unchanged',
		defaults: { name: 'No Operation' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export class FileFromBase64 implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'File From Base64',
		name: 'fileFromBase64',
		group: ['transform'],
		version: 1,
		description: 'Moves a base64 string of each item into a binary property',
		defaults: { name: 'File From Base64' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Base64', name: 'base64', type: 'string', default: '' },
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: 'file.bin' },
			{ displayName: 'MIME Type', name: 'mimeType', type: 'string', default: 'application/octet-stream' },
			{ displayName: 'Binary Property', name: 'binaryPropertyName', type: 'string', default: 'data' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const buffer = Buffer.from(this.getNodeParameter('base64', i) as string, 'base64');
			const binary = await this.helpers.prepareBinaryData(
				buffer,
				this.getNodeParameter('fileName', i) as string,
				this.getNodeParameter('mimeType', i) as string,
			);
			output.push({
				json: items[i].json,
				binary: { ...items[i].binary, [this.getNodeParameter('binaryPropertyName', i) as string]: binary },
				pairedItem: { item: i },
			});
		}
		return [output];
	}
}
