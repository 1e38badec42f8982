import type { TjarResource } from '../../types';
import { get, getDescription } from './get';
import { getMany, getManyDescription } from './getMany';
import { sendReminder, sendReminderDescription } from './sendReminder';

/** Abandoned carts: carts customers left without ordering, and reminders to bring them back. */
export const abandonedCartResource: TjarResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['abandonedCart'] } },
			options: [
				{
					name: 'Get',
					value: 'get',
					description: 'Get an abandoned cart with its customer and items',
					action: 'Get an abandoned cart',
				},
				{
					name: 'Get Many',
					value: 'getMany',
					description: 'List carts customers left without ordering, optionally by date or number of products',
					action: 'Get many abandoned carts',
				},
				{
					name: 'Send Reminder',
					value: 'sendReminder',
					description: 'Have Tjar remind the customer of an abandoned cart, e.g. by email, SMS or WhatsApp',
					action: 'Send a reminder for an abandoned cart',
				},
			],
			default: 'getMany',
		},
		...getDescription,
		...getManyDescription,
		...sendReminderDescription,
	],
	operations: { get, getMany, sendReminder },
};
