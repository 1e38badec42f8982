/**
 * `npm run bench` (see run-bench.sh, which builds, packs and installs n8n first): the package against
 * the hand-built alternatives in one real n8n 2.41.1 on this machine, against the loopback Tjar mock.
 *
 *   node bench/bench.mjs --n8n-dir <n8n install> --tarball <n8n-nodes-tjar-x.tgz> --mock-cli <compiled cli.js>
 *     [--orders 10000] [--per-page 100] [--rounds 3] [--deliveries 1000] [--concurrency 20]
 *
 * Prints a table and writes bench/results/latest.json. Absolute times on a shared machine are noise;
 * the ratios, measured side by side in one run, are the result.
 */
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startMockProcess } from '../test/e2e/lib/mock.mjs';
import { N8n, installPackedPackage, n8nEnvironment } from '../test/e2e/lib/n8n.mjs';
import { freePort, installCleanup, stopAll, stopGroup, waitFor } from '../test/e2e/lib/processes.mjs';
import { coldRequire, tarballFigures } from './package.mjs';
import { formatTable } from './table.mjs';
import { prepareReturnAllWorkflows, returnAllBench } from './returnAll.mjs';
import {
	TJAR_TRIGGER_WEBHOOK_ID,
	TRIGGER_TARGETS,
	WEBHOOK_PATH,
	buildDeliveries,
	deliveryBatch,
	summariseTarget,
} from './trigger.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..');
const API_KEY = 'bench-key-7c21';

const { values: args } = parseArgs({
	options: {
		'n8n-dir': { type: 'string' },
		tarball: { type: 'string' },
		'mock-cli': { type: 'string' },
		'run-dir': { type: 'string', default: join(REPO, '.cache', 'bench', 'run') },
		output: { type: 'string', default: join(HERE, 'results', 'latest.json') },
		orders: { type: 'string', default: '10000' },
		'per-page': { type: 'string', default: '100' },
		rounds: { type: 'string', default: '3' },
		deliveries: { type: 'string', default: '1000' },
		concurrency: { type: 'string', default: '20' },
		warmup: { type: 'string', default: '50' },
		skip: { type: 'string', default: '' },
	},
});
for (const name of ['n8n-dir', 'tarball', 'mock-cli']) if (!args[name]) throw new Error(`--${name} is required`);
const settings = {
	orders: Number(args.orders),
	perPage: Number(args['per-page']),
	rounds: Number(args.rounds),
	deliveries: Number(args.deliveries),
	concurrency: Number(args.concurrency),
	warmupDeliveries: Number(args.warmup),
};
const skip = new Set(args.skip.split(',').filter(Boolean));
const log = (line) => console.log(`bench: ${line}`);

installCleanup((signal) => log(`${signal}: stopping n8n and the mocks`));

