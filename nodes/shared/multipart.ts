import { randomBytes } from 'node:crypto';

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
