import type { IDataObject, IHookFunctions, INode, IWebhookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { listAllPages } from '../shared/pagination';
import { tjarRequest } from '../shared/transport';
import { ALL_EVENTS, eventNames, loadWebhookEventOptions } from '../shared/webhookEvents';
import { asTriggerData, forgetRegistration, type TriggerStaticData } from './staticData';

/**
 * The webhook lifecycle n8n drives on activation (checkExists, then create when it says false) and
 * deactivation (delete). Every path leaves at most one Tjar webhook for this node's URL, because
 * stores cap the number of webhooks: registrations for our URL that we cannot use are deleted.
 */

const webhookIdOf = (webhook: IDataObject): string | undefined => {
	const id = webhook.id ?? webhook.identifier;
	return id === undefined || id === null || id === '' ? undefined : String(id);
};

const sameUrl = (a: unknown, b: string): boolean =>
	typeof a === 'string' && a.trim().replace(/\/+$/, '') === b.trim().replace(/\/+$/, '');

/** Same webhook path (n8n puts the node's own id in it) on any host. */
function samePath(a: unknown, b: string): boolean {
	if (typeof a !== 'string') return false;
	try {
		const path = (url: string) => new URL(url).pathname.replace(/\/+$/, '');
		return path(a) === path(b);
	} catch {
		return false;
	}
}

const sameEvents = (a: string[], b: string[]): boolean => a.length === b.length && a.every((event, i) => event === b[i]);

/** Options → Verify Signature; on unless the user turned it off. */
export function verifiesSignatures(this: IHookFunctions | IWebhookFunctions): boolean {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return options.verifySignature !== false;
}

function ourUrl(this: IHookFunctions): string {
	const url = this.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(this.getNode(), 'n8n did not provide a webhook URL for the Tjar Trigger');
	return url;
}

/** The event names to register: the selection, with "All Events" spelled out (see ALL_EVENTS). */
export async function eventsToRegister(this: IHookFunctions): Promise<string[]> {
	const selected = eventNames(this.getNodeParameter('events', []));
	if (selected.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Choose at least one event in the Tjar Trigger', {
			description: 'Pick the store events that should start this workflow, or "All Events".',
		});
	}
	if (!selected.includes(ALL_EVENTS)) return selected;
	const known = await loadWebhookEventOptions.call(this);
	return eventNames(known.map((option) => option.value));
}

/** Tjar's errors arrive as NodeApiError already; anything else is wrapped so n8n shows it on the node. */
function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error as Error);
}

/** Deletes one registration; a 404 means it is already gone, which is what we wanted. */
async function deleteRegistration(this: IHookFunctions, id: string): Promise<void> {
	try {
		await tjarRequest.call(this, 'webhook.delete', { identifier: id });
	} catch (error) {
		if ((error as NodeApiError).httpCode !== '404') throw asNodeError(this.getNode(), error);
	}
}

/** The store's webhooks, or undefined when the store has no List Webhooks endpoint (404). */
async function listRegistrations(this: IHookFunctions): Promise<IDataObject[] | undefined> {
	try {
		return await listAllPages.call(this, 'webhook.getMany');
	} catch (error) {
		if ((error as NodeApiError).httpCode !== '404') throw asNodeError(this.getNode(), error);
		this.logger.warn(
			`Tjar Trigger "${this.getNode().name}": the store answered 404 to List Webhooks; relying on the webhook this node registered itself`,
		);
		return undefined;
	}
}

export async function checkWebhookExists(this: IHookFunctions): Promise<boolean> {
	const url = ourUrl.call(this);
	const data = asTriggerData(this.getWorkflowStaticData('node'));
	const wanted = await eventsToRegister.call(this);
	const registered = await listRegistrations.call(this);
	if (registered === undefined) {
		// Without a list (the List Webhooks path is assumed), trust what we registered ourselves, as long
		// as it was for these events; otherwise it is replaced.
		if (data.webhookId === undefined) return false;
		if ((Boolean(data.secret) || !verifiesSignatures.call(this)) && sameEvents(eventNames(data.events), wanted)) return true;
		await deleteRegistration.call(this, String(data.webhookId));
		forgetRegistration(data);
		return false;
	}

	const stored = data.webhookId === undefined ? undefined : registered.find((w) => webhookIdOf(w) === String(data.webhookId));
	const reusable =
		stored !== undefined &&
		(Boolean(data.secret) || !verifiesSignatures.call(this)) &&
		sameUrl(stored.url, url) &&
		stored.is_active !== false &&
		sameEvents(eventNames(stored.events), wanted)
			? stored
			: undefined;

	// Ours but unusable: for our URL without a secret we hold (an orphan), with other events,
	// inactive, or the one we registered when n8n was reachable under another host name. A stored
	// id now naming a webhook for another path is someone else's: it is only forgotten.
	const stale = registered.filter(
		(w) => w !== reusable && (sameUrl(w.url, url) || (w === stored && samePath(w.url, url))),
	);
	for (const webhook of stale) {
		const id = webhookIdOf(webhook);
		if (id !== undefined) await deleteRegistration.call(this, id);
	}
	// A stored id the store no longer lists, or one we just deleted, is forgotten.
	if (!reusable) forgetRegistration(data);
	return reusable !== undefined;
}

