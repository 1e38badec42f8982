/** Orders, products and abandoned carts: endpoints #1–#19 and #30–#32 of TJAR-API.md, plus legacy Edit Order. */
import {
	type MockContext,
	type MockResponse,
	bracketGroups,
	byId,
	created,
	deleted,
	fail,
	fieldsOf,
	first,
	inDateRange,
	invalid,
	isRecord,
	list,
	many,
	notFound,
	ok,
	required,
	toBool,
	toInt,
	toNumber,
} from './http-helpers';
import { PRODUCT_TYPE_IDS, buildLineItem, buildOrder, customerFor, money, nextId, now, recomputeTotals, statusValue } from './seed';
import type { MockCustomer, MockLineItem, MockProduct, ProductType } from './types';

// ---------- orders ----------

export function listOrders(ctx: MockContext): MockResponse {
	const q = ctx.req.query;
	const status = first(q, 'status')?.toLowerCase();
	const orders = ctx.state.orders.filter(
		(o) => inDateRange(o.created_at, first(q, 'date_from'), first(q, 'date_to')) && (!status || o.status.value.toLowerCase() === status),
	);
	return list(ctx, 'orders', orders);
}

export function getOrder(ctx: MockContext): MockResponse {
	const order = byId(ctx.state.orders, ctx.params[0]);
	return order ? ok(ctx, order) : notFound(ctx, 'Order');
}

export const listOrderStatuses = (ctx: MockContext): MockResponse => list(ctx, 'statuses', ctx.state.orderStatuses);

function lineFor(ctx: MockContext, lineId: number, productId: number, qty: number): MockLineItem {
	const product = ctx.state.products.find((p) => p.id === productId);
	return product
		? buildLineItem(lineId, { id: product.id, name: product.name.en, price: product.sale_price ?? product.price, type: product.type, image: product.image }, qty)
		: buildLineItem(lineId, { id: productId, name: `Product ${productId}`, price: 10 }, qty);
}

const nextLineId = (ctx: MockContext): number =>
	ctx.state.orders.reduce((max, o) => o.order_details.reduce((m, l) => Math.max(m, l.id), max), 0) + 1;

export function createOrder(ctx: MockContext): MockResponse {
	const body = fieldsOf(ctx.req);
	const products = Array.isArray(body.products) ? body.products.filter(isRecord) : [];
	if (products.length === 0) return invalid(ctx, { products: required('products') });
	const errors: Record<string, string[]> = {};
	products.forEach((p, i) => {
		if (toInt(p.id) === undefined) errors[`products.${i}.id`] = required(`products.${i}.id`);
	});
	if (Object.keys(errors).length) return invalid(ctx, errors);

	const id = nextId(ctx.state.orders);
	let lineId = nextLineId(ctx);
	const lines = products.map((p) => lineFor(ctx, lineId++, toInt(p.id) ?? 0, toInt(p.quantity) ?? 1));
	const c = isRecord(body.customer) ? body.customer : {};
	const base = customerFor(id);
	const customer: MockCustomer = {
		id: toInt(c.user_id) ?? toInt(c.id) ?? base.id,
		name: String(c.name ?? c.user_recipient_name ?? base.name),
		email: String(c.email ?? c.user_email_recipient ?? base.email),
		mobile: String(c.mobile ?? c.user_mobile_recipient ?? base.mobile),
		avatar: null,
	};
	const order = buildOrder(id, ctx.state.orderStatuses, now(), lines, customer);
	const shipping = isRecord(body.shipping_address) ? body.shipping_address : {};
	if (typeof shipping.address === 'string') order.address = shipping.address;
	if (shipping.zip_code !== undefined) order.zipcode = String(shipping.zip_code);
	if (typeof body.coupon === 'string') order.coupon = body.coupon;
	if (typeof body.notes === 'string') order.notes = body.notes;
	ctx.state.orders.push(order);
	return created(ctx, order);
}

export function changeOrderStatus(ctx: MockContext): MockResponse {
	const order = byId(ctx.state.orders, ctx.params[0]);
	if (!order) return notFound(ctx, 'Order');
	const body = fieldsOf(ctx.req);
	if (typeof body.status !== 'string' || body.status === '') return invalid(ctx, { status: required('status') });
	const wanted = body.status.toLowerCase();
	const entry = ctx.state.orderStatuses.find((s) => s.value.toLowerCase() === wanted);
	if (!entry) return invalid(ctx, { status: ['The selected status is invalid.'] });
	order.status = statusValue(entry);
	order.updated_at = now();
	const history = Array.isArray(order.status_history) ? order.status_history : [];
	history.push({ status: entry.value, note: body.note ?? null, notify_customer: toBool(body.notify_customer) ?? false, changed_at: order.updated_at });
	order.status_history = history;
	return ok(ctx, order);
}

