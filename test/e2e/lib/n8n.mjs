/**
 * Driving a real n8n (installed by ensure-n8n.sh) from scripts: its environment (nothing leaves
 * 127.0.0.1), loading our packed package, the CLI commands, and `n8n start`.
 * See /work/shared/N8N-E2E.md for why each variable is set.
 */
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { run, spawnGroup, waitFor } from './processes.mjs';

export const GUARD = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'loopback-guard.cjs');

/** The major version of the n8n installed in `dir` (1 or 2). */
export function n8nMajor(dir) {
	return Number(JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version.split('.')[0]);
}

/**
 * Everything n8n needs to run on loopback only, with the guard preloaded. `userFolder` holds `.n8n/`.
 * `brokerPort` must differ between an `n8n start` and a concurrent CLI command. `major: 1` adds what
 * n8n 1.x needs; `nodeBin` (a folder holding `node`) goes first in PATH, so n8n runs on that Node.
 */
export function n8nEnvironment({ userFolder, port, brokerPort, guardLog, encryptionKey = 'tjar-e2e-not-secret', major = 2, nodeBin }) {
	const env = { ...process.env };
	// Anything npm put into our environment must not leak into n8n (and vice versa).
	for (const key of Object.keys(env)) if (key.startsWith('npm_') || key.startsWith('N8N_')) delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		DB_TYPE: 'sqlite',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`, // 2.x name (WEBHOOK_URL is deprecated)
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		...(major !== 1 && { N8N_DISABLED_MODULES: 'mcp-registry' }), // 1.x has no such module and refuses the name
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: 'info', // not warn: `execute --rawOutput` then prints no result at all
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
		NODE_OPTIONS: `--require ${GUARD}`,
		LOOPBACK_GUARD_LOG: guardLog,
		...(major === 1 && {
			// 1.x defaults to the isolated-vm expression engine, whose isolated-vm 6 does not build on Node 20;
			// its task runners (Code node) are opt-in; it reads only WEBHOOK_URL.
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_RUNNERS_ENABLED: 'true',
			WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		}),
		...(nodeBin && { PATH: `${nodeBin}:${env.PATH}` }),
	};
}

/**
 * Puts the packed package where n8n loads community packages from. tar, not npm: the package has no
 * runtime dependencies, and `require('n8n-workflow')` resolves to n8n's own copy.
 */
export function installPackedPackage(tarball, userFolder, packageName = 'n8n-nodes-tjar') {
	const target = join(userFolder, '.n8n', 'nodes', 'node_modules', packageName);
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['xzf', tarball, '--strip-components=1', '-C', target]);
	return target;
}

export class N8n {
	/** @param {{ dir: string, env: Record<string,string>, logDir: string }} options */
	constructor({ dir, env, logDir }) {
		this.bin = join(dir, 'node_modules', '.bin', 'n8n');
		this.dir = dir;
		this.env = env;
		this.logDir = logDir;
		this.port = Number(env.N8N_PORT);
		this.url = `http://127.0.0.1:${this.port}`;
		this.major = n8nMajor(dir);
		mkdirSync(logDir, { recursive: true });
	}

	/** One CLI command; `envOverrides` e.g. a broker port while `n8n start` runs. */
	async cli(args, envOverrides = {}) {
		const result = await run(this.bin, args, { env: { ...this.env, ...envOverrides }, cwd: this.logDir });
		const name = args[0].replace(/[^a-z:-]/gi, '');
		writeFileSync(join(this.logDir, `${name}-${Date.now()}.log`), `${args.join(' ')}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`);
		return result;
	}

	async cliOrThrow(args, envOverrides) {
		const result = await this.cli(args, envOverrides);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${result.code}:\n${tail(result.stdout + result.stderr)}`);
		return result;
	}

	importCredentials(file) {
		return this.cliOrThrow(['import:credentials', `--input=${file}`]);
	}

	importWorkflow(file) {
		return this.cliOrThrow(['import:workflow', `--input=${file}`]);
	}

	/** Activates a workflow in the database (before `start`): 1.x has no publish:workflow. */
	publishWorkflow(id) {
		if (this.major === 1) return this.cliOrThrow(['update:workflow', `--id=${id}`, '--active=true']);
		return this.cliOrThrow(['publish:workflow', `--id=${id}`]);
	}

	/**
	 * `n8n execute --id --rawOutput`: returns { code, run } where `run` is the parsed execution
	 * ({ data.resultData.runData, status, ... }) or undefined when n8n printed none.
	 */
	async execute(id, envOverrides) {
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], envOverrides);
		return { code: result.code, run: parseRawOutput(result.stdout), stdout: result.stdout, stderr: result.stderr };
	}

	/** `n8n start` in the background; resolves once the editor URL is logged. */
	async start({ timeoutMs = 90000 } = {}) {
		this.logFile = join(this.logDir, 'n8n-start.log');
		const fd = openSync(this.logFile, 'w'); // a fresh log: an old "Editor is now accessible" must not count
		this.process = spawnGroup(this.bin, ['start'], { env: this.env, cwd: this.logDir, stdio: ['ignore', fd, fd] });
		let exitCode;
		this.process.once('exit', (code) => (exitCode = code ?? -1));
		await waitFor('n8n to log "Editor is now accessible"', () => {
			if (exitCode !== undefined) throw new Error(`n8n start exited ${exitCode}:\n${tail(this.log())}`);
			return this.log().includes('Editor is now accessible via');
		}, { timeoutMs });
	}

	log() {
		try {
			return readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}
}

const tail = (text, lines = 30) => text.split('\n').slice(-lines).join('\n');

/**
 * `--rawOutput` still prints log lines around the JSON (task broker, license SDK, "Registered runner"):
 * the execution is the block from the first line that is exactly `{` to the next line that is exactly `}`.
 */
export function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start === -1 || end === -1) return undefined;
	try {
		return JSON.parse(lines.slice(start, end + 1).join('\n'));
	} catch {
		return undefined;
	}
}

/** runData of an execution as `execute` prints it ({data: {resultData}}) or as the DB stores it ({resultData}). */
const runDataOf = (execution) => (execution?.data?.resultData ?? execution?.resultData)?.runData;

/** Items a node produced on its first output in the first run. */
export function nodeItems(execution, nodeName, outputIndex = 0) {
	const runs = runDataOf(execution)?.[nodeName];
	if (!runs) return undefined;
	return (runs[0]?.data?.main?.[outputIndex] ?? []);
}

export function nodeError(execution, nodeName) {
	return runDataOf(execution)?.[nodeName]?.[0]?.error;
}
