import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { dateRangeOptions, filtersField, returnAllFields } from '../../fields';
import { definedOnly, isBlank, readDateRange, readLimit, toNumber } from '../../parameters';

const shown = { resource: 'abandonedCart', operations: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	...returnAllFields(shown),
	filtersField(shown, [
		...dateRangeOptions(
			'Only carts left on or after this day, e.g. 2024-05-01',
			'Only carts left on or before this day, e.g. 2024-05-31. Not in the Tjar docs: assumed to work like Date From.',
		),
		{
			displayName: 'Products Count',
			name: 'productsCount',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1,
			description: 'Only carts holding exactly this number of products, e.g. 2',
		},
	]),
];

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = definedOnly({
		products_count: isBlank(filters.productsCount) ? undefined : toNumber.call(this, filters.productsCount, 'Products Count', itemIndex),
		...readDateRange.call(this, filters, itemIndex),
	});
	return await listAllPages.call(this, 'abandonedCart.getMany', {
		query,
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
}
