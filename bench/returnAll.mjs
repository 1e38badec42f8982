/**
 * Parts 1 and 2: Return All of every order, the Tjar node against n8n's HTTP Request node with its own
 * pagination (plus Split Out, so that both end with one item per order), each in its own
 * `n8n execute` process; and the floor, a plain `fetch` loop in one Node process.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeItems } from '../test/e2e/lib/n8n.mjs';
import { run } from '../test/e2e/lib/processes.mjs';
import { executeSampled, median, memoryFigures, nodeTiming } from './measure.mjs';

const TJAR_NODES = ['Tjar'];
const HTTP_NODES = ['HTTP Request', 'Split Out'];

export const RETURN_ALL_VARIANTS = [
	{ key: 'tjar', label: 'Tjar node', file: 'return-all-tjar.json', workflow: 'benchTjarAll0001', nodes: TJAR_NODES, baseline: 'benchTjarOne0001' },
	{
		key: 'httpEmptyPage',
		label: 'HTTP Request + Split Out, stop on empty page',
		file: 'return-all-http.json',
		workflow: 'benchHttpAll0001',
		nodes: HTTP_NODES,
		baseline: 'benchHttpOne0001',
	},
	{
		key: 'httpLastPage',
		label: 'HTTP Request + Split Out, stop at last_page',
		file: 'return-all-http-last-page.json',
		workflow: 'benchHttpLast001',
		nodes: HTTP_NODES,
		baseline: 'benchHttpOne0001',
	},
];

/** The memory baselines: each workflow reading a single order (written by prepareReturnAllWorkflows). */
const BASELINES = [
	{ workflow: 'benchTjarOne0001', label: 'Tjar node, one order', nodes: TJAR_NODES },
	{ workflow: 'benchHttpOne0001', label: 'HTTP Request, one order', nodes: HTTP_NODES },
];

/** The same workflow reading a single order: the memory baseline (n8n, node code, one request). */
function oneOrderVariant(workflow, id) {
	const copy = structuredClone(workflow);
	copy.id = id;
	copy.name = `${workflow.name} (baseline: one order)`;
	for (const node of copy.nodes) {
		if (node.type === 'n8n-nodes-tjar.tjar') node.parameters = { ...node.parameters, returnAll: false, limit: 1 };
		if (node.type === 'n8n-nodes-base.httpRequest') {
			node.parameters.queryParameters.parameters[0].value = '1';
			Object.assign(node.parameters.options.pagination.pagination, { limitPagesFetched: true, maxRequests: 1 });
		}
	}
	return copy;
}

/** Writes the workflows with the mock's address and the page size filled in; returns the folder. */
export function prepareReturnAllWorkflows({ sourceDir, targetDir, apiBaseUrl, perPage }) {
	const load = (file) =>
		JSON.parse(readFileSync(join(sourceDir, file), 'utf8').replaceAll('__API_BASE_URL__', apiBaseUrl).replaceAll('__PER_PAGE__', String(perPage)));
	const written = [];
	for (const variant of RETURN_ALL_VARIANTS) {
		const workflow = load(variant.file);
		written.push(workflow);
		if (!written.some((w) => w.id === variant.baseline)) written.push(oneOrderVariant(workflow, variant.baseline));
	}
	for (const workflow of written) writeFileSync(join(targetDir, `${workflow.id}.json`), JSON.stringify(workflow, null, '\t'));
	return targetDir;
}

const ordersRequests = (requests) => requests.filter((r) => r.method === 'GET' && r.path === '/orders');

async function measureVariant({ n8n, mock, cliEnv }, variant, expectedOrders) {
	await mock.clear();
	const result = await executeSampled(n8n, variant.workflow, cliEnv);
	const execution = result.run;
	if (result.code !== 0 || execution?.status !== 'success') {
		throw new Error(`${variant.workflow}: n8n execute exit ${result.code}, status ${execution?.status}; output in ${result.outFile}\n${result.stderr.slice(-1500)}`);
	}
	const timings = variant.nodes.map((name) => nodeTiming(execution, name));
	const ms = timings.reduce((sum, t) => sum + t.executionTime, 0);
	const windowStart = timings[0].startTime;
	const last = timings[timings.length - 1];
	const memory = memoryFigures(result.samples, windowStart, last.startTime + last.executionTime);
	const items = nodeItems(execution, variant.nodes[variant.nodes.length - 1]);
	if (expectedOrders !== undefined && items.length !== expectedOrders) {
		throw new Error(`${variant.label}: ${items.length} items, expected ${expectedOrders}`);
	}
	const requests = ordersRequests(await mock.requests());
	return {
		ms,
		nodeMs: Object.fromEntries(variant.nodes.map((name, i) => [name, timings[i].executionTime])),
		requests: requests.length,
		pageSizes: [...new Set(requests.map((r) => r.query.per_page))],
		peakRss: memory.peak,
		windowGrowth: memory.window,
		cpuMs: memory.cpuMs,
		samplesInWindow: memory.samplesInWindow,
		items,
	};
}

