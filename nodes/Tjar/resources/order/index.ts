import type { INodeProperties } from 'n8n-workflow';

import type { TjarResource } from '../../types';
import { changeStatus, changeStatusDescription } from './changeStatus';
import { create, createDescription } from './create';
import { ORDER } from './fields';
import { get, getDescription } from './get';
import { getMany, getManyDescription } from './getMany';
import { getStatuses } from './statuses';
import { update, updateDescription } from './update';

const operationField: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: [ORDER] } },
	default: 'get',
	options: [
		{
			name: 'Change Status',
			value: 'changeStatus',
			description: 'Move an order to another status, optionally telling the customer',
			action: 'Change the status of an order',
		},
		{
			name: 'Create',
			value: 'create',
			description: 'Create an order for a customer from product lines, with address and coupon (assumed endpoint)',
			action: 'Create an order',
		},
		{ name: 'Get', value: 'get', description: 'Get an order by its ID', action: 'Get an order' },
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List orders, optionally only one status or those placed between two dates',
			action: 'Get many orders',
		},
		{
			name: 'Get Statuses',
			value: 'getStatuses',
			description: 'List the order statuses of the store',
			action: 'Get order statuses',
		},
		{
			name: 'Update (Legacy Edit Order)',
			value: 'update',
			description: 'Legacy Edit Order form: change customer or address, add products',
			action: 'Update an order with the legacy edit form',
		},
	],
};

export const order: TjarResource = {
	description: [
		operationField,
		...getDescription,
		...getManyDescription,
		...createDescription,
		...changeStatusDescription,
		...updateDescription,
	],
	operations: { get, getMany, getStatuses, create, changeStatus, update },
};
