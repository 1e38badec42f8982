import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Reads what a merchant typed or mapped into the fields of fields.ts, and turns it into the IDs,
 * lists, dates and bodies Tjar expects.
 */

/** Not set: n8n gives '' for an empty field, an expression may give undefined or null. */
const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

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

/** The Return All / Limit pair of `returnAllFields`: undefined means Return All, as `listAllPages` expects. */
export function readLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

/** An ID field: empty is "not set", a numeric string becomes a number (Tjar IDs are integers). */
export function idValue(value: unknown): number | string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	return /^\d+$/.test(text) ? Number(text) : text;
}

/** The non-empty parts of a typed list, or of an array mapped in with an expression. */
function listParts(value: unknown, separator: RegExp): string[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(separator);
	return raw.map((part) => String(part ?? '').trim()).filter((part) => part !== '');
}

/** A list of numeric IDs, "3, 7" or "3 7" → [3, 7]; anything that is not a whole number is an error naming the field. */
export function idList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number[] {
	return listParts(value, /[,\s]+/).map((part) => {
		if (!/^\d+$/.test(part)) {
			throw new NodeOperationError(this.getNode(), `${label}: "${part}" is not a numeric ID`, {
				itemIndex,
				description: `Enter numeric IDs separated by commas, e.g. 3, 7 — or map an array such as {{ [3, 7] }}.`,
			});
		}
		return Number(part);
	});
}

/** A list of words, e.g. tags "summer, sale" → ["summer", "sale"]; commas separate, spaces are kept. */
export function textList(value: unknown): string[] {
	return listParts(value, /,/);
}

/** Parses the "Extra Fields (JSON)" option: an object merged into the body for fields the docs do not show. */
export function extraFieldsJson(this: IExecuteFunctions, value: unknown, itemIndex: number): IDataObject {
	if (isBlank(value)) return {};
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
	if (isBlank(value)) return undefined;
	const text = String(value).trim();
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (match) return match[1];
	const date = new Date(text);
	return Number.isNaN(date.getTime()) ? text : date.toISOString().slice(0, 10);
}

/** Keeps only what the user set, so an update never blanks a field by accident. */
export function definedOnly(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlank(value)));
}
