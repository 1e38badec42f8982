import type { INodePropertyOptions } from 'n8n-workflow';

import type { TjarResource } from '../types';
import { abandonedCartResource } from './abandonedCart';
import { mediaResource } from './media';
import { order } from './order';
import { bookingProduct, digitalProduct, product, serviceProduct } from './product';
import { webhookResource } from './webhook';

/**
 * Every resource of the action node. Each folder exports a TjarResource: its fields and a handler per
 * operation. The paths they call live in nodes/shared/endpoints.ts.
 */
export const resources: Record<string, TjarResource> = {
	order,
	product,
	digitalProduct,
	bookingProduct,
	serviceProduct,
	media: mediaResource,
	webhook: webhookResource,
	abandonedCart: abandonedCartResource,
};

export const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Order', value: 'order', description: 'Orders of the store and their statuses' },
	{ name: 'Product', value: 'product', description: 'Products of any type: list, create, update, delete' },
	{ name: 'Digital Product', value: 'digitalProduct', description: 'Downloadable products such as e-books and courses' },
	{ name: 'Booking Product', value: 'bookingProduct', description: 'Bookable products such as appointments and sessions' },
	{ name: 'Service Product', value: 'serviceProduct', description: 'Services such as gift wrapping or installation' },
	{ name: 'Media', value: 'media', description: 'Images and files of the store’s media library' },
	{ name: 'Webhook', value: 'webhook', description: 'URLs the store sends events to' },
	{ name: 'Abandoned Cart', value: 'abandonedCart', description: 'Carts customers left without ordering' },
];
