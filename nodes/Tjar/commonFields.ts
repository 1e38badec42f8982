import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** Field builders that several resources share. */

/** The Return All / Limit pair of a Get Many operation. */
export function returnAllFields(resource: string, operation: string): INodeProperties[] {
	const show = { resource: [resource], operation: [operation] };
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: { show: { ...show, returnAll: [false] } },
		},
	];
}

/** undefined means Return All, as `listAllPages` expects. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

/** The "Extra Fields (JSON)" option, read with `extraFieldsJson` from parameters.ts. */
export function extraFieldsOption(example: string): INodeProperties {
	return {
		displayName: 'Extra Fields (JSON)',
		name: 'extraFieldsJson',
		type: 'json',
		default: '{}',
		description: `Fields the Tjar docs do not show, as a JSON object merged into the request (its keys win over the fields above), e.g. ${example}`,
	};
}
