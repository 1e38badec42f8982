/**
 * Shapes used by the loopback Tjar mock (see /work/shared/TJAR-API.md §3–§6).
 * Every resource allows extra keys so that "additional fields" sent by the node are kept and visible.
 */

export interface Localised {
	ar: string;
	en: string;
}

export interface StatusValue {
	value: string;
	label: Localised;
	color: string;
}

export interface OrderStatusEntry {
	value: string;
	label: Localised;
	color: string;
}

export interface WebhookEventEntry {
	key: string;
	name: string;
	description: string;
}

export interface MockCustomer {
	id: number;
	name: string;
	email: string;
	mobile: string;
	avatar: string | null;
}

export interface MockLineItem {
	id: number;
	product_id: number;
	name: string;
	qty: number;
	price: number;
	weight: number;
	type: number;
	type_label: string;
	options: Record<string, unknown>;
	discount: number;
	tax: number;
	subtotal: number;
}

export interface MockOrder {
	id: number;
	identifier: number;
	order_id: string;
	name: string;
	email: string;
	phone: string;
	address: string;
	customer: MockCustomer;
	city: Localised;
	state: Localised;
	country: Localised;
	zipcode: string;
	full_address: string;
	total_amount: number;
	formatted_total_amount: string;
	coupon: string | null;
	coupon_discounted: number;
	status: StatusValue;
	payment_status: StatusValue;
	payment_gateway: { value: string; label: string };
	transaction_id: string | null;
	order_details: MockLineItem[];
	created_at: string;
	updated_at: string;
	[extra: string]: unknown;
}

export type ProductType = 'physical' | 'digital' | 'booking' | 'service';

export interface MockProduct {
	id: number;
	identifier: number;
	name: Localised;
	summary: Localised;
	description: Localised;
	type: ProductType;
	type_id: number;
	sku: string;
	price: number;
	sale_price: number | null;
	cost: number | null;
	is_refundable: boolean;
	min_purchase: number;
	max_purchase: number;
	image: string | null;
	is_published: boolean;
	stock: number;
	is_unlimited: boolean;
	ratings: number;
	tag_ids: number[];
	brand_id: number | null;
	category_ids: number[];
	product_options: Array<Record<string, unknown>>;
	created_at: string;
	updated_at: string;
	[extra: string]: unknown;
}

export interface MockMedia {
	id: number;
	identifier: number;
	url: string;
	name: string;
	mime_type: string;
	size: number;
	alt: string | null;
	title: string | null;
	created_at: string;
}

export interface MockWebhook {
	id: number;
	identifier: number;
	name: string;
	url: string;
	events: string[];
	is_active: boolean;
	secret: string;
	created_at: string;
	updated_at: string;
}

export interface MockCartItem {
	product_id: number;
	name: Localised;
	qty: number;
	price: number;
}

export interface MockAbandonedCart {
	id: number;
	identifier: number;
	customer: MockCustomer;
	products_count: number;
	items: MockCartItem[];
	total_amount: number;
	formatted_total_amount: string;
	reminders_sent: number;
	last_reminder: { channel: string; message: string | null; sent_at: string } | null;
	created_at: string;
	updated_at: string;
}

export interface MockState {
	orders: MockOrder[];
	products: MockProduct[];
	media: MockMedia[];
	webhooks: MockWebhook[];
	abandonedCarts: MockAbandonedCart[];
	orderStatuses: OrderStatusEntry[];
	webhookEvents: WebhookEventEntry[];
}

export type PaginationStyle = 'pagination' | 'meta' | 'top-meta' | 'none';

export interface MultipartFile {
	field: string;
	filename: string;
	contentType: string;
	data: Buffer;
}

export interface MultipartBody {
	fields: Record<string, string>;
	files: MultipartFile[];
}

export interface RecordedRequest {
	method: string;
	/** Path without the `/api/core/v1` prefix, e.g. `/orders/5` (full path for anything outside it). */
	path: string;
	/** Repeated keys and `key[]` keys are arrays; raw key names are kept (`tag_ids[]`). */
	query: Record<string, string | string[]>;
	rawQuery: string;
	headers: Record<string, string>;
	/** Parsed JSON body, when the body was JSON. */
	body: unknown;
	multipart?: MultipartBody;
	/** Fields of an `application/x-www-form-urlencoded` body. */
	form?: Record<string, string>;
	rawBody: Buffer;
}

export interface FailOptions {
	headers?: Record<string, string>;
	body?: unknown;
	match?: (req: RecordedRequest) => boolean;
}

export type SignatureForm = 'plain' | 'prefix' | 'timestamp' | 'timestamp-header';

export interface DeliverOptions {
	event: string;
	data: unknown;
	/** Webhook secret; when omitted, the secret of the stored webhook registered for the target URL. */
	secret?: string;
	/** Delivery id (body `delivery_id`, header `X-Tjar-Delivery`); a random UUID when omitted. */
	deliveryId?: string;
	/**
	 * plain: hex HMAC; prefix: `sha256=<hex>`; timestamp: `t=<ts>,v1=<hex of "ts.body">`;
	 * timestamp-header: hex of `ts.body`, timestamp in `X-Tjar-Timestamp`.
	 */
	form?: SignatureForm;
	/** Unix seconds, for the timestamp forms (default: now). */
	timestamp?: number;
	/** Change the body after signing (the signature no longer matches). */
	tamper?: boolean;
	omitSignature?: boolean;
	/** Header that carries the signature (default `X-Tjar-Signature`). */
	signatureHeader?: string;
	/** Extra headers to send. */
	headers?: Record<string, string>;
}

export interface DeliveryResult {
	status: number;
	body: string;
}

export interface TjarMockOptions {
	apiKey?: string;
	paginationStyle?: PaginationStyle;
	maxPerPage?: number;
	webhookCapacity?: number;
	seed?: Partial<MockState>;
	/** Serve `/__mock/*` control endpoints (before auth), for tests that run n8n in another process. */
	controlEndpoints?: boolean;
	/** Port to listen on (default 0 = random). Always binds 127.0.0.1. */
	port?: number;
}

export interface TjarMock {
	url: string;
	host: string;
	baseUrl: string;
	apiKey: string;
	state: MockState;
	requests: RecordedRequest[];
	clearRequests(): void;
	seedOrders(n: number): MockOrder[];
	seedProducts(n: number, type?: ProductType): MockProduct[];
	seedAbandonedCarts(n: number): MockAbandonedCart[];
	failNext(count: number, status: number, opts?: FailOptions): void;
	repeatPageForever(on: boolean): void;
	setPaginationStyle(style: PaginationStyle): void;
	deliverWebhook(targetUrl: string, opts: DeliverOptions): Promise<DeliveryResult>;
	close(): Promise<void>;
}
