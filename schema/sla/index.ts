export * from './schedule.js';
export * from './sla-definition.js';
export { BusinessCalendar, durationMs } from './business-time.js';
