export * from './routing-rule.js';
export * from './routing-rule-problems.js';
