/** The four product resources: one set of fields and handlers serves them all. */
export type ProductResource = 'product' | 'digitalProduct' | 'bookingProduct' | 'serviceProduct';

export interface ProductKind {
	resource: ProductResource;
	/** Title Case, for field names: "Digital Product". */
	displayName: string;
	/** Lower case, for sentences: "digital product". */
	noun: string;
}

const kind = (resource: ProductResource, displayName: string): ProductKind => ({
	resource,
	displayName,
	noun: displayName.toLowerCase(),
});

export const PRODUCT = kind('product', 'Product');
export const DIGITAL_PRODUCT = kind('digitalProduct', 'Digital Product');
export const BOOKING_PRODUCT = kind('bookingProduct', 'Booking Product');
export const SERVICE_PRODUCT = kind('serviceProduct', 'Service Product');
