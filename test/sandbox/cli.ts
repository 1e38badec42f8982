/**
 * The local Tjar sandbox of `npm run dev`: the loopback mock with a realistic store (seed.ts) and its
 * `/__mock/*` control endpoints, on a fixed port so the dev credential can point at it.
 *
 *   npx tsc -p test/sandbox/tsconfig.json && node .cache/sandbox/sandbox/cli.js --port 8787 --api-key sandbox-key
 *
 * Prints one JSON line `{"url","baseUrl","host","apiKey"}`, then serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';

import { startTjarMock } from '../mock/tjar-mock';
import { sandboxState } from './seed';

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '8787' },
			'api-key': { type: 'string', default: 'sandbox-key' },
			orders: { type: 'string', default: '100' },
			carts: { type: 'string', default: '14' },
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
	process.stdout.write(`${JSON.stringify({ url: mock.url, baseUrl: mock.baseUrl, host: mock.host, apiKey: mock.apiKey })}\n`);

	const stop = (): void => {
		mock.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGTERM', stop);
	process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`tjar-sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
