import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { listAllPages } from '../../../shared/pagination';
import { dateRangeOptions, filtersField, returnAllFields } from '../../fields';
import { definedOnly, idList, isBlank, readDateRange, readLimit, toNumber } from '../../parameters';
import { SIMPLE_PRODUCT_FIELDS, simplifyField, simplifyIfAsked, simplifyProduct } from '../../simplify';
import { PRODUCT } from './kinds';

const shown = { resource: PRODUCT.resource, operations: ['getMany'] };
const ID_LIST_HINT = 'Several IDs: separate them with commas, e.g. 3, 7 (a product matching any of them is returned)';

export const getManyDescription: INodeProperties[] = [
	...returnAllFields(shown),
	filtersField(shown, [
		{
			displayName: 'Brand IDs',
			name: 'brandIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2, 5',
			description: 'Only products of these brands (numeric brand IDs), e.g. 2, 5',
			hint: ID_LIST_HINT,
		},
		{
			displayName: 'Category IDs',
			name: 'categoryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4, 9',
			description: 'Only products in these categories (numeric category IDs), e.g. 4, 9',
			hint: ID_LIST_HINT,
		},
		...dateRangeOptions(
			'Only products created on or after this day, e.g. 2024-01-31',
			'Only products created on or before this day (the whole day counts), e.g. 2024-02-29',
		),
		{
			displayName: 'Maximum Price',
			name: 'maxPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Only products priced at or below this amount, e.g. 200. 0 means no maximum: the filter is then not sent.',
		},
		{
			displayName: 'Minimum Price',
			name: 'minPrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Only products priced at or above this amount, e.g. 50. 0 means no minimum: the filter is then not sent.',
		},
		{
			displayName: 'Published',
			name: 'published',
			type: 'options',
			default: 'any',
			description: 'Whether to return only products visible in the store, only hidden ones, or both',
			options: [
				{ name: 'Any', value: 'any' },
				{ name: 'Published', value: 'published' },
				{ name: 'Unpublished', value: 'unpublished' },
			],
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			placeholder: 'e.g. coffee',
			description: 'Words in the product name (Arabic or English), e.g. coffee or قهوة',
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			placeholder: 'e.g. COF-500',
			description: 'The exact SKU of the product, e.g. COF-500',
		},
		{
			displayName: 'Tag IDs',
			name: 'tagIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1, 3',
			description: 'Only products with these tags (numeric tag IDs), e.g. 1, 3',
			hint: ID_LIST_HINT,
		},
	]),
	simplifyField(PRODUCT.resource, ['getMany'], SIMPLE_PRODUCT_FIELDS),
];

const PUBLISHED_QUERY: Record<string, number | undefined> = { any: undefined, published: 1, unpublished: 0 };

/** A price filter; empty or 0 is left out, so that a filter added and left at its default of 0 does not hide every product. */
function priceFilter(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number | undefined {
	if (isBlank(value)) return undefined;
	const price = toNumber.call(this, value, label, itemIndex);
	return price === 0 ? undefined : price;
}

/** Empty lists are left out; lists go out as `tag_ids[]=1&tag_ids[]=3` (the transport's bracket format). */
function idFilter(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): number[] | undefined {
	const ids = idList.call(this, value, label, itemIndex);
	return ids.length ? ids : undefined;
}

export async function getMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query = definedOnly({
		search: filters.search,
		sku: filters.sku,
		is_published: PUBLISHED_QUERY[String(filters.published ?? 'any')],
		tag_ids: idFilter.call(this, filters.tagIds, 'Tag IDs', itemIndex),
		brand_ids: idFilter.call(this, filters.brandIds, 'Brand IDs', itemIndex),
		category_ids: idFilter.call(this, filters.categoryIds, 'Category IDs', itemIndex),
		min_price: priceFilter.call(this, filters.minPrice, 'Minimum Price', itemIndex),
		max_price: priceFilter.call(this, filters.maxPrice, 'Maximum Price', itemIndex),
		...readDateRange.call(this, filters, itemIndex),
	});
	const products = await listAllPages.call(this, 'product.getMany', {
		query,
		limit: readLimit.call(this, itemIndex),
		itemIndex,
	});
	return simplifyIfAsked.call(this, itemIndex, products, simplifyProduct);
}
