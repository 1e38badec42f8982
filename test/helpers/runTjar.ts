import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Tjar } from '../../nodes/Tjar/Tjar.node';
import type { TjarMock } from '../mock/types';
import { fakeExecuteContext } from './fakeContext';

export interface RunTjarOptions {
	/** One parameter object per input item (or one shared by all). */
	parameters: IDataObject | IDataObject[];
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	language?: string;
	apiKey?: string;
}

/** A fake context for the Tjar action node whose credential points at the loopback mock. */
export const tjarContext = (mock: TjarMock, options: RunTjarOptions) =>
	fakeExecuteContext({
		credentials: { storeDomain: `http://${mock.host}`, apiKey: options.apiKey ?? mock.apiKey, language: options.language ?? 'en' },
		parameters: options.parameters,
		items: options.items,
		continueOnFail: options.continueOnFail,
	});

/** Runs the Tjar action node's `execute` against the mock and returns its only output. */
export async function runTjar(mock: TjarMock, options: RunTjarOptions): Promise<INodeExecutionData[]> {
	const [output] = await new Tjar().execute.call(tjarContext(mock, options));
	return output;
}

/** The value a resource locator field holds in "By ID" mode. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value });

/** Resolves to the error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { description?: string }> {
	const outcome = await promise.then(
		() => new Error('expected the call to fail, but it succeeded'),
		(error: unknown) => ({ error }),
	);
	if (outcome instanceof Error) throw outcome;
	return outcome.error as Error & { description?: string };
}
