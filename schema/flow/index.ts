export * from './flow.js';
export { flowProblems } from './flow-problems.js';
export * from './run/flow-state.js';
export { transition } from './run/transition.js';
export { approvalOutcome } from './run/approval-outcome.js';