/** Every item's JSON equal, in the same order: the two workflows deliver the same thing. */
function sameOutput(a, b) {
	if (a.length !== b.length) return `${a.length} vs ${b.length} items`;
	for (let i = 0; i < a.length; i++) {
		if (JSON.stringify(a[i].json) !== JSON.stringify(b[i].json)) return `item ${i} differs`;
	}
	return undefined;
}

async function floorRun({ floorScript, apiBaseUrl, apiKey, perPage }) {
	const result = await run(process.execPath, ['--expose-gc', floorScript, apiBaseUrl, apiKey, String(perPage), '3']);
	if (result.code !== 0) throw new Error(`floor exited ${result.code}: ${result.stderr}`);
	return JSON.parse(result.stdout.trim().split('\n').pop());
}

/**
 * Runs every variant, its one-order baseline and the floor `rounds` times, interleaved so that
 * drifting machine load hits all of them alike; reports medians.
 */
export async function returnAllBench(ctx, { rounds, orders, perPage, floorScript, log }) {
	const floorArgs = { floorScript, apiBaseUrl: ctx.mock.baseUrl, apiKey: ctx.mock.apiKey, perPage };
	await floorRun(floorArgs); // warms the mock up; not counted

	const raw = Object.fromEntries(RETURN_ALL_VARIANTS.map((v) => [v.key, []]));
	const baselines = {};
	const floors = [];
	const mismatches = [];
	for (let round = 1; round <= rounds; round++) {
		let reference;
		for (const variant of RETURN_ALL_VARIANTS) {
			const result = await measureVariant(ctx, variant, orders);
			if (reference === undefined) reference = result.items;
			else if (round === 1) {
				const difference = sameOutput(reference, result.items);
				if (difference) mismatches.push(`${variant.label}: ${difference}`);
			}
			delete result.items;
			raw[variant.key].push(result);
			log(`round ${round}: ${variant.label}: ${result.ms} ms, ${result.requests} requests, peak RSS ${mib(result.peakRss)} MiB`);
		}
		reference = undefined;
		for (const baseline of BASELINES) {
			const result = await measureVariant(ctx, baseline, 1);
			(baselines[baseline.workflow] ??= []).push(result.peakRss);
		}
		const floor = await floorRun(floorArgs);
		floors.push(floor);
		log(`round ${round}: floor (fetch loop): ${floor.coldMs.toFixed(0)} ms cold, ${floor.requests} requests`);
	}

	const summary = {};
	for (const variant of RETURN_ALL_VARIANTS) {
		const runs = raw[variant.key];
		const baselinePeak = median(baselines[variant.baseline]);
		summary[variant.key] = {
			label: variant.label,
			ms: median(runs.map((r) => r.ms)),
			msRuns: runs.map((r) => r.ms),
			nodeMs: Object.fromEntries(variant.nodes.map((name) => [name, median(runs.map((r) => r.nodeMs[name]))])),
			cpuMs: median(runs.map((r) => r.cpuMs)),
			requests: median(runs.map((r) => r.requests)),
			pageSizes: runs[0].pageSizes,
			peakRssBytes: median(runs.map((r) => r.peakRss)),
			baselinePeakRssBytes: baselinePeak,
			peakRssGrowthBytes: median(runs.map((r) => r.peakRss - baselinePeak)),
			nodeWindowRssGrowthBytes: median(runs.map((r) => r.windowGrowth)),
		};
	}
	summary.floor = {
		label: 'fetch loop (floor)',
		ms: median(floors.map((f) => f.coldMs)),
		msRuns: floors.map((f) => f.coldMs),
		cpuMs: median(floors.map((f) => f.coldCpuMs)),
		warmMs: median(floors.map((f) => f.warmMs)),
		rssGrowthBytes: median(floors.map((f) => f.rssGrowthBytes)),
		liveHeapGrowthBytes: median(floors.map((f) => f.liveHeapGrowthBytes)),
		requests: floors[0].requests,
		jsonBytes: floors[0].bytes,
	};
	summary.outputsIdentical = mismatches.length === 0;
	summary.outputMismatches = mismatches;
	return summary;
}

export const mib = (bytes) => (bytes === undefined ? '?' : (bytes / 1024 / 1024).toFixed(1));
