import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { METHOD_OVERRIDE_FIELD } from '../../../shared/endpoints';
import { buildMultipartBody, type MultipartFile } from '../../../shared/multipart';
import { tjarRequest } from '../../../shared/transport';
import { inputBinaryField, readItemFile } from '../../binaryFiles';
import { collectionField, idLocatorField, showFor } from '../../fields';
import { requiredId, toBoolean } from '../../parameters';
import { MEDIA_FORM, mediaMetadataOptions, mediaRecord, mediaFormFields } from './form';

const shown = { resource: 'media', operations: ['update'] };

export const updateDescription: INodeProperties[] = [
	idLocatorField({
		...shown,
		name: 'mediaId',
		label: 'Media',
		example: '318',
		description: 'The ID of the media file to change, e.g. the ID returned by Upload ({{ $json.id }})',
	}),
	{
		displayName: 'Replace File',
		name: 'replaceFile',
		type: 'boolean',
		default: false,
		description: 'Whether to replace the stored file with a file of the input item',
		displayOptions: showFor(shown),
	},
	inputBinaryField(
		'The name of the binary field of the input item that holds the new file',
		showFor(shown, { replaceFile: [true] }),
	),
	collectionField(shown, { displayName: 'Update Fields', name: 'updateFields', options: mediaMetadataOptions }),
];

export async function update(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requiredId.call(this, 'mediaId', itemIndex, 'Media');
	const fields = mediaFormFields.call(this, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, itemIndex);
	const files: MultipartFile[] = [];
	if (toBoolean.call(this, this.getNodeParameter('replaceFile', itemIndex, false), 'Replace File', itemIndex)) {
		const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		files.push(await readItemFile.call(this, itemIndex, property, MEDIA_FORM.file));
	}
	if (files.length === 0 && fields.length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update for media file ${id}`, {
			itemIndex,
			description: 'Turn on Replace File, or add Alt Text, Title or Extra Fields (JSON) under Update Fields.',
		});
	}
	// Laravel reads multipart bodies only on POST, hence POST with `_method=PUT` (TJAR-API.md #22).
	const multipart = buildMultipartBody([[METHOD_OVERRIDE_FIELD, 'PUT'], ...fields], files);
	return mediaRecord(await tjarRequest.call(this, 'media.update', { identifier: id, multipart, itemIndex }));
}
