import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { eventNames } from '../../../shared/webhookEvents';
import { extraFieldsOption, idLocatorField } from '../../fields';
import { extraFieldsJson, toBoolean } from '../../parameters';

export const webhookIdField = (operations: string[]): INodeProperties =>
	idLocatorField({
		resource: 'webhook',
		operations,
		name: 'webhookId',
		label: 'Webhook',
		example: '12',
		description: 'The ID of the webhook, as returned by Register or Get Many ({{ $json.id }})',
	});

export const webhookExtraFieldsOption = extraFieldsOption('{"is_active": false}');

export const nameOption: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
	placeholder: 'e.g. n8n order sync',
	description: 'A name that tells you in the Tjar dashboard what this webhook is for',
};

export const urlOption: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/tjar-orders',
	description: 'The HTTPS address Tjar sends the events to, e.g. the Production URL of a Webhook or Tjar Trigger node',
};

export const eventsOption: INodeProperties = {
	displayName: 'Event Names or IDs',
	name: 'events',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
	default: [],
	description:
		'The events that trigger a delivery, e.g. order.created. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	hint: 'When the store does not list its events, the built-in list of eight common events is shown',
};

/** The assumed webhook body `{name, url, events[], is_active}` from the fields the user set, plus Extra Fields (JSON). */
export function webhookBody(this: IExecuteFunctions, values: IDataObject, itemIndex: number): IDataObject {
	const body: IDataObject = {};
	if (values.name !== undefined) body.name = String(values.name).trim();
	if (values.url !== undefined) body.url = String(values.url).trim();
	if (values.events !== undefined) body.events = eventNames(values.events);
	if (values.isActive !== undefined) body.is_active = toBoolean.call(this, values.isActive, 'Active', itemIndex);
	return { ...body, ...extraFieldsJson.call(this, values.extraFieldsJson, itemIndex) };
}

export function assertNotEmpty(this: IExecuteFunctions, body: IDataObject, itemIndex: number, id: string): void {
	if (Object.keys(body).length > 0) return;
	throw new NodeOperationError(this.getNode(), `Nothing to update for webhook ${id}`, {
		itemIndex,
		description: 'Add at least one field under Update Fields, e.g. Events or Active.',
	});
}
