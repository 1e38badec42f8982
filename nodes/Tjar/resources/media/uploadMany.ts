import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildMultipartBody } from '../../../shared/multipart';
import { extractList } from '../../../shared/pagination';
import { tjarRequest } from '../../../shared/transport';
import { binaryPropertyNames, readItemFile, splitPropertyNames } from '../../binaryFiles';
import { showFor } from '../../fields';
import { toBoolean } from '../../parameters';
import { MEDIA_FORM, mediaRecord } from './form';

const shown = { resource: 'media', operations: ['uploadMany'] };

export const uploadManyDescription: INodeProperties[] = [
	{
		displayName: 'All Binary Fields of the Item',
		name: 'allBinaryFields',
		type: 'boolean',
		default: false,
		description: 'Whether to upload every file the input item carries, whatever the names of its binary fields',
		displayOptions: showFor(shown),
	},
	{
		displayName: 'Input Binary Fields',
		name: 'binaryPropertyNames',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data, image_1, image_2',
		description: 'The names of the binary fields that hold the files, separated by commas',
		hint: 'One output item per uploaded file, in this order; use {{ $json.id }} of each as a gallery media ID',
		displayOptions: showFor(shown, { allBinaryFields: [false] }),
	},
];

export async function uploadMany(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const all = toBoolean.call(this, this.getNodeParameter('allBinaryFields', itemIndex, false), 'All Binary Fields of the Item', itemIndex);
	const names = all
		? binaryPropertyNames.call(this, itemIndex)
		: splitPropertyNames(this.getNodeParameter('binaryPropertyNames', itemIndex));
	if (names.length === 0) {
		throw new NodeOperationError(this.getNode(), all ? `Item ${itemIndex} has no binary fields to upload` : 'The Input Binary Fields are empty', {
			itemIndex,
			description: all
				? 'Put a node that outputs files before this one, e.g. HTTP Request with Response Format "File".'
				: 'Enter the names of the binary fields that hold the files, e.g. data, image_1.',
		});
	}

	const files = [];
	for (const name of names) files.push(await readItemFile.call(this, itemIndex, name, MEDIA_FORM.files));
	const data = await tjarRequest.call(this, 'media.uploadMany', { multipart: buildMultipartBody([], files), itemIndex });
	const records = extractList(data);
	return records.length > 0 ? records : [mediaRecord(data)];
}
