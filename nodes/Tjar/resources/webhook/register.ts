import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { collectionField, showFor } from '../../fields';
import { eventsOption, webhookExtraFieldsOption, nameOption, urlOption, webhookBody } from './fields';

const shown = { resource: 'webhook', operations: ['register'] };

export const registerDescription: INodeProperties[] = [
	{ ...nameOption, required: true, displayOptions: showFor(shown) },
	{ ...urlOption, required: true, displayOptions: showFor(shown) },
	{
		...eventsOption,
		required: true,
		displayOptions: showFor(shown),
		hint: 'The output holds the webhook’s secret ({{ $json.secret }}): keep it to verify deliveries. To receive events in n8n, the Tjar Trigger node registers its own webhook.',
	},
	collectionField(shown, { displayName: 'Additional Fields', name: 'additionalFields', options: [webhookExtraFieldsOption] }),
];

export async function register(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = webhookBody.call(
		this,
		{
			name: this.getNodeParameter('name', itemIndex) as string,
			url: this.getNodeParameter('url', itemIndex) as string,
			events: this.getNodeParameter('events', itemIndex, []),
			extraFieldsJson: additional.extraFieldsJson,
		},
		itemIndex,
	);
	return ((await tjarRequest.call(this, 'webhook.register', { body, itemIndex })) ?? {}) as IDataObject;
}
