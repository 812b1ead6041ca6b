import { specifiedRules, validate, type GraphQLError, type GraphQLSchema, type DocumentNode, type ValidationRule } from 'graphql';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../config.js';
import { DomainError } from '../../domain-error.js';
import { toGraphQLError } from '../errors.js';
import { checkVariables } from './check-variables.js';
import { literalLimitsRule } from './literal-limits-rule.js';

/**
 * The same input checks for operations over the WebSocket (graphql-ws runs no Apollo plugin or rule): options to
 * spread into `useServer`. `shapeRules` are the query-shape rules HTTP applies too (depth, aliases, cost).
 * Refusals reach the client as an error message for that operation.
 */
export function subscriptionInputChecks(limits: InputLimits = DEFAULT_INPUT_LIMITS, shapeRules: readonly ValidationRule[] = []) {
  const rules = [...specifiedRules, ...shapeRules, literalLimitsRule(limits)];
  return {
    onSubscribe(_ctx: unknown, _id: string, payload: { variables?: Record<string, unknown> | null }): readonly GraphQLError[] | undefined {
      try {
        checkVariables(payload.variables, limits.maxVariablesDepth);
        return undefined;
      } catch (err) {
        if (err instanceof DomainError) return [toGraphQLError(err)];
        throw err;
      }
    },
    validate: (schema: GraphQLSchema, document: DocumentNode) => validate(schema, document, rules),
  };
}
