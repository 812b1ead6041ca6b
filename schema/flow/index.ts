export * from './flow.js';
export { flowProblems } from './flow-problems.js';
export * from './run/flow-state.js';
