export { queueNotification, type NotificationRequest } from './queue-notification.js';
export { notifyEngine } from './notify-engine.js';
export { webhookSignature } from './webhook-signature.js';
export { MAX_ATTEMPTS, retryDelayMs } from './delivery-policy.js';
