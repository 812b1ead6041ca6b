export * from './compile/index.js';
export { buildGraphInfo, type GraphInfo, type TypeInfo, type ReverseInfo, type RootCompiler } from './record-info.js';
export { SchemaMove } from './schema-move.js';
export { StatementCache } from './statement-cache.js';
export { mapReadError, mapWriteError, readRows } from './database-error.js';
export { fromGlobalId, toGlobalId, type DecodedId } from './global-id.js';
export * from './write/index.js';
export * from './form/index.js';
export * from './kpi/index.js';
