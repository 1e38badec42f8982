import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { showFor } from '../../fields';

const shown = { resource: 'webhook', operations: ['verifySignature'] };

export const verifySignatureDescription: INodeProperties[] = [
	{
		displayName: 'Payload',
		name: 'payload',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: 'e.g. {"event":"order.created","data":{…}}',
		description: 'The body of the delivery exactly as Tjar sent it (raw text or JSON)',
		hint: 'The signature covers the raw body: JSON that was parsed and written again may differ in spacing or key order and then fails',
		displayOptions: showFor(shown),
	},
	{
		displayName: 'Signature',
		name: 'signature',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. {{ $json.headers["x-tjar-signature"] }}',
		description: 'The signature that came with the delivery, from its X-Tjar-Signature header, e.g. sha256=5d41402a…',
		displayOptions: showFor(shown),
	},
];

/** Asks Tjar whether the signature matches the payload; the output's `valid` is always a boolean. */
export async function verifySignature(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const raw = this.getNodeParameter('payload', itemIndex) as unknown;
	const payload = typeof raw === 'string' ? raw : JSON.stringify(raw);
	const signature = String(this.getNodeParameter('signature', itemIndex)).trim();
	const data = ((await tjarRequest.call(this, 'webhook.verifySignature', { body: { payload, signature }, itemIndex })) ?? {}) as IDataObject;
	const valid = data.valid === true || data.valid === 1 || data.valid === 'true' || data.valid === '1';
	return { ...data, valid };
}
