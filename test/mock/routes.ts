/** The route table (paths relative to `/api/core/v1`). Fixed paths come before `{identifier}` paths. */
import { type MockContext, type MockResponse, fail } from './http-helpers';
import * as platform from './routes-platform';
import * as store from './routes-store';

type Handler = (ctx: MockContext) => MockResponse;
interface Route {
	method: string;
	pattern: RegExp;
	handler: Handler;
}

const ID = '([^/]+)';
const r = (method: string, path: string, handler: Handler): Route => ({
	method,
	pattern: new RegExp(`^${path.replace(/\{id\}/g, ID)}$`),
	handler,
});

const anyProduct = store.productRoutes();
const typed = (['digital', 'booking', 'service'] as const).flatMap((type) => {
	const h = store.productRoutes(type);
	return [r('POST', `/products/${type}`, h.create), r('GET', `/products/${type}/{id}`, h.get), r('PATCH', `/products/${type}/{id}`, h.update)];
});

export const ROUTES: Route[] = [
	// orders (#1–#5, legacy edit)
	r('GET', '/orders', store.listOrders),
	r('POST', '/orders', store.createOrder),
	r('GET', '/orders/statuses', store.listOrderStatuses),
	r('GET', '/orders/{id}', store.getOrder),
	r('POST', '/orders/{id}/status', store.changeOrderStatus),
	r('POST', '/orders/{id}', store.editOrderLegacy),
	// products (#6–#19)
	r('GET', '/products', store.listProducts),
	r('POST', '/products', anyProduct.create),
	...typed,
	r('GET', '/products/{id}', anyProduct.get),
	r('PATCH', '/products/{id}', anyProduct.update),
	r('DELETE', '/products/{id}', anyProduct.remove),
	// media (#20–#22, plus list/get for tests)
	r('GET', '/media', platform.listMedia),
	r('POST', '/media', platform.uploadMedia),
	r('POST', '/media/multiple', platform.uploadMultipleMedia),
	r('GET', '/media/{id}', platform.getMedia),
	r('POST', '/media/{id}', platform.updateMedia),
	// webhooks (#23–#29)
	r('GET', '/webhooks', platform.listWebhooks),
	r('POST', '/webhooks', platform.registerWebhook),
	r('GET', '/webhooks/events', platform.listWebhookEvents),
	r('POST', '/webhooks/verify-signature', platform.verifyWebhookSignature),
	r('POST', '/webhooks/{id}/refresh-secret', platform.refreshWebhookSecret),
	r('PUT', '/webhooks/{id}', platform.updateWebhook),
	r('DELETE', '/webhooks/{id}', platform.deleteWebhook),
	// abandoned carts (#30–#32)
	r('GET', '/abandoned-carts', store.listAbandonedCarts),
	r('GET', '/abandoned-carts/{id}', store.getAbandonedCart),
	r('POST', '/abandoned-carts/{id}/reminder', store.sendCartReminder),
];

const safeDecode = (s: string): string => {
	try {
		return decodeURIComponent(s);
	} catch {
		return s;
	}
};

/** Dispatches an authenticated API request; unknown method/path → 404 "Route not found.". */
export function dispatch(ctx: Omit<MockContext, 'params'>): MockResponse {
	const path = ctx.req.path.length > 1 ? ctx.req.path.replace(/\/+$/, '') : ctx.req.path;
	for (const route of ROUTES) {
		if (route.method !== ctx.req.method) continue;
		const match = route.pattern.exec(path);
		if (match) return route.handler({ ...ctx, params: match.slice(1).map(safeDecode) });
	}
	return fail({ ...ctx, params: [] }, 404, 'routeNotFound');
}
