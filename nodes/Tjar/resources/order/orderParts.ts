import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { definedOnly, idValue, isBlank, toBoolean, toCount } from '../../parameters';

/**
 * Reads the customer, shipping address and product lines of an order in Tjar's vocabulary, as plain
 * objects: Create sends them as JSON, the legacy Edit Order flattens them into form keys.
 */

const ID_KEYS = ['user_id', 'country_id', 'city_id', 'shipping_id'];
/** Boolean options of the collections, with their display names for errors. */
const BOOLEAN_KEYS: Record<string, string> = { different_recipient: 'Different Recipient' };

/** A collection's values with IDs as numbers and booleans as booleans; undefined when the user set nothing in it. */
function readCollection(this: IExecuteFunctions, name: string, itemIndex: number): IDataObject | undefined {
	const raw = { ...(this.getNodeParameter(name, itemIndex, {}) as IDataObject) };
	for (const key of ID_KEYS) if (key in raw) raw[key] = idValue(raw[key]);
	for (const [key, label] of Object.entries(BOOLEAN_KEYS)) {
		if (!isBlank(raw[key])) raw[key] = toBoolean.call(this, raw[key], label, itemIndex);
	}
	const values = definedOnly(raw);
	return Object.keys(values).length ? values : undefined;
}

export function readCustomer(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	return readCollection.call(this, 'customer', itemIndex);
}

export function readShippingAddress(this: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	return readCollection.call(this, 'shipping_address', itemIndex);
}

interface ProductLineValues extends IDataObject {
	id?: string;
	quantity?: number | string;
	variant_id?: string;
	color_name?: string;
	size_name?: string;
	product_options?: { option?: IDataObject[] };
}

/** The product lines of the `parameterName` fixed collection; a line without a product ID is an error. */
export function readProductLines(this: IExecuteFunctions, parameterName: string, itemIndex: number): IDataObject[] {
	const raw = this.getNodeParameter(parameterName, itemIndex, {}) as { line?: ProductLineValues[] };
	return (raw.line ?? []).map((line, index) => {
		const id = idValue(line.id);
		if (id === undefined) {
			throw new NodeOperationError(this.getNode(), `Product line ${index + 1} has no Product ID`, {
				itemIndex,
				description: 'Enter the numeric product ID in every product line, e.g. 12, or remove the empty line.',
			});
		}
		const options = (line.product_options?.option ?? []).map((option) =>
			definedOnly({ name: option.name, type: option.type, value: option.value }),
		);
		return definedOnly({
			id,
			// Not set at all (older saved workflows): the field's default of 1. Set but empty or 0: an error.
			quantity: line.quantity === undefined ? 1 : toCount.call(this, line.quantity, `Quantity of product line ${index + 1}`, itemIndex),
			variant_id: idValue(line.variant_id),
			color_name: line.color_name,
			size_name: line.size_name,
			product_options: options.length ? options : undefined,
		});
	});
}
