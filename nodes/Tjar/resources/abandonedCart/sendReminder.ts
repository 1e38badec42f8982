import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { collectionField, extraFieldsOption } from '../../fields';
import { definedOnly, extraFieldsJson, requiredId } from '../../parameters';
import { cartIdField } from './fields';

const shown = { resource: 'abandonedCart', operations: ['sendReminder'] };

export const sendReminderDescription: INodeProperties[] = [
	cartIdField(shown.operations),
	collectionField(shown, {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		hint: 'The reminder’s fields are not in the Tjar docs: Channel and Message are assumed. Without them the store uses its own defaults.',
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'string',
				default: '',
				placeholder: 'e.g. email',
				description: 'How the customer is reminded, e.g. email, sms or whatsapp',
			},
			extraFieldsOption('{"coupon": "COMEBACK10"}'),
			{
				displayName: 'Message',
				name: 'message',
				type: 'string',
				typeOptions: { rows: 3 },
				default: '',
				placeholder: 'e.g. سلتك بانتظارك! أكمل طلبك الآن',
				description: 'The text of the reminder, e.g. "Your cart is waiting for you"',
			},
		],
	}),
];

export async function sendReminder(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'cartId', itemIndex, 'Abandoned Cart');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = {
		...definedOnly({ channel: fields.channel, message: fields.message }),
		...extraFieldsJson.call(this, fields.extraFieldsJson, itemIndex),
	};
	return ((await tjarRequest.call(this, 'abandonedCart.sendReminder', { identifier: id, body, itemIndex })) ?? {}) as IDataObject;
}
