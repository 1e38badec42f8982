/**
 * `npm run screenshots`: pictures of the real n8n editor for the README, saved in docs/images/:
 *   canvas.png              the "new order" template on a canvas (Tjar Trigger → Tjar → Set)
 *   operation-dropdown.png  the Tjar node's Operation dropdown open on Order, with every order operation
 *   resource-dropdown.png   the Resource dropdown open
 *   trigger-parameters.png  the Tjar Trigger's parameters (events loaded from the store)
 *
 * It builds and packs the package, starts the local Tjar sandbox and n8n 2.41.1 (the `npm run dev` setup,
 * through the same library) in a temporary folder on free ports, imports a credential for the sandbox and
 * the templates/ workflows, creates the owner, and drives headless Chromium (Debian's package, through
 * playwright-core). Chromium is installed with apt-get when missing (needs root). The browser may reach
 * 127.0.0.1 only: every other request is aborted and counted, and the run fails if there was any.
 * Everything it started is stopped at the end, and the temporary folder removed.
 *
 *   npm run screenshots [-- --keep]   (--keep: leave the temporary folder, with logs, for a look)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { N8nApi } from '../test/e2e/lib/api.mjs';
import { startMockProcess } from '../test/e2e/lib/mock.mjs';
import { N8n, installPackedPackage, n8nEnvironment } from '../test/e2e/lib/n8n.mjs';
import { freePort, installCleanup, stopAll } from '../test/e2e/lib/processes.mjs';
import { TEMPLATE_CREDENTIAL_NAME, writeTemplatesForImport } from '../test/e2e/lib/templates.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'docs', 'images');
const CHROMIUM = '/usr/bin/chromium';
const OWNER = { email: 'owner@example.com', firstName: 'Tjar', lastName: 'Merchant', password: 'Tjar-shots-1234' };
const WORKFLOW = 'tjarTplNewOrder1'; // templates/new-order-notify-and-process.json
const SANDBOX_KEY = 'sandbox-key';

const { values: args } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const say = (text) => console.log(`[screenshots] ${text}`);
const sh = (script) => execFileSync('bash', ['-c', script], { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();

function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium)`);
	say('installing Debian\'s chromium (apt-get)…');
	execFileSync('bash', ['-c', 'apt-get update && apt-get install -y chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Built and packed package, compiled sandbox, n8n install (cached): what `npm run dev` prepares. */
function buildEverything(work) {
	const n8nDir = sh('bash test/e2e/lib/ensure-n8n.sh');
	say('building and packing the package…');
	sh('npm run build --silent >/dev/null && npx tsc -p test/sandbox/tsconfig.json');
	const tarball = join(work, sh(`npm pack --silent --pack-destination "${work}" | tail -n 1`));
	return { n8nDir, tarball, sandboxCli: join(REPO, '.cache', 'sandbox', 'sandbox', 'cli.js') };
}

async function startStack(work, { n8nDir, tarball, sandboxCli }) {
	const logs = join(work, 'logs');
	mkdirSync(logs, { recursive: true });
	const sandbox = await startMockProcess(sandboxCli, ['--port', String(await freePort()), '--api-key', SANDBOX_KEY], { logFile: join(logs, 'sandbox.log') });
	const userFolder = join(work, 'n8n-home');
	const env = n8nEnvironment({ userFolder, port: await freePort(), brokerPort: await freePort(), guardLog: join(work, 'loopback-guard.log') });
	const n8n = new N8n({ dir: n8nDir, env, logDir: logs });
	installPackedPackage(tarball, userFolder);
	// Named as n8n names a new Tjar API credential, which is the name the templates refer to.
	const credentials = join(work, 'credentials.json');
	writeFileSync(credentials, JSON.stringify([{ id: 'tjarShotsCred001', name: TEMPLATE_CREDENTIAL_NAME, type: 'tjarApi', data: { storeDomain: sandbox.url, apiKey: SANDBOX_KEY, language: 'en' } }]));
	await n8n.importCredentials(credentials);
	writeTemplatesForImport(join(work, 'templates'));
	await n8n.cliOrThrow(['import:workflow', '--separate', `--input=${join(work, 'templates')}`]);
	say('starting n8n…');
	await n8n.start({ timeoutMs: 180000 });
	await new N8nApi(n8n.url).setupOwner(OWNER);
	return n8n.url;
}

const isLoopback = (url) => /^(https?|wss?):\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//.test(url) || /^(data|blob|about):/.test(url);

