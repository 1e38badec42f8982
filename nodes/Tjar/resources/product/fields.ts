import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collectionField, extraFieldsOption, idLocatorField, showFor } from '../../fields';
import { extraFieldsJson, idList, idValue, isBlank, textList, toBoolean, toNumber } from '../../parameters';
import type { ProductKind } from './kinds';

/**
 * The product fields of Create and Update, written once for Product, Digital, Booking and Service
 * Product: what the merchant sees (Title Case, Arabic/English pairs) and the key Tjar expects (TJAR-API.md §4).
 */

type WriteOperation = 'create' | 'update';
type Conversion = 'text' | 'number' | 'boolean' | 'id' | 'idList' | 'textList';

interface WriteField {
	/** Tjar's key; Update calls the categories `category` where Create says `category_id`. */
	key: string | Record<WriteOperation, string>;
	as: Conversion;
	field: INodeProperties;
}

const WRITE_FIELDS: WriteField[] = [
	{
		key: 'badge_id',
		as: 'id',
		field: {
			displayName: 'Badge ID',
			name: 'badgeId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 3',
			description: 'Numeric ID of a badge shown on the product, such as "New", e.g. 3',
		},
	},
	{
		key: 'brand',
		as: 'id',
		field: {
			displayName: 'Brand ID',
			name: 'brandId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2',
			description: 'Numeric ID of the brand, e.g. 2 (not the brand name)',
		},
	},
	{
		key: { create: 'category_id', update: 'category' },
		as: 'idList',
		field: {
			displayName: 'Category IDs',
			name: 'categoryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 4, 9',
			description: 'Numeric IDs of the main categories, separated by commas, e.g. 4, 9',
		},
	},
	{
		key: 'child_category',
		as: 'idList',
		field: {
			displayName: 'Child Category IDs',
			name: 'childCategoryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 31',
			description: 'Numeric IDs of third-level categories, separated by commas, e.g. 31, 32',
		},
	},
	{
		key: 'cost',
		as: 'number',
		field: {
			displayName: 'Cost',
			name: 'cost',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'What the product costs you, for profit reports; not shown to customers. E.g. 40.',
		},
	},
	{
		key: 'description_ar',
		as: 'text',
		field: {
			displayName: 'Description (Arabic)',
			name: 'descriptionAr',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Full Arabic description; HTML is allowed, e.g. &lt;p&gt;بن خولاني محمص&lt;/p&gt;',
		},
	},
	{
		key: 'description_en',
		as: 'text',
		field: {
			displayName: 'Description (English)',
			name: 'descriptionEn',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'Full English description; HTML is allowed, e.g. &lt;p&gt;Roasted Khawlani beans&lt;/p&gt;',
		},
	},
	{
		key: 'product_gallery',
		as: 'idList',
		field: {
			displayName: 'Gallery Media IDs',
			name: 'galleryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 88, 89',
			description: 'Media IDs of extra images (from Media → Upload), separated by commas, e.g. 88, 89',
		},
	},
	{
		key: 'image_id',
		as: 'id',
		field: {
			displayName: 'Image Media ID',
			name: 'imageId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 87',
			description: 'Media ID of the main image, as returned by Media → Upload, e.g. 87 (not an image URL)',
		},
	},
	{
		key: 'is_inventory_warning',
		as: 'boolean',
		field: {
			displayName: 'Low Stock Warning',
			name: 'lowStockWarning',
			type: 'boolean',
			default: false,
			description: 'Whether the store warns you when this product runs low',
		},
	},
	{
		key: 'max_purchase',
		as: 'number',
		field: {
			displayName: 'Maximum Purchase Quantity',
			name: 'maxPurchase',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			description: 'Most units one order may contain, e.g. 10',
		},
	},
	{
		key: 'min_purchase',
		as: 'number',
		field: {
			displayName: 'Minimum Purchase Quantity',
			name: 'minPurchase',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
			description: 'Fewest units one order must contain, e.g. 1',
		},
	},
	{
		key: 'name_ar',
		as: 'text',
		field: {
			displayName: 'Name (Arabic)',
			name: 'nameAr',
			type: 'string',
			default: '',
			placeholder: 'e.g. قهوة عربية فاخرة',
			description: 'Product name in Arabic, e.g. قهوة عربية فاخرة',
		},
	},
	{
		key: 'name_en',
		as: 'text',
		field: {
			displayName: 'Name (English)',
			name: 'nameEn',
			type: 'string',
			default: '',
			placeholder: 'e.g. Premium Arabic Coffee',
			description: 'Product name in English, e.g. Premium Arabic Coffee',
		},
	},
	{
		key: 'policy_description',
		as: 'text',
		field: {
			displayName: 'Policy Description',
			name: 'policyDescription',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Return or usage policy shown with the product, e.g. Returns accepted within 7 days',
		},
	},
	{
		key: 'price',
		as: 'number',
		field: {
			displayName: 'Price',
			name: 'price',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Regular price in the store currency (SAR), VAT as set up in the store, e.g. 65',
		},
	},
	{
		key: 'quantity',
		as: 'number',
		field: {
			displayName: 'Quantity in Stock',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How many units are in stock, e.g. 25',
		},
	},
	{
		key: 'is_refundable',
		as: 'boolean',
		field: {
			displayName: 'Refundable',
			name: 'isRefundable',
			type: 'boolean',
			default: true,
			description: 'Whether customers may return the product for a refund',
		},
	},
	{
		key: 'sale_price',
		as: 'number',
		field: {
			displayName: 'Sale Price',
			name: 'salePrice',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description: 'Discounted price shown instead of the regular price, e.g. 55; lower than Price',
		},
	},
	{
		key: 'sku',
		as: 'text',
		field: {
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
			placeholder: 'e.g. COF-500',
			description: 'Your stock-keeping code, unique in the store, e.g. COF-500',
		},
	},
	{
		key: 'slug',
		as: 'text',
		field: {
			displayName: 'Slug',
			name: 'slug',
			type: 'string',
			default: '',
			placeholder: 'e.g. premium-arabic-coffee',
			description: 'The product’s address in the store URL: lower case, hyphens, e.g. premium-arabic-coffee',
		},
	},
	{
		key: 'status_id',
		as: 'id',
		field: {
			displayName: 'Status ID',
			name: 'statusId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1',
			description: 'Numeric product status ID of your store (for example published or draft), e.g. 1',
		},
	},
	{
		key: 'sub_category',
		as: 'idList',
		field: {
			displayName: 'Sub Category IDs',
			name: 'subCategoryIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 12, 13',
			description: 'Numeric IDs of second-level categories, separated by commas, e.g. 12, 13',
		},
	},
	{
		// Tjar spells it "summery"; the user never sees that.
		key: 'summery_ar',
		as: 'text',
		field: {
			displayName: 'Summary (Arabic)',
			name: 'summaryAr',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Short Arabic text shown near the price, e.g. بن خولاني محمص بعناية',
		},
	},
	{
		key: 'summery_en',
		as: 'text',
		field: {
			displayName: 'Summary (English)',
			name: 'summaryEn',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'Short English text shown near the price, e.g. Carefully roasted Khawlani beans',
		},
	},
	{
		key: 'tags',
		as: 'textList',
		field: {
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. coffee, gift',
			description: 'Tag words separated by commas, e.g. coffee, gift',
		},
	},
	{
		key: 'video_source',
		as: 'text',
		field: {
			displayName: 'Video Source',
			name: 'videoSource',
			type: 'string',
			default: '',
			placeholder: 'e.g. youtube',
			description: 'Where the product video is hosted, e.g. youtube',
		},
	},
];

