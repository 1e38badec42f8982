/**
 * n8n's REST endpoints a browser would use (owner setup, API keys) and its public API, without the UI.
 * The `browser-id` header is required by /rest calls of 2.x.
 */
export class N8nApi {
	constructor(baseUrl) {
		this.baseUrl = baseUrl;
		this.cookie = '';
		this.apiKey = undefined;
	}

	async rest(method, path, body) {
		const response = await fetch(`${this.baseUrl}/rest/${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': 'tjar-scripts', cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.map((c) => c.split(';')[0]).filter((c) => c.startsWith('n8n-auth='));
		if (auth.length) this.cookie = auth.join('; ');
		const text = await response.text();
		if (!response.ok) throw new Error(`POST /rest/${path} → ${response.status}: ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : {};
	}

	/** Creates the instance owner (first user) and keeps the session cookie. */
	setupOwner(owner) {
		return this.rest('POST', 'owner/setup', owner);
	}

	/** A public API key with the scopes the scripts need; returns the raw key. */
	async createApiKey(label = 'tjar-scripts') {
		const result = await this.rest('POST', 'api-keys', {
			label,
			expiresAt: null,
			scopes: ['workflow:read', 'workflow:list', 'workflow:activate', 'workflow:deactivate', 'execution:read', 'execution:list'],
		});
		this.apiKey = result.data.rawApiKey;
		return this.apiKey;
	}

	async publicApi(method, path) {
		const response = await fetch(`${this.baseUrl}/api/v1/${path}`, { method, headers: { 'X-N8N-API-KEY': this.apiKey } });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /api/v1/${path} → ${response.status}: ${text.slice(0, 500)}`);
		return text ? JSON.parse(text) : {};
	}
}
