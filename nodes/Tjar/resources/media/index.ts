import type { TjarResource } from '../../types';
import { update, updateDescription } from './update';
import { upload, uploadDescription } from './upload';
import { uploadMany, uploadManyDescription } from './uploadMany';

/** Media: files uploaded from input items' binary data; the returned id feeds a product's `image_id`. */
export const mediaResource: TjarResource = {
	description: [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: ['media'] } },
			options: [
				{
					name: 'Update',
					value: 'update',
					description: 'Replace the file of a media item, or change its alt text or title',
					action: 'Update a media file',
				},
				{
					name: 'Upload',
					value: 'upload',
					description: 'Upload a file of the input item to the store’s media library',
					action: 'Upload a media file',
				},
				{
					name: 'Upload Many',
					value: 'uploadMany',
					description: 'Upload several files of the input item in one request',
					action: 'Upload many media files',
				},
			],
			default: 'upload',
		},
		...uploadDescription,
		...uploadManyDescription,
		...updateDescription,
	],
	operations: { upload, uploadMany, update },
};
