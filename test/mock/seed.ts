/**
 * Default state and deterministic, realistic seed data (Arabic + English names, Saudi addresses).
 * Seeding is index-based, so the same calls always produce the same objects.
 */
import type {
	Localised,
	MockAbandonedCart,
	MockCustomer,
	MockLineItem,
	MockOrder,
	MockProduct,
	MockState,
	OrderStatusEntry,
	ProductType,
	StatusValue,
	WebhookEventEntry,
} from './types';

export const ORDER_STATUSES: OrderStatusEntry[] = [
	{ value: 'Pending', label: { ar: 'قيد الانتظار', en: 'Pending' }, color: '#f59e0b' },
	{ value: 'Processing', label: { ar: 'قيد المعالجة', en: 'Processing' }, color: '#3b82f6' },
	{ value: 'Shipped', label: { ar: 'تم الشحن', en: 'Shipped' }, color: '#8b5cf6' },
	{ value: 'Delivered', label: { ar: 'تم التوصيل', en: 'Delivered' }, color: '#10b981' },
	{ value: 'Cancelled', label: { ar: 'ملغي', en: 'Cancelled' }, color: '#ef4444' },
];

export const WEBHOOK_EVENTS: WebhookEventEntry[] = [
	{ key: 'order.created', name: 'Order created', description: 'A new order was placed.' },
	{ key: 'order.updated', name: 'Order updated', description: 'An order was edited.' },
	{ key: 'order.status_changed', name: 'Order status changed', description: 'The status of an order changed.' },
	{ key: 'order.deleted', name: 'Order deleted', description: 'An order was deleted.' },
	{ key: 'product.created', name: 'Product created', description: 'A product was created.' },
	{ key: 'product.updated', name: 'Product updated', description: 'A product was updated.' },
	{ key: 'product.deleted', name: 'Product deleted', description: 'A product was deleted.' },
	{ key: 'abandoned_cart.created', name: 'Abandoned cart created', description: 'A customer left a cart.' },
];

export const PRODUCT_TYPE_IDS: Record<ProductType, number> = { physical: 1, digital: 2, booking: 3, service: 4 };

const PAYMENT_STATUSES: StatusValue[] = [
	{ value: 'pending', label: { ar: 'قيد الانتظار', en: 'Pending' }, color: '#f59e0b' },
	{ value: 'paid', label: { ar: 'مدفوع', en: 'Paid' }, color: '#10b981' },
];

const CATALOGUE: Record<ProductType, Array<{ name: Localised; summary: Localised; price: number }>> = {
	physical: [
		{ name: { ar: 'قهوة عربية فاخرة', en: 'Premium Arabic Coffee' }, summary: { ar: 'بن خولاني محمص بعناية', en: 'Carefully roasted Khawlani beans' }, price: 65 },
		{ name: { ar: 'تمر سكري', en: 'Sukkari Dates' }, summary: { ar: 'تمر سكري من القصيم', en: 'Sukkari dates from Qassim' }, price: 45.5 },
		{ name: { ar: 'دهن عود كمبودي', en: 'Cambodian Oud Oil' }, summary: { ar: 'دهن عود طبيعي', en: 'Natural oud oil' }, price: 350 },
		{ name: { ar: 'عباية سوداء', en: 'Black Abaya' }, summary: { ar: 'عباية كريب ناعمة', en: 'Soft crepe abaya' }, price: 220 },
		{ name: { ar: 'دلة نحاسية', en: 'Copper Dallah' }, summary: { ar: 'دلة قهوة تقليدية', en: 'Traditional coffee pot' }, price: 120 },
		{ name: { ar: 'بخور معطر', en: 'Scented Bakhoor' }, summary: { ar: 'بخور بالعود والورد', en: 'Oud and rose bakhoor' }, price: 35 },
		{ name: { ar: 'زعفران أصلي', en: 'Pure Saffron' }, summary: { ar: 'زعفران شعر ممتاز', en: 'Premium saffron threads' }, price: 89.9 },
		{ name: { ar: 'سجادة صلاة', en: 'Prayer Rug' }, summary: { ar: 'سجادة مخملية', en: 'Velvet prayer rug' }, price: 75 },
	],
	digital: [
		{ name: { ar: 'دورة تصوير رقمية', en: 'Digital Photography Course' }, summary: { ar: 'دورة مسجلة', en: 'Recorded course' }, price: 199 },
		{ name: { ar: 'كتاب إلكتروني للطبخ', en: 'Cooking E-book' }, summary: { ar: 'وصفات سعودية', en: 'Saudi recipes' }, price: 29 },
	],
	booking: [
		{ name: { ar: 'جلسة استشارية', en: 'Consultation Session' }, summary: { ar: 'جلسة لمدة ساعة', en: 'One-hour session' }, price: 150 },
	],
	service: [
		{ name: { ar: 'تغليف هدايا', en: 'Gift Wrapping' }, summary: { ar: 'تغليف فاخر', en: 'Premium wrapping' }, price: 15 },
	],
};

