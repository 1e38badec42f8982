import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { collectionField } from '../../fields';
import { isBlank, requiredId } from '../../parameters';
import { assertNotEmpty, eventsOption, webhookExtraFieldsOption, nameOption, urlOption, webhookBody, webhookIdField } from './fields';

const shown = { resource: 'webhook', operations: ['update'] };

export const updateDescription: INodeProperties[] = [
	webhookIdField(shown.operations),
	collectionField(shown, {
		displayName: 'Update Fields',
		name: 'updateFields',
		hint: 'Only the fields you add are sent. Tjar\'s docs do not say whether it keeps the others; if it answers 422, add Name, URL and Events too',
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description: 'Whether Tjar sends deliveries to this webhook; turn off to pause it without deleting it',
			},
			eventsOption,
			webhookExtraFieldsOption,
			nameOption,
			urlOption,
		],
	}),
];

/** A field added but left empty (or resolved to nothing by an expression) is not set: it is not sent as "". */
const isUnset = (value: unknown): boolean =>
	isBlank(value) || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

export async function update(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'webhookId', itemIndex, 'Webhook');
	const added = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const fields = Object.fromEntries(Object.entries(added).filter(([, value]) => !isUnset(value)));
	const body = webhookBody.call(this, fields, itemIndex);
	assertNotEmpty.call(this, body, itemIndex, id);
	return ((await tjarRequest.call(this, 'webhook.update', { identifier: id, body, itemIndex })) ?? {}) as IDataObject;
}
