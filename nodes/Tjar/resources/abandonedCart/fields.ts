import type { INodeProperties } from 'n8n-workflow';

import { idLocatorField } from '../../fields';

export const cartIdField = (operations: string[]): INodeProperties =>
	idLocatorField({
		resource: 'abandonedCart',
		operations,
		name: 'cartId',
		label: 'Abandoned Cart',
		example: '57',
		description: 'The ID of the abandoned cart, e.g. from Get Many or a Tjar Trigger ({{ $json.data.id }})',
	});
