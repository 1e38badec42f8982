/**
 * The floor for "Return All": the least a Node process can do to read every order page from the
 * mock — a plain loop of `fetch` calls, each body parsed, the orders collected in one array. No n8n.
 *
 *   node bench/floor.js <apiBaseUrl> <apiKey> <perPage> [repeats]
 *
 * Prints one JSON line: {coldMs, coldCpuMs, warmMs (median of the warm passes), rssGrowthBytes (cold
 * pass), liveHeapGrowthBytes (cold pass, after a GC; run with --expose-gc), requests, orders, bytes}.
 * Stops like the Tjar node does, at `current_page >= last_page`, so it sends exactly as many requests
 * as there are pages.
 */
'use strict';

const { readFileSync } = require('node:fs');

/** This process's resident set and its high-water mark, in bytes (Linux). */
function memory() {
	const status = readFileSync('/proc/self/status', 'utf8');
	const kib = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
	return { rss: kib('VmRSS'), hwm: kib('VmHWM') };
}

async function readAll(apiBaseUrl, apiKey, perPage) {
	const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json', 'Accept-Language': 'en' };
	const orders = [];
	let requests = 0;
	let bytes = 0;
	for (let page = 1; ; page++) {
		const response = await fetch(`${apiBaseUrl}/orders?page=${page}&per_page=${perPage}`, { headers });
		const text = await response.text();
		requests++;
		bytes += Buffer.byteLength(text);
		const { data } = JSON.parse(text);
		for (const order of data.orders) orders.push(order);
		const meta = data.pagination ?? data.meta;
		if (data.orders.length === 0 || !meta || meta.current_page >= meta.last_page) break;
	}
	return { orders, requests, bytes };
}

async function main() {
	const [apiBaseUrl, apiKey, perPageText, repeatsText] = process.argv.slice(2);
	const perPage = Number(perPageText);
	const repeats = Number(repeatsText ?? 3);
	// The first pass runs in a cold process, as each node does in its own `n8n execute` process:
	// that is the figure compared with the nodes. Warm passes follow, for information.
	// With --expose-gc: the heap the held orders take once garbage is collected, beside the RSS high-water mark.
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const before = memory();
	const cpuBefore = process.cpuUsage();
	let start = process.hrtime.bigint();
	let last = await readAll(apiBaseUrl, apiKey, perPage);
	const coldMs = Number(process.hrtime.bigint() - start) / 1e6;
	const { user, system } = process.cpuUsage(cpuBefore);
	const coldCpuMs = (user + system) / 1000;
	// Measured while the orders are still held, like a node's output: the floor's own memory growth.
	const rssGrowthBytes = memory().hwm - before.rss;
	global.gc?.();
	const liveHeapGrowthBytes = global.gc ? process.memoryUsage().heapUsed - heapBefore : undefined;
	const warm = [];
	for (let i = 0; i < repeats; i++) {
		start = process.hrtime.bigint();
		last = await readAll(apiBaseUrl, apiKey, perPage);
		warm.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	warm.sort((a, b) => a - b);
	const warmMs = warm.length ? warm[Math.floor(warm.length / 2)] : undefined;
	const { orders, requests, bytes } = last;
	process.stdout.write(`${JSON.stringify({ coldMs, coldCpuMs, warmMs, rssGrowthBytes, liveHeapGrowthBytes, orders: orders.length, requests, bytes })}\n`);
}

main().catch((error) => {
	process.stderr.write(`floor: ${error.stack ?? error}\n`);
	process.exit(1);
});
