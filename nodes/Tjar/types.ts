import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

/** One operation: reads its parameters for one item, calls Tjar, returns the record(s) to output. */
export type OperationHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

/** A resource folder exports its fields (operation dropdown first) and a handler per operation value. */
export interface TjarResource {
	description: INodeProperties[];
	operations: Record<string, OperationHandler>;
}
