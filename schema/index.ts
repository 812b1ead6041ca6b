export * from './metadata/index.js';
export * from './platform/index.js';
export * from './condition/index.js';
export * from './access/index.js';
export * from './case/index.js';
export * from './form/index.js';
export * from './sla/index.js';
export * from './routing/index.js';
