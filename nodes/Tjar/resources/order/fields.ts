import type { INodeProperties } from 'n8n-workflow';

import { collectionField, idLocatorField, showFor } from '../../fields';

/** Fields shared by several order operations. Parameter names inside collections are Tjar's own keys. */

export const ORDER = 'order';

export const orderLocator = (operations: string[]): INodeProperties =>
	idLocatorField({
		resource: ORDER,
		operations,
		name: 'orderId',
		label: 'Order',
		example: '57',
		searchListMethod: 'searchOrders',
		description: 'The order to use: pick it from the list, or enter its numeric ID',
		hint: 'The order ID (e.g. 57), not the order number customers see (order_id, e.g. 260684). The list shows both.',
	});

/** Status dropdown filled from Get Statuses; an expression may give the status value instead. */
export const orderStatusOption = {
	displayName: 'Status Name or ID',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getOrderStatuses' },
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
} as const;

export const customerCollection = (operations: string[]): INodeProperties =>
	collectionField({ resource: ORDER, operations }, {
		displayName: 'Customer',
		name: 'customer',
		placeholder: 'Add Customer Field',
		description: 'Who the order is for, and who receives it when that is someone else',
		options: [
			{
				displayName: 'Customer ID',
				name: 'user_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101',
				description: 'Numeric ID of the store customer, e.g. 101 (the customer ID, not their mobile number)',
			},
			{
				displayName: 'Different Recipient',
				name: 'different_recipient',
				type: 'boolean',
				default: false,
				description: 'Whether someone other than the customer receives the order; fill in the recipient fields too',
			},
			{
				displayName: 'Recipient Email',
				name: 'user_email_recipient',
				type: 'string',
				default: '',
				placeholder: 'name@email.com',
				description: 'Email of the person who receives the order, e.g. sara@example.com',
			},
			{
				displayName: 'Recipient Mobile',
				name: 'user_mobile_recipient',
				type: 'string',
				default: '',
				placeholder: 'e.g. +966501234567',
				description: 'Mobile number of the recipient in international format, e.g. +966501234567',
			},
			{
				displayName: 'Recipient Name',
				name: 'user_recipient_name',
				type: 'string',
				default: '',
				placeholder: 'e.g. سارة القحطاني',
				description: 'Full name of the recipient, Arabic or English, e.g. Sara Al-Qahtani',
			},
		],
	});

export const shippingAddressCollection = (operations: string[]): INodeProperties =>
	collectionField({ resource: ORDER, operations }, {
		displayName: 'Shipping Address',
		name: 'shipping_address',
		placeholder: 'Add Address Field',
		description: 'Where the order is delivered. Country, city and shipping method are IDs from your Tjar store settings.',
		options: [
			{
				displayName: 'Address',
				name: 'address',
				type: 'string',
				default: '',
				placeholder: 'e.g. King Fahd Road, Al Olaya',
				description: 'Street, district and building, e.g. King Fahd Road, Al Olaya, building 12',
			},
			{
				displayName: 'City ID',
				name: 'city_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3',
				description: 'Numeric ID of the city in your store, e.g. 3 (not the city name)',
			},
			{
				displayName: 'Country ID',
				name: 'country_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 1',
				description: 'Numeric ID of the country in your store, e.g. 1 (not the country name)',
			},
			{
				displayName: 'Shipping Method ID',
				name: 'shipping_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2',
				description: 'Numeric ID of the shipping method (carrier) to use, e.g. 2',
			},
			{
				displayName: 'Zip Code',
				name: 'zip_code',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12211',
				description: 'Postal code, e.g. 12211',
			},
		],
	});

/** Order lines: `products` of Create and `products_to_add` of the legacy Edit Order use the same fields. */
export const productLinesField = (
	name: string,
	displayName: string,
	operations: string[],
	required: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Product',
	default: {},
	required,
	description: 'One entry per product line: the product ID, how many, and the variant or options chosen',
	displayOptions: showFor({ resource: ORDER, operations }),
	options: [
		{
			displayName: 'Product',
			name: 'line',
			values: [
				{
					displayName: 'Color',
					name: 'color_name',
					// eslint-disable-next-line n8n-nodes-base/node-param-color-type-unused -- a colour name such as "Black", not a colour picker
					type: 'string',
					default: '',
					placeholder: 'e.g. Black',
					description: 'Colour name of the variant as shown in the store, e.g. Black',
				},
				{
					displayName: 'Product ID',
					name: 'id',
					type: 'string',
					default: '',
					required: true,
					placeholder: 'e.g. 12',
					description: 'Numeric ID of the product, e.g. 12 (not its SKU)',
				},
				{
					displayName: 'Product Options',
					name: 'product_options',
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					placeholder: 'Add Option',
					default: {},
					description: 'Choices for product options such as engraving text or gift wrap',
					options: [
						{
							displayName: 'Option',
							name: 'option',
							values: [
								{
									displayName: 'Name',
									name: 'name',
									type: 'string',
									default: '',
									placeholder: 'e.g. Engraving',
									description: 'Option title as set on the product, e.g. Engraving',
								},
								{
									displayName: 'Type',
									name: 'type',
									type: 'options',
									default: 'text',
									description: 'Kind of option, as set on the product',
									options: [
										{ name: 'Checkbox', value: 'checkbox' },
										{ name: 'Number', value: 'number' },
										{ name: 'Radio', value: 'radio' },
										{ name: 'Text', value: 'text' },
										{ name: 'Textarea', value: 'textarea' },
									],
								},
								{
									displayName: 'Value',
									name: 'value',
									type: 'string',
									default: '',
									placeholder: 'e.g. Mohammed',
									description: 'The chosen value, e.g. Mohammed',
								},
							],
						},
					],
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					default: 1,
					typeOptions: { minValue: 1 },
					description: 'How many of this product, e.g. 2',
				},
				{
					displayName: 'Size',
					name: 'size_name',
					type: 'string',
					default: '',
					placeholder: 'e.g. XL',
					description: 'Size name of the variant as shown in the store, e.g. XL',
				},
				{
					displayName: 'Variant ID',
					name: 'variant_id',
					type: 'string',
					default: '',
					placeholder: 'e.g. 45',
					description: 'Numeric ID of the variant, for products with variants, e.g. 45. Leave empty otherwise.',
				},
			],
		},
	],
});
