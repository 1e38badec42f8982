import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { TJAR_ENDPOINTS } from '../../../shared/endpoints';
import { extractList } from '../../../shared/pagination';
import { tjarRequest, type TjarFunctions } from '../../../shared/transport';

/** The store's order statuses: the Get Statuses operation and the Status dropdowns both read them here. */
export async function fetchOrderStatuses(this: TjarFunctions, itemIndex?: number): Promise<IDataObject[]> {
	const data = await tjarRequest.call(this, 'order.getStatuses', { itemIndex });
	return extractList(data, TJAR_ENDPOINTS['order.getStatuses'].listKey);
}

export async function getStatuses(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await fetchOrderStatuses.call(this, itemIndex);
}

const labelIn = (label: unknown, language: 'ar' | 'en'): string | undefined => {
	if (typeof label === 'string') return label;
	if (label && typeof label === 'object') return (label as IDataObject)[language] as string | undefined;
	return undefined;
};

/** loadOptions: the value Tjar expects (e.g. "Pending") with its English label; the Arabic label as description. */
export async function getOrderStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const statuses = await fetchOrderStatuses.call(this);
	return statuses
		.filter((status) => status.value !== undefined && status.value !== null)
		.map((status) => {
			const value = String(status.value);
			const arabic = labelIn(status.label, 'ar');
			return {
				name: labelIn(status.label, 'en') || value,
				value,
				...(arabic ? { description: arabic } : {}),
			};
		});
}
