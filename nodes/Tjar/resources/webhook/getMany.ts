import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { readLimit, returnAllFields } from '../../commonFields';

export const getManyDescription: INodeProperties[] = returnAllFields('webhook', 'getMany');

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAllPages.call(this, 'webhook.getMany', { limit: readLimit.call(this, itemIndex), itemIndex });
}