function machine(n8nDir) {
	return {
		nproc: availableParallelism(),
		cpuModel: cpus()[0]?.model,
		memoryBytes: totalmem(),
		freeMemoryBytesAtStart: freemem(),
		loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
		node: process.version,
		n8n: JSON.parse(readFileSync(join(n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version,
		n8nWorkflow: JSON.parse(readFileSync(join(n8nDir, 'node_modules', 'n8n-workflow', 'package.json'), 'utf8')).version,
	};
}

async function main() {
	const n8nDir = resolve(args['n8n-dir']);
	const runDir = resolve(args['run-dir']);
	rmSync(runDir, { recursive: true, force: true });
	const userFolder = join(runDir, 'n8n-home');
	const logDir = join(runDir, 'logs');
	const workflowDir = join(runDir, 'workflows');
	mkdirSync(logDir, { recursive: true });
	mkdirSync(workflowDir, { recursive: true });
	const guardLog = join(runDir, 'loopback-guard.log');
	writeFileSync(guardLog, '');
	const results = { date: new Date().toISOString(), machine: machine(n8nDir), settings };
	log(`run folder ${runDir}; n8n ${results.machine.n8n}, node ${results.machine.node}, ${results.machine.nproc} cores`);

	// Two mocks: the order store (big, read-only) and the store the trigger registers with.
	const mockArgs = ['--port', '0', '--api-key', API_KEY, '--pagination', 'pagination', '--max-per-page', String(settings.perPage)];
	const ordersMock = await startMockProcess(resolve(args['mock-cli']), [...mockArgs, '--seed-orders', String(settings.orders)], {
		logFile: join(logDir, 'orders-mock.log'),
	});
	const triggerMock = await startMockProcess(resolve(args['mock-cli']), [...mockArgs, '--seed-orders', '1'], {
		logFile: join(logDir, 'trigger-mock.log'),
	});

	const env = n8nEnvironment({ userFolder, port: await freePort(), brokerPort: await freePort(), guardLog });
	const n8n = new N8n({ dir: n8nDir, env, logDir });
	installPackedPackage(resolve(args.tarball), userFolder);
	const credentials = readFileSync(join(HERE, 'credentials.template.json'), 'utf8')
		.replaceAll('__ORDERS_MOCK_URL__', ordersMock.url)
		.replaceAll('__TRIGGER_MOCK_URL__', triggerMock.url)
		.replaceAll('__API_KEY__', API_KEY);
	writeFileSync(join(runDir, 'credentials.json'), credentials);
	await n8n.importCredentials(join(runDir, 'credentials.json'));
	prepareReturnAllWorkflows({ sourceDir: join(HERE, 'workflows'), targetDir: workflowDir, apiBaseUrl: ordersMock.baseUrl, perPage: settings.perPage });
	for (const file of ['trigger-tjar.json', 'trigger-webhook.json']) writeFileSync(join(workflowDir, file), readFileSync(join(HERE, 'workflows', file)));
	await n8n.cliOrThrow(['import:workflow', '--separate', `--input=${workflowDir}`]);
	for (const target of TRIGGER_TARGETS) await n8n.publishWorkflow(target.workflow);
	log('package installed, credentials and workflows imported, trigger workflows published');

	if (!skip.has('returnAll')) {
		const cliEnv = { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		results.returnAll = await returnAllBench(
			{ n8n, mock: ordersMock, cliEnv },
			{ rounds: settings.rounds, orders: settings.orders, perPage: settings.perPage, floorScript: join(HERE, 'floor.js'), log },
		);
	}
	await stopGroup(ordersMock.process);

	if (!skip.has('trigger')) results.trigger = await triggerBench({ n8nDir, env, runDir, triggerMock, userFolder });
	await stopGroup(triggerMock.process);

	if (!skip.has('package')) {
		results.package = { ...tarballFigures(REPO), require: await coldRequire(REPO) };
	}

	const blocked = readFileSync(guardLog, 'utf8').split('\n').filter(Boolean);
	results.loopbackGuardBlocked = blocked.length;
	results.goals = goals(results);
	mkdirSync(dirname(resolve(args.output)), { recursive: true });
	writeFileSync(resolve(args.output), `${JSON.stringify(results, null, '\t')}\n`);
	const table = formatTable(results);
	console.log(table);
	writeFileSync(resolve(args.output).replace(/\.json$/, '.md'), `${table.trim()}\n`);
	log(`wrote ${resolve(args.output)}`);
	// Only a complete run replaces the README's table, so it always shows one run's figures side by side.
	if (skip.size === 0) updateReadme(table);
	if (blocked.length) throw new Error(`the loopback guard blocked ${blocked.length} connections (${guardLog})`);
}

function updateReadme(table) {
	const readmePath = join(REPO, 'README.md');
	const [start, end] = ['<!-- bench:start -->', '<!-- bench:end -->'];
	const readme = readFileSync(readmePath, 'utf8');
	if (!readme.includes(start) || !readme.includes(end)) return;
	const before = readme.slice(0, readme.indexOf(start) + start.length);
	const after = readme.slice(readme.indexOf(end));
	writeFileSync(readmePath, `${before}\n${table.trim()}\n${after}`);
	log('updated the benchmark table in README.md');
}

/**
 * Part 3, in a running n8n: warm-up deliveries to both targets, then ABBA batches. Run three times: with
 * n8n's default expression engine (the goal); with that engine's lazy acquisition, which builds an
 * isolate only when an expression is evaluated; and with the legacy engine, which takes isolated-vm out
 * of the webhook path. n8n 2.x acquires an isolate for every request to any trigger but its own Webhook
 * node (live-webhooks.js, webhookPhaseNeedsIsolate), from a pool of one by default.
 */
const TRIGGER_PHASES = [
	['defaultEngine', {}],
	['lazyAcquire', { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' }],
	['legacyEngine', { N8N_EXPRESSION_ENGINE: 'legacy' }],
];

async function triggerBench({ n8nDir, env, runDir, triggerMock, userFolder }) {
	const phases = {};
	for (const [phase, overrides] of TRIGGER_PHASES) {
		if (skip.has(`trigger.${phase}`)) continue;
		const n8n = new N8n({ dir: n8nDir, env: { ...env, ...overrides }, logDir: join(runDir, `logs-${phase}`) });
		await n8n.start();
		try {
			phases[phase] = await triggerPhase({ n8n, triggerMock, userFolder, phase });
		} finally {
			await stopGroup(n8n.process);
		}
	}
	return phases;
}

async function triggerPhase({ n8n, triggerMock, userFolder, phase }) {
	const tjarUrl = `${n8n.url}/webhook/${TJAR_TRIGGER_WEBHOOK_ID}/webhook`;
	const registration = await waitFor('the Tjar Trigger to register its webhook with the mock', async () => {
		const { webhooks } = await triggerMock.state();
		return webhooks.find((w) => w.url === tjarUrl);
	}, { timeoutMs: 30000 });
	const [order] = (await triggerMock.state()).orders;
	const urls = { webhook: `${n8n.url}/webhook/${WEBHOOK_PATH}`, tjar: tjarUrl };
	const signingModule = resolve(dirname(resolve(args['mock-cli'])), 'signing.js');
	const make = (count) => buildDeliveries({ count, order, secret: registration.secret, signingModule });
	const batch = (target, count) =>
		deliveryBatch({ url: urls[target.key], deliveries: make(count), concurrency: settings.concurrency, userFolder, workflowId: target.workflow });

	for (const target of TRIGGER_TARGETS) {
		const warm = await batch(target, settings.warmupDeliveries);
		if (warm.accepted !== warm.deliveries) throw new Error(`${target.label}: warm-up answered ${JSON.stringify(warm.statuses)}`);
	}
	// ABBA: each target goes first once, so neither profits from the other's warm-up or a quieter machine.
	const order4 = [TRIGGER_TARGETS[0], TRIGGER_TARGETS[1], TRIGGER_TARGETS[1], TRIGGER_TARGETS[0]];
	const batches = Object.fromEntries(TRIGGER_TARGETS.map((t) => [t.key, []]));
	for (const target of order4) {
		const result = await batch(target, settings.deliveries);
		batches[target.key].push(result);
		log(
			`trigger (${phase}): ${target.label}: ${result.completedPerSecond?.toFixed(0)} deliveries/s completed, ${result.acknowledgedPerSecond.toFixed(0)}/s acknowledged, p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms, lost ${result.lost}`,
		);
	}
	return Object.fromEntries(TRIGGER_TARGETS.map((t) => [t.key, summariseTarget(t.label, batches[t.key])]));
}

const ratio = (a, b) => (a !== undefined && b ? Number((a / b).toFixed(3)) : undefined);

/** The goals of issue 6, each with the measured ratio. */
function goals(results) {
	const out = {};
	const ra = results.returnAll;
	if (ra) {
		out.tjarVsHttpTime = { ratio: ratio(ra.tjar.ms, ra.httpEmptyPage.ms), goal: '<= 1.0' };
		out.tjarVsHttpLastPageTime = { ratio: ratio(ra.tjar.ms, ra.httpLastPage.ms), goal: '<= 1.0 (stricter HTTP set-up, for information)' };
		out.tjarRequestsVsHttp = { tjar: ra.tjar.requests, http: ra.httpEmptyPage.requests, goal: 'tjar <= http' };
		out.tjarVsFloorTime = { ratio: ratio(ra.tjar.ms, ra.floor.ms), goal: '<= 1.5' };
		out.tjarVsFloorCpu = { ratio: ratio(ra.tjar.cpuMs, ra.floor.cpuMs), goal: '(info: CPU of n8n while the node ran / CPU of the fetch loop)' };
		out.tjarVsHttpCpu = { ratio: ratio(ra.tjar.cpuMs, ra.httpEmptyPage.cpuMs), goal: '(info: CPU of the n8n process while the nodes ran)' };
		out.memoryGrowthVsJson = { ratio: ratio(ra.tjar.peakRssGrowthBytes, ra.floor.jsonBytes), goal: '<= 3' };
		out.memoryNodeWindowVsJson = { ratio: ratio(ra.tjar.nodeWindowRssGrowthBytes, ra.floor.jsonBytes), goal: '<= 3 (while the node runs, for information)' };
		out.memoryFloorVsJson = { ratio: ratio(ra.floor.rssGrowthBytes, ra.floor.jsonBytes), goal: '(info: a plain fetch loop holding the same orders)' };
		out.memoryLiveOrdersVsJson = { ratio: ratio(ra.floor.liveHeapGrowthBytes, ra.floor.jsonBytes), goal: '(info: heap the parsed orders take after a GC)' };
		for (const goal of [out.tjarVsHttpTime, out.tjarVsFloorTime, out.memoryGrowthVsJson]) goal.met = goal.ratio <= Number(goal.goal.slice(3));
		out.tjarRequestsVsHttp.met = ra.tjar.requests <= ra.httpEmptyPage.requests;
	}
	const tr = results.trigger?.defaultEngine;
	if (tr) {
		out.triggerThroughputVsWebhook = {
			ratio: ratio(tr.tjar.completedPerSecond, tr.webhook.completedPerSecond),
			acknowledgedRatio: ratio(tr.tjar.acknowledgedPerSecond, tr.webhook.acknowledgedPerSecond),
			goal: '>= 0.9',
		};
		out.triggerThroughputVsWebhook.met = out.triggerThroughputVsWebhook.ratio >= 0.9;
		out.triggerLost = { tjar: tr.tjar.lost, webhook: tr.webhook.lost, goal: '0', met: tr.tjar.lost === 0 };
	}
	const lazy = results.trigger?.lazyAcquire;
	if (lazy) {
		out.triggerThroughputVsWebhookLazyAcquire = {
			ratio: ratio(lazy.tjar.completedPerSecond, lazy.webhook.completedPerSecond),
			goal: '(info: N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true)',
		};
	}
	const legacy = results.trigger?.legacyEngine;
	if (legacy) {
		out.triggerThroughputVsWebhookLegacyEngine = {
			ratio: ratio(legacy.tjar.completedPerSecond, legacy.webhook.completedPerSecond),
			goal: '(info: N8N_EXPRESSION_ENGINE=legacy)',
		};
	}
	return out;
}

main()
	.catch((error) => {
		console.error(`bench failed: ${error?.stack ?? error}`);
		process.exitCode = 1;
	})
	.finally(async () => {
		await stopAll();
		process.exit(process.exitCode ?? 0);
	});

