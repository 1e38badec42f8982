import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';

/** One output item per event the store can send, as the store describes it. */
export async function getEvents(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const events: unknown[] = await listAllPages.call(this, 'webhook.getEvents', { itemIndex });
	return events.map((event) => (typeof event === 'string' ? { key: event } : (event as IDataObject)));
}
