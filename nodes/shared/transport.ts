import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { TJAR_ENDPOINTS, type TjarEndpoint, type TjarEndpointName } from './endpoints';
import type { MultipartBody } from './multipart';
import { normalizeStoreDomain } from './storeDomain';

export type TjarFunctions = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface TjarCall {
	/** Fills `{identifier}` in the endpoint's path. */
	identifier?: string | number;
	query?: IDataObject;
	body?: IDataObject;
	multipart?: MultipartBody;
	/** The input item this call is for, so that errors point at it. */
	itemIndex?: number;
}

/** Tjar's answer: `{status, message, data}`, sometimes with a top-level `meta`. */
export interface TjarEnvelope extends IDataObject {
	status?: string;
	message?: string;
	data?: IDataObject | IDataObject[] | null;
	meta?: IDataObject;
}

interface RawResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** Bounded back-off; `sleep` from n8n-workflow because community nodes may not use timers. */
export const RETRY_POLICY = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };

const RETRIED_ON_ANY_METHOD = new Set([429]);
const RETRIED_WHEN_IDEMPOTENT = new Set([502, 503, 504]);

/**
 * The store calls go to: its API URL, and the credential it came from. The decrypted credential is
 * handed to n8n with every request (`credentialsDecrypted`), so that n8n does not read and decrypt it
 * from its database again for each request, e.g. 100 times for a Return All of 100 pages (bench/).
 */
export interface TjarConnection {
	apiBaseUrl: string;
	credentials: ICredentialDataDecryptedObject;
}

export async function resolveConnection(this: TjarFunctions, itemIndex?: number): Promise<TjarConnection> {
	const credentials = await this.getCredentials<ICredentialDataDecryptedObject & { storeDomain?: string }>('tjarApi');
	const domain = normalizeStoreDomain(credentials.storeDomain);
	if (domain.ok) return { apiBaseUrl: domain.apiBaseUrl, credentials };
	throw new NodeOperationError(this.getNode(), `Tjar credential: ${domain.problem}`, {
		itemIndex,
		description: 'Open the Tjar API credential and correct the Store Domain.',
	});
}

export function fillPath(endpoint: TjarEndpoint, identifier?: string | number): string {
	if (!endpoint.path.includes('{identifier}')) return endpoint.path;
	return endpoint.path.replace('{identifier}', encodeURIComponent(String(identifier ?? '').trim()));
}

/**
 * Sends one call and returns Tjar's whole envelope (pagination reads its metadata). A caller making
 * many calls passes the connection it resolved once.
 */
