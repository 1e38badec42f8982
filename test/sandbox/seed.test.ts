import { startTjarMock } from '../mock/tjar-mock';
import { sandboxState } from './seed';

const NOW = Date.UTC(2025, 2, 10, 12, 0, 0);
const parse = (stamp: string) => Date.parse(`${stamp.replace(' ', 'T')}Z`);

describe('the npm run dev sandbox store', () => {
	const state = sandboxState('http://127.0.0.1:8787', { now: NOW });

	test('about a hundred orders, newest first, in every status, with Arabic and English customers', () => {
		expect(state.orders).toHaveLength(100);
		expect(state.orders[0].id).toBe(100);
		expect(parse(state.orders[0].created_at)).toBeGreaterThan(parse(state.orders[99].created_at));
		const statuses = new Set(state.orders.map((o) => o.status.value));
		expect([...statuses].sort()).toEqual(['Cancelled', 'Delivered', 'Pending', 'Processing', 'Shipped']);
		const names = state.orders.map((o) => o.customer.name);
		expect(names.some((n) => /[\u0600-\u06FF]/.test(n))).toBe(true);
		expect(names.some((n) => /^[A-Za-z -]+$/.test(n))).toBe(true);
		expect(state.orders.every((o) => o.order_details.length > 0 && o.total_amount > 0)).toBe(true);
	});

	test('products of all four types, with images from the media library', () => {
		expect(new Set(state.products.map((p) => p.type))).toEqual(new Set(['physical', 'digital', 'booking', 'service']));
		expect(state.media.length).toBeGreaterThanOrEqual(10);
		const withImage = state.products.filter((p) => p.image_id !== undefined);
		expect(withImage.length).toBeGreaterThan(0);
		expect(withImage.every((p) => state.media.some((m) => m.id === p.image_id && m.url === p.image))).toBe(true);
	});

	test('abandoned carts both younger and older than a day', () => {
		const ages = state.abandonedCarts.map((c) => NOW - parse(c.created_at));
		expect(ages.filter((age) => age > 24 * 3600 * 1000).length).toBeGreaterThanOrEqual(5);
		expect(ages.filter((age) => age < 24 * 3600 * 1000).length).toBeGreaterThanOrEqual(2);
	});

	test('served by the mock, it pages at 50 per page', async () => {
		const mock = await startTjarMock({ maxPerPage: 50 });
		try {
			Object.assign(mock.state, sandboxState(mock.url));
			const response = await fetch(`${mock.baseUrl}/orders?per_page=50&page=2`, { headers: { Authorization: `Bearer ${mock.apiKey}` } });
			const body = (await response.json()) as { data: { orders: unknown[]; pagination: { last_page: number } } };
			expect(body.data.orders).toHaveLength(50);
			expect(body.data.pagination.last_page).toBe(2);
		} finally {
			await mock.close();
		}
	});
});
