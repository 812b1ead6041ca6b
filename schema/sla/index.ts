export * from './schedule.js';
export * from './sla-definition.js';
export { BusinessCalendar, durationMs } from './business-time.js';
export { scheduleProblems } from './schedule-problems.js';
export { slaDefinitionProblems } from './sla-definition-problems.js';
