import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { TjarResource } from '../../types';
import { productCrud } from './crud';
import { deleteDescription, deleteProduct } from './delete';
import { getMany, getManyDescription } from './getMany';
import { BOOKING_PRODUCT, DIGITAL_PRODUCT, PRODUCT, type ProductKind, SERVICE_PRODUCT } from './kinds';

const article = (noun: string) => (/^[aeiou]/.test(noun) ? 'an' : 'a');

/** Create / Get / Update for any kind; Product adds Delete and Get Many. Alphabetical, as n8n lists them. */
function operationField(kind: ProductKind, withListAndDelete: boolean): INodeProperties {
	const a = `${article(kind.noun)} ${kind.noun}`;
	const options: INodePropertyOptions[] = [
		{ name: 'Create', value: 'create', description: `Create ${a} from its Arabic and English names and price`, action: `Create ${a}` },
		{ name: 'Delete', value: 'delete', description: `Remove ${a} from the store`, action: `Delete ${a}` },
		{ name: 'Get', value: 'get', description: `Get ${a} by its ID`, action: `Get ${a}` },
		{
			name: 'Get Many',
			value: 'getMany',
			description: `List ${kind.noun}s, optionally by name, SKU, category, brand, price or date`,
			action: `Get many ${kind.noun}s`,
		},
		{ name: 'Update', value: 'update', description: `Change the fields you choose of ${a}; the rest stays as it is`, action: `Update ${a}` },
	];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [kind.resource] } },
		default: 'get',
		options: withListAndDelete ? options : options.filter((option) => !['delete', 'getMany'].includes(String(option.value))),
	};
}

function typedProduct(kind: ProductKind): TjarResource {
	const crud = productCrud(kind);
	return { description: [operationField(kind, false), ...crud.description], operations: crud.operations };
}

const productCrudParts = productCrud(PRODUCT);

export const product: TjarResource = {
	description: [operationField(PRODUCT, true), ...productCrudParts.description, ...getManyDescription, ...deleteDescription],
	operations: { ...productCrudParts.operations, getMany, delete: deleteProduct },
};

export const digitalProduct = typedProduct(DIGITAL_PRODUCT);
export const bookingProduct = typedProduct(BOOKING_PRODUCT);
export const serviceProduct = typedProduct(SERVICE_PRODUCT);
