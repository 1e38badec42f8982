import type { INodePropertyOptions } from 'n8n-workflow';

import type { TjarResource } from '../types';

/**
 * Every resource of the action node. Each folder exports a TjarResource: its fields and a handler per
 * operation. The paths they call live in nodes/shared/endpoints.ts.
 */
export const resources: Record<string, TjarResource> = {};

export const resourceOptions: INodePropertyOptions[] = [];
