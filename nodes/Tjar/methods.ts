import type { INodeType } from 'n8n-workflow';

/** loadOptions and listSearch used by the action node's dropdowns and resource locators. */
export const methods: INodeType['methods'] = { loadOptions: {}, listSearch: {} };
