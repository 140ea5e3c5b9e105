/**
 * shared/ledger — reading Excel ledgers (台账): cells, header detection and column
 * guessing, exact value parsing, row reading. Pure TypeScript (browser-safe): the
 * backend runs it for the preview and the import, the renderer for the mapping step.
 */
export * from './cells';
export * from './fields';
export * from './headers';
export * from './messages';
export * from './rows';
export * from './values';
