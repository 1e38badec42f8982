import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { idValue, requiredId } from '../../parameters';
import { webhookIdField } from './fields';

export const deleteDescription: INodeProperties[] = [webhookIdField(['delete'])];

/** Tjar answers a delete with `data: null`; the output says what was deleted instead. */
export async function deleteWebhook(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'webhookId', itemIndex, 'Webhook');
	await tjarRequest.call(this, 'webhook.delete', { identifier: id, itemIndex });
	return { deleted: true, id: idValue(id) };
}
