/**
 * Turns whatever a merchant pastes as "Store Domain" into the API origin, or says what to type.
 *
 * Accepted: `store.tjar.sa`, `https://store.tjar.sa/`, `https://store.tjar.sa/api/core/v1`, a custom
 * domain, an optional port. Plain `http://` only for a local sandbox (localhost / 127.0.0.1), so an
 * API key is never sent unencrypted over the internet.
 */
export const API_PATH = '/api/core/v1';

const EXAMPLE = 'Enter only your store\'s domain, for example "my-store.tjar.sa"';
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

export type StoreDomain =
	/** origin e.g. https://my-store.tjar.sa; apiBaseUrl e.g. https://my-store.tjar.sa/api/core/v1 */
	| { ok: true; origin: string; apiBaseUrl: string }
	/** what is wrong and what to type instead */
	| { ok: false; problem: string };

const problem = (text: string): StoreDomain => ({ ok: false, problem: text });

export function normalizeStoreDomain(input: unknown): StoreDomain {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (raw === '') return problem(`The Store Domain is empty. ${EXAMPLE}.`);
	if (/\s/.test(raw)) return problem(`The Store Domain "${raw}" contains spaces. ${EXAMPLE}.`);

	const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
	const candidate = hasScheme ? raw : `https://${raw}`;
	if (!URL.canParse(candidate)) return problem(`The Store Domain "${raw}" is not a domain. ${EXAMPLE}.`);
	const url = new URL(candidate);

	const isLocal = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol === 'http:' && !isLocal) {
		return problem(
			`The Store Domain "${raw}" uses http://. Tjar stores are reached over https only (http:// is allowed for a local sandbox on localhost or 127.0.0.1). ${EXAMPLE}.`,
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return problem(`The Store Domain "${raw}" starts with ${url.protocol}//. ${EXAMPLE}.`);
	}
	if (url.username || url.password) {
		return problem(
			`The Store Domain must not contain a user name or password. Put the API key in the API Key field. ${EXAMPLE}.`,
		);
	}
	if (url.search || url.hash || raw.includes('?') || raw.includes('#')) {
		return problem(`The Store Domain "${raw}" contains a query or fragment. ${EXAMPLE}.`);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (path !== '' && path.toLowerCase() !== API_PATH) {
		return problem(
			`The Store Domain "${raw}" contains the path "${url.pathname}". ${EXAMPLE}, without a path.`,
		);
	}
	if (!isLocal && (!HOSTNAME.test(url.hostname) || !url.hostname.includes('.'))) {
		return problem(`"${url.hostname}" is not a valid domain name. ${EXAMPLE}.`);
	}

	const origin = `${url.protocol}//${url.host}`;
	return { ok: true, origin, apiBaseUrl: `${origin}${API_PATH}` };
}
