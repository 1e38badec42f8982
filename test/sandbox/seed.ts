/**
 * The realistic store behind `npm run dev`: about a hundred orders spread over the last two months in
 * every status, products of all four types, a media library, and abandoned carts from two hours to ten
 * days old, with Arabic and English names. Built from the mock's own seed helpers; timestamps are
 * relative to the moment the sandbox starts, so "carts older than a day" always finds some.
 */
import {
	ORDER_STATUSES,
	buildLineItem,
	buildOrder,
	buildProduct,
	customerFor,
	defaultState,
	formatMoney,
	formatTimestamp,
	money,
	statusValue,
} from '../mock/seed';
import type { MockAbandonedCart, MockCustomer, MockMedia, MockOrder, MockProduct, MockState, ProductType } from '../mock/types';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Seven more customers next to the mock's five (customerFor 1–5): twelve in all. */
const MORE_CUSTOMERS: Array<Omit<MockCustomer, 'id' | 'avatar'>> = [
	{ name: 'فاطمة الزهراني', email: 'fatimah.zahrani@example.com', mobile: '+966506789012' },
	{ name: 'Omar Haddad', email: 'omar.haddad@example.com', mobile: '+966507890123' },
	{ name: 'ريم الغامدي', email: 'reem.ghamdi@example.com', mobile: '+966508901234' },
	{ name: 'Layla Hassan', email: 'layla.hassan@example.com', mobile: '+966509012345' },
	{ name: 'خالد المطيري', email: 'khalid.mutairi@example.com', mobile: '+966550123456' },
	{ name: 'Yousef Al-Harbi', email: 'yousef.harbi@example.com', mobile: '+966551234567' },
	{ name: 'هيفاء السبيعي', email: 'haifa.subaie@example.com', mobile: '+966552345678' },
];
const CUSTOMER_COUNT = 5 + MORE_CUSTOMERS.length;

/** Statuses weighted like a real shop: most orders delivered, a few cancelled. */
const STATUS_CYCLE = ['Delivered', 'Processing', 'Pending', 'Delivered', 'Shipped', 'Delivered', 'Processing', 'Shipped', 'Pending', 'Delivered', 'Cancelled', 'Processing', 'Delivered', 'Shipped', 'Pending', 'Delivered', 'Processing', 'Delivered', 'Shipped', 'Delivered'];

/** 14 physical, 4 digital, 3 booking, 3 service. */
const PRODUCT_TYPES: ProductType[] = [
	...Array<ProductType>(14).fill('physical'),
	...Array<ProductType>(4).fill('digital'),
	...Array<ProductType>(3).fill('booking'),
	...Array<ProductType>(3).fill('service'),
];

export interface SandboxSeedOptions {
	orders?: number;
	carts?: number;
	now?: number;
}

function customer(n: number): MockCustomer {
	const k = (n - 1) % CUSTOMER_COUNT;
	return k < 5 ? customerFor(k + 1) : { id: 101 + k, ...MORE_CUSTOMERS[k - 5], avatar: null };
}

const stamp = (ms: number): string => formatTimestamp(new Date(ms));

function sandboxMedia(origin: string, now: number): MockMedia[] {
	const files = ['coffee-beans.jpg', 'sukkari-dates.jpg', 'oud-oil.jpg', 'abaya-black.jpg', 'dallah.jpg', 'bakhoor.jpg', 'saffron.jpg', 'prayer-rug.jpg', 'store-banner.png', 'gift-box.png'];
	return files.map((name, i) => ({
		id: i + 1,
		identifier: i + 1,
		url: `${origin}/assets/tenant/uploads/media-uploader/sandbox/${name}`,
		name,
		mime_type: name.endsWith('.png') ? 'image/png' : 'image/jpeg',
		size: 48_000 + i * 1_250,
		alt: null,
		title: null,
		created_at: stamp(now - (90 - i) * DAY),
	}));
}

function sandboxProducts(origin: string, media: MockMedia[], now: number): MockProduct[] {
	return PRODUCT_TYPES.map((type, i) => {
		const id = i + 1;
		const product = buildProduct(id, type, stamp(now - (80 - i) * DAY), origin);
		const image = media[i % 8];
		if (type === 'physical' && image) Object.assign(product, { image_id: image.id, image: image.url });
		return product;
	});
}

function sandboxOrders(products: MockProduct[], count: number, now: number): MockOrder[] {
	const physical = products.filter((p) => p.type === 'physical' && p.is_published);
	const orders: MockOrder[] = [];
	for (let id = 1; id <= count; id++) {
		// Oldest first, about 14 hours apart, the newest a few minutes ago.
		const createdAt = now - (count - id) * 14 * HOUR - 5 * 60 * 1000;
		const lines = [0, 1, 2].slice(0, (id % 3) + 1).map((k) => {
			const product = physical[(id * 3 + k) % physical.length];
			return buildLineItem(id * 10 + k, { id: product.id, name: product.name.en, price: product.sale_price ?? product.price, image: product.image }, (k % 2) + 1);
		});
		const order = buildOrder(id, ORDER_STATUSES, stamp(createdAt), lines, customer(id));
		const status = ORDER_STATUSES.find((s) => s.value === STATUS_CYCLE[(id - 1) % STATUS_CYCLE.length]) ?? ORDER_STATUSES[0];
		order.status = statusValue(status);
		if (id % 7 === 0) Object.assign(order, { coupon: 'RAMADAN10' });
		orders.push(order);
	}
	return orders;
}

function sandboxCarts(products: MockProduct[], count: number, now: number): MockAbandonedCart[] {
	const physical = products.filter((p) => p.type === 'physical');
	const ages = [2 * HOUR, 5 * HOUR, 9 * HOUR, 20 * HOUR, 1.5 * DAY, 2 * DAY, 3 * DAY, 4 * DAY, 5 * DAY, 6 * DAY, 7 * DAY, 8 * DAY, 9 * DAY, 10 * DAY];
	const carts: MockAbandonedCart[] = [];
	for (let id = 1; id <= count; id++) {
		const age = ages[(count - id) % ages.length];
		const items = Array.from({ length: (id % 3) + 1 }, (_, k) => {
			const product = physical[(id * 2 + k) % physical.length];
			return { product_id: product.id, name: { ...product.name }, qty: k + 1, price: product.sale_price ?? product.price };
		});
		const total = money(items.reduce((sum, item) => sum + item.price * item.qty, 0));
		const created = stamp(now - age);
		carts.push({
			id,
			identifier: id,
			customer: customer(id + 3),
			products_count: items.length,
			items,
			total_amount: total,
			formatted_total_amount: formatMoney(total),
			reminders_sent: 0,
			last_reminder: null,
			created_at: created,
			updated_at: created,
		});
	}
	return carts;
}

/** The whole sandbox store; `origin` is where it is served (image URLs point there). */
export function sandboxState(origin: string, options: SandboxSeedOptions = {}): MockState {
	const now = options.now ?? Date.now();
	const media = sandboxMedia(origin, now);
	const products = sandboxProducts(origin, media, now);
	return defaultState({
		media,
		products,
		// Newest first, as a store lists them.
		orders: sandboxOrders(products, options.orders ?? 100, now).reverse(),
		abandonedCarts: sandboxCarts(products, options.carts ?? 14, now),
	});
}
