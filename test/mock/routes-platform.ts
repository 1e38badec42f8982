/** Media and webhooks: endpoints #20–#29 of TJAR-API.md. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
	type MockContext,
	type MockResponse,
	byId,
	created,
	deleted,
	fail,
	fieldsOf,
	invalid,
	list,
	notFound,
	ok,
	required,
	toBool,
} from './http-helpers';
import { nextId, now } from './seed';
import { hmacHex } from './signing';
import type { MockMedia, MockWebhook, MultipartFile } from './types';

// ---------- media ----------

const mediaUrl = (ctx: MockContext, id: number, filename: string): string =>
	`${ctx.origin}/assets/tenant/uploads/media-uploader/store/${id}-${encodeURIComponent(filename.replace(/\s+/g, '-'))}`;

function storeMedia(ctx: MockContext, file: MultipartFile): MockMedia {
	const id = nextId(ctx.state.media);
	const fields = ctx.req.multipart?.fields ?? {};
	const media: MockMedia = {
		id,
		identifier: id,
		url: mediaUrl(ctx, id, file.filename),
		name: file.filename,
		mime_type: file.contentType,
		size: file.data.length,
		alt: fields.alt ?? null,
		title: fields.title ?? null,
		created_at: now(),
	};
	ctx.state.media.push(media);
	return media;
}

export function uploadMedia(ctx: MockContext): MockResponse {
	const file = ctx.req.multipart?.files.find((f) => f.field === 'file');
	if (!file) return invalid(ctx, { file: required('file') });
	return created(ctx, storeMedia(ctx, file));
}

export function uploadMultipleMedia(ctx: MockContext): MockResponse {
	const files = (ctx.req.multipart?.files ?? []).filter((f) => /^files(\[\d*\])?$/.test(f.field));
	if (files.length === 0) return invalid(ctx, { files: required('files') });
	return created(ctx, files.map((file) => storeMedia(ctx, file)));
}

export function updateMedia(ctx: MockContext): MockResponse {
	const fields = fieldsOf(ctx.req);
	if (String(fields._method ?? '').toUpperCase() !== 'PUT') return fail(ctx, 405, 'methodNotAllowed');
	const media = byId(ctx.state.media, ctx.params[0]);
	if (!media) return notFound(ctx, 'Media');
	const file = ctx.req.multipart?.files.find((f) => f.field === 'file');
	if (file) {
		media.name = file.filename;
		media.mime_type = file.contentType;
		media.size = file.data.length;
		media.url = mediaUrl(ctx, media.id, file.filename);
	}
	if (typeof fields.alt === 'string') media.alt = fields.alt;
	if (typeof fields.title === 'string') media.title = fields.title;
	return ok(ctx, media);
}

/** Not in the API table; handy for tests. */
export const listMedia = (ctx: MockContext): MockResponse => list(ctx, 'media', ctx.state.media);

export function getMedia(ctx: MockContext): MockResponse {
	const media = byId(ctx.state.media, ctx.params[0]);
	return media ? ok(ctx, media) : notFound(ctx, 'Media');
}

// ---------- webhooks ----------

const newSecret = (): string => randomBytes(32).toString('hex');

/** Webhooks as listed/updated: without the secret (only Register and Refresh Secret reveal it). */
const publicWebhook = ({ secret: _secret, ...rest }: MockWebhook): Omit<MockWebhook, 'secret'> => rest;

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

/** Validates name/url/events; `partial` (update) only checks the fields that are present. */
function webhookErrors(ctx: MockContext, body: Record<string, unknown>, partial: boolean): Record<string, string[]> {
	const errors: Record<string, string[]> = {};
	if (!partial || body.name !== undefined) {
		if (typeof body.name !== 'string' || body.name.trim() === '') errors.name = required('name');
	}
	if (!partial || body.url !== undefined) {
		if (body.url === undefined || body.url === '') errors.url = required('url');
		else if (!isHttpUrl(body.url)) errors.url = ['The url must be a valid URL.'];
	}
	if (!partial || body.events !== undefined) {
		if (!Array.isArray(body.events) || body.events.length === 0) errors.events = required('events');
		else {
			const known = new Set(ctx.state.webhookEvents.map((e) => e.key));
			body.events.forEach((event: unknown, i: number) => {
				if (typeof event !== 'string' || !known.has(event)) errors[`events.${i}`] = [`The selected events.${i} is invalid.`];
			});
		}
	}
	return errors;
}

