/** A small `multipart/form-data` parser (RFC 7578) for the mock; good enough for what clients send. */
import type { MultipartBody } from './types';

export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data/i.test(contentType)) return undefined;
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

function headerParam(header: string, name: string): string | undefined {
	const match = new RegExp(`(?:^|;)\\s*${name}=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
	if (!match) return undefined;
	return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
}

/** Parses a multipart body; throws on a malformed one. Repeated text fields: the last one wins. */
export function parseMultipart(body: Buffer, boundary: string): MultipartBody {
	const result: MultipartBody = { fields: {}, files: [] };
	const delimiter = Buffer.from(`--${boundary}`);
	let start = body.indexOf(delimiter);
	if (start < 0) throw new Error('multipart boundary not found');
	for (;;) {
		start += delimiter.length;
		if (body.subarray(start, start + 2).toString() === '--') break; // closing delimiter
		if (body.subarray(start, start + 2).toString() === '\r\n') start += 2;
		const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), start);
		if (next < 0) throw new Error('multipart closing boundary not found');
		const part = body.subarray(start, next);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd < 0) throw new Error('multipart part without headers');
		const headers: Record<string, string> = {};
		for (const line of part.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const data = Buffer.from(part.subarray(headerEnd + 4));
		const disposition = headers['content-disposition'] ?? '';
		const field = headerParam(disposition, 'name') ?? '';
		const filename = headerParam(disposition, 'filename');
		if (filename !== undefined) {
			result.files.push({ field, filename, contentType: headers['content-type'] ?? 'application/octet-stream', data });
		} else {
			result.fields[field] = data.toString('utf8');
		}
		start = next + 2; // skip CRLF, land on the delimiter
	}
	return result;
}
