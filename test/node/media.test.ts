import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INodeExecutionData } from 'n8n-workflow';

import { resourceOptions, resources } from '../../nodes/Tjar/resources';
import { binaryFile } from '../helpers/fakeContext';
import { byId, rejectionOf, runTjar } from '../helpers/runTjar';
import { startTjarMock } from '../mock/tjar-mock';
import type { RecordedRequest, TjarMock } from '../mock/types';

let mock: TjarMock;

beforeAll(async () => {
	mock = await startTjarMock();
});
afterAll(async () => await mock.close());
beforeEach(() => {
	mock.clearRequests();
	mock.state.media.length = 0;
});

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10, 0x0d, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);

const withFiles = (files: Record<string, ReturnType<typeof binaryFile>>): INodeExecutionData => ({ json: {}, binary: files });

/** The multipart parts the mock received, in order, as plain data. */
const partsOf = (request: RecordedRequest) => ({
	fields: request.multipart?.fields,
	files: request.multipart?.files.map((file) => ({
		field: file.field,
		filename: file.filename,
		contentType: file.contentType,
		data: file.data.toString('hex'),
	})),
});

const upload = (extra: Record<string, unknown> = {}) => ({
	resource: 'media',
	operation: 'upload',
	binaryPropertyName: 'data',
	additionalFields: {},
	...extra,
});