/** Legacy Edit Order: `POST /orders/{id}` multipart with `_method=PUT` and bracket keys (TJAR-API.md §3). */
export function editOrderLegacy(ctx: MockContext): MockResponse {
	const fields = fieldsOf(ctx.req);
	if (String(fields._method ?? '').toUpperCase() !== 'PUT') return fail(ctx, 405, 'methodNotAllowed');
	const order = byId(ctx.state.orders, ctx.params[0]);
	if (!order) return notFound(ctx, 'Order');
	const customer = bracketGroups(fields, 'customer')[''] ?? {};
	if (customer.user_recipient_name !== undefined) order.name = String(customer.user_recipient_name);
	if (customer.user_email_recipient !== undefined) order.email = String(customer.user_email_recipient);
	if (customer.user_mobile_recipient !== undefined) order.phone = String(customer.user_mobile_recipient);
	const shipping = bracketGroups(fields, 'shipping_address')[''] ?? {};
	if (shipping.address !== undefined) order.address = String(shipping.address);
	if (shipping.zip_code !== undefined) order.zipcode = String(shipping.zip_code);
	let lineId = nextLineId(ctx);
	for (const [index, item] of Object.entries(bracketGroups(fields, 'products_to_add'))) {
		const productId = toInt(item.id);
		if (index === '' || productId === undefined) continue;
		order.order_details.push(lineFor(ctx, lineId++, productId, toInt(item.quantity) ?? 1));
	}
	recomputeTotals(order);
	order.updated_at = now();
	return ok(ctx, order);
}

// ---------- products ----------

const LOCALISED_INPUTS: Array<[string, 'name' | 'summary' | 'description']> = [
	['name', 'name'],
	['summery', 'summary'],
	['summary', 'summary'],
	['description', 'description'],
];
const NUMBER_INPUTS = ['price', 'sale_price', 'cost', 'min_purchase', 'max_purchase'] as const;
const BOOLEAN_INPUTS = ['is_refundable', 'is_published', 'is_unlimited'] as const;
const PROTECTED = new Set(['id', 'identifier', 'type', 'type_id', 'name', 'summary', 'description', 'created_at', 'updated_at']);

const numberList = (value: unknown): number[] =>
	(Array.isArray(value) ? value : [value]).map((v) => toInt(v)).filter((v): v is number => v !== undefined);

/** Maps the write vocabulary (`name_ar`, `summery_en`, `quantity`, `category_id`, ...) onto the product. */
function applyProductFields(ctx: MockContext, product: MockProduct, body: Record<string, unknown>): void {
	const used = new Set<string>();
	for (const [input, target] of LOCALISED_INPUTS) {
		for (const lang of ['ar', 'en'] as const) {
			const value = body[`${input}_${lang}`];
			if (typeof value === 'string') product[target][lang] = value;
			used.add(`${input}_${lang}`);
		}
	}
	for (const key of NUMBER_INPUTS) {
		const value = toNumber(body[key]);
		if (value !== undefined) product[key] = money(value);
		used.add(key);
	}
	for (const key of BOOLEAN_INPUTS) {
		const value = toBool(body[key]);
		if (value !== undefined) product[key] = value;
		used.add(key);
	}
	const stock = toInt(body.quantity ?? body.stock);
	if (stock !== undefined) product.stock = stock;
	if (typeof body.sku === 'string') product.sku = body.sku;
	if (body.brand !== undefined || body.brand_id !== undefined) product.brand_id = toInt(body.brand ?? body.brand_id) ?? null;
	const categories = body.category_id ?? body.category;
	if (categories !== undefined) product.category_ids = numberList(categories);
	if (body.tag_ids !== undefined) product.tag_ids = numberList(body.tag_ids);
	const imageId = toInt(body.image_id);
	if (imageId !== undefined) {
		product.image_id = imageId;
		product.image = ctx.state.media.find((m) => m.id === imageId)?.url ?? product.image;
	}
	for (const key of ['quantity', 'stock', 'sku', 'brand', 'brand_id', 'category_id', 'category', 'tag_ids', 'image_id']) used.add(key);
	for (const [key, value] of Object.entries(body)) {
		if (!used.has(key) && !PROTECTED.has(key)) product[key] = value;
	}
	product.updated_at = now();
}

function emptyProduct(id: number, type: ProductType): MockProduct {
	const stamp = now();
	return {
		id, identifier: id, name: { ar: '', en: '' }, summary: { ar: '', en: '' }, description: { ar: '', en: '' },
		type, type_id: PRODUCT_TYPE_IDS[type], sku: `SKU-${1000 + id}`, price: 0, sale_price: null, cost: null,
		is_refundable: type === 'physical', min_purchase: 1, max_purchase: 10, image: null, is_published: true,
		stock: 0, is_unlimited: type !== 'physical', ratings: 0, tag_ids: [], brand_id: null, category_ids: [],
		product_options: [], created_at: stamp, updated_at: stamp,
	};
}

