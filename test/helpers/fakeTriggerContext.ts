import type { IDataObject, IHookFunctions, INode, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

import { type FakeCredentials, sendLikeN8n } from './fakeContext';

/**
 * Stand-ins for the contexts n8n gives a webhook trigger: IHookFunctions (checkExists / create /
 * delete, whose HTTP helper sends real requests, e.g. to the loopback Tjar mock) and
 * IWebhookFunctions (one delivery). Static data is a plain object the test owns, so it survives
 * activations exactly as n8n keeps it with the workflow.
 */

export const TRIGGER_NODE: INode = {
	id: 'trigger-1',
	name: 'Tjar Trigger',
	type: 'n8n-nodes-tjar.tjarTrigger',
	typeVersion: 2,
	position: [0, 0],
	parameters: {},
	webhookId: '6f1c6a8e-0000-4000-8000-000000000001',
};

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

function readPath(source: IDataObject, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value && typeof value === 'object') return (value as IDataObject)[key];
		return undefined;
	}, source);
}

function fakeLogger(lines: LogLine[]) {
	const log = (level: LogLine['level']) => (message: string) => lines.push({ level, message });
	return { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
}

/** getNodeParameter(name, fallback) as n8n's hook and webhook contexts have it (no item index). */
function parameterReader(parameters: IDataObject) {
	return function getNodeParameter(name: string, fallback?: unknown) {
		const value = readPath(parameters, name);
		if (value === undefined) {
			if (arguments.length < 2) throw new Error(`Could not get parameter "${name}"`);
			return fallback;
		}
		return value;
	};
}

export interface FakeHookOptions {
	credentials: FakeCredentials;
	parameters: IDataObject;
	/** The node's static data; pass the same object across activations. */
	staticData: IDataObject;
	webhookUrl: string;
	workflow?: { id?: string; name?: string; active?: boolean };
	node?: Partial<INode>;
	logs?: LogLine[];
}

export function fakeHookContext(options: FakeHookOptions): IHookFunctions {
	const node: INode = { ...TRIGGER_NODE, ...options.node };
	const context = {
		getNode: () => node,
		getWorkflow: () => ({ id: 'wf-1', name: 'Order sync', active: true, ...options.workflow }),
		getNodeWebhookUrl: (name: string) => (name === 'default' ? options.webhookUrl : undefined),
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`unexpected static data type ${type}`);
			return options.staticData;
		},
		getCredentials: async () => options.credentials,
		getNodeParameter: parameterReader(options.parameters),
		getMode: () => 'trigger',
		getActivationMode: () => 'activate',
		logger: fakeLogger(options.logs ?? []),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, requestOptions: Parameters<typeof sendLikeN8n>[1]) =>
				await sendLikeN8n(options.credentials, requestOptions),
		},
	};
	return context as unknown as IHookFunctions;
}

/** What n8n does with a trigger's webhook methods on activation and deactivation. */
function lifecycleOf(node: INodeType) {
	const methods = node.webhookMethods?.default;
	if (!methods) throw new Error('the node has no webhookMethods.default');
	return methods;
}

export async function activate(node: INodeType, ctx: IHookFunctions): Promise<'reused' | 'created'> {
	const methods = lifecycleOf(node);
	if (await methods.checkExists.call(ctx)) return 'reused';
	await methods.create.call(ctx);
	return 'created';
}

export async function deactivate(node: INodeType, ctx: IHookFunctions): Promise<boolean> {
	return await lifecycleOf(node).delete.call(ctx);
}

export interface FakeRequest {
	rawBody?: Buffer;
	body?: unknown;
	/** Lower-case names, as Node delivers them. */
	headers: Record<string, string | string[] | undefined>;
}

export interface WebhookRun {
	result?: IWebhookResponseData;
	error?: Error;
	/** The HTTP answer n8n would give: set by the node (status().send()) or by n8n itself. */
	status: number;
	body: unknown;
}

export interface FakeWebhookOptions {
	parameters: IDataObject;
	staticData: IDataObject;
	request: FakeRequest;
	node?: Partial<INode>;
	logs?: LogLine[];
}

/** Calls node.webhook() with one request and answers like n8n's webhook helpers do. */
export async function runWebhook(node: INodeType, options: FakeWebhookOptions): Promise<WebhookRun> {
	const answer: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		send(body: unknown) {
			answer.body = body;
			answer.status ??= 200;
			return response;
		},
		json(body: unknown) {
			return response.send(body);
		},
		end() {
			answer.status ??= 200;
			return response;
		},
	};
	const fakeNode: INode = { ...TRIGGER_NODE, ...options.node };
	const context = {
		getNode: () => fakeNode,
		getWorkflow: () => ({ id: 'wf-1', name: 'Order sync', active: true }),
		getWorkflowStaticData: () => options.staticData,
		getNodeParameter: parameterReader(options.parameters),
		getRequestObject: () => ({ ...options.request, body: options.request.body ?? {} }),
		getResponseObject: () => response,
		getHeaderData: () => options.request.headers,
		getBodyData: () => options.request.body ?? {},
		getMode: () => 'webhook',
		logger: fakeLogger(options.logs ?? []),
		helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;

	try {
		const result = await node.webhook!.call(context);
		if (result.noWebhookResponse) return { result, status: answer.status ?? 0, body: answer.body };
		// n8n: no workflowData → answer with webhookResponse (or its default message), else "started".
		if (result.workflowData === undefined) {
			return { result, status: 200, body: result.webhookResponse ?? { message: 'Webhook call received' } };
		}
		return { result, status: 200, body: { message: 'Workflow was started' } };
	} catch (error) {
		return { error: error as Error, status: 500, body: { message: 'Error in workflow' } };
	}
}

function readRequest(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export interface DeliveryReceiver {
	/** Where the mock should deliver, e.g. `http://127.0.0.1:PORT/webhook/<id>/webhook`. */
	url: string;
	runs: WebhookRun[];
	close(): Promise<void>;
}

/**
 * A loopback HTTP endpoint standing in for n8n's webhook server: each POST becomes a runWebhook()
 * with the raw bytes as `rawBody` and the parsed JSON as `body`, as n8n's body parser provides.
 */
export async function startDeliveryReceiver(
	node: INodeType,
	options: Omit<FakeWebhookOptions, 'request'>,
): Promise<DeliveryReceiver> {
	const runs: WebhookRun[] = [];
	const server = createServer((req, res) => {
		readRequest(req)
			.then(async (rawBody) => {
				let body: unknown = {};
				try {
					body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
				} catch {
					body = {};
				}
				const run = await runWebhook(node, { ...options, request: { rawBody, body, headers: req.headers } });
				runs.push(run);
				const text = JSON.stringify(run.body ?? '');
				res.writeHead(run.status, { 'Content-Type': 'application/json' });
				res.end(text);
			})
			.catch((error: unknown) => {
				res.writeHead(500);
				res.end(String(error));
			});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${TRIGGER_NODE.webhookId}/webhook`,
		runs,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
