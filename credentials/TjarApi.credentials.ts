import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The credential test builds the API URL from the domain in an n8n expression, because a credential
 * test cannot call our code. It mirrors normalizeStoreDomain() for the accepted forms, and like it
 * never sends the key over plain http except to a local sandbox; the nodes validate strictly and say
 * what to fix.
 */
const TEST_BASE_URL =
	'={{ (/^http:\\/\\/(localhost|127\\.0\\.0\\.1)(:\\d+)?(\\/|$)/i.test($credentials.storeDomain.trim()) ? $credentials.storeDomain.trim() : "https://" + $credentials.storeDomain.trim().replace(/^https?:\\/\\//i, "")).replace(/\\/+$/, "").replace(/\\/api\\/core\\/v1$/i, "") + "/api/core/v1" }}';

export class TjarApi implements ICredentialType {
	name = 'tjarApi';

	displayName = 'Tjar API';

	icon = { light: 'file:tjar.svg', dark: 'file:tjar.dark.svg' } as const;

	documentationUrl = 'https://docs.tjar.sa';

	httpRequestNode = {
		name: 'Tjar',
		docsUrl: 'https://docs.tjar.sa',
		apiBaseUrlPlaceholder: 'https://your-store.tjar.sa/api/core/v1/',
	};

	properties: INodeProperties[] = [
		{
			displayName: 'Store Domain',
			name: 'storeDomain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my-store.tjar.sa',
			description:
				'Your store\'s domain, e.g. my-store.tjar.sa or your own domain. https:// and /api/core/v1 may be included; http:// is accepted only for a local sandbox on localhost or 127.0.0.1.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In the Tjar dashboard: General Settings → Developers. Generate a key there, or reveal or rotate the existing one.',
		},
		{
			displayName: 'Response Language',
			name: 'language',
			type: 'options',
			options: [
				{ name: 'English', value: 'en' },
				{ name: 'Arabic', value: 'ar' },
			],
			default: 'en',
			description:
				'Language of Tjar\'s messages and labels (sent as Accept-Language). Product names come back in both languages either way.',
		},
	];

	/**
	 * A function rather than header expressions: n8n 2.x evaluates credential expressions in its sandbox
	 * on every request, which halved the CPU cost of a 100-page Return All when removed (bench/).
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			Authorization: `Bearer ${String(credentials.apiKey ?? '')}`,
			'Accept-Language': credentials.language === 'ar' ? 'ar' : 'en',
			Accept: 'application/json',
		},
	});

	test: ICredentialTestRequest = {
		request: {
			baseURL: TEST_BASE_URL,
			url: '/orders',
			qs: { per_page: 1 },
		},
	};
}
