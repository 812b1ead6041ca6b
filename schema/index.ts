export * from './metadata/index.js';
export * from './platform/index.js';
export * from './condition/index.js';
export * from './access/index.js';
