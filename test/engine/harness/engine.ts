import type { ICredentialDataDecryptedObject, INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

import { startTjarMock } from '../../mock/tjar-mock';
import type { RecordedRequest, TjarMock, TjarMockOptions } from '../../mock/types';
import { removeBinaryData, runWorkflow, type EngineRun } from './runWorkflow';
import { CREDENTIAL_ID } from './workflowJson';

export interface EngineSuite {
	readonly mock: TjarMock;
	/** Runs workflow JSON against this test's mock with the Tjar credential pointing at it. */
	run(workflow: IWorkflowBase, options?: { credential?: ICredentialDataDecryptedObject; input?: INodeExecutionData[] }): Promise<EngineRun>;
	/** The API requests the mock received, as `METHOD /path`. */
	calls(): string[];
	/** Requests matching a method and path. */
	requestsTo(method: string, path: string | RegExp): RecordedRequest[];
}

/**
 * A fresh loopback mock per test (seeded by `seed`), and a runner whose Tjar credential points at it:
 * `storeDomain` is the mock's http://127.0.0.1:<port>, the API key is the mock's.
 */
export function engineSuite(seed: (mock: TjarMock) => void, mockOptions: TjarMockOptions = { maxPerPage: 10 }): EngineSuite {
	let mock: TjarMock | undefined;
	beforeEach(async () => {
		mock = await startTjarMock(mockOptions);
		seed(mock);
	});
	afterEach(async () => {
		await mock?.close();
		mock = undefined;
	});
	afterAll(() => removeBinaryData());

	const current = (): TjarMock => {
		if (!mock) throw new Error('the mock runs only inside a test');
		return mock;
	};
	return {
		get mock() {
			return current();
		},
		run: (workflow, options = {}) =>
			runWorkflow(workflow, {
				credentials: { [CREDENTIAL_ID]: { storeDomain: current().url, apiKey: current().apiKey, ...options.credential } },
				input: options.input,
			}),
		calls: () => current().requests.map((r) => `${r.method} ${r.path}`),
		requestsTo: (method, path) =>
			current().requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path))),
	};
}

/** The `pairedItem.item` of each output item. */
export const pairedIndexes = (items: INodeExecutionData[]): Array<number | undefined> =>
	items.map((item) => (Array.isArray(item.pairedItem) ? item.pairedItem[0]?.item : typeof item.pairedItem === 'object' ? item.pairedItem.item : item.pairedItem));

/** The workflow finished without an error at workflow level. */
export function expectSuccess(run: EngineRun): void {
	expect(run.run.data.resultData.error).toBeUndefined();
	expect(run.run.status).toBe('success');
}
