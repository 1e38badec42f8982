import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowActivateMode,
} from 'n8n-workflow';

import { engineAdditionalData, executeFrom, toWorkflow, type EngineRun } from './runWorkflow';

/**
 * A trigger workflow served the way n8n serves production webhooks, reduced to one node: activation
 * and deactivation call the node's webhookMethods through n8n-core's HookContext; a small HTTP server
 * on 127.0.0.1 receives deliveries, keeps the raw body next to the parsed JSON (as n8n's body parser
 * does), hands them to the node's `webhook` through n8n-core's WebhookContext, and runs the rest of
 * the workflow with WorkflowExecute. Express is not available here, so the response object offers the
 * two calls nodes use on it: `status()` and `send()`/`json()`.
 */
export class EngineWebhookServer {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly runs: EngineRun[] = [];
	/** Executions still running: n8n answers "onReceived" webhooks before the workflow runs, so do we. */
	private pending: Array<Promise<void>> = [];
	private server?: Server;
	private additionalData?: IWorkflowExecuteAdditionalData;

	constructor(
		workflowData: IWorkflowBase,
		nodeName: string,
		private readonly credentials: Record<string, ICredentialDataDecryptedObject>,
	) {
		this.workflow = toWorkflow(workflowData);
		const node = this.workflow.getNode(nodeName);
		if (!node) throw new Error(`no node ${nodeName}`);
		this.node = node;
	}

	private get nodeType(): INodeType {
		return this.workflow.nodeTypes.getByNameAndVersion(this.node.type, this.node.typeVersion);
	}

	private get description(): IWebhookDescription {
		const description = this.nodeType.description.webhooks?.[0];
		if (!description) throw new Error(`${this.node.type} has no webhook`);
		return description;
	}

	private webhookData(additionalData: IWorkflowExecuteAdditionalData): IWebhookData {
		return {
			httpMethod: this.description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: String(this.description.path),
			webhookDescription: this.description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.node.webhookId,
		};
	}

	/** Starts the HTTP server; the production webhook URL then points at it. */
	async listen(): Promise<void> {
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ message: error instanceof Error ? error.message : String(error) }));
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		this.additionalData = engineAdditionalData(this.credentials, `http://127.0.0.1:${port}`);
	}

	/** Resolves when every execution started so far has finished. */
	async settled(): Promise<EngineRun[]> {
		await Promise.all(this.pending);
		return this.runs;
	}

	async close(): Promise<void> {
		await this.settled();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private get data(): IWorkflowExecuteAdditionalData {
		if (!this.additionalData) throw new Error('call listen() first');
		return this.additionalData;
	}

	/** The URL the node registers: `<base>/webhook/<webhookId>/<path>`. */
	webhookUrl(): string | undefined {
		return new HookContext(this.workflow, this.node, this.data, 'trigger', 'activate', this.webhookData(this.data)).getNodeWebhookUrl('default');
	}

	/** What n8n does on activation: checkExists, then create when that says false. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<{ existed: boolean; created?: boolean }> {
		const methods = this.nodeType.webhookMethods?.default;
		if (!methods) throw new Error('the node has no webhook methods');
		const context = new HookContext(this.workflow, this.node, this.data, 'trigger', activation, this.webhookData(this.data));
		const existed = await methods.checkExists.call(context);
		if (existed) return { existed };
		return { existed, created: await methods.create.call(context) };
	}

	/** What n8n does on deactivation. */
	async deactivate(): Promise<boolean> {
		const methods = this.nodeType.webhookMethods?.default;
		if (!methods) throw new Error('the node has no webhook methods');
		return await methods.delete.call(new HookContext(this.workflow, this.node, this.data, 'trigger', 'activate', this.webhookData(this.data)));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const expected = new URL(this.webhookUrl() ?? '', 'http://127.0.0.1').pathname;
		if (req.method !== this.description.httpMethod || req.url?.split('?')[0] !== expected) {
			res.writeHead(404).end();
			return;
		}
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		const request = Object.assign(req, { body, rawBody, query: {}, params: {} });
		const response = expressLike(res);
		const additionalData = { ...this.data, httpRequest: request, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(this.workflow, this.node, additionalData, 'webhook', this.webhookData(additionalData), [], null);
		if (!this.nodeType.webhook) throw new Error('the node has no webhook()');
		const result = await this.nodeType.webhook.call(context);
		if (result.noWebhookResponse) {
			if (!res.writableEnded) res.end();
			return;
		}
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify(result.webhookResponse ?? { message: 'Workflow was started' }));
		const started = result.workflowData?.[0];
		if (started) {
			this.pending.push(executeFrom(this.workflow, this.node, started, this.data, 'webhook').then((run) => void this.runs.push(run)));
		}
	}
}

function expressLike(res: ServerResponse) {
	const response = Object.assign(res, {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		send(payload: unknown) {
			const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
			if (!res.headersSent && typeof payload !== 'string') res.setHeader('content-type', 'application/json');
			res.end(text);
			return response;
		},
		json(payload: unknown) {
			return response.send(payload);
		},
	});
	return response;
}
