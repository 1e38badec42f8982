/**
 * `npm run dev` (see scripts/dev.sh, which builds, packs and installs n8n first): the local Tjar sandbox
 * on 127.0.0.1:8787 and n8n on 127.0.0.1:5678 with the package, a sandbox credential, the example
 * workflows of templates/ and an owner account. Ctrl-C stops both. The n8n folder (.dev/n8n-home) is
 * kept between runs so your workflows survive; `npm run dev -- --fresh` starts over.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { N8nApi } from '../../test/e2e/lib/api.mjs';
import { startMockProcess } from '../../test/e2e/lib/mock.mjs';
import { N8n, installPackedPackage, n8nEnvironment } from '../../test/e2e/lib/n8n.mjs';
import { freePort, installCleanup, stopAll, waitFor } from '../../test/e2e/lib/processes.mjs';
import { loadTemplates, writeTemplatesForImport } from '../../test/e2e/lib/templates.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const DEV = join(REPO, '.dev');
const USER_FOLDER = join(DEV, 'n8n-home');
const SEEDED_MARKER = join(DEV, 'examples-imported');
const SANDBOX_PORT = Number(process.env.TJAR_SANDBOX_PORT ?? 8787);
const N8N_PORT = Number(process.env.TJAR_DEV_N8N_PORT ?? 5678);
const SANDBOX_KEY = 'sandbox-key';
const OWNER = { email: 'owner@example.com', firstName: 'Tjar', lastName: 'Developer', password: 'Tjar-dev-1234' };
const SANDBOX_CREDENTIAL = { id: 'tjarSandboxCred1', name: 'Tjar Sandbox (local)' };

const { values: args } = parseArgs({
	options: {
		'n8n-dir': { type: 'string' },
		tarball: { type: 'string' },
		'sandbox-cli': { type: 'string' },
		fresh: { type: 'boolean', default: false },
	},
});

const say = (text) => console.log(`[dev] ${text}`);

function portIsFree(port) {
	return new Promise((done) => {
		const server = createServer();
		server.once('error', () => done(false));
		server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
	});
}

async function main() {
	for (const name of ['n8n-dir', 'tarball', 'sandbox-cli']) if (!args[name]) throw new Error(`--${name} is required`);
	if (args.fresh) {
		say('--fresh: removing .dev/');
		rmSync(DEV, { recursive: true, force: true });
	}
	for (const [port, what] of [[SANDBOX_PORT, 'the Tjar sandbox'], [N8N_PORT, 'n8n']]) {
		if (!(await portIsFree(port))) {
			throw new Error(`port ${port} (for ${what}) is in use: is another \`npm run dev\` or n8n running? Stop it, or set ${port === N8N_PORT ? 'TJAR_DEV_N8N_PORT' : 'TJAR_SANDBOX_PORT'}.`);
		}
	}
	mkdirSync(join(DEV, 'logs'), { recursive: true });
	let stopping = false;
	installCleanup(() => {
		stopping = true;
		console.log('\n[dev] stopping n8n and the sandbox…');
	});

	// The sandbox keeps its webhook registrations in .dev/, as a real store would while n8n restarts.
	const sandboxArgs = ['--port', String(SANDBOX_PORT), '--api-key', SANDBOX_KEY, '--webhooks-file', join(DEV, 'sandbox-webhooks.json')];
	const sandbox = await startMockProcess(resolve(args['sandbox-cli']), sandboxArgs, {
		logFile: join(DEV, 'logs', 'sandbox.log'),
	});
	const state = await sandbox.state();
	say(`sandbox store at ${sandbox.url}: ${state.orders.length} orders, ${state.products.length} products, ${state.abandonedCarts.length} abandoned carts`);

	const guardLog = join(DEV, 'loopback-guard.log');
	writeFileSync(guardLog, '');
	const env = n8nEnvironment({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: await freePort(), guardLog, encryptionKey: 'tjar-dev-not-secret' });
	if (process.env.TJAR_DEV_ALLOW_NETWORK === '1') {
		delete env.NODE_OPTIONS;
		// A real store must reach the trigger: the public URL n8n is reachable at, e.g. a tunnel.
		if (process.env.WEBHOOK_URL) env.N8N_WEBHOOK_URL = process.env.WEBHOOK_URL;
		say('TJAR_DEV_ALLOW_NETWORK=1: n8n may connect beyond 127.0.0.1 (e.g. to a real store)');
	}
	const n8n = new N8n({ dir: resolve(args['n8n-dir']), env, logDir: join(DEV, 'logs') });

	// Always the freshly built package, so `npm run dev` picks up your changes.
	rmSync(join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-tjar'), { recursive: true, force: true });
	installPackedPackage(resolve(args.tarball), USER_FOLDER);

	const firstRun = !existsSync(SEEDED_MARKER);
	if (firstRun) {
		say('first run: importing the sandbox credential and the example workflows of templates/');
		// The sandbox credential points at the port the sandbox really listens on (TJAR_SANDBOX_PORT).
		const credentials = JSON.parse(readFileSync(join(HERE, 'credentials.json'), 'utf8'));
		for (const credential of credentials) credential.data.storeDomain = `http://127.0.0.1:${SANDBOX_PORT}`;
		writeFileSync(join(DEV, 'credentials.json'), JSON.stringify(credentials, null, '\t'));
		await n8n.importCredentials(join(DEV, 'credentials.json'));
		// templates/ name their credential only; here they get the sandbox one. The trigger ones are published.
		const templates = writeTemplatesForImport(join(DEV, 'templates'), { credential: SANDBOX_CREDENTIAL });
		await n8n.cliOrThrow(['import:workflow', '--separate', `--input=${join(DEV, 'templates')}`]);
		for (const template of templates.filter((t) => t.hasTrigger)) await n8n.publishWorkflow(template.id);
		writeFileSync(SEEDED_MARKER, `${new Date().toISOString()}\n`);
	}

	say(`starting n8n on 127.0.0.1:${N8N_PORT} (log: .dev/logs/n8n-start.log)…`);
	const t0 = Date.now();
	await n8n.start({ timeoutMs: 180000 });
	say(`n8n is up after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
	n8n.process.once('exit', (code) => {
		if (stopping) return;
		console.log(`[dev] n8n exited (${code}); last lines of .dev/logs/n8n-start.log:\n${n8n.log().split('\n').slice(-15).join('\n')}`);
		stopAll().finally(() => process.exit(1));
	});

	const api = new N8nApi(n8n.url);
	try {
		await api.setupOwner(OWNER);
		say('created the owner account');
	} catch (error) {
		if (!/already|400/i.test(String(error.message))) throw error;
	}

	const registered = await waitFor('the trigger to register with the sandbox', async () => (await sandbox.state()).webhooks.length > 0, { timeoutMs: 20000 }).then(
		() => true,
		() => false,
	);

	console.log(`
  ┌──────────────────────────────────────────────────────────────────────────┐
    n8n with n8n-nodes-tjar:  ${n8n.url}
    Log in with               ${OWNER.email} / ${OWNER.password}

    Tjar sandbox store:       ${sandbox.url}   (API key: ${SANDBOX_KEY})
    Example workflows (templates/, the Tjar Trigger ones active):
${loadTemplates().map(({ workflow }) => `      "${workflow.name}"`).join('\n')}
    Trigger registration:     ${registered ? 'registered with the sandbox' : 'NOT registered: see .dev/logs/n8n-start.log'}

    Fire a signed order.created delivery at the trigger (another terminal):
      npm run sandbox:deliver
    or: curl -s -X POST ${sandbox.url}/__mock/deliver -H 'content-type: application/json' \\
          -d '{"url":"<webhook URL from ${sandbox.url}/__mock/state>","event":"order.created","data":{"id":1}}'

    Ctrl-C stops n8n and the sandbox.
  └──────────────────────────────────────────────────────────────────────────┘
`);
	await new Promise(() => {}); // until Ctrl-C (handled by installCleanup)
}

main().catch(async (error) => {
	console.error(`[dev] ${error?.message ?? error}`);
	await stopAll();
	process.exit(1);
});
