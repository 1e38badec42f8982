/**
 * Imported first by runWorkflow.ts, before n8n-core: n8n's logger would print every node error that an
 * engine test provokes on purpose. Set N8N_LOG_LEVEL yourself to see them.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';
