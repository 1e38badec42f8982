import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { requiredId } from '../../parameters';
import { webhookIdField } from './fields';

export const refreshSecretDescription: INodeProperties[] = [
	{
		...webhookIdField(['refreshSecret']),
		hint: 'The old secret stops working: update every place that verifies this webhook’s signatures with {{ $json.secret }}',
	},
];

/** Returns the webhook with its new `secret` (ASSUMED at `data.secret`); a bare secret becomes {id, secret}. */
export async function refreshSecret(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'webhookId', itemIndex, 'Webhook');
	const data = await tjarRequest.call(this, 'webhook.refreshSecret', { identifier: id, itemIndex });
	if (typeof data === 'string') return { id, secret: data };
	return { id, ...((data ?? {}) as IDataObject) };
}
