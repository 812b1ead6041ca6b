export * from './tables.js';
export * from './sla-tables.js';
export * from './notify-tables.js';
export * from './routing-tables.js';
export * from './flow-tables.js';
