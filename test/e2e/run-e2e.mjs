/**
 * End-to-end tests in a real n8n (see run-e2e.sh, which builds, packs and installs n8n first).
 *
 *   node test/e2e/run-e2e.mjs --n8n-dir <n8n install> --tarball <n8n-nodes-tjar-x.tgz> --mock-cli <compiled cli.js>
 *     [--run-dir <new folder>] [--only <workflow id part>] [--keep] [--node <node binary that runs n8n>]
 *
 * A fresh user folder and a fresh mock per run; every process it starts is stopped on exit.
 * Prints PASS/FAIL lines and `e2e: N passed, M failed`; exits 1 on any failure. The run folder is
 * removed after a passing run (unless --keep) and kept after a failing one.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { N8nApi } from './lib/api.mjs';
import { startMockProcess } from './lib/mock.mjs';
import { N8n, installPackedPackage, n8nEnvironment, n8nMajor } from './lib/n8n.mjs';
import { freePort, installCleanup, run, stopAll, stopGroup } from './lib/processes.mjs';
import { Report, expect } from './lib/report.mjs';
import { ACTION_SCENARIOS, MOCK_SEED } from './checks/actions.mjs';
import { TRIGGER_WORKFLOW, triggerChecks } from './checks/trigger.mjs';
import { aiToolChecks } from './checks/aiTool.mjs';
import { TEMPLATE_SCENARIOS, TEMPLATE_TRIGGER_WORKFLOW, importTemplates, templateTriggerChecks } from './checks/templates.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const API_KEY = 'e2e-key-0a9f';
const OWNER = { email: 'owner@example.test', firstName: 'E2E', lastName: 'Owner', password: 'E2e-password-123' };

const { values: args } = parseArgs({
	options: {
		'n8n-dir': { type: 'string' },
		tarball: { type: 'string' },
		'mock-cli': { type: 'string' },
		'run-dir': { type: 'string', default: join(REPO, '.e2e', `run-${process.pid}`) },
		only: { type: 'string' },
		keep: { type: 'boolean', default: false },
		node: { type: 'string' },
	},
});
for (const name of ['n8n-dir', 'tarball', 'mock-cli']) if (!args[name]) throw new Error(`--${name} is required`);

const report = new Report('e2e');
const runDir = resolve(args['run-dir']);
installCleanup((signal) => console.log(`\n${signal}: stopping n8n and the mock`));

async function main() {
	const userFolder = join(runDir, 'n8n-home');
	const logDir = join(runDir, 'logs');
	mkdirSync(logDir, { recursive: true });
	const guardLog = join(runDir, 'loopback-guard.log');
	writeFileSync(guardLog, '');
	console.log(`e2e: run folder ${runDir}`);

	const mock = await startMockProcess(resolve(args['mock-cli']), [
		'--port', '0', '--api-key', API_KEY, '--pagination', 'pagination', '--max-per-page', String(MOCK_SEED.maxPerPage),
		'--seed-orders', String(MOCK_SEED.orders), '--seed-products', String(MOCK_SEED.products), '--seed-carts', String(MOCK_SEED.carts),
	], { logFile: join(logDir, 'mock.log') });
	console.log(`e2e: mock at ${mock.url}`);

	const major = n8nMajor(resolve(args['n8n-dir']));
	const nodeBin = args.node && dirname(resolve(args.node));
	const env = n8nEnvironment({ userFolder, port: await freePort(), brokerPort: await freePort(), guardLog, major, nodeBin });
	const n8n = new N8n({ dir: resolve(args['n8n-dir']), env, logDir });

	await report.check('Loopback guard: active in the environment n8n runs with', async () => {
		// A connection to TEST-NET-3 from a node process with n8n's environment must be refused and logged.
		const probe = "require('node:net').connect(9, '203.0.113.9').on('error', () => {})";
		await run(args.node ? resolve(args.node) : process.execPath, ['-e', probe], { env });
		const lines = readFileSync(guardLog, 'utf8').split('\n').filter(Boolean);
		expect(lines.length === 1 && lines[0].includes('203.0.113.9:9'), 'the guard logged the probe', lines);
		writeFileSync(guardLog, '');
	});

	const setup = await report.check('Setup: package installed from the tarball, credential and workflows imported', async () => {
		const installed = installPackedPackage(resolve(args.tarball), userFolder);
		expect(existsSync(join(installed, 'dist', 'nodes', 'Tjar', 'Tjar.node.js')), 'the tarball holds dist/nodes/Tjar/Tjar.node.js');
		const credentials = readFileSync(join(HERE, 'credentials.template.json'), 'utf8')
			.replace('__STORE_DOMAIN__', mock.url)
			.replace('__API_KEY__', API_KEY)
			.replace('__LANGUAGE__', 'en');
		writeFileSync(join(runDir, 'credentials.json'), credentials);
		await n8n.importCredentials(join(runDir, 'credentials.json'));
		await n8n.cliOrThrow(['import:workflow', '--separate', `--input=${join(HERE, 'workflows')}`]);
	});
	if (!setup) return;
	await report.check('Setup: templates/ imported, their credential found by name', () => importTemplates({ n8n, runDir, mock }));

	// A CLI run must not share the broker port of a running `n8n start`; none runs yet, but keep them apart anyway.
	const cliEnv = { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	for (const scenario of [...ACTION_SCENARIOS, ...TEMPLATE_SCENARIOS]) {
		if (args.only && !scenario.workflow.includes(args.only)) continue;
		await scenario.prepare?.(mock);
		await mock.clear();
		const t0 = Date.now();
		const { code, run: execution } = await n8n.execute(scenario.workflow, cliEnv);
		const seconds = ((Date.now() - t0) / 1000).toFixed(1);
		const requests = await mock.requests();
		const state = await mock.state();
		if (!execution) {
			report.fail(`${scenario.workflow}: n8n execute printed no execution (exit ${code}, ${seconds}s); see ${logDir}`, '');
			continue;
		}
		console.log(`e2e: executed ${scenario.workflow} in ${seconds}s (exit ${code}, ${requests.length} API requests)`);
		for (const [name, check] of Object.entries(scenario.checks)) {
			await report.check(name, () => check({ execution, requests, state, exitCode: code }));
		}
	}

	if (args.only && ![TRIGGER_WORKFLOW, TEMPLATE_TRIGGER_WORKFLOW].some((id) => id.includes(args.only))) return;
	await mock.clear();
	const published = await report.check(`Trigger: workflow ${major === 1 ? 'activated' : 'published'} before start`, () => n8n.publishWorkflow(TRIGGER_WORKFLOW));
	if (!published) return;
	await report.check('n8n start: editor up with the package loaded', async () => {
		await n8n.start();
		const log = n8n.log();
		expect(!/Problem loading|error loading|Unrecognized node type/i.test(log), 'no node-loading errors in the log', log.split('\n').filter((l) => /problem|error/i.test(l)).slice(0, 10));
	});
	const api = new N8nApi(n8n.url);
	await report.check('n8n public API: owner set up and an API key created', async () => {
		await api.setupOwner(OWNER);
		await api.createApiKey('e2e');
		const workflow = await api.publicApi('GET', `workflows/${TRIGGER_WORKFLOW}`);
		expect(workflow.active === true, 'the trigger workflow is active', { active: workflow.active });
	});
	await triggerChecks({ report, mock, n8n, api, userFolder, n8nDir: resolve(args['n8n-dir']) });
	await templateTriggerChecks({ report, mock, api, userFolder, n8nDir: resolve(args['n8n-dir']) });
	await aiToolChecks({ report, n8n, api, n8nDir: resolve(args['n8n-dir']) });

	await report.check('Stop: n8n and the mock stop cleanly', async () => {
		await stopGroup(n8n.process);
		await stopGroup(mock.process);
	});
	await report.check('Loopback guard: nothing tried to leave 127.0.0.1', () => {
		const lines = readFileSync(guardLog, 'utf8').split('\n').filter(Boolean);
		expect(lines.length === 0, `${lines.length} blocked connection attempts (${guardLog})`, lines.slice(0, 10));
	});
}

main()
	.catch((error) => report.fail('e2e runner', error?.stack ?? error))
	.finally(async () => {
		await stopAll();
		const passed = report.summary();
		if (passed && !args.keep) rmSync(runDir, { recursive: true, force: true });
		else console.log(`e2e: n8n folder, logs and the loopback guard log kept in ${runDir}`);
		process.exit(passed ? 0 : 1);
	});