describe('Upload', () => {
	it('sends the file as the multipart part "file" with its name, type and bytes, and outputs the media id', async () => {
		const output = await runTjar(mock, {
			parameters: upload({ additionalFields: { alt: 'Premium coffee', title: 'Coffee' } }),
			items: [withFiles({ data: binaryFile(PNG, 'coffee.png', 'image/png') })],
		});

		expect(mock.requests).toHaveLength(1);
		const [request] = mock.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/media');
		expect(request.query).toEqual({});
		expect(request.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(partsOf(request)).toEqual({
			fields: { alt: 'Premium coffee', title: 'Coffee' },
			files: [{ field: 'file', filename: 'coffee.png', contentType: 'image/png', data: PNG.toString('hex') }],
		});

		const stored = mock.state.media[0];
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		expect(output[0].json).toMatchObject({ id: 1, name: 'coffee.png', mime_type: 'image/png', size: PNG.length, alt: 'Premium coffee' });
	});

	it('sends no alt or title part when none is set', async () => {
		await runTjar(mock, { parameters: upload(), items: [withFiles({ data: binaryFile(JPEG, 'a.jpg', 'image/jpeg') })] });
		expect(mock.requests[0].multipart?.fields).toEqual({});
	});

	it('keeps an Arabic file name intact end to end', async () => {
		const output = await runTjar(mock, {
			parameters: upload({ additionalFields: { alt: 'قهوة عربية' } }),
			items: [withFiles({ data: binaryFile(PNG, 'صورة القهوة العربية.png', 'image/png') })],
		});
		expect(mock.requests[0].multipart?.files[0].filename).toBe('صورة القهوة العربية.png');
		expect(mock.requests[0].multipart?.fields.alt).toBe('قهوة عربية');
		expect(output[0].json).toMatchObject({ name: 'صورة القهوة العربية.png', alt: 'قهوة عربية' });
	});

	it('reads the binary field named in Input Binary Field', async () => {
		await runTjar(mock, {
			parameters: upload({ binaryPropertyName: ' photo ' }),
			items: [withFiles({ data: binaryFile('not this', 'x.txt', 'text/plain'), photo: binaryFile(JPEG, 'p.jpg', 'image/jpeg') })],
		});
		expect(partsOf(mock.requests[0]).files).toEqual([{ field: 'file', filename: 'p.jpg', contentType: 'image/jpeg', data: JPEG.toString('hex') }]);
	});

	it('names a missing binary field and lists the ones the item has, before any request', async () => {
		const error = await rejectionOf(
			runTjar(mock, {
				parameters: upload({ binaryPropertyName: 'image' }),
				items: [withFiles({ data: binaryFile(PNG, 'a.png', 'image/png'), photo: binaryFile(PNG, 'b.png', 'image/png') })],
			}),
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Item 0 has no binary field "image"');
		expect(error.description).toBe("This item's binary fields are: data, photo. Set the Input Binary Field to one of them.");
		expect(mock.requests).toHaveLength(0);
	});

	it('says so when the item carries no file at all', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: upload(), items: [{ json: { id: 1 } }] }));
		expect(error.message).toBe('Item 0 has no binary field "data"');
		expect(error.description).toMatch(/^This item has no binary fields at all\./);
		expect(mock.requests).toHaveLength(0);
	});

	it('reports the 422 field errors Tjar returns', async () => {
		mock.failNext(1, 422, {
			body: { status: 'error', message: 'The given data was invalid.', errors: { file: ['The file must be an image.', 'The file may not be greater than 2048 kilobytes.'] } },
		});
		const error = await rejectionOf(
			runTjar(mock, { parameters: upload(), items: [withFiles({ data: binaryFile('%PDF', 'doc.pdf', 'application/pdf') })] }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Tjar rejected the data (422): file: The file must be an image. The file may not be greater than 2048 kilobytes.');
		expect(mock.requests).toHaveLength(1);
	});

	it('sends Extra Fields (JSON) as form fields beside the file', async () => {
		await runTjar(mock, {
			parameters: upload({ additionalFields: { extraFieldsJson: '{"folder": "products"}' } }),
			items: [withFiles({ data: binaryFile(PNG, 'a.png', 'image/png') })],
		});
		expect(partsOf(mock.requests[0]).fields).toEqual({ folder: 'products' });
	});

	it('gives each item its own file and fields (no leakage between items)', async () => {
		const output = await runTjar(mock, {
			parameters: [upload({ additionalFields: { alt: 'First', title: 'One' } }), upload({ binaryPropertyName: 'photo' })],
			items: [
				withFiles({ data: binaryFile(PNG, 'one.png', 'image/png') }),
				withFiles({ photo: binaryFile(JPEG, 'two.jpg', 'image/jpeg') }),
			],
		});
		expect(mock.requests.map(partsOf)).toEqual([
			{ fields: { alt: 'First', title: 'One' }, files: [{ field: 'file', filename: 'one.png', contentType: 'image/png', data: PNG.toString('hex') }] },
			{ fields: {}, files: [{ field: 'file', filename: 'two.jpg', contentType: 'image/jpeg', data: JPEG.toString('hex') }] },
		]);
		expect(output.map((item) => [item.json.id, item.json.name, item.pairedItem])).toEqual([
			[1, 'one.png', { item: 0 }],
			[2, 'two.jpg', { item: 1 }],
		]);
	});

	it('with Continue On Fail, outputs an error item for a bad item and goes on', async () => {
		const output = await runTjar(mock, {
			parameters: upload(),
			continueOnFail: true,
			items: [{ json: {} }, withFiles({ data: binaryFile(PNG, 'ok.png', 'image/png') })],
		});
		expect(output).toEqual([
			{ json: { error: 'Item 0 has no binary field "data"', description: expect.stringMatching(/no binary fields at all/) }, pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ id: 1, name: 'ok.png' }), pairedItem: { item: 1 } },
		]);
		expect(mock.requests).toHaveLength(1);
	});
});

