export * from './business-unit.js';
export * from './case-type.js';
export * from './state-model.js';
export * from './business-unit-problems.js';
export * from './case-type-problems.js';
export * from './state-model-problems.js';
