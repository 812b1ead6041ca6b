export { checkVariables, nulRefused } from './check-variables.js';
export { inputLimitsPlugin } from './input-limits-plugin.js';
export { literalLimitsRule } from './literal-limits-rule.js';
export { subscriptionInputChecks } from './subscription-input-checks.js';