describe('Upload Many', () => {
	const uploadMany = (extra: Record<string, unknown> = {}) => ({
		resource: 'media',
		operation: 'uploadMany',
		allBinaryFields: false,
		binaryPropertyNames: 'data',
		...extra,
	});
	const threeFiles = () =>
		withFiles({
			data: binaryFile(PNG, 'main.png', 'image/png'),
			image_1: binaryFile(JPEG, 'side.jpg', 'image/jpeg'),
			image_2: binaryFile('GIF89a', 'انمي.gif', 'image/gif'),
		});

	it('sends the named fields as "files[]" parts in the given order and outputs one item per file', async () => {
		const output = await runTjar(mock, { parameters: uploadMany({ binaryPropertyNames: 'image_2, data,image_2' }), items: [threeFiles()] });

		expect(mock.requests).toHaveLength(1);
		const [request] = mock.requests;
		expect([request.method, request.path]).toEqual(['POST', '/media/multiple']);
		expect(partsOf(request)).toEqual({
			fields: {},
			files: [
				{ field: 'files[]', filename: 'انمي.gif', contentType: 'image/gif', data: Buffer.from('GIF89a').toString('hex') },
				{ field: 'files[]', filename: 'main.png', contentType: 'image/png', data: PNG.toString('hex') },
			],
		});
		expect(output).toEqual([
			{ json: mock.state.media[0], pairedItem: { item: 0 } },
			{ json: mock.state.media[1], pairedItem: { item: 0 } },
		]);
		expect(output.map((item) => item.json.id)).toEqual([1, 2]);
	});

	it('with All Binary Fields of the Item, uploads every file the item carries', async () => {
		const output = await runTjar(mock, { parameters: uploadMany({ allBinaryFields: true, binaryPropertyNames: 'ignored' }), items: [threeFiles()] });
		expect(mock.requests[0].multipart?.files.map((file) => [file.field, file.filename])).toEqual([
			['files[]', 'main.png'],
			['files[]', 'side.jpg'],
			['files[]', 'انمي.gif'],
		]);
		expect(output.map((item) => item.json.name)).toEqual(['main.png', 'side.jpg', 'انمي.gif']);
	});

	it('stops before any request when one named field is missing', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: uploadMany({ binaryPropertyNames: 'data, image_9' }), items: [threeFiles()] }));
		expect(error.message).toBe('Item 0 has no binary field "image_9"');
		expect(error.description).toBe("This item's binary fields are: data, image_1, image_2. Set the Input Binary Field to one of them.");
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses an empty list of fields, and an item without files when All Binary Fields is on', async () => {
		const empty = await rejectionOf(runTjar(mock, { parameters: uploadMany({ binaryPropertyNames: ' , ' }), items: [threeFiles()] }));
		expect(empty.message).toBe('The Input Binary Fields are empty');
		const none = await rejectionOf(runTjar(mock, { parameters: uploadMany({ allBinaryFields: true }), items: [{ json: {} }] }));
		expect(none.message).toBe('Item 0 has no binary fields to upload');
		expect(mock.requests).toHaveLength(0);
	});

	it('uploads per item, each with its own fields', async () => {
		const output = await runTjar(mock, {
			parameters: [uploadMany({ binaryPropertyNames: 'data' }), uploadMany({ allBinaryFields: true })],
			items: [threeFiles(), withFiles({ a: binaryFile('A', 'a.txt', 'text/plain'), b: binaryFile('B', 'b.txt', 'text/plain') })],
		});
		expect(mock.requests.map((request) => request.multipart?.files.map((file) => file.filename))).toEqual([['main.png'], ['a.txt', 'b.txt']]);
		expect(output.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['main.png', { item: 0 }],
			['a.txt', { item: 1 }],
			['b.txt', { item: 1 }],
		]);
	});
});

