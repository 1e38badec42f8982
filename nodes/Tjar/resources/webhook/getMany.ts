import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { returnAllFields } from '../../fields';
import { readLimit } from '../../parameters';

export const getManyDescription: INodeProperties[] = returnAllFields({ resource: 'webhook', operations: ['getMany'] });

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await listAllPages.call(this, 'webhook.getMany', { limit: readLimit.call(this, itemIndex), itemIndex });
}
