import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { TjarEndpointName } from '../../../shared/endpoints';
import { tjarRequest } from '../../../shared/transport';
import { requiredId } from '../../parameters';
import { SIMPLE_PRODUCT_FIELDS, simplifyField, simplifyIfAsked, simplifyProduct } from '../../simplify';
import type { OperationHandler } from '../../types';
import { productCreateBody, productCreateFields, productLocator, productUpdateBody, productUpdateFields } from './fields';
import type { ProductKind } from './kinds';

type CrudOperation = 'create' | 'get' | 'update';

const endpointOf = (kind: ProductKind, operation: CrudOperation): TjarEndpointName => `${kind.resource}.${operation}`;

const asRecord = (data: unknown): IDataObject => (data && typeof data === 'object' ? (data as IDataObject) : {});

/** Create, Get and Update of one product kind: the same fields and handlers, only the endpoint differs. */
export function productCrud(kind: ProductKind): {
	description: INodeProperties[];
	operations: Record<CrudOperation, OperationHandler>;
} {
	return {
		description: [
			...productCreateFields(kind),
			productLocator(kind, ['get']),
			simplifyField(kind.resource, ['get'], SIMPLE_PRODUCT_FIELDS),
			...productUpdateFields(kind),
		],
		operations: {
			async create(this: IExecuteFunctions, itemIndex: number) {
				const body = productCreateBody.call(this, kind, itemIndex);
				return asRecord(await tjarRequest.call(this, endpointOf(kind, 'create'), { body, itemIndex }));
			},
			async get(this: IExecuteFunctions, itemIndex: number) {
				const identifier = requiredId.call(this, 'productId', itemIndex, kind.displayName);
				const product = asRecord(await tjarRequest.call(this, endpointOf(kind, 'get'), { identifier, itemIndex }));
				return simplifyIfAsked.call(this, itemIndex, [product], simplifyProduct);
			},
			async update(this: IExecuteFunctions, itemIndex: number) {
				const identifier = requiredId.call(this, 'productId', itemIndex, kind.displayName);
				const body = productUpdateBody.call(this, kind, itemIndex);
				return asRecord(await tjarRequest.call(this, endpointOf(kind, 'update'), { identifier, body, itemIndex }));
			},
		},
	};
}
