export * from './metadata/index.js';
export * from './platform/index.js';
