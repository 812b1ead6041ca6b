export * from './notification-template.js';
export * from './webhook.js';
export * from './template-placeholders.js';
export { notificationTemplateProblems } from './notification-template-problems.js';
export { webhookProblems } from './webhook-problems.js';