const isProductType = (value: unknown): value is ProductType =>
	typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRODUCT_TYPE_IDS, value);

export function listProducts(ctx: MockContext): MockResponse {
	const q = ctx.req.query;
	const search = first(q, 'search')?.toLowerCase();
	const sku = first(q, 'sku');
	const published = toBool(first(q, 'is_published'));
	const minPrice = toNumber(first(q, 'min_price'));
	const maxPrice = toNumber(first(q, 'max_price'));
	const anyOf = (wanted: string[], have: Array<number | null>): boolean =>
		wanted.length === 0 || wanted.some((w) => have.includes(Number(w)));
	const products = ctx.state.products.filter(
		(p) =>
			(!search || p.name.ar.toLowerCase().includes(search) || p.name.en.toLowerCase().includes(search)) &&
			(!sku || p.sku === sku) &&
			(published === undefined || p.is_published === published) &&
			(minPrice === undefined || p.price >= minPrice) &&
			(maxPrice === undefined || p.price <= maxPrice) &&
			anyOf(many(q, 'tag_ids'), p.tag_ids) &&
			anyOf(many(q, 'brand_ids'), [p.brand_id]) &&
			anyOf(many(q, 'category_ids'), p.category_ids) &&
			inDateRange(p.created_at, first(q, 'date_from'), first(q, 'date_to')),
	);
	return list(ctx, 'products', products);
}

/** Handlers for `/products/{id}` (type undefined: any type) and `/products/{type}/{id}`. */
export function productRoutes(type?: ProductType) {
	const find = (ctx: MockContext): MockProduct | undefined => {
		const product = byId(ctx.state.products, ctx.params[0]);
		return product && (!type || product.type === type) ? product : undefined;
	};
	return {
		get(ctx: MockContext): MockResponse {
			const product = find(ctx);
			return product ? ok(ctx, product) : notFound(ctx, 'Product');
		},
		update(ctx: MockContext): MockResponse {
			const product = find(ctx);
			if (!product) return notFound(ctx, 'Product');
			applyProductFields(ctx, product, fieldsOf(ctx.req));
			return ok(ctx, product);
		},
		create(ctx: MockContext): MockResponse {
			const body = fieldsOf(ctx.req);
			const errors: Record<string, string[]> = {};
			if (toNumber(body.price) === undefined) errors.price = required('price');
			const hasName = (k: string): boolean => typeof body[k] === 'string' && (body[k] as string).trim() !== '';
			if (!hasName('name_ar') && !hasName('name_en')) {
				errors.name_ar = ['The name ar field is required when name en is not present.'];
				errors.name_en = ['The name en field is required when name ar is not present.'];
			}
			if (Object.keys(errors).length) return invalid(ctx, errors);
			const product = emptyProduct(nextId(ctx.state.products), type ?? (isProductType(body.type) ? body.type : 'physical'));
			applyProductFields(ctx, product, body);
			ctx.state.products.push(product);
			return created(ctx, product);
		},
		remove(ctx: MockContext): MockResponse {
			const product = find(ctx);
			if (!product) return notFound(ctx, 'Product');
			ctx.state.products.splice(ctx.state.products.indexOf(product), 1);
			return deleted(ctx);
		},
	};
}

// ---------- abandoned carts ----------

export function listAbandonedCarts(ctx: MockContext): MockResponse {
	const q = ctx.req.query;
	const count = toInt(first(q, 'products_count'));
	const carts = ctx.state.abandonedCarts.filter(
		(c) => (count === undefined || c.products_count === count) && inDateRange(c.created_at, first(q, 'date_from'), first(q, 'date_to')),
	);
	return list(ctx, 'abandoned_carts', carts);
}

export function getAbandonedCart(ctx: MockContext): MockResponse {
	const cart = byId(ctx.state.abandonedCarts, ctx.params[0]);
	return cart ? ok(ctx, cart) : notFound(ctx, 'Abandoned cart');
}

export function sendCartReminder(ctx: MockContext): MockResponse {
	const cart = byId(ctx.state.abandonedCarts, ctx.params[0]);
	if (!cart) return notFound(ctx, 'Abandoned cart');
	const body = fieldsOf(ctx.req);
	const channel = typeof body.channel === 'string' && body.channel !== '' ? body.channel : 'email';
	cart.reminders_sent += 1;
	cart.last_reminder = { channel, message: typeof body.message === 'string' ? body.message : null, sent_at: now() };
	cart.updated_at = cart.last_reminder.sent_at;
	return ok(ctx, { cart_id: cart.id, sent: true, channel });
}

