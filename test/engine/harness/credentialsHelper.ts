import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression, NodeHelpers } from 'n8n-workflow';

import { TjarApi } from '../../../credentials/TjarApi.credentials';

/**
 * The part of n8n's CredentialsHelper (packages/cli, not published as a library) that a node run
 * touches, redone over in-memory credentials: defaults of the credential's properties are applied as
 * n8n does (NodeHelpers.getNodeParameters), and a generic `authenticate` block is resolved with the
 * workflow's own expression engine, `$credentials` in scope, exactly like cli's `authenticate`.
 * Storage and encryption (a database in n8n) are left out.
 */
export class EngineCredentialsHelper extends ICredentialsHelper {
	private readonly types: Record<string, ICredentialType> = { tjarApi: new TjarApi() };

	/** Decrypted data by credential id, or by name for references without an id (as templates/ have). */
	constructor(private readonly byId: Record<string, ICredentialDataDecryptedObject>) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types[name];
		if (!type) throw new Error(`Unknown credential type ${name} in an engine test`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getDecrypted(_additionalData: unknown, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = (nodeCredentials.id ? this.byId[nodeCredentials.id] : undefined) ?? this.byId[nodeCredentials.name];
		if (!data) throw new Error(`No credential "${nodeCredentials.id ?? nodeCredentials.name}" of type ${type} in this engine test`);
		const withDefaults = NodeHelpers.getNodeParameters(this.type(type).properties, data as INodeParameters, true, false, null, null);
		return (withDefaults ?? data) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions & Record<string, Record<string, unknown> | undefined>;
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		if (!workflow || !node) throw new Error('Workflow and node are required for declarative credential authentication');
		const resolve = (value: unknown): unknown => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, '');
			return resolved ? String(resolved) : '';
		};
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			const target = (requestOptions[outerKey] ??= {}) as Record<string, unknown>;
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) target[String(resolve(key))] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication(_helpers: IHttpRequestHelper, _credentials: ICredentialDataDecryptedObject, _typeName: string, _node: INode, _expired: boolean) {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('getCredentials (the stored, encrypted form) is not used by a node run');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