/** Closes what n8n 2.x lays over a fresh canvas (the "Production Checklist" popover and the like). */
async function closeOverlays(page) {
	await page.keyboard.press('Escape');
	for (const selector of ['.el-popover [aria-label="Close"]', '.el-popover .el-icon-close', 'button:has-text("Dismiss")', 'button:has-text("Got it")']) {
		for (const handle of await page.$$(selector)) await handle.click({ timeout: 1000 }).catch(() => {});
	}
}

const NDV = '[data-test-id="ndv"]';

async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator(NDV).first().waitFor({ state: 'visible' });
	await page.waitForTimeout(800);
}

async function closeNode(page) {
	await page.locator('[data-test-id="ndv-close-button"]').first().click();
	await page.locator(NDV).first().waitFor({ state: 'hidden' });
}

/** Opens the dropdown of parameter `name` in the open node and waits for its options. */
async function openDropdown(page, name) {
	await page.locator(`[data-test-id="parameter-input-${name}"]`).first().click();
	await page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'visible' });
	await page.waitForTimeout(500);
}

/**
 * A screenshot of the node's parameter column (tabs, parameters and any open dropdown) rather than the
 * whole window, where the empty input and output panes would take most of the picture.
 */
async function shootParameters(page, file) {
	const boxes = [];
	for (const selector of ['[data-test-id="tab-params"]', '[data-test-id="node-parameters"] [data-test-id="parameter-item"]', '.el-select-dropdown:visible']) {
		for (const element of await page.locator(selector).all()) {
			const box = (await element.isVisible()) ? await element.boundingBox() : null;
			if (box && box.height > 0) boxes.push(box);
		}
	}
	const left = Math.min(...boxes.map((b) => b.x)) - 24;
	const top = Math.min(...boxes.map((b) => b.y)) - 16;
	const right = Math.max(...boxes.map((b) => b.x + b.width)) + 24;
	const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 24;
	await page.screenshot({ path: join(OUT, file), clip: { x: left, y: top, width: right - left, height: bottom - top } });
	say(file);
}

async function takeScreenshots(url) {
	const { chromium } = await import('playwright-core');
	const profile = mkdtempSync(join(tmpdir(), 'tjar-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	const blocked = [];
	await context.route('**/*', (route) => (isLoopback(route.request().url()) ? route.continue() : (blocked.push(route.request().url()), route.abort())));
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${url}/signin`);
		await page.fill('input[type="email"]', OWNER.email);
		await page.fill('input[type="password"]', OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL((u) => !u.pathname.startsWith('/signin'));

		await page.goto(`${url}/workflow/${WORKFLOW}`);
		await page.locator('[data-test-id="canvas-node"][data-node-name="Mark As Processing"]').waitFor();
		await page.waitForTimeout(1500);
		await closeOverlays(page);
		await page.screenshot({ path: join(OUT, 'canvas.png') });
		say('canvas.png');

		// n8n caps a dropdown at about five options and scrolls the rest: show them all. The (empty) input
		// and output panes are hidden, so their labels do not reach into the cropped pictures.
		await page.addStyleTag({
			content: `.el-select-dropdown .el-scrollbar__wrap { max-height: 640px !important; }
				[data-test-id="ndv-input-panel"], [data-test-id="output-panel"] { visibility: hidden; }`,
		});
		await openNode(page, 'Mark As Processing');
		await openDropdown(page, 'operation');
		await shootParameters(page, 'operation-dropdown.png');
		await page.keyboard.press('Escape');
		await openDropdown(page, 'resource');
		await shootParameters(page, 'resource-dropdown.png');
		await page.keyboard.press('Escape');
		await closeNode(page);

		await openNode(page, 'New Order');
		await page.getByText('Order created').first().waitFor(); // the event names come from the store
		await shootParameters(page, 'trigger-parameters.png');
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
	if (blocked.length) throw new Error(`the browser tried to leave 127.0.0.1 (aborted): ${[...new Set(blocked)].join(', ')}`);
}

async function main() {
	installCleanup(() => say('stopping…'));
	ensureChromium();
	mkdirSync(OUT, { recursive: true });
	const work = mkdtempSync(join(tmpdir(), 'tjar-screenshots-'));
	let ok = false;
	try {
		const url = await startStack(work, buildEverything(work));
		await takeScreenshots(url);
		ok = true;
		say(`saved in ${OUT}`);
	} finally {
		await stopAll();
		if (ok && !args.keep) rmSync(work, { recursive: true, force: true });
		else say(`n8n folder and logs kept in ${work}`);
	}
}

main().catch((error) => {
	console.error(`[screenshots] ${error?.stack ?? error}`);
	process.exit(1);
});
