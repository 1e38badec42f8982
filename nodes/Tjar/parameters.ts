import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads an ID from a resource locator or a plain field; an empty ID stops before any request. */
export function requiredId(this: IExecuteFunctions, parameterName: string, itemIndex: number, label: string): string {
	const raw = this.getNodeParameter(parameterName, itemIndex, '', { extractValue: true }) as
		| string
		| number
		| INodeParameterResourceLocator;
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	const id = String(value ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(this.getNode(), `The ${label} ID is empty`, {
			itemIndex,
			description: `Enter the ${label} ID, or map it from a previous node, e.g. {{ $json.id }}.`,
		});
	}
	return id;
}

/** Parses the "Extra Fields (JSON)" option: an object merged into the body for fields the docs do not show. */
export function extraFieldsJson(this: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	let parsed: unknown;
	try {
		parsed = JSON.parse(String(value));
	} catch (error) {
		throw new NodeOperationError(this.getNode(), `Extra Fields (JSON) in item ${itemIndex} is not valid JSON`, {
			itemIndex,
			description: `${(error as Error).message}. Enter a JSON object, e.g. {"badge_id": 3}.`,
		});
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(this.getNode(), `Extra Fields (JSON) in item ${itemIndex} must be a JSON object`, {
			itemIndex,
			description: 'Enter an object in curly braces, e.g. {"badge_id": 3}.',
		});
	}
	return parsed as IDataObject;
}

/** n8n date fields give ISO date-times; Tjar filters take YYYY-MM-DD. */
export function toTjarDate(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (match) return match[1];
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? text : date.toISOString().slice(0, 10);
}

/** Keeps only what the user set, so an update never blanks a field by accident. */
export function definedOnly(values: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
	);
}
