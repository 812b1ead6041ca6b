export * from './schedule.js';
export * from './sla-definition.js';
export { BusinessCalendar, durationMs } from './business-time.js';
export { scheduleProblems } from './schedule-problems.js';
export { slaDefinitionProblems } from './sla-definition-problems.js';
export * from './sla-clock.js';
export * from './replay-sla.js';
export { isoDuration } from './iso-duration.js';
