import type { IDataObject, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { MAX_PAGE_SIZE, MAX_PAGES } from '../../nodes/shared/endpoints';
import { extractList, listAllPages, readPageMeta } from '../../nodes/shared/pagination';
import { fakeExecuteContext } from '../helpers/fakeContext';
import { startTjarMock } from '../mock/tjar-mock';
import type { TjarMock } from '../mock/types';

let mock: TjarMock;
const context = () =>
	fakeExecuteContext({ credentials: { storeDomain: `http://${mock.host}`, apiKey: mock.apiKey }, parameters: {} });
const pagesAsked = () => mock.requests.map((request) => `${request.query.page}/${request.query.per_page}`);

beforeAll(async () => {
	mock = await startTjarMock({ seed: { orders: [] } });
	mock.seedOrders(250);
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.clearRequests();
	mock.setPaginationStyle('pagination');
	mock.repeatPageForever(false);
});

describe('Return All', () => {
	it('asks page after page at the largest page size and stops at last_page', async () => {
		const orders = await listAllPages.call(context(), 'order.getMany');
		expect(orders).toHaveLength(250);
		expect(new Set(orders.map((order) => order.id)).size).toBe(250);
		expect(pagesAsked()).toEqual([`1/${MAX_PAGE_SIZE}`, `2/${MAX_PAGE_SIZE}`, `3/${MAX_PAGE_SIZE}`]);
	});

	it('keeps the user filters on every page', async () => {
		await listAllPages.call(context(), 'order.getMany', { query: { date_from: '2020-01-01' } });
		expect(mock.requests.map((request) => request.query.date_from)).toEqual(['2020-01-01', '2020-01-01', '2020-01-01']);
	});

	it.each(['meta', 'top-meta'] as const)('reads Laravel metadata under %s', async (style) => {
		mock.setPaginationStyle(style);
		const orders = await listAllPages.call(context(), 'order.getMany');
		expect(orders).toHaveLength(250);
		expect(mock.requests).toHaveLength(3);
	});

	it('without metadata stops on the first short page', async () => {
		mock.setPaginationStyle('none');
		const orders = await listAllPages.call(context(), 'order.getMany');
		expect(orders).toHaveLength(250);
		expect(pagesAsked()).toEqual(['1/100', '2/100', '3/100']);
	});

	it('stops after an empty first page', async () => {
		const orders = await listAllPages.call(context(), 'order.getMany', { query: { date_from: '2999-01-01' } });
		expect(orders).toEqual([]);
		expect(mock.requests).toHaveLength(1);
	});

	it('stops when the server returns the same page forever', async () => {
		mock.repeatPageForever(true);
		const orders = await listAllPages.call(context(), 'order.getMany');
		expect(orders).toHaveLength(100);
		expect(pagesAsked()).toEqual(['1/100', '2/100']);
	});
});

describe('Limit', () => {
	it('asks only for what it needs when the limit fits in one page', async () => {
		const orders = await listAllPages.call(context(), 'order.getMany', { limit: 7 });
		expect(orders).toHaveLength(7);
		expect(pagesAsked()).toEqual(['1/7']);
	});

	it('cuts across pages and returns exactly the limit', async () => {
		const orders = await listAllPages.call(context(), 'order.getMany', { limit: 150 });
		expect(orders).toHaveLength(150);
		expect(orders.map((order) => order.id)).toEqual(mock.state.orders.slice(0, 150).map((order) => order.id));
		expect(pagesAsked()).toEqual(['1/100', '2/100']);
	});
});

describe('a misbehaving server', () => {
	/** A context whose "server" hands out a new distinct page for every request and claims more follow. */
	function endlessServer() {
		let calls = 0;
		const ctx = fakeExecuteContext({ credentials: { storeDomain: 'store.tjar.sa', apiKey: 'k' }, parameters: {} });
		(ctx.helpers as IExecuteFunctions['helpers']).httpRequestWithAuthentication = (async (
			_type: string,
			options: IHttpRequestOptions,
		) => {
			calls++;
			const page = Number((options.qs as IDataObject).page);
			const orders = Array.from({ length: 100 }, (_, i) => ({ id: page * 1000 + i }));
			return { statusCode: 200, headers: {}, body: { status: 'success', data: { orders, pagination: { current_page: page, last_page: 10 ** 9 } } } };
		}) as never;
		return { ctx, calls: () => calls };
	}

	it('stops at the hard page cap', async () => {
		const server = endlessServer();
		const orders = await listAllPages.call(server.ctx, 'order.getMany');
		expect(server.calls()).toBe(MAX_PAGES);
		expect(orders).toHaveLength(MAX_PAGES * 100);
	});
});

describe('reading list answers', () => {
	it('finds records under the endpoint key, else the first array, else none', () => {
		expect(extractList({ orders: [{ id: 1 }] }, 'orders')).toEqual([{ id: 1 }]);
		expect(extractList({ total: 1, items: [{ id: 2 }] }, 'orders')).toEqual([{ id: 2 }]);
		expect(extractList([{ id: 3 }])).toEqual([{ id: 3 }]);
		expect(extractList(null)).toEqual([]);
		expect(extractList({ message: 'none' })).toEqual([]);
	});

	it('reads page metadata defensively', () => {
		expect(readPageMeta({ data: { pagination: { current_page: '2', last_page: 5, per_page: 10 } } })).toEqual({ currentPage: 2, lastPage: 5, perPage: 10 });
		expect(readPageMeta({ data: { orders: [] }, meta: { current_page: 1, last_page: 1 } })).toEqual({ currentPage: 1, lastPage: 1, perPage: undefined });
		expect(readPageMeta({ data: { meta: 'broken' } })).toBeUndefined();
		expect(readPageMeta({ data: [] })).toBeUndefined();
	});
});
