import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

/**
 * multipart/form-data built by hand: community nodes may not ship dependencies, and a Buffer body
 * behaves the same in every n8n version's HTTP helper.
 */
export interface MultipartFile {
	field: string;
	data: Buffer;
	fileName: string;
	mimeType: string;
}

export interface MultipartBody {
	body: Buffer;
	contentType: string;
}

const quoted = (value: string) => value.replace(/[\r\n]/g, ' ').replace(/"/g, '%22');

export function buildMultipartBody(fields: Array<[string, string]>, files: MultipartFile[] = []): MultipartBody {
	const boundary = `----n8nTjar${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	const head = (disposition: string, extra = '') =>
		Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${extra}\r\n`, 'utf8');

	for (const [name, value] of fields) {
		chunks.push(head(`name="${quoted(name)}"`), Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
	}
	for (const file of files) {
		chunks.push(
			head(
				`name="${quoted(file.field)}"; filename="${quoted(file.fileName)}"`,
				`Content-Type: ${file.mimeType || 'application/octet-stream'}\r\n`,
			),
			file.data,
			Buffer.from('\r\n'),
		);
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Flattens an object into Laravel form keys (the legacy Edit Order form, Extra Fields of media forms):
 * {products_to_add: [{id: 5, product_options: [{name: 'x'}]}]} →
 * products_to_add[0][id]=5, products_to_add[0][product_options][0][name]=x.
 * Booleans become 1/0, as Laravel reads them from forms; null and undefined are left out.
 */
export function toBracketFields(value: IDataObject | unknown[], prefix = ''): Array<[string, string]> {
	const fields: Array<[string, string]> = [];
	const entries: Array<[string, unknown]> = Array.isArray(value)
		? value.map((entry, index) => [String(index), entry])
		: Object.entries(value);
	for (const [key, entry] of entries) {
		const name = prefix ? `${prefix}[${key}]` : key;
		if (entry === undefined || entry === null) continue;
		if (typeof entry === 'object') fields.push(...toBracketFields(entry as IDataObject | unknown[], name));
		else if (typeof entry === 'boolean') fields.push([name, entry ? '1' : '0']);
		else fields.push([name, String(entry)]);
	}
	return fields;
}
