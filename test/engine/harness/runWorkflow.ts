import './quiet';
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BinaryDataConfig, ErrorReporter } from 'n8n-core';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { EngineCredentialsHelper } from './credentialsHelper';
import { EngineNodeTypes } from './nodeTypes';

/**
 * Runs workflow JSON in-process through n8n-core's WorkflowExecute (the engine `n8n execute` uses),
 * with the real Tjar node and credential classes and n8n-core's own node execution context: parameter
 * and expression resolution, `httpRequestWithAuthentication` (real HTTP), binary data on disk,
 * pairedItem and continue-on-fail are all n8n's code, not fakes.
 */

let binaryDir: string | undefined;

/** n8n-core's BinaryDataService in filesystem mode, under a temporary folder (once per test file). */
async function ensureBinaryDataService(): Promise<void> {
	if (binaryDir) return;
	binaryDir = mkdtempSync(join(tmpdir(), 'tjar-engine-binary-'));
	const config = { mode: 'filesystem', localStoragePath: binaryDir, signingSecret: 'engine-tests' } as BinaryDataConfig;
	const errorReporter = { error: () => {}, warn: () => {}, info: () => {} } as unknown as ErrorReporter;
	const service = new BinaryDataService(config, errorReporter, Container.get(BinaryDataService)['logger']);
	await service.init();
	Container.set(BinaryDataService, service);
}

export function removeBinaryData(): void {
	if (binaryDir) rmSync(binaryDir, { recursive: true, force: true });
	binaryDir = undefined;
}

export interface EngineRun {
	run: IRun;
	/** Node names in the order they finished. */
	order: string[];
	/** Items of a node's first output (first run). */
	items(nodeName: string): INodeExecutionData[];
}

export interface RunOptions {
	/** Decrypted credential data by credential id (as referenced by the nodes). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items the start node emits (default: one empty item). */
	input?: INodeExecutionData[];
}

export async function runWorkflow(workflowData: IWorkflowBase, options: RunOptions): Promise<EngineRun> {
	await ensureBinaryDataService();
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		settings: workflowData.settings,
		active: false,
		nodeTypes: new EngineNodeTypes(),
	});

	const hooks = new ExecutionLifecycleHooks('manual', 'engine-1', workflowData);
	const order: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName: string) => void order.push(nodeName));
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolveRun(run));

	const additionalData = {
		hooks,
		credentialsHelper: new EngineCredentialsHelper(options.credentials),
		executionId: 'engine-1',
		currentNodeParameters: undefined,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		variables: {},
		userId: 'engine-user',
		setExecutionStatus: () => {},
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in engine tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners (Code node) are not used in engine tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const start = workflow.getStartNode();
	if (!start) throw new Error(`workflow ${workflowData.name} has no start node`);
	const runExecutionData: IRunExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: start, data: { main: [options.input ?? [{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		order,
		items: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}
