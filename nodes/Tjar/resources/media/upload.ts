import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { buildMultipartBody } from '../../../shared/multipart';
import { tjarRequest } from '../../../shared/transport';
import { inputBinaryField, readItemFile } from '../../binaryFiles';
import { collectionField, showFor } from '../../fields';
import { MEDIA_FORM, mediaMetadataOptions, mediaRecord, mediaFormFields } from './form';

const shown = { resource: 'media', operations: ['upload'] };

export const uploadDescription: INodeProperties[] = [
	inputBinaryField(
		'The name of the binary field of the input item that holds the file to upload',
		showFor(shown),
		'The output carries the media ID: use {{ $json.id }} as the Image ID of a product',
	),
	collectionField(shown, { displayName: 'Additional Fields', name: 'additionalFields', options: mediaMetadataOptions }),
];

export async function upload(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const property = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await readItemFile.call(this, itemIndex, property, MEDIA_FORM.file);
	const metadata = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const multipart = buildMultipartBody(mediaFormFields.call(this, metadata, itemIndex), [file]);
	return mediaRecord(await tjarRequest.call(this, 'media.upload', { multipart, itemIndex }));
}
