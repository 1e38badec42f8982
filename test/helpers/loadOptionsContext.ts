import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import type { TjarMock } from '../mock/types';
import { tjarContext } from './runTjar';

/**
 * A fake ILoadOptionsFunctions for loadOptions and listSearch methods: the same real-HTTP helper as the
 * execute context, plus the node's current parameters (what the editor has filled in so far).
 */
export function tjarLoadOptionsContext(mock: TjarMock, currentParameters: IDataObject = {}): ILoadOptionsFunctions {
	const base = tjarContext(mock, { parameters: currentParameters }) as unknown as IDataObject;
	return {
		...base,
		getCurrentNodeParameter: (name: string) => currentParameters[name],
		getCurrentNodeParameters: () => currentParameters,
	} as unknown as ILoadOptionsFunctions;
}
