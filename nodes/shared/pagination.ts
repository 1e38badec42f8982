import type { IDataObject } from 'n8n-workflow';

import { MAX_PAGE_SIZE, MAX_PAGES, TJAR_ENDPOINTS, type TjarEndpointName } from './endpoints';
import { resolveConnection, tjarRequestEnvelope, type TjarEnvelope, type TjarFunctions } from './transport';

export interface PageMeta {
	currentPage?: number;
	lastPage?: number;
	perPage?: number;
}

export interface ListCall {
	query?: IDataObject;
	/** Stop after this many records; undefined means Return All. */
	limit?: number;
	itemIndex?: number;
}

/** The records of a list answer: under the endpoint's key, else the first array inside `data`. */
export function extractList(data: unknown, listKey?: string): IDataObject[] {
	if (Array.isArray(data)) return data as IDataObject[];
	if (!data || typeof data !== 'object') return [];
	const record = data as IDataObject;
	if (listKey && Array.isArray(record[listKey])) return record[listKey] as IDataObject[];
	const firstArray = Object.values(record).find(Array.isArray);
	return (firstArray as IDataObject[] | undefined) ?? [];
}

const toNumber = (value: unknown) => {
	const number = Number(value);
	return value !== undefined && value !== null && value !== '' && Number.isFinite(number) ? number : undefined;
};

/** Tjar promises "pagination metadata" without showing it; Laravel's shapes are read defensively. */
export function readPageMeta(envelope: TjarEnvelope): PageMeta | undefined {
	const data = envelope.data && !Array.isArray(envelope.data) ? envelope.data : {};
	const candidates = [data.pagination, data.meta, envelope.meta, envelope.pagination];
	for (const candidate of candidates) {
		if (!candidate || typeof candidate !== 'object' || Array.isArray(candidate)) continue;
		const meta = candidate as IDataObject;
		const parsed: PageMeta = {
			currentPage: toNumber(meta.current_page ?? meta.currentPage),
			lastPage: toNumber(meta.last_page ?? meta.lastPage ?? meta.total_pages),
			perPage: toNumber(meta.per_page ?? meta.perPage),
		};
		if (parsed.currentPage !== undefined || parsed.lastPage !== undefined || parsed.perPage !== undefined) return parsed;
	}
	return undefined;
}

/** Identifies a page by its records, so a server that ignores `page` is noticed on the second call. */
function fingerprint(records: IDataObject[]): string {
	const ids = records.map((record) => String(record.id ?? record.identifier ?? JSON.stringify(record)));
	return `${records.length}:${ids.join(',')}`;
}

/**
 * Reads a `page`/`per_page` list. It can not loop: it stops at `last_page`, on a short or empty
 * page, on a page it has already seen, at the limit, and after MAX_PAGES pages.
 */
export async function listAllPages(
	this: TjarFunctions,
	name: TjarEndpointName,
	call: ListCall = {},
): Promise<IDataObject[]> {
	const endpoint = TJAR_ENDPOINTS[name];
	const connection = await resolveConnection.call(this, call.itemIndex);
	const perPage = call.limit === undefined ? MAX_PAGE_SIZE : Math.max(1, Math.min(call.limit, MAX_PAGE_SIZE));
	const records: IDataObject[] = [];
	const seenPages = new Set<string>();

	for (let page = 1; page <= MAX_PAGES; page++) {
		const envelope = await tjarRequestEnvelope.call(
			this,
			name,
			{ query: { ...call.query, page, per_page: perPage }, itemIndex: call.itemIndex },
			connection,
		);
		const pageRecords = extractList(envelope.data, endpoint.listKey);
		if (pageRecords.length === 0) break;

		const print = fingerprint(pageRecords);
		if (seenPages.has(print)) break;
		seenPages.add(print);

		for (const record of pageRecords) {
			records.push(record);
			if (call.limit !== undefined && records.length >= call.limit) return records;
		}

		const meta = readPageMeta(envelope);
		if (meta?.currentPage !== undefined && meta.lastPage !== undefined) {
			if (meta.currentPage >= meta.lastPage) break;
		} else if (pageRecords.length < (meta?.perPage ?? perPage)) {
			break;
		}
	}
	return records;
}
