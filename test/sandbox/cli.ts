/**
 * The local Tjar sandbox of `npm run dev`: the loopback mock with a realistic store (seed.ts) and its
 * `/__mock/*` control endpoints, on a fixed port so the dev credential can point at it.
 *
 *   npx tsc -p test/sandbox/tsconfig.json && node .cache/sandbox/sandbox/cli.js --port 8787 --api-key sandbox-key \
 *     [--webhooks-file .dev/sandbox-webhooks.json]
 *
 * The store data is seeded fresh on every start (so its dates stay relative to now), but registered
 * webhooks are kept in --webhooks-file, like a real store keeps them while n8n restarts: n8n 2.x does not
 * register a published trigger again on restart, it expects the store to remember it.
 *
 * Prints one JSON line `{"url","baseUrl","host","apiKey"}`, then serves until SIGINT/SIGTERM.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

import { startTjarMock } from '../mock/tjar-mock';
import type { MockWebhook } from '../mock/types';
import { sandboxState } from './seed';

/** Loads the webhooks of the last run, then writes them back whenever they change (checked every 500 ms). */
function keepWebhooksIn(file: string, webhooks: MockWebhook[]): () => void {
	if (existsSync(file)) webhooks.push(...(JSON.parse(readFileSync(file, 'utf8')) as MockWebhook[]));
	let saved = JSON.stringify(webhooks);
	const save = (): void => {
		const now = JSON.stringify(webhooks);
		if (now !== saved) writeFileSync(file, now);
		saved = now;
	};
	const timer = setInterval(save, 500);
	return () => {
		clearInterval(timer);
		save();
	};
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8787' },
			'api-key': { type: 'string', default: 'sandbox-key' },
			orders: { type: 'string', default: '100' },
			carts: { type: 'string', default: '14' },
			'webhooks-file': { type: 'string' },
		},
	});
	const mock = await startTjarMock({
		port: Number(values.port),
		apiKey: values['api-key'],
		paginationStyle: 'pagination',
		maxPerPage: 50,
		webhookCapacity: 10,
		controlEndpoints: true,
	});
	// The handlers read mock.state on every request, so filling it after start is enough; the seed needs
	// the origin for its image URLs.
	Object.assign(mock.state, sandboxState(mock.url, { orders: Number(values.orders), carts: Number(values.carts) }));
	const webhooksFile = values['webhooks-file'];
	const saveWebhooks = webhooksFile ? keepWebhooksIn(webhooksFile, mock.state.webhooks) : () => {};
	process.stdout.write(`${JSON.stringify({ url: mock.url, baseUrl: mock.baseUrl, host: mock.host, apiKey: mock.apiKey })}\n`);

	for (const signal of ['SIGTERM', 'SIGINT'] as const) {
		process.once(signal, () => {
			saveWebhooks();
			void mock.close().finally(() => process.exit(0));
		});
	}
}

void main().catch((error: unknown) => {
	console.error('tjar-sandbox:', error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
