import type { IHttpRequestMethods } from 'n8n-workflow';

/**
 * The one place that says what each Tjar endpoint is.
 *
 * Tjar's public docs (docs.tjar.sa) show only part of the API. Every entry says whether its
 * method, path and body are documented (`doc`) or assumed by us (`assumed`, see TJAR-API.md and
 * the README). Correcting an assumption is a change to one line here.
 */
export type BodyKind = 'none' | 'json' | 'multipart';
export type Source = 'documented' | 'assumed' | 'documented path, assumed body';

export interface TjarEndpoint {
	method: IHttpRequestMethods;
	/** Relative to https://{store}/api/core/v1; `{identifier}` is filled in and URL-encoded. */
	path: string;
	body: BodyKind;
	/** What a 404 on this endpoint means to a merchant ("Order", "Webhook", ...). */
	subject: string;
	/** The key that wraps the records of a list response under `data`. */
	listKey?: string;
	source: Source;
}

const endpoint = (
	method: IHttpRequestMethods,
	path: string,
	body: BodyKind,
	subject: string,
	source: Source,
	listKey?: string,
): TjarEndpoint => ({ method, path, body, subject, source, listKey });

export const TJAR_ENDPOINTS = {
	'order.getMany': endpoint('GET', '/orders', 'none', 'Order', 'documented', 'orders'),
	'order.get': endpoint('GET', '/orders/{identifier}', 'none', 'Order', 'documented'),
	'order.getStatuses': endpoint('GET', '/orders/statuses', 'none', 'Order status list', 'assumed', 'statuses'),
	'order.create': endpoint('POST', '/orders', 'json', 'Order', 'assumed'),
	'order.changeStatus': endpoint('POST', '/orders/{identifier}/status', 'json', 'Order', 'assumed'),
	'order.update': endpoint('POST', '/orders/{identifier}', 'multipart', 'Order', 'documented'),

	'product.getMany': endpoint('GET', '/products', 'none', 'Product', 'documented', 'products'),
	'product.get': endpoint('GET', '/products/{identifier}', 'none', 'Product', 'documented'),
	'product.create': endpoint('POST', '/products', 'json', 'Product', 'documented'),
	'product.update': endpoint('PATCH', '/products/{identifier}', 'json', 'Product', 'documented'),
	'product.delete': endpoint('DELETE', '/products/{identifier}', 'none', 'Product', 'assumed'),

	'digitalProduct.create': endpoint('POST', '/products/digital', 'json', 'Digital product', 'documented path, assumed body'),
	'digitalProduct.get': endpoint('GET', '/products/digital/{identifier}', 'none', 'Digital product', 'documented'),
	'digitalProduct.update': endpoint('PATCH', '/products/digital/{identifier}', 'json', 'Digital product', 'documented path, assumed body'),

	'bookingProduct.create': endpoint('POST', '/products/booking', 'json', 'Booking product', 'assumed'),
	'bookingProduct.get': endpoint('GET', '/products/booking/{identifier}', 'none', 'Booking product', 'documented'),
	'bookingProduct.update': endpoint('PATCH', '/products/booking/{identifier}', 'json', 'Booking product', 'assumed'),

	'serviceProduct.create': endpoint('POST', '/products/service', 'json', 'Service product', 'documented path, assumed body'),
	'serviceProduct.get': endpoint('GET', '/products/service/{identifier}', 'none', 'Service product', 'documented'),
	'serviceProduct.update': endpoint('PATCH', '/products/service/{identifier}', 'json', 'Service product', 'documented path, assumed body'),

	'media.upload': endpoint('POST', '/media', 'multipart', 'Media file', 'assumed'),
	'media.uploadMany': endpoint('POST', '/media/multiple', 'multipart', 'Media file', 'assumed'),
	'media.update': endpoint('POST', '/media/{identifier}', 'multipart', 'Media file', 'assumed'),

	'webhook.getMany': endpoint('GET', '/webhooks', 'none', 'Webhook', 'assumed', 'webhooks'),
	'webhook.register': endpoint('POST', '/webhooks', 'json', 'Webhook', 'documented path, assumed body'),
	'webhook.update': endpoint('PUT', '/webhooks/{identifier}', 'json', 'Webhook', 'assumed'),
	'webhook.delete': endpoint('DELETE', '/webhooks/{identifier}', 'none', 'Webhook', 'assumed'),
	'webhook.verifySignature': endpoint('POST', '/webhooks/verify-signature', 'json', 'Webhook', 'assumed'),
	'webhook.refreshSecret': endpoint('POST', '/webhooks/{identifier}/refresh-secret', 'none', 'Webhook', 'assumed'),
	'webhook.getEvents': endpoint('GET', '/webhooks/events', 'none', 'Webhook event list', 'assumed', 'events'),

	'abandonedCart.getMany': endpoint('GET', '/abandoned-carts', 'none', 'Abandoned cart', 'documented', 'abandoned_carts'),
	'abandonedCart.get': endpoint('GET', '/abandoned-carts/{identifier}', 'none', 'Abandoned cart', 'documented'),
	'abandonedCart.sendReminder': endpoint('POST', '/abandoned-carts/{identifier}/reminder', 'json', 'Abandoned cart', 'documented path, assumed body'),
} as const;

export type TjarEndpointName = keyof typeof TJAR_ENDPOINTS;

/** ASSUMED: the largest `per_page` a Tjar store accepts. Return All asks for this many per page. */
export const MAX_PAGE_SIZE = 100;

/** A hard stop for Return All, so that a misbehaving server can never keep a workflow running. */
export const MAX_PAGES = 2000;

/** Legacy Edit Order and Update Media are sent as POST with this form field (Laravel method spoofing). */
export const METHOD_OVERRIDE_FIELD = '_method';
