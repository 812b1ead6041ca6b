export { EngineHost, SYSTEM_ACTOR, type EngineHostOptions } from './engine-host.js';
export type { Engine, EngineContext, TimerTick } from './engine.js';
export { ENGINES } from './engines.js';
export { ManualClock, systemClock, type Clock } from './clock.js';
export { JobQueue, type DeadJob, type JobContext, type JobHandler, type JobKindOptions, type SendOptions } from './jobs/job-queue.js';
export { recordValues } from './record-values.js';
