import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { checkTjarSignature, TJAR_WEBHOOK_CONTRACT as CONTRACT } from '../shared/signature';
import { ALL_EVENTS, eventNames } from '../shared/webhookEvents';
import { verifiesSignatures } from './lifecycle';
import { asTriggerData, rememberDelivery, wasDelivered } from './staticData';

type Headers = ReturnType<IWebhookFunctions['getHeaderData']>;

const headerValue = (headers: Headers, name: string): string | undefined => {
	const value = headers[name];
	const text = Array.isArray(value) ? value[0] : value;
	return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
};

/** The bytes Tjar signed. n8n keeps them as `rawBody`; re-serialising the parsed body is a last resort. */
function rawBodyOf(request: ReturnType<IWebhookFunctions['getRequestObject']>): Buffer {
	const raw = (request as { rawBody?: unknown }).rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return Buffer.from(JSON.stringify(request.body ?? {}), 'utf8');
}

function bodyOf(request: ReturnType<IWebhookFunctions['getRequestObject']>, rawBody: Buffer): IDataObject {
	const parsed: unknown = request.body;
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length > 0) {
		return parsed as IDataObject;
	}
	try {
		const fromRaw: unknown = JSON.parse(rawBody.toString('utf8'));
		return fromRaw && typeof fromRaw === 'object' && !Array.isArray(fromRaw) ? (fromRaw as IDataObject) : { data: fromRaw as IDataObject };
	} catch {
		return {};
	}
}

/** The body's id first: the signature covers the body, not the headers, so a replay can't change it. */
function deliveryIdOf(body: IDataObject, headers: Headers): string | undefined {
	for (const field of CONTRACT.deliveryIdFields) {
		const value = body[field];
		if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value).trim();
	}
	return headerValue(headers, CONTRACT.deliveryHeader);
}

/** Answered 200 without starting the workflow: Tjar must not retry something we chose to skip. */
const skipped = (reason: string): IWebhookResponseData => ({ webhookResponse: { received: true, started: false, reason } });

/** Handles one delivery: verify, filter by event, drop duplicates, then emit one item. */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const headers = this.getHeaderData();
	const data = asTriggerData(this.getWorkflowStaticData('node'));
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const rawBody = rawBodyOf(request);

	if (verifiesSignatures.call(this)) {
		if (!data.secret) {
			throw new NodeOperationError(this.getNode(), 'The Tjar Trigger has no signing secret for its webhook', {
				description:
					'Deactivate and reactivate the workflow (for a test: stop and restart "Listen for test event") so that the trigger registers its webhook with Tjar again and stores the new secret.',
			});
		}
		const check = checkTjarSignature({
			secret: data.secret,
			rawBody,
			signatureHeader: headers[CONTRACT.signatureHeader],
			timestampHeader: headers[CONTRACT.timestampHeader],
		});
		if (!check.valid) {
			this.logger.warn(
				`Tjar Trigger "${this.getNode().name}": rejected a delivery (${check.reason}); answered 401 and started nothing`,
				{ workflowId: this.getWorkflow().id },
			);
			this.getResponseObject().status(401).send({ status: 'error', message: 'Missing or invalid webhook signature' });
			return { noWebhookResponse: true };
		}
	}

	const body = bodyOf(request, rawBody);
	const eventField = body[CONTRACT.eventField];
	const event = typeof eventField === 'string' && eventField !== '' ? eventField : headerValue(headers, CONTRACT.eventHeader);
	const selected = eventNames(this.getNodeParameter('events', []));
	if (!selected.includes(ALL_EVENTS) && (event === undefined || !selected.includes(event))) {
		return skipped(`event ${event ?? '(none)'} is not selected in this trigger`);
	}

	const deliveryId = deliveryIdOf(body, headers);
	if (deliveryId !== undefined) {
		if (wasDelivered(data, deliveryId)) return skipped(`delivery ${deliveryId} was already received`);
		rememberDelivery(data, deliveryId);
	}

	const { [CONTRACT.eventField]: _event, [CONTRACT.dataField]: resource, ...rest } = body;
	for (const field of CONTRACT.deliveryIdFields) delete rest[field];
	const item: IDataObject = {
		event: event ?? null,
		...(deliveryId !== undefined ? { delivery_id: deliveryId } : {}),
		data: resource === undefined ? body : resource,
		received_at: new Date().toISOString(),
		...(resource !== undefined && Object.keys(rest).length > 0 ? { meta: rest } : {}),
		...(options.includeHeaders === true ? { headers: { ...headers } as IDataObject } : {}),
	};
	// A JSON acknowledgement: without it n8n answers with the bare text of its default response mode.
	return { webhookResponse: { received: true, started: true }, workflowData: [this.helpers.returnJsonArray([item])] };
}
