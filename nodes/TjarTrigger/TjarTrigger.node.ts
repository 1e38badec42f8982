import type {
	IHookFunctions,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ALL_EVENTS, loadWebhookEventOptions } from '../shared/webhookEvents';
import { receiveDelivery } from './delivery';
import { checkWebhookExists, createWebhook, deleteWebhook } from './lifecycle';

export class TjarTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tjar Trigger',
		name: 'tjarTrigger',
		icon: { light: 'file:tjar.svg', dark: 'file:tjar.dark.svg' },
		group: ['trigger'],
		// 2, not 1: for a start node of typeVersion 1, n8n 2.x evaluates its Webhook-v1 expression
		// `$parameter["options"]["binaryData"]` on every delivery (parseRequestBody), which builds an
		// expression isolate even where N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE would spare it (npm run bench).
		version: 2,
		subtitle: '={{ ($parameter["events"] || []).join(", ").replace("*", "All Events") }}',
		description: 'Starts the workflow when a Tjar store sends an event, such as a new order',
		defaults: { name: 'Tjar Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tjarApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty so that n8n answers with the node's own acknowledgement (webhookResponse); when this is
				// missing, n8n 2.x answers with the literal text of its default, "firstEntryJson".
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEvents' },
				required: true,
				default: [],
				description:
					'The store events that start this workflow, e.g. order.created. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				hint: 'Activating the workflow registers one webhook for these events in your Tjar store; deactivating removes it',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Include Headers',
						name: 'includeHeaders',
						type: 'boolean',
						default: false,
						description: 'Whether to add the HTTP headers of the delivery to the output item (under "headers"), e.g. for debugging',
					},
					{
						displayName: 'Verify Signature',
						name: 'verifySignature',
						type: 'boolean',
						default: true,
						description:
							'Whether to start the workflow only for deliveries signed with this webhook\'s secret (answering others with 401). Keep this on unless Tjar signs differently than expected.',
					},
					{
						displayName: 'Webhook Name',
						name: 'webhookName',
						type: 'string',
						default: '',
						placeholder: 'e.g. n8n order sync',
						description:
							'The name the webhook gets in the Tjar dashboard. Empty: "n8n: &lt;workflow name&gt; (&lt;node name&gt;)".',
					},
				],
			},
			{
				displayName:
					'Signature verification is off: anyone who knows this webhook URL can start the workflow with made-up data',
				name: 'unverifiedNotice',
				type: 'notice',
				default: '',
				// '/': a path from the node's root. Without it n8n 1.x looks for a top-level parameter named
				// "options.verifySignature", finds none and refuses to activate the workflow.
				displayOptions: { show: { '/options.verifySignature': [false] } },
			},
		],
	};

	methods = {
		loadOptions: {
			async getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const events = await loadWebhookEventOptions.call(this);
				return [
					{ name: 'All Events', value: ALL_EVENTS, description: 'Every event the store lists when the workflow is activated' },
					...events,
				];
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkWebhookExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhook.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhook.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}
}
