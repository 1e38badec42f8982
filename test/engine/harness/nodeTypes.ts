import type { INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Tjar } from '../../../nodes/Tjar/Tjar.node';
import { TjarTrigger } from '../../../nodes/TjarTrigger/TjarTrigger.node';
import { FileFromBase64, PassThrough, StartNode } from './testNodes';

/**
 * n8n's INodeTypes over a fixed set of node classes, keyed by the type names a real n8n gives them
 * (`<package>.<name>`), so the same workflow JSON runs here and in the end-to-end tests.
 */
export class EngineNodeTypes implements INodeTypes {
	private readonly types: Record<string, INodeType | IVersionedNodeType> = {
		'n8n-nodes-tjar.tjar': new Tjar(),
		'n8n-nodes-tjar.tjarTrigger': new TjarTrigger(),
		// Stand-ins under n8n-nodes-base names, so the end-to-end workflows run here unchanged.
		'n8n-nodes-base.manualTrigger': new StartNode(),
		'n8n-nodes-base.noOp': new PassThrough(),
		'test.fileFromBase64': new FileFromBase64(),
	};

	getByName(type: string): INodeType | IVersionedNodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type} in an engine test`);
		return nodeType;
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}

	getKnownTypes() {
		return {};
	}
}
