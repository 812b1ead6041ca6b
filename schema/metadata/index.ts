export * from './auto-field.js';
export * from './field-types.js';
export * from './names.js';
export * from './record-type.js';
export * from './model.js';
export * from './validate.js';
