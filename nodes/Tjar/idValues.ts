import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Turns what a merchant types or maps into the IDs and lists Tjar expects. */

/** An ID field: empty is "not set", a numeric string becomes a number (Tjar IDs are integers). */
export function idValue(value: unknown): number | string | undefined {
	if (value === undefined || value === null) return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	return /^\d+$/.test(text) ? Number(text) : text;
}

/** Splits "3, 7" or "3 7" (or takes an array from an expression) into its non-empty parts. */
function parts(value: unknown): string[] {
	const raw = Array.isArray(value) ? value : String(value ?? '').split(/[,\s]+/);
	return raw.map((part) => String(part ?? '').trim()).filter((part) => part !== '');
}

/** A list of numeric IDs, e.g. "3, 7" → [3, 7]; anything that is not a whole number is an error naming the field. */
export function idList(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number[] {
	return parts(value).map((part) => {
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
	const raw = Array.isArray(value) ? value : String(value ?? '').split(',');
	return raw.map((part) => String(part ?? '').trim()).filter((part) => part !== '');
}
