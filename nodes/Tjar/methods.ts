import type { INodeType } from 'n8n-workflow';

import { loadWebhookEventOptions } from '../shared/webhookEvents';
import { searchOrders, searchProducts } from './listSearch';
import { getOrderStatuses } from './resources/order/statuses';

/** loadOptions and listSearch used by the action node's dropdowns and resource locators. */
export const methods: INodeType['methods'] = {
	loadOptions: { getOrderStatuses, getWebhookEvents: loadWebhookEventOptions },
	listSearch: { searchOrders, searchProducts },
};
