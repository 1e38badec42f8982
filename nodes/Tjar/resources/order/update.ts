import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { METHOD_OVERRIDE_FIELD } from '../../../shared/endpoints';
import { buildMultipartBody, toBracketFields } from '../../../shared/multipart';
import { tjarRequest } from '../../../shared/transport';
import { collectionField, extraFieldsOption, showFor } from '../../fields';
import { definedOnly, extraFieldsJson, requiredId } from '../../parameters';
import { customerCollection, ORDER, orderLocator, productLinesField, shippingAddressCollection } from './fields';
import { readCustomer, readProductLines, readShippingAddress } from './orderParts';

const shown = { resource: ORDER, operations: ['update'] };

export const updateDescription: INodeProperties[] = [
	{
		displayName:
			'Legacy: this is the Edit Order call of an older Tjar API version (a form sent as POST with _method=PUT). It changes the customer or recipient, the shipping address, and adds products.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor(shown),
	},
	orderLocator(['update']),
	customerCollection(['update']),
	shippingAddressCollection(['update']),
	productLinesField('products_to_add', 'Products to Add', ['update'], false),
	collectionField(shown, {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		options: [extraFieldsOption('{"customer": {"user_id": 101}} — nested keys become customer[user_id]')],
	}),
];

/** DOC (older docs): POST /orders/{id} as multipart with `_method=PUT` and bracket keys (TJAR-API.md §3). */
export async function update(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const identifier = requiredId.call(this, 'orderId', itemIndex, 'Order');
	const lines = readProductLines.call(this, 'products_to_add', itemIndex);
	const changes = definedOnly({
		customer: readCustomer.call(this, itemIndex),
		shipping_address: readShippingAddress.call(this, itemIndex),
		products_to_add: lines.length ? lines : undefined,
	});
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extra = extraFieldsJson.call(this, additional.extraFieldsJson, itemIndex);
	// Extra keys come last: the form parser keeps the last value of a repeated key, so they win.
	const fields = [...toBracketFields(changes), ...toBracketFields(extra)];
	if (fields.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Set a customer or shipping address field, add a product, or fill in Extra Fields (JSON).',
		});
	}
	const multipart = buildMultipartBody([[METHOD_OVERRIDE_FIELD, 'PUT'], ...fields]);
	return ((await tjarRequest.call(this, 'order.update', { identifier, multipart, itemIndex })) as IDataObject | null) ?? {};
}
