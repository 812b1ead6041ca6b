export * from './condition.js';
export {
  checkCondition,
  dynamicTarget,
  planFieldTest,
  type ConditionLiteral,
  type ConditionOperand,
  type ConditionStep,
  type FieldTestPlan,
  type FieldTestProblem,
} from './check-condition.js';
export { evaluateCondition } from './evaluate-condition.js';
export { dynamicValueOf, resolveOperand, type ResolvedOperand } from './resolve-operand.js';
export { referencePaths } from './reference-paths.js';