const CUSTOMERS: Array<Omit<MockCustomer, 'id' | 'avatar'>> = [
	{ name: 'محمد العتيبي', email: 'mohammed.otaibi@example.com', mobile: '+966501234567' },
	{ name: 'سارة القحطاني', email: 'sara.qahtani@example.com', mobile: '+966502345678' },
	{ name: 'عبدالله الشهري', email: 'abdullah.shehri@example.com', mobile: '+966503456789' },
	{ name: 'نورة الدوسري', email: 'noura.dosari@example.com', mobile: '+966504567890' },
	{ name: 'Ahmed Ali', email: 'ahmed.ali@example.com', mobile: '+966505678901' },
];

const CITIES: Array<{ city: Localised; state: Localised; street: string; zip: string }> = [
	{ city: { ar: 'الرياض', en: 'Riyadh' }, state: { ar: 'منطقة الرياض', en: 'Riyadh Region' }, street: 'طريق الملك فهد', zip: '12211' },
	{ city: { ar: 'جدة', en: 'Jeddah' }, state: { ar: 'منطقة مكة المكرمة', en: 'Makkah Region' }, street: 'شارع التحلية', zip: '23431' },
	{ city: { ar: 'الدمام', en: 'Dammam' }, state: { ar: 'المنطقة الشرقية', en: 'Eastern Province' }, street: 'شارع الأمير محمد بن فهد', zip: '32241' },
];

const COUNTRY: Localised = { ar: 'المملكة العربية السعودية', en: 'Saudi Arabia' };

export function defaultState(seed: Partial<MockState> = {}): MockState {
	return {
		orders: seed.orders ?? [],
		products: seed.products ?? [],
		media: seed.media ?? [],
		webhooks: seed.webhooks ?? [],
		abandonedCarts: seed.abandonedCarts ?? [],
		orderStatuses: seed.orderStatuses ?? ORDER_STATUSES.map((s) => ({ ...s, label: { ...s.label } })),
		webhookEvents: seed.webhookEvents ?? WEBHOOK_EVENTS.map((e) => ({ ...e })),
	};
}

