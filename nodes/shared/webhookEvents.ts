import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { listAllPages } from './pagination';
import type { TjarFunctions } from './transport';

/**
 * Webhook event names. The live list comes from Webhook Events (GET /webhooks/events, ASSUMED);
 * this built-in list (ASSUMED, TJAR-API.md §6) is used when that call fails.
 */
export const FALLBACK_WEBHOOK_EVENTS: INodePropertyOptions[] = [
	{ name: 'Abandoned Cart Created', value: 'abandoned_cart.created', description: 'A customer left items in a cart without ordering' },
	{ name: 'Order Created', value: 'order.created', description: 'A new order was placed' },
	{ name: 'Order Deleted', value: 'order.deleted', description: 'An order was deleted' },
	{ name: 'Order Status Changed', value: 'order.status_changed', description: 'The status of an order changed' },
	{ name: 'Order Updated', value: 'order.updated', description: 'An order was edited' },
	{ name: 'Product Created', value: 'product.created', description: 'A product was created' },
	{ name: 'Product Deleted', value: 'product.deleted', description: 'A product was deleted' },
	{ name: 'Product Updated', value: 'product.updated', description: 'A product was updated' },
];

/**
 * The "All Events" choice. Tjar is not known to accept a wildcard, so a webhook for all events is
 * registered with every event name the store lists (or the fallback list) spelled out.
 */
export const ALL_EVENTS = '*';

/** "order.status_changed" → "Order Status Changed", for events the store lists without a label. */
export function eventLabel(key: string): string {
	return key
		.split(/[._\s-]+/)
		.filter(Boolean)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** The event name of a Webhook Events entry: a plain string, or `{key}` / `{event}` / `{name}` / `{value}`. */
export function eventKeyOf(entry: unknown): string | undefined {
	if (typeof entry === 'string') return entry.trim() || undefined;
	if (!entry || typeof entry !== 'object') return undefined;
	const record = entry as IDataObject;
	for (const field of ['key', 'event', 'value', 'name']) {
		const value = record[field];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}

/** Sorted, distinct event names from a selection, a registration's `events`, or "a, b" text. */
export function eventNames(events: unknown): string[] {
	const list = Array.isArray(events) ? events : typeof events === 'string' ? events.split(',') : [];
	return [...new Set(list.map(eventKeyOf).filter((key): key is string => key !== undefined))].sort();
}

/** The label Tjar gives an entry (`name` / `label`, possibly localised), else one made from the key. */
function eventNameOf(entry: IDataObject, key: string): string {
	for (const field of ['label', 'name', 'title']) {
		const value = entry[field];
		if (typeof value === 'string' && value.trim() !== '' && value.trim() !== key) return value.trim();
		if (value && typeof value === 'object') {
			const localised = value as IDataObject;
			const text = localised.en ?? localised.ar;
			if (typeof text === 'string' && text.trim() !== '') return text.trim();
		}
	}
	return eventLabel(key);
}

/** Dropdown options from a Webhook Events list, sorted by name, without duplicates. */
export function toEventOptions(entries: unknown[]): INodePropertyOptions[] {
	const options = new Map<string, INodePropertyOptions>();
	for (const entry of entries) {
		const key = eventKeyOf(entry);
		if (!key || options.has(key)) continue;
		const record = typeof entry === 'object' && entry ? (entry as IDataObject) : {};
		const description = typeof record.description === 'string' ? record.description : undefined;
		options.set(key, { name: eventNameOf(record, key), value: key, ...(description ? { description } : {}) });
	}
	return [...options.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The store's webhook events as dropdown options (Webhook Events), or the built-in list when the
 * store does not answer or lists none. Used by the trigger's Events field, by its "All Events"
 * registration and by the action node's Webhook events field.
 */
export async function loadWebhookEventOptions(this: TjarFunctions): Promise<INodePropertyOptions[]> {
	try {
		const options = toEventOptions(await listAllPages.call(this, 'webhook.getEvents'));
		if (options.length > 0) return options;
		this.logger.debug('Tjar listed no webhook events; using the built-in list');
	} catch (error) {
		this.logger.warn(`Could not load the Tjar webhook events, using the built-in list: ${(error as Error).message}`);
	}
	return FALLBACK_WEBHOOK_EVENTS.map((option) => ({ ...option }));
}