export async function tjarRequestEnvelope(
	this: TjarFunctions,
	name: TjarEndpointName,
	call: TjarCall = {},
	connection?: TjarConnection,
): Promise<TjarEnvelope> {
	const endpoint = TJAR_ENDPOINTS[name];
	const { apiBaseUrl, credentials } = connection ?? (await resolveConnection.call(this, call.itemIndex));
	const options: IHttpRequestOptions = {
		method: endpoint.method,
		url: `${apiBaseUrl}${fillPath(endpoint, call.identifier)}`,
		qs: call.query,
		arrayFormat: 'brackets',
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (call.multipart) {
		options.body = call.multipart.body;
		options.headers = { ...options.headers, 'Content-Type': call.multipart.contentType };
	} else if (endpoint.body === 'json') {
		options.body = call.body ?? {};
		options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}

	for (let attempt = 1; ; attempt++) {
		const response = await send.call(this, options, endpoint, call, credentials);
		const envelope = asEnvelope(response.body);
		if (isForeignPage(response)) throw notTjarError(this, response, options.url, call);
		const failed = response.statusCode >= 400 || envelope.status === 'error' || envelope.status === 'fail';
		if (!failed) return envelope;

		if (attempt < RETRY_POLICY.maxAttempts && isRetryable(response.statusCode, endpoint)) {
			await sleep(retryDelayMs(response, attempt));
			continue;
		}
		throw tjarError(this, response.statusCode, envelope, endpoint, call, attempt);
	}
}

/** Sends one call and returns the unwrapped `data`. */
export async function tjarRequest(
	this: TjarFunctions,
	name: TjarEndpointName,
	call: TjarCall = {},
): Promise<IDataObject | IDataObject[] | null | undefined> {
	const envelope = await tjarRequestEnvelope.call(this, name, call);
	return envelope.data;
}

async function send(
	this: TjarFunctions,
	options: IHttpRequestOptions,
	endpoint: TjarEndpoint,
	call: TjarCall,
	credentials: ICredentialDataDecryptedObject,
): Promise<RawResponse> {
	try {
		// n8n still applies the credential's `authenticate`; only its lookup of the credential is skipped.
		return (await this.helpers.httpRequestWithAuthentication.call(this, 'tjarApi', options, {
			credentialsDecrypted: { id: '', name: '', type: 'tjarApi', data: credentials },
		})) as RawResponse;
	} catch (error) {
		const cause = error as JsonObject & { code?: string; message?: string };
		throw new NodeApiError(this.getNode(), cause, {
			message: `Could not reach the Tjar store (${cause.code ?? cause.message ?? 'network error'})`,
			description: `Request: ${endpoint.method} ${options.url}. Check the Store Domain in the Tjar credential and that the store is online.`,
			itemIndex: call.itemIndex,
		});
	}
}

function asEnvelope(body: unknown): TjarEnvelope {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as TjarEnvelope;
	if (Array.isArray(body)) return { data: body as IDataObject[] };
	if (typeof body === 'string' && body.trim() !== '') return { message: body.slice(0, 500) };
	return {};
}

/**
 * A page of text or HTML where Tjar answers JSON: the Store Domain points at a website, not at a Tjar
 * store. Gateways also answer 429/5xx with HTML; those keep their own handling (retries, messages).
 */
function isForeignPage(response: RawResponse): boolean {
	const text = typeof response.body === 'string' && response.body.trim() !== '';
	return text && (response.statusCode < 300 || response.statusCode === 404);
}

function notTjarError(ctx: TjarFunctions, response: RawResponse, url: string, call: TjarCall): NodeApiError {
	return new NodeApiError(ctx.getNode(), { body: String(response.body).slice(0, 500) } as JsonObject, {
		message: `The Store Domain did not answer like a Tjar store (HTTP ${response.statusCode}, not JSON)`,
		description: `${url} answered with a web page instead of Tjar's API. Check the Store Domain in the Tjar credential: it must be your Tjar store's domain, e.g. my-store.tjar.sa.`,
		httpCode: String(response.statusCode),
		itemIndex: call.itemIndex,
	});
}

function isRetryable(statusCode: number, endpoint: TjarEndpoint): boolean {
	if (RETRIED_ON_ANY_METHOD.has(statusCode)) return true;
	// A POST that reached a struggling gateway may have created something: never send it twice.
	return RETRIED_WHEN_IDEMPOTENT.has(statusCode) && endpoint.method !== 'POST';
}

function retryDelayMs(response: RawResponse, attempt: number): number {
	const header = response.headers['retry-after'];
	const retryAfter = Array.isArray(header) ? header[0] : header;
	let delay = RETRY_POLICY.baseDelayMs * 2 ** (attempt - 1);
	if (retryAfter !== undefined && retryAfter !== '') {
		const seconds = Number(retryAfter);
		const date = Date.parse(retryAfter);
		if (Number.isFinite(seconds)) delay = seconds * 1000;
		else if (!Number.isNaN(date)) delay = date - Date.now();
	}
	return Math.min(Math.max(delay, 0), RETRY_POLICY.maxDelayMs);
}

/** Lists every field error of a 422, e.g. "price: The price field is required." */
export function fieldErrors(envelope: TjarEnvelope): string[] {
	const errors = envelope.errors;
	if (!errors || typeof errors !== 'object') return [];
	return Object.entries(errors as IDataObject).map(([field, messages]) => {
		const text = Array.isArray(messages) ? messages.join(' ') : String(messages);
		return `${field}: ${text}`;
	});
}

function tjarError(
	ctx: TjarFunctions,
	statusCode: number,
	envelope: TjarEnvelope,
	endpoint: TjarEndpoint,
	call: TjarCall,
	attempts: number,
): NodeApiError {
	const tjarMessage = typeof envelope.message === 'string' && envelope.message ? envelope.message : undefined;
	const said = tjarMessage ? ` Tjar said: "${tjarMessage}"` : '';
	const subject = call.identifier === undefined ? endpoint.subject : `${endpoint.subject} "${call.identifier}"`;
	let message: string;
	let description: string;

	switch (statusCode) {
		case 401:
			message = 'Tjar rejected the API key (401)';
			description = `Check the API Key in the Tjar credential. You find it in the Tjar dashboard under General Settings → Developers, where it can be revealed or rotated.${said}`;
			break;
		case 403:
			message = 'The API key is not allowed to do this (403)';
			description = `The key works but lacks permission for ${endpoint.method} ${endpoint.path}. Check its permissions in the Tjar dashboard (General Settings → Developers).${said}`;
			break;
		case 404:
			message = `${subject} was not found (404)`;
			description =
				call.identifier === undefined
					? `The store has no ${endpoint.path} endpoint.${said}`
					: `Check the ID. Use the numeric id (or identifier) of the ${endpoint.subject.toLowerCase()}${endpoint.subject === 'Order' ? ', not the order number shown to customers (order_id)' : ''}.${said}`;
			break;
		case 422: {
			const fields = fieldErrors(envelope);
			message = fields.length
				? `Tjar rejected the data (422): ${fields.join('; ')}`
				: `Tjar rejected the data (422): ${tjarMessage ?? 'validation failed'}`;
			description = 'Correct the fields named above and run the node again.';
			break;
		}
		case 429:
			message = `Tjar is limiting the request rate (429), still after ${attempts} attempts`;
			description = 'Too many requests in a short time. Wait a minute, or slow the workflow down (e.g. with a Wait node or smaller batches).';
			break;
		default:
			if (statusCode >= 500) {
				message = `The Tjar store had a server error (${statusCode})`;
				description = `Tjar could not complete ${endpoint.method} ${endpoint.path}. Try again later; if it persists, contact Tjar support.${said}`;
			} else if (statusCode >= 400) {
				message = `Tjar answered ${statusCode}${tjarMessage ? `: ${tjarMessage}` : ''}`;
				description = `${endpoint.method} ${endpoint.path} failed.`;
			} else {
				message = `Tjar reported an error: ${tjarMessage ?? 'unknown error'}`;
				description = fieldErrors(envelope).join('; ') || `${endpoint.method} ${endpoint.path} answered status "${envelope.status}".`;
			}
	}
	return new NodeApiError(ctx.getNode(), envelope as JsonObject, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex: call.itemIndex,
	});
}
