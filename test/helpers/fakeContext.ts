import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { stringify } from 'node:querystring';

/**
 * A stand-in for n8n's execution context whose HTTP helper sends real requests (to the loopback mock),
 * so node code is tested through the same transport and wire format it uses in n8n.
 */
export interface FakeCredentials {
	storeDomain: string;
	apiKey: string;
	language?: string;
}

export interface FakeContextOptions {
	credentials: FakeCredentials;
	/** One parameter object per input item (or one shared by all). */
	parameters: IDataObject | IDataObject[];
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	node?: Partial<INode>;
}

export const TEST_NODE: INode = {
	id: 'node-1',
	name: 'Tjar',
	type: 'n8n-nodes-tjar.tjar',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function encodeQuery(qs: IDataObject | undefined, arrayFormat: IHttpRequestOptions['arrayFormat']): string {
	if (!qs) return '';
	const parts: string[] = [];
	for (const [key, value] of Object.entries(qs)) {
		if (value === undefined || value === null) continue;
		if (Array.isArray(value)) {
			const name = arrayFormat === 'brackets' ? `${key}[]` : key;
			for (const entry of value) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(String(entry))}`);
		} else {
			parts.push(stringify({ [key]: String(value) }));
		}
	}
	return parts.length ? `?${parts.join('&')}` : '';
}

/** What n8n's httpRequestWithAuthentication does for this package's credential, over real HTTP. */
export async function sendLikeN8n(credentials: FakeCredentials, options: IHttpRequestOptions) {
	const headers: Record<string, string> = {
		Authorization: `Bearer ${credentials.apiKey}`,
		'Accept-Language': credentials.language ?? 'en',
	};
	for (const [key, value] of Object.entries(options.headers ?? {})) headers[key] = String(value);
	let body: BodyInit | undefined;
	if (Buffer.isBuffer(options.body)) body = new Uint8Array(options.body);
	else if (options.body !== undefined && options.method !== 'GET') body = JSON.stringify(options.body);
	const response = await fetch(`${options.url}${encodeQuery(options.qs, options.arrayFormat)}`, {
		method: options.method ?? 'GET',
		headers,
		body,
	});
	const text = await response.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : '';
	} catch {
		// not JSON: keep the text, as axios does
	}
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((value, key) => (responseHeaders[key] = value));
	if (!options.returnFullResponse) return parsed;
	return { statusCode: response.status, headers: responseHeaders, body: parsed };
}

function readPath(source: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value && typeof value === 'object') return (value as IDataObject)[key];
		return undefined;
	}, source);
}

/** Builds a fake IExecuteFunctions. `requests` counts HTTP calls it made. */
export function fakeExecuteContext(options: FakeContextOptions) {
	const node: INode = { ...TEST_NODE, ...options.node };
	const items: INodeExecutionData[] = options.items ?? (Array.isArray(options.parameters) ? options.parameters.map(() => ({ json: {} })) : [{ json: {} }]);
	const parametersFor = (itemIndex: number): IDataObject =>
		Array.isArray(options.parameters) ? options.parameters[itemIndex] : options.parameters;

	const context = {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async () => options.credentials,
		getNodeParameter(name: string, itemIndex = 0, fallback?: unknown, extra?: { extractValue?: boolean }) {
			let value = readPath(parametersFor(itemIndex), name);
			if (value === undefined) {
				if (arguments.length < 3) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			if (extra?.extractValue && value && typeof value === 'object' && '__rl' in (value as IDataObject)) {
				value = (value as IDataObject).value;
			}
			return value;
		},
		helpers: {
			httpRequestWithAuthentication: async (_credentialType: string, requestOptions: IHttpRequestOptions) =>
				await sendLikeN8n(options.credentials, requestOptions),
			assertBinaryData(itemIndex: number, propertyName: string): IBinaryData {
				const binary = items[itemIndex]?.binary?.[propertyName];
				if (!binary) {
					throw new NodeOperationError(node, `This operation expects the node's input data to contain a binary file '${propertyName}', but none was found [item ${itemIndex}]`, { itemIndex });
				}
				return binary;
			},
			async getBinaryDataBuffer(itemIndex: number, propertyName: string): Promise<Buffer> {
				const binary = items[itemIndex]?.binary?.[propertyName];
				if (!binary) throw new Error(`No binary property "${propertyName}"`);
				return Buffer.from(binary.data, 'base64');
			},
		},
	};
	return context as unknown as IExecuteFunctions;
}

/** A binary property as n8n keeps it in memory. */
export function binaryFile(content: string | Buffer, fileName: string, mimeType: string): IBinaryData {
	const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
	return { data: data.toString('base64'), fileName, mimeType, fileSize: String(data.length) } as IBinaryData;
}
