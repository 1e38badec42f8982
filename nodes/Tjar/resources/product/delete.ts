import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { tjarRequest } from '../../../shared/transport';
import { idValue, requiredId } from '../../parameters';
import { productLocator } from './fields';
import { PRODUCT } from './kinds';

export const deleteDescription: INodeProperties[] = [productLocator(PRODUCT, ['delete'])];

/** ASSUMED endpoint. Tjar answers with `data: null`, so the output says what was deleted. */
export async function deleteProduct(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const identifier = requiredId.call(this, 'productId', itemIndex, PRODUCT.displayName);
	await tjarRequest.call(this, 'product.delete', { identifier, itemIndex });
	return { deleted: true, id: idValue(identifier) };
}
