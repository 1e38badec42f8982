import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toBracketFields } from '../../../shared/multipart';
import { extraFieldsOption } from '../../fields';
import { extraFieldsJson } from '../../parameters';

/**
 * ASSUMED multipart field names of the media endpoints (TJAR-API.md §2 #20–#22), kept in one place so
 * that a store that names them differently is fixed with one line.
 */
export const MEDIA_FORM = {
	file: 'file',
	files: 'files[]',
	alt: 'alt',
	title: 'title',
} as const;

/** Alt Text, Title and Extra Fields (JSON), offered on Upload (Additional Fields) and Update (Update Fields). */
export const mediaMetadataOptions: INodeProperties[] = [
	{
		displayName: 'Alt Text',
		name: 'alt',
		type: 'string',
		default: '',
		placeholder: 'e.g. قهوة عربية في دلة نحاسية',
		description: 'Text that describes the image for screen readers and search engines, e.g. "Arabic coffee in a copper dallah"',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Premium Arabic Coffee',
		description: 'A title for the file in the media library',
	},
	extraFieldsOption('{"folder": "products"}; sent as form fields, nested keys as folder[name]'),
];

/**
 * The form fields the user chose: alt and title (an empty value is sent, so that it can clear the old
 * one), then Extra Fields (JSON), last so that they win (the form parser keeps a repeated key's last value).
 */
export function mediaFormFields(this: IExecuteFunctions, values: IDataObject, itemIndex: number): Array<[string, string]> {
	const parts: Array<[string, string]> = [];
	if (values.alt !== undefined && values.alt !== null) parts.push([MEDIA_FORM.alt, String(values.alt)]);
	if (values.title !== undefined && values.title !== null) parts.push([MEDIA_FORM.title, String(values.title)]);
	return [...parts, ...toBracketFields(extraFieldsJson.call(this, values.extraFieldsJson, itemIndex))];
}

/** A media answer as one output item; the id sits at `data.id` (ASSUMED, TJAR-API.md §5). */
export function mediaRecord(data: unknown): IDataObject {
	if (Array.isArray(data)) return (data[0] as IDataObject | undefined) ?? {};
	return data && typeof data === 'object' ? (data as IDataObject) : {};
}
