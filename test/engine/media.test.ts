import { engineSuite, expectSuccess, pairedIndexes } from './harness/engine';
import { byId, chain, node, start, tjarNode } from './harness/workflowJson';

/** Media operations: files made by a previous node travel through n8n-core's binary data store to the mock. */
const engine = engineSuite(() => {});

const file = (name: string, fileName: string, text: string, mimeType = 'text/plain') =>
	node(name, 'test.fileFromBase64', { base64: Buffer.from(text).toString('base64'), fileName, mimeType, binaryPropertyName: name.toLowerCase().replace(/\W+/g, '_') });

describe('Media operations in the n8n engine', () => {
	test('Upload Many sends every binary field of the item as files[] and returns one item per file', async () => {
		const result = await engine.run(
			chain(
				start(),
				file('Front', 'front.jpg', 'front-bytes', 'image/jpeg'),
				file('Back', 'back.jpg', 'back-bytes', 'image/jpeg'),
				tjarNode('Upload All', { resource: 'media', operation: 'uploadMany', allBinaryFields: true }),
			),
		);
		expectSuccess(result);
		const [call] = engine.requestsTo('POST', '/media/multiple');
		expect(call.multipart?.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([
			['files[]', 'front.jpg', 'front-bytes'],
			['files[]', 'back.jpg', 'back-bytes'],
		]);
		const uploaded = result.items('Upload All');
		expect(uploaded.map((i) => i.json.name)).toEqual(['front.jpg', 'back.jpg']);
		expect(pairedIndexes(uploaded)).toEqual([0, 0]);
	});

	test('Upload Many with named fields uploads only those', async () => {
		const result = await engine.run(
			chain(
				start(),
				file('Front', 'front.jpg', 'front-bytes', 'image/jpeg'),
				file('Back', 'back.jpg', 'back-bytes', 'image/jpeg'),
				tjarNode('Upload Back', { resource: 'media', operation: 'uploadMany', binaryPropertyNames: 'back' }),
			),
		);
		expectSuccess(result);
		expect(engine.requestsTo('POST', '/media/multiple')[0].multipart?.files.map((f) => f.filename)).toEqual(['back.jpg']);
	});

	test('Update replaces the file and the alt text, as POST with _method=PUT', async () => {
		const result = await engine.run(
			chain(
				start(),
				file('Original', 'old.png', 'old', 'image/png'),
				tjarNode('Upload', { resource: 'media', operation: 'upload', binaryPropertyName: 'original' }),
				file('Replacement', 'new.png', 'new-bytes', 'image/png'),
				tjarNode('Replace', {
					resource: 'media',
					operation: 'update',
					mediaId: byId('={{ $json.id }}'),
					replaceFile: true,
					binaryPropertyName: 'replacement',
					updateFields: { alt: 'تمر سكري' },
				}),
			),
		);
		expectSuccess(result);
		const [call] = engine.requestsTo('POST', '/media/1');
		expect(call.multipart?.fields).toEqual({ _method: 'PUT', alt: 'تمر سكري' });
		expect(call.multipart?.files.map((f) => [f.field, f.filename, f.data.toString()])).toEqual([['file', 'new.png', 'new-bytes']]);
		expect(result.items('Replace')[0].json).toMatchObject({ id: 1, name: 'new.png', alt: 'تمر سكري' });
	});

	test('A missing binary field fails the node with the fields the item does have', async () => {
		const result = await engine.run(
			chain(start(), file('Photo', 'a.png', 'x', 'image/png'), tjarNode('Upload', { resource: 'media', operation: 'upload', binaryPropertyName: 'data' })),
		);
		expect(result.run.status).toBe('error');
		const error = result.run.data.resultData.error;
		expect(error?.message).toBe('Item 0 has no binary field "data"');
		expect(error?.description).toContain('photo');
		expect(engine.mock.requests).toHaveLength(0);
	});
});
