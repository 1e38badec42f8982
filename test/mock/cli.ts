/**
 * Standalone Tjar mock for end-to-end tests (n8n in another process).
 *
 *   npx tsc -p test/mock/tsconfig.json && node .cache/tjar-mock/cli.js --port 0 --seed-orders 30
 *
 * Prints one JSON line `{"url","baseUrl","host","apiKey"}` on stdout, serves `/__mock/*` control
 * endpoints, and stops on SIGTERM/SIGINT.
 * Flags: --port N, --api-key K, --pagination pagination|meta|top-meta|none, --max-per-page N,
 * --webhook-capacity N, --seed-orders N, --seed-products N, --seed-carts N (alias --seed-abandoned-carts).
 */
import { startTjarMock } from './tjar-mock';
import type { PaginationStyle } from './types';

const STYLES: PaginationStyle[] = ['pagination', 'meta', 'top-meta', 'none'];

function parseArgs(argv: string[]): Map<string, string> {
	const args = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const match = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
		if (!match) throw new Error(`unexpected argument ${argv[i]}`);
		args.set(match[1], match[2] ?? argv[++i] ?? '');
	}
	return args;
}

function intArg(args: Map<string, string>, name: string, fallback: number): number {
	const raw = args.get(name);
	if (raw === undefined) return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
	return n;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const style = (args.get('pagination') ?? 'pagination') as PaginationStyle;
	if (!STYLES.includes(style)) throw new Error(`--pagination must be one of ${STYLES.join(', ')}`);
	const mock = await startTjarMock({
		port: intArg(args, 'port', 0),
		apiKey: args.get('api-key') ?? 'test-key',
		paginationStyle: style,
		maxPerPage: intArg(args, 'max-per-page', 100),
		webhookCapacity: intArg(args, 'webhook-capacity', 5),
		controlEndpoints: true,
	});
	mock.seedOrders(intArg(args, 'seed-orders', 0));
	mock.seedProducts(intArg(args, 'seed-products', 0));
	mock.seedAbandonedCarts(intArg(args, 'seed-carts', intArg(args, 'seed-abandoned-carts', 0)));
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
	process.stderr.write(`tjar-mock: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
