/** The human-readable form of bench/results/latest.json (printed, and saved as latest.md for the README). */

const mib = (bytes) => (bytes === undefined ? '?' : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);
const kib = (bytes) => (bytes === undefined ? '?' : `${(bytes / 1024).toFixed(1)} KiB`);
const fixed = (n, digits = 0) => (n === undefined || n === null ? '?' : Number(n).toFixed(digits));
const verdict = (goal) => (goal?.met === undefined ? '' : goal.met ? 'met' : 'NOT met');

function table(headers, rows) {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
	const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
	return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function formatTable(results) {
	const lines = [];
	const print = (text) => lines.push(text);
	const { machine, settings, goals } = results;
	print(
		`\n${results.date} · ${machine.nproc} cores (${machine.cpuModel}), ${mib(machine.memoryBytes)} RAM, load ${machine.loadAverageAtStart.join(' ')} · node ${machine.node} · n8n ${machine.n8n}`,
	);
	const ra = results.returnAll;
	if (ra) {
		print(`\n1-2. Return All of ${settings.orders} orders, ${settings.perPage} per page, median of ${settings.rounds} runs (node time = executionTime in n8n's run data)\n`);
		const rows = ['tjar', 'httpEmptyPage', 'httpLastPage'].map((key) => {
			const r = ra[key];
			return [r.label, `${fixed(r.ms)} ms`, fixed(r.ms / ra.tjar.ms, 2), `${fixed(r.cpuMs)} ms`, r.requests, mib(r.peakRssBytes), mib(r.peakRssGrowthBytes), mib(r.nodeWindowRssGrowthBytes)];
		});
		rows.push([ra.floor.label, `${fixed(ra.floor.ms)} ms`, fixed(ra.floor.ms / ra.tjar.ms, 2), `${fixed(ra.floor.cpuMs)} ms`, ra.floor.requests, '', '', mib(ra.floor.rssGrowthBytes)]);
		print(table(['', 'time', 'x Tjar', 'CPU', 'requests', 'peak RSS', 'growth vs 1 order', 'growth in node'], rows));
		print('\n(CPU: of the n8n process while the nodes ran, or of the fetch loop; steadier than time when the machine is shared.)');
		print(
			`JSON received: ${mib(ra.floor.jsonBytes)}; outputs identical: ${ra.outputsIdentical ? 'yes' : `NO (${ra.outputMismatches.join('; ')})`}`,
		);
	}
	for (const [phase, title] of [
		['defaultEngine', "n8n's default expression engine"],
		['lazyAcquire', "n8n's default engine with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (diagnostic)"],
		['legacyEngine', 'N8N_EXPRESSION_ENGINE=legacy (diagnostic)'],
	]) {
		const tr = results.trigger?.[phase];
		if (!tr) continue;
		print(`\n3. ${settings.deliveries} signed deliveries at concurrency ${settings.concurrency}, twice per target (ABBA), to n8n start; ${title}\n`);
		const rows = ['webhook', 'tjar'].map((key) => {
			const r = tr[key];
			return [r.label, fixed(r.completedPerSecond), fixed(r.acknowledgedPerSecond), `${fixed(r.p50Ms, 1)} ms`, `${fixed(r.p99Ms, 1)} ms`, r.lost, r.nonOkResponses];
		});
		print(table(['', 'completed/s', 'acknowledged/s', 'p50', 'p99', 'lost', 'non-200'], rows));
	}
	const pkg = results.package;
	if (pkg) {
		print(
			`\n4. Package: tarball ${kib(pkg.tarballBytes)} (${pkg.files} files, ${kib(pkg.unpackedBytes)} unpacked); cold require of our node + credential files ${fixed(pkg.require.oursMs, 1)} ms (median of ${pkg.require.samples} fresh processes; n8n-workflow itself ${fixed(pkg.require.n8nWorkflowMs, 0)} ms, already loaded in n8n)`,
		);
	}
	if (goals) {
		print('\nGoals');
		const rows = [];
		if (goals.tjarVsHttpTime) {
			rows.push(['Tjar time / HTTP Request time', goals.tjarVsHttpTime.ratio, goals.tjarVsHttpTime.goal, verdict(goals.tjarVsHttpTime)]);
			rows.push(['Tjar time / HTTP Request (last_page) time', goals.tjarVsHttpLastPageTime.ratio, '(info)', '']);
			rows.push(['requests Tjar vs HTTP Request', `${goals.tjarRequestsVsHttp.tjar} vs ${goals.tjarRequestsVsHttp.http}`, goals.tjarRequestsVsHttp.goal, verdict(goals.tjarRequestsVsHttp)]);
			rows.push(['Tjar time / floor', goals.tjarVsFloorTime.ratio, goals.tjarVsFloorTime.goal, verdict(goals.tjarVsFloorTime)]);
			rows.push(['Tjar CPU / floor CPU', goals.tjarVsFloorCpu.ratio, '(info)', '']);
			rows.push(['Tjar CPU / HTTP Request CPU', goals.tjarVsHttpCpu.ratio, '(info)', '']);
			rows.push(['peak RSS growth / JSON received', goals.memoryGrowthVsJson.ratio, goals.memoryGrowthVsJson.goal, verdict(goals.memoryGrowthVsJson)]);
			rows.push(['RSS growth while the node runs / JSON', goals.memoryNodeWindowVsJson.ratio, '(info)', '']);
			rows.push(['RSS growth of the floor / JSON', goals.memoryFloorVsJson.ratio, '(info)', '']);
			rows.push(['live heap of the parsed orders / JSON', goals.memoryLiveOrdersVsJson.ratio, '(info)', '']);
		}
		if (goals.triggerThroughputVsWebhook) {
			const g = goals.triggerThroughputVsWebhook;
			rows.push(['Tjar Trigger / Webhook deliveries per s', `${g.ratio} (acknowledged ${g.acknowledgedRatio})`, g.goal, verdict(g)]);
			rows.push(['deliveries lost (Tjar Trigger)', goals.triggerLost.tjar, goals.triggerLost.goal, verdict(goals.triggerLost)]);
		}
		if (goals.triggerThroughputVsWebhookLazyAcquire) {
			rows.push(['Tjar Trigger / Webhook, lazy isolate acquisition', goals.triggerThroughputVsWebhookLazyAcquire.ratio, '(info)', '']);
		}
		if (goals.triggerThroughputVsWebhookLegacyEngine) {
			rows.push(['Tjar Trigger / Webhook, legacy expression engine', goals.triggerThroughputVsWebhookLegacyEngine.ratio, '(info)', '']);
		}
		print(table(['', 'measured', 'goal', ''], rows));
	}
	print(`\nloopback guard: ${results.loopbackGuardBlocked} blocked connection attempts`);
	return lines.join('\n');
}