export const listWebhooks = (ctx: MockContext): MockResponse => list(ctx, 'webhooks', ctx.state.webhooks.map(publicWebhook));

export const listWebhookEvents = (ctx: MockContext): MockResponse => list(ctx, 'events', ctx.state.webhookEvents);

export function registerWebhook(ctx: MockContext): MockResponse {
	const body = fieldsOf(ctx.req);
	const errors = webhookErrors(ctx, body, false);
	if (Object.keys(errors).length) return invalid(ctx, errors);
	if (ctx.state.webhooks.length >= ctx.settings.webhookCapacity) return fail(ctx, 422, 'capacity');
	const id = nextId(ctx.state.webhooks);
	const stamp = now();
	const webhook: MockWebhook = {
		id,
		identifier: id,
		name: String(body.name),
		url: String(body.url),
		events: (body.events as string[]).slice(),
		is_active: toBool(body.is_active) ?? true,
		secret: newSecret(),
		created_at: stamp,
		updated_at: stamp,
	};
	ctx.state.webhooks.push(webhook);
	return created(ctx, webhook);
}

export function updateWebhook(ctx: MockContext): MockResponse {
	const webhook = byId(ctx.state.webhooks, ctx.params[0]);
	if (!webhook) return notFound(ctx, 'Webhook');
	const body = fieldsOf(ctx.req);
	const errors = webhookErrors(ctx, body, true);
	if (Object.keys(errors).length) return invalid(ctx, errors);
	if (body.name !== undefined) webhook.name = String(body.name);
	if (body.url !== undefined) webhook.url = String(body.url);
	if (Array.isArray(body.events)) webhook.events = body.events.map(String);
	const active = toBool(body.is_active);
	if (active !== undefined) webhook.is_active = active;
	webhook.updated_at = now();
	return ok(ctx, publicWebhook(webhook));
}

export function deleteWebhook(ctx: MockContext): MockResponse {
	const webhook = byId(ctx.state.webhooks, ctx.params[0]);
	if (!webhook) return notFound(ctx, 'Webhook');
	ctx.state.webhooks.splice(ctx.state.webhooks.indexOf(webhook), 1);
	return deleted(ctx);
}

export function refreshWebhookSecret(ctx: MockContext): MockResponse {
	const webhook = byId(ctx.state.webhooks, ctx.params[0]);
	if (!webhook) return notFound(ctx, 'Webhook');
	webhook.secret = newSecret();
	webhook.updated_at = now();
	return ok(ctx, webhook);
}

/** `data.valid` is true iff the signature (hex, optional `sha256=`) is the HMAC of the payload with a stored secret. */
export function verifyWebhookSignature(ctx: MockContext): MockResponse {
	const body = fieldsOf(ctx.req);
	const errors: Record<string, string[]> = {};
	if (body.payload === undefined || body.payload === null || body.payload === '') errors.payload = required('payload');
	if (typeof body.signature !== 'string' || body.signature === '') errors.signature = required('signature');
	if (Object.keys(errors).length) return invalid(ctx, errors);
	const payload = typeof body.payload === 'string' ? body.payload : JSON.stringify(body.payload);
	const given = Buffer.from(String(body.signature).replace(/^sha256=/i, '').toLowerCase());
	const match = ctx.state.webhooks.find((w) => {
		const expected = Buffer.from(hmacHex(w.secret, payload));
		return expected.length === given.length && timingSafeEqual(expected, given);
	});
	return ok(ctx, match ? { valid: true, webhook_id: match.id } : { valid: false });
}
