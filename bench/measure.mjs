/**
 * Measuring one `n8n execute` run: the process's memory over time (sampled from /proc) and the
 * per-node timings n8n records in the run data. Reuses the e2e harness's process group handling and
 * its parser for `--rawOutput`; the only thing added here is the pid, which the sampler needs.
 */
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseRawOutput } from '../test/e2e/lib/n8n.mjs';
import { spawnGroup } from '../test/e2e/lib/processes.mjs';

const KIB = 1024;

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/**
 * Samples VmRSS and VmHWM (bytes) and the CPU time used so far (ms, user + system) of `pid` every
 * `intervalMs` until stop(). CPU time is the steadier figure when other work shares the machine.
 */
export function sampleMemory(pid, intervalMs = 10) {
	const samples = [];
	const read = () => {
		let status;
		let stat;
		try {
			status = readFileSync(`/proc/${pid}/status`, 'utf8');
			stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		} catch {
			return; // exited
		}
		const rss = /VmRSS:\s+(\d+) kB/.exec(status);
		const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
		// fields after the parenthesised command name: state is field 3, utime 14, stime 15
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const cpuMs = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
		if (rss && hwm) samples.push({ t: Date.now(), rss: Number(rss[1]) * KIB, hwm: Number(hwm[1]) * KIB, cpuMs });
	};
	read();
	const timer = setInterval(read, intervalMs);
	return {
		stop() {
			clearInterval(timer);
			read();
			return samples;
		},
	};
}

/**
 * `n8n execute --id --rawOutput` with the n8n process's memory sampled throughout. Same command and
 * environment as `N8n.execute` in test/e2e/lib/n8n.mjs; spawned here because the sampler needs the pid.
 */
export async function executeSampled(n8n, workflowId, envOverrides = {}) {
	// stdout goes to a file, not a pipe: n8n exits right after printing the execution, and a pipe then
	// loses whatever had not been read yet (a 10,000-order execution is cut off at about 15 MB).
	const outFile = join(n8n.logDir, `execute-${workflowId}-${Date.now()}.out`);
	const outFd = openSync(outFile, 'w');
	const child = spawnGroup(n8n.bin, ['execute', `--id=${workflowId}`, '--rawOutput'], {
		env: { ...n8n.env, ...envOverrides },
		cwd: n8n.logDir,
		stdio: ['ignore', outFd, 'pipe'],
	});
	closeSync(outFd);
	const sampler = sampleMemory(child.pid);
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk));
	const code = await new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : 1)));
	});
	const samples = sampler.stop();
	const execution = parseRawOutput(readFileSync(outFile, 'utf8'));
	if (execution) rmSync(outFile);
	return { code, run: execution, samples, stderr, outFile };
}

/** The first run of `nodeName` in an execution: when it started (epoch ms) and how long it took. */
export function nodeTiming(execution, nodeName) {
	const task = execution?.data?.resultData?.runData?.[nodeName]?.[0];
	if (!task) throw new Error(`node "${nodeName}" did not run`);
	return { startTime: task.startTime, executionTime: task.executionTime };
}

/**
 * Memory figures of one run, in bytes:
 * - peak: the process's high-water mark (VmHWM) at its last sample;
 * - window: RSS growth while the measured nodes ran (HWM at the window's end minus RSS just before it);
 * and cpuMs, the CPU time n8n's process used in that window (10 ms resolution).
 */
export function memoryFigures(samples, windowStart, windowEnd) {
	if (samples.length === 0) return { peak: undefined, window: undefined };
	const peak = samples[samples.length - 1].hwm;
	const before = [...samples].reverse().find((s) => s.t <= windowStart) ?? samples[0];
	const atEnd = samples.find((s) => s.t >= windowEnd) ?? samples[samples.length - 1];
	return {
		peak,
		window: atEnd.hwm - before.rss,
		cpuMs: atEnd.cpuMs - before.cpuMs,
		samplesInWindow: samples.filter((s) => s.t >= windowStart && s.t <= windowEnd).length,
	};
}

export const median = (values) => {
	const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values, p) => {
	const sorted = [...values].sort((a, b) => a - b);
	if (sorted.length === 0) return undefined;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
