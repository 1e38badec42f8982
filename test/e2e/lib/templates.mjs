/**
 * The example workflows in templates/ as scripts import them (the e2e suite, `npm run dev`,
 * `npm run screenshots`). A template names its credential only ({id: null, name: 'Tjar API account'},
 * n8n's default name for a new Tjar API credential), so it imports into anyone's n8n; n8n's import then
 * links it to the credential of that name. Scripts with a credential of another name pass it here.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'templates');
export const TEMPLATE_CREDENTIAL_NAME = 'Tjar API account';

/** Every template: [{ file, workflow }], sorted by file name. */
export function loadTemplates(dir = TEMPLATES_DIR) {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}

/**
 * Copies of the templates in `outDir`, ready for `n8n import:workflow --separate --input=<outDir>`.
 * `credential` ({id, name}) replaces every Tjar credential reference; without it the by-name reference
 * stays, as a user importing the file gets it. `manualStart` swaps each Schedule Trigger for a Manual
 * Trigger of the same name, so `n8n execute` runs the workflow at once. Returns [{file, id, name, hasTrigger}]
 * (hasTrigger: it starts with a Tjar Trigger, so it has to be published to listen).
 */
export function writeTemplatesForImport(outDir, { credential, manualStart = false } = {}) {
	mkdirSync(outDir, { recursive: true });
	return loadTemplates().map(({ file, workflow }) => {
		for (const node of workflow.nodes) {
			if (credential && node.credentials?.tjarApi) node.credentials.tjarApi = { ...credential };
			if (manualStart && node.type === 'n8n-nodes-base.scheduleTrigger') {
				Object.assign(node, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} });
			}
		}
		writeFileSync(join(outDir, file), JSON.stringify(workflow, null, '\t'));
		const hasTrigger = workflow.nodes.some((node) => node.type === 'n8n-nodes-tjar.tjarTrigger');
		return { file, id: workflow.id, name: workflow.name, hasTrigger };
	});
}