const BASE_TIME = Date.UTC(2024, 0, 1, 9, 0, 0);
const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:MM:SS` (UTC), the API's timestamp format. */
export function formatTimestamp(date: Date): string {
	return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export const now = (): string => formatTimestamp(new Date());

/** Deterministic timestamp for the n-th seeded object: one day and one hour apart. */
export const seededTimestamp = (n: number): string =>
	formatTimestamp(new Date(BASE_TIME + (n - 1) * (25 * 3600 * 1000)));

export const money = (n: number): number => Math.round(n * 100) / 100;
export const formatMoney = (n: number): string => `${money(n).toFixed(2)} <sar></sar>`;

export const nextId = (items: ReadonlyArray<{ id: number }>): number =>
	items.reduce((max, item) => Math.max(max, item.id), 0) + 1;

export function customerFor(n: number): MockCustomer {
	const c = CUSTOMERS[(n - 1) % CUSTOMERS.length];
	return { id: 100 + ((n - 1) % CUSTOMERS.length) + 1, ...c, avatar: null };
}

export function statusValue(entry: OrderStatusEntry): StatusValue {
	return { value: entry.value, label: { ...entry.label }, color: entry.color };
}

export function buildLineItem(
	id: number,
	product: { id: number; name: string; price: number; type?: ProductType; image?: string | null },
	qty: number,
): MockLineItem {
	const subtotal = money(product.price * qty);
	const type = product.type ?? 'physical';
	return {
		id,
		product_id: product.id,
		name: product.name,
		qty,
		price: product.price,
		weight: 0.5,
		type: PRODUCT_TYPE_IDS[type],
		type_label: type,
		options: {
			image: product.image ?? null,
			used_categories: [],
			product_options_cost: 0,
			product_options: [],
			dimensions: { h: 10, l: 20, w: 15 },
			is_booking: type === 'booking',
			booking: null,
		},
		discount: 0,
		tax: money(subtotal * 0.15),
		subtotal,
	};
}

/** Recompute `total_amount` / `formatted_total_amount` from the line items (VAT 15% included). */
export function recomputeTotals(order: MockOrder): void {
	const total = order.order_details.reduce((sum, line) => sum + line.subtotal + line.tax - line.discount, 0);
	order.total_amount = money(total - order.coupon_discounted);
	order.formatted_total_amount = formatMoney(order.total_amount);
}

export function buildOrder(id: number, statuses: OrderStatusEntry[], createdAt: string, lines: MockLineItem[], customer: MockCustomer): MockOrder {
	const place = CITIES[(id - 1) % CITIES.length];
	const address = `${place.street}، ${id} ${place.city.ar}`;
	const paid = id % 2 === 0;
	const order: MockOrder = {
		id,
		identifier: id,
		order_id: String(260680 + id),
		name: customer.name,
		email: customer.email,
		phone: customer.mobile,
		address,
		customer,
		city: { ...place.city },
		state: { ...place.state },
		country: { ...COUNTRY },
		zipcode: place.zip,
		full_address: `${address}، ${place.state.ar}، ${COUNTRY.ar} ${place.zip}`,
		total_amount: 0,
		formatted_total_amount: '',
		coupon: null,
		coupon_discounted: 0,
		status: statusValue(statuses[(id - 1) % statuses.length] ?? ORDER_STATUSES[0]),
		payment_status: { ...PAYMENT_STATUSES[paid ? 1 : 0] },
		payment_gateway: paid ? { value: 'tjar-pay', label: 'Tjar Pay' } : { value: 'cod', label: 'Cash on delivery' },
		transaction_id: paid ? `TXN-${100000 + id}` : null,
		order_details: lines,
		created_at: createdAt,
		updated_at: createdAt,
	};
	recomputeTotals(order);
	return order;
}

export function buildProduct(id: number, type: ProductType, createdAt: string, origin: string): MockProduct {
	const list = CATALOGUE[type];
	const item = list[(id - 1) % list.length];
	return {
		id,
		identifier: id,
		name: { ...item.name },
		summary: { ...item.summary },
		description: { ar: `<p>${item.summary.ar}</p>`, en: `<p>${item.summary.en}</p>` },
		type,
		type_id: PRODUCT_TYPE_IDS[type],
		sku: `SKU-${1000 + id}`,
		price: item.price,
		sale_price: id % 3 === 0 ? money(item.price * 0.9) : null,
		cost: money(item.price * 0.6),
		is_refundable: type === 'physical',
		min_purchase: 1,
		max_purchase: 10,
		image: `${origin}/assets/tenant/uploads/media-uploader/store/product-${id}.png`,
		is_published: id % 4 !== 0,
		stock: type === 'physical' ? 20 + id : 0,
		is_unlimited: type !== 'physical',
		ratings: 4.5,
		tag_ids: [(id % 3) + 1],
		brand_id: (id % 2) + 1,
		category_ids: [(id % 4) + 1],
		product_options: [],
		created_at: createdAt,
		updated_at: createdAt,
	};
}

export function seedProducts(state: MockState, n: number, origin: string, type?: ProductType): MockProduct[] {
	const types: ProductType[] = ['physical', 'physical', 'physical', 'digital', 'booking', 'service'];
	const created: MockProduct[] = [];
	for (let i = 0; i < n; i++) {
		const id = nextId(state.products);
		const product = buildProduct(id, type ?? types[(id - 1) % types.length], seededTimestamp(id), origin);
		state.products.push(product);
		created.push(product);
	}
	return created;
}

export function seedOrders(state: MockState, n: number): MockOrder[] {
	const created: MockOrder[] = [];
	for (let i = 0; i < n; i++) {
		const id = nextId(state.orders);
		const physical = CATALOGUE.physical;
		const lines = [0, 1].slice(0, (id % 2) + 1).map((k) => {
			const item = physical[(id + k) % physical.length];
			return buildLineItem(id * 10 + k, { id: ((id + k) % physical.length) + 1, name: item.name.en, price: item.price }, k + 1);
		});
		const order = buildOrder(id, state.orderStatuses, seededTimestamp(id), lines, customerFor(id));
		state.orders.push(order);
		created.push(order);
	}
	return created;
}

export function seedAbandonedCarts(state: MockState, n: number): MockAbandonedCart[] {
	const created: MockAbandonedCart[] = [];
	for (let i = 0; i < n; i++) {
		const id = nextId(state.abandonedCarts);
		const physical = CATALOGUE.physical;
		const count = (id % 3) + 1;
		const items = Array.from({ length: count }, (_, k) => {
			const item = physical[(id + k) % physical.length];
			return { product_id: ((id + k) % physical.length) + 1, name: { ...item.name }, qty: 1, price: item.price };
		});
		const total = money(items.reduce((sum, it) => sum + it.price * it.qty, 0));
		const cart: MockAbandonedCart = {
			id,
			identifier: id,
			customer: customerFor(id),
			products_count: count,
			items,
			total_amount: total,
			formatted_total_amount: formatMoney(total),
			reminders_sent: 0,
			last_reminder: null,
			created_at: seededTimestamp(id),
			updated_at: seededTimestamp(id),
		};
		state.abandonedCarts.push(cart);
		created.push(cart);
	}
	return created;
}
