export * from './form.js';
export * from './ui-policy.js';
