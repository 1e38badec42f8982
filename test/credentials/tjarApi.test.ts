import type { INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TjarApi } from '../../credentials/TjarApi.credentials';
import { normalizeStoreDomain } from '../../nodes/shared/storeDomain';

const credential = new TjarApi();

/** Resolves the credential-test base URL the way n8n does: an expression with $credentials in scope. */
function testBaseUrl(storeDomain: string): unknown {
	const nodeTypes = {
		getByNameAndVersion: () => ({ description: { properties: [], inputs: [], outputs: [] } }),
	} as unknown as INodeTypes;
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'Tjar', type: 'n8n-nodes-tjar.tjar', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes,
	});
	return workflow.expression.getParameterValue(credential.test.request.baseURL as string, null, 0, 0, 'Tjar', [], 'internal', {
		$credentials: { storeDomain },
	} as never);
}

describe('Tjar API credential', () => {
	it.each(['store.tjar.sa', ' https://store.tjar.sa/ ', 'https://store.tjar.sa/api/core/v1', 'http://127.0.0.1:8787/api/core/v1/'])(
		'its test request reaches the same API URL as the nodes for %j',
		(storeDomain) => {
			const expected = normalizeStoreDomain(storeDomain);
			expect(expected.ok).toBe(true);
			expect(testBaseUrl(storeDomain)).toBe((expected as { apiBaseUrl: string }).apiBaseUrl);
		},
	);

	it('never sends the key over plain http to a real store, even when http:// was typed', () => {
		expect(testBaseUrl('http://store.tjar.sa/')).toBe('https://store.tjar.sa/api/core/v1');
		expect(testBaseUrl('http://localhost:8787')).toBe('http://localhost:8787/api/core/v1');
	});

	it('tests the key against a cheap documented endpoint', () => {
		expect(credential.test.request).toMatchObject({ url: '/orders', qs: { per_page: 1 } });
	});

	it.each([
		['ar', 'ar'],
		['en', 'en'],
		[undefined, 'en'],
	])('sends the key as a Bearer token with the language %s as %s', async (language, sent) => {
		const authenticate = credential.authenticate as Exclude<typeof credential.authenticate, { type: 'generic' }>;
		const request = await authenticate({ storeDomain: 'store.tjar.sa', apiKey: 'key-123', language } as never, {
			url: '/orders',
			headers: { 'X-Extra': '1' },
		});
		expect(request).toEqual({
			url: '/orders',
			headers: { 'X-Extra': '1', Authorization: 'Bearer key-123', 'Accept-Language': sent, Accept: 'application/json' },
		});
	});

	it('keeps the API key hidden and offers English and Arabic', () => {
		const field = (name: string) => credential.properties.find((property) => property.name === name);
		expect(field('apiKey')?.typeOptions?.password).toBe(true);
		expect(field('language')?.options).toEqual([
			{ name: 'English', value: 'en' },
			{ name: 'Arabic', value: 'ar' },
		]);
	});
});
