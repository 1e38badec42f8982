/** Envelope, localisation, pagination and input helpers shared by the mock's routes. */
import type { MockState, PaginationStyle, RecordedRequest } from './types';

export type Lang = 'ar' | 'en';

export interface MockSettings {
	apiKey: string;
	paginationStyle: PaginationStyle;
	maxPerPage: number;
	webhookCapacity: number;
	repeatPageForever: boolean;
}

export interface MockContext {
	state: MockState;
	settings: MockSettings;
	req: RecordedRequest;
	params: string[];
	lang: Lang;
	/** `http://127.0.0.1:PORT`, used for media and image URLs. */
	origin: string;
}

export interface MockResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export type Resource = 'Order' | 'Product' | 'Media' | 'Webhook' | 'Abandoned cart';

const MESSAGES = {
	success: { en: 'Operation completed successfully.', ar: 'تمت العملية بنجاح' },
	created: { en: 'Created successfully.', ar: 'تم الإنشاء بنجاح' },
	deleted: { en: 'Deleted', ar: 'تم الحذف' },
	invalid: { en: 'The given data was invalid.', ar: 'البيانات المعطاة غير صالحة.' },
	routeNotFound: { en: 'Route not found.', ar: 'المسار غير موجود.' },
	methodNotAllowed: { en: 'The POST method is not supported for this route.', ar: 'طريقة POST غير مدعومة لهذا المسار.' },
	capacity: { en: 'Webhook capacity reached for this store.', ar: 'تم الوصول إلى الحد الأقصى للويب هوك في هذا المتجر.' },
	malformed: { en: 'Malformed JSON body.', ar: 'صيغة JSON غير صحيحة.' },
};

const NOT_FOUND: Record<Resource, { en: string; ar: string }> = {
	Order: { en: 'Order not found.', ar: 'الطلب غير موجود.' },
	Product: { en: 'Product not found.', ar: 'المنتج غير موجود.' },
	Media: { en: 'Media not found.', ar: 'الملف غير موجود.' },
	Webhook: { en: 'Webhook not found.', ar: 'الويب هوك غير موجود.' },
	'Abandoned cart': { en: 'Abandoned cart not found.', ar: 'السلة المتروكة غير موجودة.' },
};

export type MessageKey = keyof typeof MESSAGES;
export const message = (lang: Lang, key: MessageKey): string => MESSAGES[key][lang];

export const errorBody = (text: string, errors?: Record<string, string[]>): Record<string, unknown> =>
	errors ? { status: 'error', message: text, errors } : { status: 'error', message: text };

export const ok = (ctx: MockContext, data: unknown, status = 200, key: MessageKey = 'success'): MockResponse => ({
	status,
	body: { status: 'success', message: message(ctx.lang, key), data },
});

export const created = (ctx: MockContext, data: unknown): MockResponse => ok(ctx, data, 201, 'created');
export const deleted = (ctx: MockContext): MockResponse => ok(ctx, null, 200, 'deleted');

export const fail = (ctx: MockContext, status: number, key: MessageKey): MockResponse => ({
	status,
	body: errorBody(message(ctx.lang, key)),
});

export const notFound = (ctx: MockContext, resource: Resource): MockResponse => ({
	status: 404,
	body: errorBody(NOT_FOUND[resource][ctx.lang]),
});

export const invalid = (ctx: MockContext, errors: Record<string, string[]>): MockResponse => ({
	status: 422,
	body: errorBody(message(ctx.lang, 'invalid'), errors),
});

/** Laravel-style "The x y field is required." */
export const required = (field: string): string[] => [`The ${field.replace(/_/g, ' ')} field is required.`];

/** A paginated list under `data[key]`, with metadata placed according to the pagination style. */
export function list(ctx: MockContext, key: string, items: readonly unknown[]): MockResponse {
	const { maxPerPage, paginationStyle, repeatPageForever } = ctx.settings;
	const requested = toInt(first(ctx.req.query, 'per_page'));
	const perPage = requested !== undefined && requested > 0 ? Math.min(requested, maxPerPage) : Math.min(15, maxPerPage);
	let page = Math.max(1, toInt(first(ctx.req.query, 'page')) ?? 1);
	let total = items.length;
	let lastPage = Math.max(1, Math.ceil(total / perPage));
	if (repeatPageForever) {
		page = 1;
		lastPage = 999;
		total = 999 * perPage;
	}
	const slice = items.slice((page - 1) * perPage, page * perPage);
	const meta = { current_page: page, last_page: lastPage, per_page: perPage, total };
	const data: Record<string, unknown> = { [key]: slice };
	if (paginationStyle === 'pagination') data.pagination = meta;
	if (paginationStyle === 'meta') data.meta = meta;
	const body: Record<string, unknown> = { status: 'success', message: message(ctx.lang, 'success'), data };
	if (paginationStyle === 'top-meta') body.meta = meta;
	return { status: 200, body };
}

export function toInt(value: unknown): number | undefined {
	const n = toNumber(value);
	return n === undefined ? undefined : Math.trunc(n);
}

export function toNumber(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}

export function toBool(value: unknown): boolean | undefined {
	if (value === true || value === 1 || value === '1' || value === 'true') return true;
	if (value === false || value === 0 || value === '0' || value === 'false') return false;
	return undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** First value of a query key. */
export function first(query: RecordedRequest['query'], name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[0] : value;
}

/** All values of `name`, `name[]` and `name[N]` (comma-separated values are split too). */
export function many(query: RecordedRequest['query'], name: string): string[] {
	const values: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key)) {
			values.push(...(Array.isArray(value) ? value : [value]));
		}
	}
	return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
}

/** The request's fields: a JSON object body, multipart text fields or url-encoded fields. */
export function fieldsOf(req: RecordedRequest): Record<string, unknown> {
	if (isRecord(req.body)) return req.body;
	if (req.multipart) return req.multipart.fields;
	return req.form ?? {};
}

/** Finds by integer identifier. */
export function byId<T extends { id: number }>(items: T[], raw: string): T | undefined {
	if (!/^\d+$/.test(raw)) return undefined;
	const id = Number(raw);
	return items.find((item) => item.id === id);
}

/** `YYYY-MM-DD` window filter on a `YYYY-MM-DD HH:MM:SS` timestamp. */
export function inDateRange(timestamp: string, from?: string, to?: string): boolean {
	const day = timestamp.slice(0, 10);
	return (!from || day >= from) && (!to || day <= to);
}

/** Reads bracket keys such as `products_to_add[0][id]` into nested records. */
export function bracketGroups(fields: Record<string, unknown>, root: string): Record<string, Record<string, unknown>> {
	const groups: Record<string, Record<string, unknown>> = {};
	for (const [key, value] of Object.entries(fields)) {
		const match = new RegExp(`^${root}\\[([^\\]]+)\\](?:\\[([^\\]]+)\\])?`).exec(key);
		if (!match) continue;
		if (match[2] === undefined) {
			(groups[''] ??= {})[match[1]] = value;
		} else {
			(groups[match[1]] ??= {})[match[2]] = value;
		}
	}
	return groups;
}
