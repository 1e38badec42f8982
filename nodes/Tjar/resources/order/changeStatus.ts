import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { showFor } from '../../fields';
import { definedOnly, requiredId, toBoolean } from '../../parameters';
import { ORDER, orderLocator, orderStatusOption } from './fields';

const shown = { resource: ORDER, operations: ['changeStatus'] };

export const changeStatusDescription: INodeProperties[] = [
	orderLocator(shown.operations),
	{
		...orderStatusOption,
		name: 'status',
		required: true,
		hint: 'In an expression, give the status value as Tjar spells it, e.g. Shipped (see Get Statuses)',
		displayOptions: showFor(shown),
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Why the status changed, kept with the order history, e.g. Handed to SMSA, tracking 2900012345',
		displayOptions: showFor(shown),
	},
	{
		displayName: 'Notify Customer',
		name: 'notifyCustomer',
		type: 'boolean',
		default: false,
		description: 'Whether Tjar tells the customer about the new status (by email or SMS, as set up in the store)',
		displayOptions: showFor(shown),
	},
];

/** ASSUMED endpoint and body: `{status, note?, notify_customer}`. */
export async function changeStatus(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const identifier = requiredId.call(this, 'orderId', itemIndex, 'Order');
	const status = String(this.getNodeParameter('status', itemIndex, '') ?? '').trim();
	if (status === '') {
		throw new NodeOperationError(this.getNode(), 'No status was chosen', {
			itemIndex,
			description: 'Pick the new status from the list, or give its value in an expression, e.g. Shipped.',
		});
	}
	const body = definedOnly({
		status,
		note: this.getNodeParameter('note', itemIndex, '') as string,
		notify_customer: toBoolean.call(this, this.getNodeParameter('notifyCustomer', itemIndex, false), 'Notify Customer', itemIndex),
	});
	return ((await tjarRequest.call(this, 'order.changeStatus', { identifier, body, itemIndex })) as IDataObject | null) ?? {};
}
