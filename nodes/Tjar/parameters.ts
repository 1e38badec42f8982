import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Reads what a merchant typed or mapped into the fields of fields.ts, and turns it into the IDs,
 * lists, dates and bodies Tjar expects.
 */

/** Not set: n8n gives '' for an empty field, an expression may give undefined or null. */
export const isBlank = (value: unknown): boolean => value === undefined || value === null || value === '';

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits, as Arabic keyboards and sheets give them, become 0-9. */
function latinDigits(text: string): string {
	return text
		.replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
		.replace(/[\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0));
}

/** How a value the user gave appears in an error: text in quotes, anything else as JSON. */
function shown(value: unknown): string {
	return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number field's value, or undefined when it is not a number. n8n does not convert what an
 * expression gives to the field's type, so "65", "٦٥" and "٦٥٫٥" (Arabic decimal separator) arrive as text.
 */
function parseNumber(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = latinDigits(value.trim()).replace(/\u066b/g, '.');
	return DECIMAL.test(text) ? Number(text) : undefined;
}

/** A number field read back as a number; anything else (e.g. "12,5") is an error naming the field. */
export function toNumber(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const number = parseNumber(value);
	if (number === undefined) {
		throw new NodeOperationError(this.getNode(), `${label}: ${shown(value)} is not a number`, {
			itemIndex,
			description: 'Use a dot for decimals, e.g. 12.5, and no thousands separators.',
		});
	}
	return number;
}

/** A count such as Limit or a quantity: a whole number of 1 or more. */
export function toCount(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number {
	const number = parseNumber(value);
	if (number === undefined || !Number.isInteger(number) || number < 1) {
		throw new NodeOperationError(this.getNode(), `${label} must be a whole number of 1 or more`, {
			itemIndex,
			description: `It was ${shown(value)}. Enter e.g. 10.`,
		});
	}
	return number;
}

const TRUE_TEXT = ['true', '1', 'yes'];
const FALSE_TEXT = ['false', '0', 'no'];

/** A boolean field read back as a boolean: an expression may give "false", which `Boolean()` would turn into true. */
export function toBoolean(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): boolean {
	if (typeof value === 'boolean') return value;
	const text = typeof value === 'number' || typeof value === 'string' ? latinDigits(String(value).trim().toLowerCase()) : undefined;
	if (text !== undefined && TRUE_TEXT.includes(text)) return true;
	if (text !== undefined && FALSE_TEXT.includes(text)) return false;
	throw new NodeOperationError(this.getNode(), `${label}: ${shown(value)} is not true or false`, {
		itemIndex,
		description: 'Turn the switch on or off, or have the expression give true or false (yes/no and 1/0 work too), e.g. {{ $json.stock > 0 }}.',
	});
}

/** Reads an ID from a resource locator or a plain field; an empty ID stops before any request. */
export function requiredId(this: IExecuteFunctions, parameterName: string, itemIndex: number, label: string): string {
	const raw = this.getNodeParameter(parameterName, itemIndex, '', { extractValue: true }) as
		| string
		| number
		| INodeParameterResourceLocator;
	const value = typeof raw === 'object' && raw !== null ? raw.value : raw;
	const id = latinDigits(String(value ?? '').trim());
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
	if (toBoolean.call(this, this.getNodeParameter('returnAll', itemIndex, false), 'Return All', itemIndex)) return undefined;
	return toCount.call(this, this.getNodeParameter('limit', itemIndex, 50), 'Limit', itemIndex);
}

/** An ID field: empty is "not set", a numeric string becomes a number (Tjar IDs are integers). */
export function idValue(value: unknown): number | string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = latinDigits(String(value).trim());
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
	return listParts(value, /[,\s\u060c]+/).map((part) => {
		const digits = latinDigits(part);
		if (!/^\d+$/.test(digits)) {
			throw new NodeOperationError(this.getNode(), `${label}: "${part}" is not a numeric ID`, {
				itemIndex,
				description: `Enter numeric IDs separated by commas, e.g. 3, 7 — or map an array such as {{ [3, 7] }}.`,
			});
		}
		return Number(digits);
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

/**
 * n8n date fields give ISO date-times; Tjar filters take YYYY-MM-DD. An ISO text keeps its own day
 * (whatever its offset); other dates are taken in UTC. Text that is no date is an error naming the field.
 */
export function toTjarDate(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): string | undefined {
	if (isBlank(value)) return undefined;
	const text = value instanceof Date ? '' : latinDigits(String(value).trim());
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	if (match) return match[1];
	const date = value instanceof Date ? value : new Date(text);
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(this.getNode(), `${label}: ${shown(value instanceof Date ? 'Invalid Date' : value)} is not a date`, {
			itemIndex,
			description: 'Pick a day in the date picker, or give it as YYYY-MM-DD in an expression, e.g. 2024-01-31.',
		});
	}
	return date.toISOString().slice(0, 10);
}

/** The Date From / Date To filters of `dateRangeOptions` as Tjar's `date_from` / `date_to`. */
export function readDateRange(this: IExecuteFunctions, filters: IDataObject, itemIndex: number): IDataObject {
	return {
		date_from: toTjarDate.call(this, filters.dateFrom, 'Date From', itemIndex),
		date_to: toTjarDate.call(this, filters.dateTo, 'Date To', itemIndex),
	};
}

/** Keeps only what the user set, so an update never blanks a field by accident. */
export function definedOnly(values: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(values).filter(([, value]) => !isBlank(value)));
}