describe('Update', () => {
	const update = (extra: Record<string, unknown> = {}) => ({
		resource: 'media',
		operation: 'update',
		mediaId: byId(1),
		replaceFile: false,
		binaryPropertyName: 'data',
		updateFields: {},
		...extra,
	});
	const seedOne = async () =>
		await runTjar(mock, { parameters: upload(), items: [withFiles({ data: binaryFile(PNG, 'old.png', 'image/png') })] }).then(() => mock.clearRequests());

	it('changes alt text and title with POST /media/{id} and _method=PUT, sending no file', async () => {
		await seedOne();
		const output = await runTjar(mock, { parameters: update({ updateFields: { alt: 'نص بديل', title: 'New title' } }) });
		const [request] = mock.requests;
		expect([request.method, request.path]).toEqual(['POST', '/media/1']);
		expect(partsOf(request)).toEqual({ fields: { _method: 'PUT', alt: 'نص بديل', title: 'New title' }, files: [] });
		expect(output).toEqual([{ json: expect.objectContaining({ id: 1, name: 'old.png', alt: 'نص بديل', title: 'New title' }), pairedItem: { item: 0 } }]);
	});

	it('replaces the file from the input item', async () => {
		await seedOne();
		const output = await runTjar(mock, {
			parameters: update({ replaceFile: true, binaryPropertyName: 'photo' }),
			items: [withFiles({ photo: binaryFile(JPEG, 'جديد.jpg', 'image/jpeg') })],
		});
		expect(partsOf(mock.requests[0])).toEqual({
			fields: { _method: 'PUT' },
			files: [{ field: 'file', filename: 'جديد.jpg', contentType: 'image/jpeg', data: JPEG.toString('hex') }],
		});
		expect(output[0].json).toMatchObject({ id: 1, name: 'جديد.jpg', mime_type: 'image/jpeg', size: JPEG.length });
	});

	it('sends Extra Fields (JSON) as form fields after alt and title, nested keys in brackets, and may be all it sends', async () => {
		await seedOne();
		await runTjar(mock, {
			parameters: [
				update({ updateFields: { alt: 'Alt', extraFieldsJson: '{"title": "From JSON", "meta": {"featured": true}}' } }),
				update({ updateFields: { extraFieldsJson: { folder: 'products' } } }),
			],
		});
		expect(mock.requests.map((request) => partsOf(request).fields)).toEqual([
			{ _method: 'PUT', alt: 'Alt', title: 'From JSON', 'meta[featured]': '1' },
			{ _method: 'PUT', folder: 'products' },
		]);
	});

	it('names the item whose Extra Fields (JSON) is not JSON, before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update({ updateFields: { extraFieldsJson: '{folder: products}' } }) }));
		expect(error.message).toBe('Extra Fields (JSON) in item 0 is not valid JSON');
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses to send an update that changes nothing', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update() }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Nothing to update for media file 1');
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses an empty Media ID before any request', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update({ mediaId: byId('  '), updateFields: { alt: 'x' } }) }));
		expect(error.message).toBe('The Media ID is empty');
		expect(mock.requests).toHaveLength(0);
	});

	it('reports an unknown media file as 404', async () => {
		const error = await rejectionOf(runTjar(mock, { parameters: update({ mediaId: byId(999), updateFields: { title: 'x' } }) }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Media file "999" was not found (404)');
		expect(mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /media/999']);
	});

	it('names the missing binary field when Replace File is on', async () => {
		await seedOne();
		const error = await rejectionOf(runTjar(mock, { parameters: update({ replaceFile: true }), items: [{ json: {} }] }));
		expect(error.message).toBe('Item 0 has no binary field "data"');
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Node description of Media, Webhook and Abandoned Cart', () => {
	it.each(['media', 'webhook', 'abandonedCart'])('%s: every operation in the dropdown has a handler, and every field is shown only for it', (name) => {
		const resource = resources[name];
		const [operation, ...fields] = resource.description;
		expect(operation).toMatchObject({ name: 'operation', noDataExpression: true, displayOptions: { show: { resource: [name] } } });
		const values = (operation.options as Array<{ value: string; action: string }>).map((option) => option.value);
		expect(values.sort()).toEqual(Object.keys(resource.operations).sort());
		for (const field of fields) {
			expect(field.displayOptions?.show?.resource).toEqual([name]);
			expect(values).toEqual(expect.arrayContaining(field.displayOptions?.show?.operation as string[]));
			expect(field.displayName).toMatch(/^([A-Z(][\w()]*|of|the|or|ID|URL|JSON)( ([A-Z(][\w()]*|of|the|or|ID|URL|JSON))*$/);
		}
		expect(resourceOptions.map((option) => option.value)).toContain(name);
	});
});
