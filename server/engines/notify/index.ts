export { queueNotification, type NotificationRequest } from './queue-notification.js';
