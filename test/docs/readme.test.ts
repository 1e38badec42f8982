import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { TJAR_ENDPOINTS, type TjarEndpointName } from '../../nodes/shared/endpoints';
import { Tjar } from '../../nodes/Tjar/Tjar.node';

/**
 * The README's operation table is generated from the node's dropdowns and the endpoint table, so it
 * can not drift from the code. `UPDATE_README=1 npx jest test/docs` rewrites it.
 */
const README = join(__dirname, '../../README.md');
const START = '<!-- operations-table:start -->';
const END = '<!-- operations-table:end -->';

const properties = new Tjar().description.properties;
const resources = properties.find((p) => p.name === 'resource')?.options as INodePropertyOptions[];
const operationsOf = (resource: string) =>
	(properties.find(
		(p: INodeProperties) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	)?.options ?? []) as INodePropertyOptions[];

const dropdownEntries = resources.flatMap((resource) =>
	operationsOf(String(resource.value)).map((operation) => ({
		key: `${resource.value}.${operation.value}`,
		resource: resource.name,
		operation: operation.name,
	})),
);

function operationsTable(): string {
	const rows = dropdownEntries.map(({ key, resource, operation }) => {
		const endpoint = TJAR_ENDPOINTS[key as TjarEndpointName];
		return `| ${resource} | ${operation} | \`${endpoint.method} ${endpoint.path}\` | ${endpoint.source} |`;
	});
	return ['| Resource | Operation | Endpoint | Source |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('the operations in the dropdowns', () => {
	it('cover every endpoint of the endpoint table', () => {
		const offered = new Set(dropdownEntries.map((entry) => entry.key));
		const missing = Object.keys(TJAR_ENDPOINTS).filter((key) => !offered.has(key));
		expect(missing).toEqual([]);
	});

	it('each call an endpoint of the endpoint table', () => {
		const unknown = dropdownEntries.filter((entry) => !(entry.key in TJAR_ENDPOINTS)).map((entry) => entry.key);
		expect(unknown).toEqual([]);
	});
});

describe('README', () => {
	it('lists every operation with its endpoint, documented or assumed', () => {
		const readme = readFileSync(README, 'utf8');
		const [before, rest] = readme.split(START);
		const after = rest.split(END)[1];
		const current = rest.split(END)[0].trim();
		if (process.env.UPDATE_README === '1') {
			writeFileSync(README, `${before}${START}\n${operationsTable()}\n${END}${after}`);
			return;
		}
		expect(current).toBe(operationsTable());
	});
});
