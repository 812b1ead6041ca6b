import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../config.js';
import { DomainError } from '../../domain-error.js';
import { checkVariables } from './check-variables.js';

/**
 * Checks a request's variables (nesting, NUL characters) once the operation is resolved: before the fast path
 * (`responseForOperation`) and before execution, where graphql-js coerces them by recursion. A refusal is a 400
 * with the domain error's code and details; Apollo answers an error thrown from this hook with 500 unless the
 * error carries its HTTP status.
 */
export function inputLimitsPlugin(limits: InputLimits = DEFAULT_INPUT_LIMITS): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          try {
            checkVariables(rc.request.variables, limits.maxVariablesDepth);
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            throw new GraphQLError(err.message, { originalError: err, extensions: { http: { status: 400 } } });
          }
        },
      };
    },
  };
}
