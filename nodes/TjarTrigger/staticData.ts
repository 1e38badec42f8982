import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger keeps in the node's static data (`getWorkflowStaticData('node')`), which n8n
 * saves with the workflow: the webhook it registered, its signing secret, and the delivery ids it
 * has already run, so that a retried delivery does not start the workflow twice.
 */
export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	secret?: string;
	/** The events the webhook was registered with, for the logs and for reuse decisions. */
	events?: string[];
	recentDeliveryIds?: string[];
}

/** How many delivery ids are remembered; older ones are dropped first. */
export const RECENT_DELIVERY_LIMIT = 100;

export const asTriggerData = (staticData: IDataObject): TriggerStaticData => staticData as TriggerStaticData;

/** Drops the registration we held (the delivery history stays: it is about deliveries, not webhooks). */
export function forgetRegistration(data: TriggerStaticData): void {
	delete data.webhookId;
	delete data.secret;
	delete data.events;
}

export function wasDelivered(data: TriggerStaticData, deliveryId: string): boolean {
	return (data.recentDeliveryIds ?? []).includes(deliveryId);
}

export function rememberDelivery(data: TriggerStaticData, deliveryId: string): void {
	const ids = (data.recentDeliveryIds ?? []).filter((id) => id !== deliveryId);
	ids.push(deliveryId);
	data.recentDeliveryIds = ids.slice(-RECENT_DELIVERY_LIMIT);
}
