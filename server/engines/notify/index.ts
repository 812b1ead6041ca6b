export { queueNotification, type NotificationRequest } from './queue-notification.js';
export { notifyEngine } from './notify-engine.js';
export { webhookSignature } from './webhook-signature.js';
export { MAX_ATTEMPTS, retryDelayMs } from './delivery-policy.js';
export { listNotifications, type NotificationFilter } from './list-notifications.js';
export { myNotifications } from './my-notifications.js';
export { retryNotification } from './retry-notification.js';
export { notificationCursor, type NotificationPage } from './notification-page.js';
export type { NotificationRow } from './notification-row.js';
