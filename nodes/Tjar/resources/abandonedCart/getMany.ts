import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { collectionField } from '../../resourceFields';
import { readLimit, returnAllFields } from '../../commonFields';
import { definedOnly, toTjarDate } from '../../parameters';

const shown = { resource: 'abandonedCart', operations: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	...returnAllFields('abandonedCart', 'getMany'),
	collectionField(shown, {
		displayName: 'Filters',
		name: 'filters',
		placeholder: 'Add Filter',
		options: [
			{
				displayName: 'Date From',
				name: 'dateFrom',
				type: 'dateTime',
				default: '',
				description: 'Only carts left on or after this day, e.g. 2024-05-01',
				hint: 'Sent as a date (YYYY-MM-DD); the time of day is ignored',
			},
			{
				displayName: 'Date To',
				name: 'dateTo',
				type: 'dateTime',
				default: '',
				description: 'Only carts left on or before this day, e.g. 2024-05-31. Not in the Tjar docs: assumed to work like Date From.',
				hint: 'Sent as a date (YYYY-MM-DD); the time of day is ignored',
			},
			{
				displayName: 'Products Count',
				name: 'productsCount',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description: 'Only carts holding exactly this number of products, e.g. 2',
			},
		],
	}),
];

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = definedOnly({
		products_count: filters.productsCount as number | undefined,
		date_from: toTjarDate(filters.dateFrom),
		date_to: toTjarDate(filters.dateTo),
	});
	return await listAllPages.call(this, 'abandonedCart.getMany', {
		query,
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
