export * from './field-types.js';
export * from './names.js';
export * from './record-type.js';
export * from './model.js';
export * from './validate.js';
export * from './default-problem.js';
export * from './reverse-connections.js';
export * from './storable-text.js';
