export * from './form.js';
export * from './ui-policy.js';
export * from './form-problems.js';
export * from './ui-policy-problems.js';
export * from './evaluate-ui-policies.js';
export * from './pick-form.js';
export * from './follow-field-renames.js';