/** Shown at the top of Create; every other field is under Additional Fields. */
const CREATE_TOP_FIELDS = ['nameAr', 'nameEn', 'price'];

export const productLocator = (kind: ProductKind, operations: string[]): INodeProperties =>
	idLocatorField({
		resource: kind.resource,
		operations,
		name: 'productId',
		label: kind.displayName,
		example: '12',
		searchListMethod: 'searchProducts',
		description: `The ${kind.noun} to use: pick it from the list, or enter its numeric ID`,
		hint: 'The numeric product ID (e.g. 12), not the SKU',
	});

const EXTRA_FIELDS_EXAMPLE = '{"is_published": 1}';

export function productCreateFields(kind: ProductKind): INodeProperties[] {
	const shown = { resource: kind.resource, operations: ['create'] };
	const top = WRITE_FIELDS.filter((spec) => CREATE_TOP_FIELDS.includes(spec.field.name)).map(
		(spec): INodeProperties => ({
			...spec.field,
			required: spec.field.name === 'price' ? true : undefined,
			hint: spec.field.name === 'price' ? undefined : 'Fill in Name (Arabic), Name (English), or both',
			displayOptions: showFor(shown),
		}),
	);
	const additional = collectionField(shown, {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		options: [
			...WRITE_FIELDS.filter((spec) => !CREATE_TOP_FIELDS.includes(spec.field.name)).map((spec) => spec.field),
			extraFieldsOption(EXTRA_FIELDS_EXAMPLE),
		].sort(byDisplayName),
	});
	return [...top, additional];
}

