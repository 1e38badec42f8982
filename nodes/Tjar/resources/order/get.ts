import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { requiredId } from '../../parameters';
import { SIMPLE_ORDER_FIELDS, simplifyField, simplifyIfAsked, simplifyOrder } from '../../simplify';
import { ORDER, orderLocator } from './fields';

export const getDescription: INodeProperties[] = [
	orderLocator(['get']),
	simplifyField(ORDER, ['get'], SIMPLE_ORDER_FIELDS),
];

export async function get(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const identifier = requiredId.call(this, 'orderId', itemIndex, 'Order');
	const order = (await tjarRequest.call(this, 'order.get', { identifier, itemIndex })) as IDataObject | null;
	return simplifyIfAsked.call(this, itemIndex, [order ?? {}], simplifyOrder);
}
