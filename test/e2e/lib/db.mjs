/**
 * Reading n8n's executions straight from its sqlite database (read-only; fine while n8n runs).
 * execution_data.data is serialised with flatted, so n8n's own copy decodes it.
 */
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export function executions({ userFolder, n8nDir, workflowId }) {
	const file = join(userFolder, '.n8n', 'database.sqlite');
	if (!existsSync(file)) return [];
	const flatted = createRequire(join(n8nDir, 'package.json'))('flatted');
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		const rows = db
			.prepare(
				`SELECT e.id, e.mode, e.status, e.finished, d.data FROM execution_entity e
				 LEFT JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id`,
			)
			.all(workflowId);
		return rows.map((row) => ({ ...row, data: row.data ? flatted.parse(row.data) : undefined }));
	} finally {
		db.close();
	}
}