const CAPACITY_PATTERN = /capacity|limit|maximum|too many|الحد الأقصى|السعة/i;

function isCapacityError(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	if (error.httpCode !== '422' && error.httpCode !== '403' && error.httpCode !== '409') return false;
	const text = [error.message, error.description, JSON.stringify(error.cause ?? {})].join(' ');
	return CAPACITY_PATTERN.test(text);
}

function registrationName(this: IHookFunctions): string {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const custom = typeof options.webhookName === 'string' ? options.webhookName.trim() : '';
	if (custom) return custom;
	const workflow = this.getWorkflow().name?.trim() || `workflow ${this.getWorkflow().id ?? ''}`.trim();
	return `n8n: ${workflow} (${this.getNode().name})`;
}

function secretOf(data: unknown): string | undefined {
	if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
	const record = data as IDataObject;
	const secret = record.secret ?? record.signing_secret ?? (record.webhook as IDataObject | undefined)?.secret;
	return typeof secret === 'string' && secret !== '' ? secret : undefined;
}

/** Register answered without a secret: ask Refresh Secret for one (undefined when that fails too). */
async function refreshedSecret(this: IHookFunctions, id: string): Promise<string | undefined> {
	try {
		return secretOf(await tjarRequest.call(this, 'webhook.refreshSecret', { identifier: id }));
	} catch (error) {
		this.logger.warn(`Tjar Trigger: Refresh Secret failed for webhook ${id}: ${(error as Error).message}`);
		return undefined;
	}
}

export async function createWebhook(this: IHookFunctions): Promise<boolean> {
	const url = ourUrl.call(this);
	const data: TriggerStaticData = asTriggerData(this.getWorkflowStaticData('node'));
	const events = await eventsToRegister.call(this);

	let created: IDataObject;
	try {
		const response = await tjarRequest.call(this, 'webhook.register', {
			body: { name: registrationName.call(this), url, events },
		});
		const record = Array.isArray(response) ? response[0] : response;
		created = (record?.webhook as IDataObject | undefined) ?? record ?? {};
	} catch (error) {
		if (isCapacityError(error)) {
			throw new NodeOperationError(this.getNode(), 'Your Tjar store has reached its webhook limit', {
				description:
					'Tjar allows only a few webhooks per store. Remove webhooks you no longer use in the Tjar dashboard (Settings → Developers), then activate this workflow again.',
			});
		}
		throw asNodeError(this.getNode(), error);
	}

	const id = webhookIdOf(created);
	if (id === undefined) {
		throw new NodeOperationError(this.getNode(), 'Tjar registered the webhook but did not return its ID', {
			description: 'Check the store\'s webhooks in the Tjar dashboard (Settings → Developers) and remove the new one by hand.',
		});
	}
	// Kept before anything else can fail, so that n8n's clean-up (delete) can remove it.
	data.webhookId = id;
	data.events = events;

	const secret = secretOf(created) ?? (await refreshedSecret.call(this, id));
	if (!secret && verifiesSignatures.call(this)) {
		// Unusable without its secret: removed now rather than left to count against the store's cap.
		await deleteRegistration.call(this, id);
		forgetRegistration(data);
		throw new NodeOperationError(this.getNode(), 'Tjar did not return a signing secret for the webhook', {
			description:
				'Without the secret the trigger cannot tell genuine deliveries from forged ones. Try again; if it persists, turn off Options → Verify Signature (anyone who knows the URL could then start the workflow).',
		});
	}
	if (secret) data.secret = secret;
	return true;
}

export async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	const data = asTriggerData(this.getWorkflowStaticData('node'));
	if (data.webhookId !== undefined) {
		try {
			await deleteRegistration.call(this, String(data.webhookId));
		} catch (error) {
			// Kept in static data: the next activation finds it by id and reuses or removes it.
			this.logger.warn(`Tjar Trigger: could not delete webhook ${data.webhookId}: ${(error as Error).message}`);
			return false;
		}
	}
	forgetRegistration(data);
	return true;
}
