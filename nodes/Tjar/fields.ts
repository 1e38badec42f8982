import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * The field builders every resource uses. Their values are read back with parameters.ts. Parameter
 * names and defaults end up in saved workflows: a builder may change how a field looks, never those.
 */

/** Where a field is shown: one resource, some of its operations. */
export interface ShownFor {
	resource: string;
	operations: string[];
}

/** `conditions` narrows it further, e.g. `{ returnAll: [false] }`. */
export const showFor = (
	{ resource, operations }: ShownFor,
	conditions: NonNullable<IDisplayOptions['show']> = {},
): IDisplayOptions => ({
	show: { resource: [resource], operation: operations, ...conditions },
});

/** The Return All / Limit pair of a Get Many operation, read back with `readLimit`. */
export function returnAllFields(shown: ShownFor): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(shown),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			description: 'Max number of results to return',
			displayOptions: showFor(shown, { returnAll: [false] }),
		},
	];
}

export interface IdLocatorOptions extends ShownFor {
	/** Parameter name, read back with `requiredId`. */
	name: string;
	/** What the ID belongs to, in Title Case, e.g. "Order", "Abandoned Cart". */
	label: string;
	/** A typical ID, for the placeholder and the error message, e.g. "57". */
	example: string;
	description: string;
	hint?: string;
	/** A listSearch method of methods.ts; adds a "From List" mode, which then is the default mode. */
	searchListMethod?: string;
}

/**
 * A required ID as a resource locator. Resources without a search get only "By ID", so that a
 * "From List" mode can be added later without breaking saved workflows.
 */
export function idLocatorField(options: IdLocatorOptions): INodeProperties {
	const { label, example, searchListMethod } = options;
	return {
		// A field with a list names the record ("Order"); one that only takes an ID says so ("Webhook ID").
		displayName: searchListMethod ? label : `${label} ID`,
		name: options.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: searchListMethod ? 'list' : 'id', value: '' },
		description: options.description,
		hint: options.hint,
		displayOptions: showFor(options),
		modes: [
			...(searchListMethod
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							placeholder: `Select ${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label.toLowerCase()}...`,
							typeOptions: { searchListMethod, searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${example}`,
				validation: [
					{
						type: 'regex',
						// Arabic-Indic and Persian digits too: `requiredId` reads them as 0-9.
						properties: { regex: '^\\s*[0-9\\u0660-\\u0669\\u06f0-\\u06f9]+\\s*$', errorMessage: `Not a valid ${label} ID: enter a number, e.g. ${example}` },
					},
				],
			},
		],
	};
}

/** An "Additional Fields" / "Update Fields" / "Filters" collection of some operations. */
export function collectionField(
	shown: ShownFor,
	field: Pick<INodeProperties, 'displayName' | 'name' | 'options'> & Partial<INodeProperties>,
): INodeProperties {
	return { type: 'collection', placeholder: 'Add Field', default: {}, displayOptions: showFor(shown), ...field };
}

/** The "Filters" collection of a Get Many operation. */
export function filtersField(shown: ShownFor, options: INodeProperties[]): INodeProperties {
	return collectionField(shown, { displayName: 'Filters', name: 'filters', placeholder: 'Add Filter', options });
}

/** The Date From / Date To filters of a Get Many, read back with `toTjarDate`. */
export function dateRangeOptions(fromDescription: string, toDescription: string): INodeProperties[] {
	const hint = 'Only the day is sent (YYYY-MM-DD); the time of day is ignored';
	return [
		{ displayName: 'Date From', name: 'dateFrom', type: 'dateTime', default: '', description: fromDescription, hint },
		{ displayName: 'Date To', name: 'dateTo', type: 'dateTime', default: '', description: toDescription, hint },
	];
}

/** The "Extra Fields (JSON)" option of a collection, read back with `extraFieldsJson`. */
export function extraFieldsOption(example: string): INodeProperties {
	return {
		displayName: 'Extra Fields (JSON)',
		name: 'extraFieldsJson',
		type: 'json',
		default: '{}',
		description: `Fields the Tjar docs do not show, as a JSON object merged into the request (its keys win over the fields above), e.g. ${example}`,
	};
}
