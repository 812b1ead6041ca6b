export * from './routing-rule.js';
