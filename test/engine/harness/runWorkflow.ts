import './quiet';
import { Container } from '@n8n/di';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BinaryDataConfig, ErrorReporter } from 'n8n-core';
import { BinaryDataService, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
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

/** n8n's Workflow object for saved workflow JSON, over the engine's node types. */
export function toWorkflow(workflowData: IWorkflowBase): Workflow {
	return new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes: workflowData.nodes,
		connections: workflowData.connections,
		settings: workflowData.settings,
		staticData: workflowData.staticData,
		active: false,
		nodeTypes: new EngineNodeTypes(),
	});
}

/**
 * What n8n's cli passes to every execution (WorkflowExecuteAdditionalData.getBase), reduced to what a
 * node run reads; `hooks` is set per run. URLs say where n8n is reachable, e.g. for webhook URLs.
 */
export function engineAdditionalData(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	n8nUrl = 'http://127.0.0.1:5678',
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new EngineCredentialsHelper(credentials),
		executionId: 'engine-1',
		currentNodeParameters: undefined,
		restApiUrl: `${n8nUrl}/rest`,
		instanceBaseUrl: `${n8nUrl}/`,
		webhookBaseUrl: `${n8nUrl}/webhook`,
		webhookTestBaseUrl: `${n8nUrl}/webhook-test`,
		webhookWaitingBaseUrl: `${n8nUrl}/webhook-waiting`,
		formWaitingBaseUrl: `${n8nUrl}/form-waiting`,
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
}

/** Runs `workflow` from `startNode` with `input` as that node's items, to the end. */
export async function executeFrom(
	workflow: Workflow,
	startNode: INode,
	input: INodeExecutionData[],
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode = 'manual',
): Promise<EngineRun> {
	await ensureBinaryDataService();
	const hooks = new ExecutionLifecycleHooks(mode, 'engine-1', { id: workflow.id, name: workflow.name } as IWorkflowBase);
	const order: string[] = [];
	hooks.addHandler('nodeExecuteAfter', (nodeName: string) => void order.push(nodeName));
	let resolveRun: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolveRun(run));

	const runExecutionData = {
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: null,
			nodeExecutionStack: [{ node: startNode, data: { main: [input] }, source: null }],
		},
	} as unknown as IRunExecutionData;

	await new WorkflowExecute({ ...additionalData, hooks }, mode, runExecutionData).processRunExecutionData(workflow);
	const run = await finished;
	return {
		run,
		order,
		items: (nodeName) => run.data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
	};
}

export interface RunOptions {
	/** Decrypted credential data by credential id (as referenced by the nodes). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Items the start node emits (default: one empty item). */
	input?: INodeExecutionData[];
}

/** Runs saved workflow JSON from its start node, as `n8n execute` does. */
export async function runWorkflow(workflowData: IWorkflowBase, options: RunOptions): Promise<EngineRun> {
	const workflow = toWorkflow(workflowData);
	const start = workflow.getStartNode();
	if (!start) throw new Error(`workflow ${workflowData.name} has no start node`);
	return await executeFrom(workflow, start, options.input ?? [{ json: {} }], engineAdditionalData(options.credentials));
}
