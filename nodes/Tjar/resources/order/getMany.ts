import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { dateRangeOptions, filtersField, returnAllFields } from '../../fields';
import { definedOnly, readDateRange, readLimit } from '../../parameters';
import { SIMPLE_ORDER_FIELDS, simplifyField, simplifyIfAsked, simplifyOrder } from '../../simplify';
import { ORDER, orderStatusOption } from './fields';

const shown = { resource: ORDER, operations: ['getMany'] };

export const getManyDescription: INodeProperties[] = [
	...returnAllFields(shown),
	filtersField(shown, [
		...dateRangeOptions(
			'Only orders placed on or after this day, e.g. 2024-01-31',
			'Only orders placed on or before this day (the whole day counts), e.g. 2024-02-29',
		),
		{
			...orderStatusOption,
			name: 'status',
			hint: 'Assumed filter: the Tjar docs do not list it. If your store ignores it, filter with an If node on status.value.',
		},
	]),
	simplifyField(ORDER, ['getMany'], SIMPLE_ORDER_FIELDS),
];

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = definedOnly({
		...readDateRange.call(this, filters, itemIndex),
		status: filters.status,
	});
	const orders = await listAllPages.call(this, 'order.getMany', {
		query,
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
	return simplifyIfAsked.call(this, itemIndex, orders, simplifyOrder);
}
