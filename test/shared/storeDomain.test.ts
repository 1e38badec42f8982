import { normalizeStoreDomain } from '../../nodes/shared/storeDomain';

describe('Store Domain normalisation', () => {
	it.each([
		['store.tjar.sa', 'https://store.tjar.sa'],
		['  store.tjar.sa  ', 'https://store.tjar.sa'],
		['https://store.tjar.sa/', 'https://store.tjar.sa'],
		['https://store.tjar.sa/api/core/v1', 'https://store.tjar.sa'],
		['https://store.tjar.sa/api/core/v1/', 'https://store.tjar.sa'],
		['STORE.Tjar.SA', 'https://store.tjar.sa'],
		['shop.my-brand.com', 'https://shop.my-brand.com'],
		['store.tjar.sa:8443', 'https://store.tjar.sa:8443'],
		['http://localhost:8787', 'http://localhost:8787'],
		['http://127.0.0.1:8787/api/core/v1', 'http://127.0.0.1:8787'],
	])('accepts %j as %s', (input, origin) => {
		expect(normalizeStoreDomain(input)).toEqual({ ok: true, origin, apiBaseUrl: `${origin}/api/core/v1` });
	});

	it.each([
		['', /is empty/],
		['   ', /is empty/],
		[undefined, /is empty/],
		['my store.tjar.sa', /contains spaces/],
		['http://store.tjar.sa', /uses http:\/\/.*https only/],
		['ftp://store.tjar.sa', /starts with ftp:/],
		['https://user:pass@store.tjar.sa', /must not contain a user name or password/],
		['https://store.tjar.sa/admin', /contains the path "\/admin"/],
		['store.tjar.sa/api/core/v2', /contains the path/],
		['https://store.tjar.sa/?page=1', /query or fragment/],
		['store', /not a valid domain name/],
		['store_.tjar.sa', /not a valid domain name/],
		['https://', /not a domain/],
	])('rejects %j and says what to type', (input, reason) => {
		const result = normalizeStoreDomain(input);
		expect(result.ok).toBe(false);
		const { problem } = result as { problem: string };
		expect(problem).toMatch(reason);
		expect(problem).toMatch(/for example "my-store\.tjar\.sa"/);
	});
});
