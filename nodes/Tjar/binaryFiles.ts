import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MultipartFile } from '../shared/multipart';

/**
 * A file stored in a JSON field (n8n's "combined" binary mode): what n8n-workflow 2.x's `isBinaryValue`
 * checks. Kept here because n8n 1.x's n8n-workflow does not export that function, and the package must
 * load and upload there too.
 */
function isFileValue(value: unknown): value is IBinaryData {
	return typeof value === 'object' && value !== null && 'mimeType' in value && ('data' in value || 'id' in value);
}

/** The "Input Binary Field" parameter (`binaryPropertyName`), read back with `readItemFile`. */
export function inputBinaryField(description: string, displayOptions: INodeProperties['displayOptions'], hint?: string): INodeProperties {
	return {
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		placeholder: 'e.g. data',
		description,
		hint,
		displayOptions,
	};
}

/**
 * The names of the files an input item carries: its binary properties, plus (in n8n's "combined"
 * binary mode) the top-level JSON fields that hold a file.
 */
export function binaryPropertyNames(this: IExecuteFunctions, itemIndex: number): string[] {
	const item = this.getInputData()[itemIndex];
	const names = Object.keys(item?.binary ?? {});
	for (const [key, value] of Object.entries(item?.json ?? {})) {
		if (isFileValue(value) && !names.includes(key)) names.push(key);
	}
	return names;
}

/** A binary property, or (combined mode) a JSON path such as `files.photo` that holds a file. */
function hasFile(item: INodeExecutionData | undefined, name: string): boolean {
	if (item?.binary?.[name]) return true;
	const value = name.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as IDataObject)[key] : undefined), item?.json);
	return isFileValue(value);
}

/** "data, image_2 ,data" → ["data", "image_2"]. */
export function splitPropertyNames(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(parts.map((part) => part.trim()).filter((part) => part !== ''))];
}

function missingFileError(this: IExecuteFunctions, itemIndex: number, property: string): NodeOperationError {
	const available = binaryPropertyNames.call(this, itemIndex);
	const description = available.length
		? `This item's binary fields are: ${available.join(', ')}. Set the Input Binary Field to one of them.`
		: 'This item has no binary fields at all. Put a node that outputs a file before this one, e.g. HTTP Request with Response Format "File", or Read/Write Files from Disk.';
	return new NodeOperationError(this.getNode(), `Item ${itemIndex} has no binary field "${property}"`, {
		itemIndex,
		description,
	});
}

/**
 * Reads one file of an input item, ready to be sent as the multipart part `field`, keeping its file
 * name and MIME type. A missing property is an error that names it and lists the ones the item has.
 */
export async function readItemFile(
	this: IExecuteFunctions,
	itemIndex: number,
	property: string,
	field: string,
): Promise<MultipartFile> {
	const name = property.trim();
	if (name === '') {
		throw new NodeOperationError(this.getNode(), 'The Input Binary Field is empty', {
			itemIndex,
			description: 'Enter the name of the binary field that holds the file, e.g. data.',
		});
	}
	if (!hasFile(this.getInputData()[itemIndex], name)) throw missingFileError.call(this, itemIndex, name);

	const binary: IBinaryData = this.helpers.assertBinaryData(itemIndex, name);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	const extension = binary.fileExtension ? `.${binary.fileExtension}` : '';
	return {
		field,
		data,
		fileName: binary.fileName || `${name}${extension}`,
		mimeType: binary.mimeType || 'application/octet-stream',
	};
}
