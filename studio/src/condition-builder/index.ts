export { ConditionBuilder, type ConditionBuilderProps } from './ConditionBuilder.js';
export { summarizeCondition } from './summarize-condition.js';
