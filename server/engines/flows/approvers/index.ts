export { resolveApprovers } from './resolve-approvers.js';
export { sourceLabel } from './source-people.js';
