import type { IDataObject } from 'n8n-workflow';

/**
 * Flattens an object into Laravel form keys for the legacy multipart Edit Order:
 * {products_to_add: [{id: 5, product_options: [{name: 'x'}]}]} →
 * products_to_add[0][id]=5, products_to_add[0][product_options][0][name]=x.
 * Booleans become 1/0, as Laravel reads them from forms; null and undefined are left out.
 */
export function toBracketFields(value: IDataObject | unknown[], prefix = ''): Array<[string, string]> {
	const fields: Array<[string, string]> = [];
	const entries: Array<[string, unknown]> = Array.isArray(value)
		? value.map((entry, index) => [String(index), entry])
		: Object.entries(value);
	for (const [key, entry] of entries) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (entry === undefined || entry === null) continue;
		if (typeof entry === 'object') fields.push(...toBracketFields(entry as IDataObject | unknown[], name));
		else if (typeof entry === 'boolean') fields.push([name, entry ? '1' : '0']);
		else fields.push([name, String(entry)]);
	}
	return fields;
}
