import type { TjarResource } from '../../types';
import { deleteDescription, deleteWebhook } from './delete';
import { getEvents } from './getEvents';
import { getMany, getManyDescription } from './getMany';
import { refreshSecret, refreshSecretDescription } from './refreshSecret';
import { register, registerDescription } from './register';
import { update, updateDescription } from './update';
import { verifySignature, verifySignatureDescription } from './verifySignature';

/** Webhooks: the store's registered endpoints, their secrets and the events they can send. */
export const webhookResource: TjarResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['webhook'] } },
			options: [
				{
					name: 'Delete',
					value: 'delete',
					description: 'Remove a webhook so that Tjar stops sending it events',
					action: 'Delete a webhook',
				},
				{
					name: 'Get Events',
					value: 'getEvents',
					description: 'List the events a webhook can subscribe to',
					action: 'Get webhook events',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List the webhooks registered in the store, with their URLs and events',
					action: 'Get many webhooks',
				},
				{
					name: 'Refresh Secret',
					value: 'refreshSecret',
					description: 'Replace the secret a webhook signs its deliveries with',
					action: 'Refresh the secret of a webhook',
				},
				{
					name: 'Register',
					value: 'register',
					description: 'Register a URL that receives store events',
					action: 'Register a webhook',
				},
				{
					name: 'Update',
					value: 'update',
					description: 'Change the name, URL, events or state of a webhook',
					action: 'Update a webhook',
				},
				{
					name: 'Verify Signature',
					value: 'verifySignature',
					description: 'Ask Tjar whether a delivery’s signature is genuine',
					action: 'Verify a webhook signature',
				},
			],
			default: 'getMany',
		},
		...getManyDescription,
		...registerDescription,
		...updateDescription,
		...deleteDescription,
		...verifySignatureDescription,
		...refreshSecretDescription,
	],
	operations: {
		getMany,
		register,
		update,
		delete: deleteWebhook,
		verifySignature,
		refreshSecret,
		getEvents,
	},
};
