import { buildMultipartBody } from '../../nodes/shared/multipart';

describe('multipart body', () => {
	it('encodes fields and files with their names, file names and types', () => {
		const { body, contentType } = buildMultipartBody(
			[['_method', 'PUT'], ['alt', 'صورة المنتج']],
			[{ field: 'file', data: Buffer.from([0, 1, 2, 255]), fileName: 'شعار "new".png', mimeType: 'image/png' }],
		);
		const boundary = /boundary=(.+)$/.exec(contentType)?.[1] as string;
		expect(contentType).toMatch(/^multipart\/form-data; boundary=----n8nTjar[0-9a-f]{24}$/);
		const text = body.toString('latin1');
		expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
		expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
		expect(body.toString('utf8')).toContain('name="alt"\r\n\r\nصورة المنتج\r\n');
		expect(body.toString('utf8')).toContain('name="file"; filename="شعار %22new%22.png"\r\nContent-Type: image/png\r\n\r\n');
		expect(body.includes(Buffer.from([0, 1, 2, 255]))).toBe(true);
	});
});
