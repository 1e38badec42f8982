import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { collectionField, extraFieldsOption } from '../../fields';
import { definedOnly, extraFieldsJson } from '../../parameters';
import { customerCollection, ORDER, productLinesField, shippingAddressCollection } from './fields';
import { readCustomer, readProductLines, readShippingAddress } from './orderParts';

export const createDescription: INodeProperties[] = [
	productLinesField('products', 'Products', ['create'], true),
	customerCollection(['create']),
	shippingAddressCollection(['create']),
	collectionField({ resource: ORDER, operations: ['create'] }, {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		options: [
			{
				displayName: 'Coupon',
				name: 'coupon',
				type: 'string',
				default: '',
				placeholder: 'e.g. RAMADAN10',
				description: 'Coupon code to apply, exactly as created in the store, e.g. RAMADAN10',
			},
			extraFieldsOption('{"payment_gateway": "cod"}'),
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				description: 'Order notes, e.g. Please call before delivery',
			},
		],
	}),
];

/** ASSUMED endpoint and body (TJAR-API.md §3): the Edit Order vocabulary sent as JSON. */
export async function create(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const products = readProductLines.call(this, 'products', itemIndex);
	if (products.length === 0) {
		throw new NodeOperationError(this.getNode(), 'An order needs at least one product', {
			itemIndex,
			description: 'Add a line under Products with the product ID and quantity.',
		});
	}
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		...definedOnly({
			customer: readCustomer.call(this, itemIndex),
			shipping_address: readShippingAddress.call(this, itemIndex),
			products,
			coupon: additional.coupon,
			notes: additional.notes,
		}),
		...extraFieldsJson.call(this, additional.extraFieldsJson, itemIndex),
	};
	return ((await tjarRequest.call(this, 'order.create', { body, itemIndex })) as IDataObject | null) ?? {};
}
