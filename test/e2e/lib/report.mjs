/** PASS/FAIL lines and the closing summary. */
export class Report {
	constructor(prefix = 'e2e') {
		this.prefix = prefix;
		this.passed = 0;
		this.failed = 0;
		this.started = Date.now();
	}

	pass(name, detail = '') {
		this.passed++;
		console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`);
	}

	fail(name, error) {
		this.failed++;
		const text = error instanceof Error ? error.message : String(error);
		console.log(`FAIL ${name}\n     ${text.split('\n').join('\n     ')}`);
	}

	/** Runs one named check; an exception or a returned string (a reason) is a failure. */
	async check(name, fn) {
		const t0 = Date.now();
		try {
			await fn();
			this.pass(name, `${((Date.now() - t0) / 1000).toFixed(1)}s`);
			return true;
		} catch (error) {
			this.fail(name, error);
			return false;
		}
	}

	summary() {
		const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
		console.log(`${this.prefix}: ${this.passed} passed, ${this.failed} failed (${seconds}s)`);
		return this.failed === 0 && this.passed > 0;
	}
}

/** Throws with a readable message when `condition` is false. */
export function expect(condition, message, actual) {
	if (!condition) {
		const shown = actual === undefined ? '' : `\nactual: ${JSON.stringify(actual, null, 1).slice(0, 1500)}`;
		throw new Error(`${message}${shown}`);
	}
}