export function productUpdateFields(kind: ProductKind): INodeProperties[] {
	return [
		productLocator(kind, ['update']),
		collectionField({ resource: kind.resource, operations: ['update'] }, {
			displayName: 'Update Fields',
			name: 'updateFields',
			description: 'Only the fields added here are sent; everything else stays as it is',
			options: [...WRITE_FIELDS.map((spec) => spec.field), extraFieldsOption(EXTRA_FIELDS_EXAMPLE)].sort(byDisplayName),
		}),
	];
}

function byDisplayName(a: INodeProperties, b: INodeProperties): number {
	return a.displayName.localeCompare(b.displayName);
}

function convert(this: IExecuteFunctions, spec: WriteField, value: unknown, itemIndex: number): unknown {
	switch (spec.as) {
		case 'id':
			return idValue(value);
		case 'idList':
			return idList.call(this, value, spec.field.displayName, itemIndex);
		case 'textList':
			return textList(value);
		case 'number':
			return toNumber.call(this, value, spec.field.displayName, itemIndex);
		case 'boolean':
			return toBoolean.call(this, value, spec.field.displayName, itemIndex);
		default:
			return value;
	}
}

/** Maps the values the user set to Tjar's keys, then merges Extra Fields (JSON) over them. */
function productBody(
	this: IExecuteFunctions,
	values: IDataObject,
	operation: WriteOperation,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const spec of WRITE_FIELDS) {
		const value = values[spec.field.name];
		if (isBlank(value)) continue;
		const key = typeof spec.key === 'string' ? spec.key : spec.key[operation];
		body[key] = convert.call(this, spec, value, itemIndex) as IDataObject[string];
	}
	return { ...body, ...extraFieldsJson.call(this, values.extraFieldsJson, itemIndex) };
}

export function productCreateBody(this: IExecuteFunctions, kind: ProductKind, itemIndex: number): IDataObject {
	const values: IDataObject = {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		nameAr: this.getNodeParameter('nameAr', itemIndex, ''),
		nameEn: this.getNodeParameter('nameEn', itemIndex, ''),
		price: this.getNodeParameter('price', itemIndex, undefined),
	};
	const body = productBody.call(this, values, 'create', itemIndex);
	const named = [body.name_ar, body.name_en].some((name) => typeof name === 'string' && name.trim() !== '');
	if (!named) {
		throw new NodeOperationError(this.getNode(), `The ${kind.noun} needs a name`, {
			itemIndex,
			description: 'Fill in Name (Arabic), Name (English), or both.',
		});
	}
	return body;
}

export function productUpdateBody(this: IExecuteFunctions, kind: ProductKind, itemIndex: number): IDataObject {
	const values = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = productBody.call(this, values, 'update', itemIndex);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update on the ${kind.noun}`, {
			itemIndex,
			description: 'Add at least one field under Update Fields, e.g. Price or Quantity in Stock.',
		});
	}
	return body;
}
