import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { requiredId } from '../../parameters';
import { cartIdField } from './fields';

export const getDescription: INodeProperties[] = [cartIdField(['get'])];

export async function get(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'cartId', itemIndex, 'Abandoned Cart');
	return ((await tjarRequest.call(this, 'abandonedCart.get', { identifier: id, itemIndex })) ?? {}) as IDataObject;
}
