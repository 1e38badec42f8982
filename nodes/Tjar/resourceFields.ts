import type { INodeProperties } from 'n8n-workflow';

/** Field builders of the Media, Webhook and Abandoned Cart resources. */

/** Where a field is shown: one resource, some of its operations. */
export interface ShownFor {
	resource: string;
	operations: string[];
}

export const showFor = ({ resource, operations }: ShownFor): INodeProperties['displayOptions'] => ({
	show: { resource: [resource], operation: operations },
});

export interface IdFieldOptions extends ShownFor {
	/** Parameter name, read back with `requiredId`. */
	name: string;
	/** What the ID belongs to, e.g. "Webhook". */
	label: string;
	/** A typical value, shown as placeholder. */
	example: string;
	description: string;
}

/**
 * A required ID as a resource locator with only "By ID" (media, webhooks and carts have no search), so
 * that a "From List" mode can be added later without breaking saved workflows.
 */
export function idLocatorField(options: IdFieldOptions): INodeProperties {
	return {
		displayName: `${options.label} ID`,
		name: options.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: 'id', value: '' },
		description: options.description,
		displayOptions: showFor(options),
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${options.example}`,
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: `Not a valid ${options.label} ID: enter a number, e.g. ${options.example}` },
					},
				],
			},
		],
	};
}

/** An "Additional Fields" / "Update Fields" collection of some operations. */
export function collectionField(
	shown: ShownFor,
	field: Pick<INodeProperties, 'displayName' | 'name' | 'options'> & Partial<INodeProperties>,
): INodeProperties {
	return { type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: showFor(shown), ...field };
}
