import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { TJAR_ENDPOINTS } from '../shared/endpoints';
import { extractList, readPageMeta } from '../shared/pagination';
import { tjarRequestEnvelope, type TjarEnvelope } from '../shared/transport';

/** The resource-locator searches of orders and products (`searchListMethod` of `idLocatorField`). */

const SEARCH_PAGE_SIZE = 50;
/** Orders have no search query: matching is done here, over at most this many pages per call. */
const ORDER_PAGES_PER_SEARCH = 5;

const asObject = (value: unknown): IDataObject =>
	value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

function hasNextPage(envelope: TjarEnvelope, count: number): boolean {
	const meta = readPageMeta(envelope);
	if (meta?.currentPage !== undefined && meta.lastPage !== undefined) return meta.currentPage < meta.lastPage;
	return count >= (meta?.perPage ?? SEARCH_PAGE_SIZE);
}

const pageOf = (paginationToken?: string): number => Math.max(1, Number(paginationToken) || 1);

function orderLabel(order: IDataObject): string {
	const customer = asObject(order.customer);
	const status = asObject(order.status).value ?? order.status;
	const parts = [`#${text(order.order_id || order.id)}`, text(customer.name ?? order.name), text(status)];
	return parts.filter((part) => part !== '').join(' · ');
}

function orderMatches(order: IDataObject, filter: string): boolean {
	const customer = asObject(order.customer);
	const haystack = [order.id, order.order_id, order.name, order.email, customer.name, customer.email, customer.mobile]
		.map((value) => text(value).toLowerCase())
		.join('\n');
	return haystack.includes(filter);
}

/** Lists orders newest-first as Tjar returns them; the filter matches order number, ID, customer name or email. */
export async function searchOrders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const wanted = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	const firstPage = pageOf(paginationToken);
	for (let page = firstPage; ; page++) {
		const envelope = await tjarRequestEnvelope.call(this, 'order.getMany', {
			query: { page, per_page: SEARCH_PAGE_SIZE },
		});
		const orders = extractList(envelope.data, TJAR_ENDPOINTS['order.getMany'].listKey);
		for (const order of orders) {
			if (wanted === '' || orderMatches(order, wanted)) {
				results.push({ name: orderLabel(order), value: text(order.id ?? order.identifier) });
			}
		}
		if (!hasNextPage(envelope, orders.length)) return { results };
		// Without a filter one page is enough; with one, keep reading a few pages until something matched.
		if (wanted === '' || results.length > 0 || page - firstPage + 1 >= ORDER_PAGES_PER_SEARCH) {
			return { results, paginationToken: String(page + 1) };
		}
	}
}

/** Product types of the typed product resources; a locator on one of them lists only that type. */
const PRODUCT_TYPE_OF_RESOURCE: Record<string, string> = {
	digitalProduct: 'digital',
	bookingProduct: 'booking',
	serviceProduct: 'service',
};

function productLabel(product: IDataObject): string {
	const name = asObject(product.name);
	const title = text(name.en || name.ar || product.name) || `Product ${text(product.id)}`;
	return product.sku ? `${title} (${text(product.sku)})` : title;
}

/** Uses Tjar's own `search` (product name); on Digital/Booking/Service Product only that type is listed. */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = pageOf(paginationToken);
	const query: IDataObject = { page, per_page: SEARCH_PAGE_SIZE };
	if (filter?.trim()) query.search = filter.trim();
	const envelope = await tjarRequestEnvelope.call(this, 'product.getMany', { query });
	const products = extractList(envelope.data, TJAR_ENDPOINTS['product.getMany'].listKey);
	const type = PRODUCT_TYPE_OF_RESOURCE[text(this.getCurrentNodeParameter('resource'))];
	const results = products
		.filter((product) => !type || product.type === undefined || product.type === type)
		.map((product) => ({ name: productLabel(product), value: text(product.id ?? product.identifier) }));
	return { results, paginationToken: hasNextPage(envelope, products.length) ? String(page + 1) : undefined };
}
