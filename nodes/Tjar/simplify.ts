import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from './fields';
import { toBoolean } from './parameters';

/**
 * The Simplify option of orders and products: the handful of fields people map into the next node,
 * flat, instead of Tjar's full object with localised labels, colours and line items.
 */
export function simplifyField(resource: string, operations: string[], fields: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: false,
		description: 'Whether to return a simplified version of the response instead of the raw data',
		hint: `Simplified output has only: ${fields}`,
		displayOptions: showFor({ resource, operations }),
	};
}

export const SIMPLE_ORDER_FIELDS =
	'id, order_id, status, payment_status, total_amount, customer_name, customer_email, customer_phone, created_at';
export const SIMPLE_PRODUCT_FIELDS = 'id, name_en, name_ar, price, sale_price, stock, type, is_published, sku';

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};

/** Tjar statuses are `{value, label, color}`; the value is what workflows compare against. */
const statusValue = (value: unknown) => (value && typeof value === 'object' ? asObject(value).value : value) as IDataObject[string];

/** Localised fields are `{ar, en}`; a plain string is taken as it is. */
const localised = (value: unknown, language: 'ar' | 'en') =>
	(value && typeof value === 'object' ? asObject(value)[language] : language === 'en' ? value : undefined) as IDataObject[string];

export function simplifyOrder(order: IDataObject): IDataObject {
	const customer = asObject(order.customer);
	return {
		id: order.id,
		order_id: order.order_id,
		status: statusValue(order.status),
		payment_status: statusValue(order.payment_status),
		total_amount: order.total_amount,
		customer_name: customer.name ?? order.name,
		customer_email: customer.email ?? order.email,
		customer_phone: customer.mobile ?? order.phone,
		created_at: order.created_at,
	};
}

export function simplifyProduct(product: IDataObject): IDataObject {
	return {
		id: product.id,
		name_en: localised(product.name, 'en'),
		name_ar: localised(product.name, 'ar'),
		price: product.price,
		sale_price: product.sale_price,
		stock: product.stock,
		type: product.type,
		is_published: product.is_published,
		sku: product.sku,
	};
}

/** Applies `simplifier` to each record when the item's Simplify option is on. */
export function simplifyIfAsked(
	this: IExecuteFunctions,
	itemIndex: number,
	records: IDataObject[],
	simplifier: (record: IDataObject) => IDataObject,
): IDataObject[] {
	if (!toBoolean.call(this, this.getNodeParameter('simplify', itemIndex, false), 'Simplify', itemIndex)) return records;
	return records.map(simplifier);
}
