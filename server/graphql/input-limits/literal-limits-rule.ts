import { GraphQLError, Kind, type ASTNode, type ValidationContext, type ValidationRule } from 'graphql';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../config.js';
import { DomainError, ErrorCode } from '../../domain-error.js';
import { nulRefused } from './check-variables.js';

/**
 * A validation rule for values written in the document, the counterpart of the variables check: lists and objects
 * nested deeper than `maxVariablesDepth` (graphql-js and the JSON scalar turn them into values by recursion) and strings
 * holding a NUL character are refused, naming where. graphql-js's visitor walks with its own stack, so depth
 * here costs no recursion. The error carries a domain error, whose code and details the response keeps.
 */
export function literalLimitsRule(limits: InputLimits = DEFAULT_INPUT_LIMITS): ValidationRule {
  const maxDepth = limits.maxVariablesDepth;
  return (context: ValidationContext) => {
    let depth = 0;
    // The code also in `extensions`: graphql-ws (WebSocket) sends validation errors as they are.
    const report = (err: DomainError, node: ASTNode) => context.reportError(new GraphQLError(err.message, { nodes: [node], originalError: err, extensions: { code: err.code, ...err.details } }));
    const enter = (node: ASTNode, _key: unknown, parent: unknown, _path: unknown, ancestors: readonly unknown[]) => {
      depth += 1;
      // Reported once, where the limit is first passed; what lies deeper is not walked.
      if (depth <= maxDepth) return undefined;
      const path = literalPath([...ancestors, parent], node);
      report(new DomainError(ErrorCode.BAD_USER_INPUT, `values in the document may nest at most ${maxDepth} levels of objects and lists; ${path} is deeper`, { limit: 'maxVariablesDepth', max: maxDepth, path }), node);
      depth -= 1;
      return false;
    };
    const leave = () => {
      depth -= 1;
    };
    return {
      ListValue: { enter, leave },
      ObjectValue: { enter, leave },
      StringValue(node, _key, parent, _path, ancestors) {
        if (node.value.includes('\u0000')) report(nulRefused(literalPath([...ancestors, parent], node)), node);
      },
    };
  };
}

/**
 * `incidents(filter).or[1].shortDescription` for a value inside a field's argument; `$f default` for a variable's
 * default. `ancestors` are the visitor's ancestors followed by the node's parent.
 */
function literalPath(ancestors: readonly unknown[], node: ASTNode): string {
  const nodes = [...ancestors, node].filter((a): a is ASTNode => !!a && typeof a === 'object' && 'kind' in a);
  let path = '';
  nodes.forEach((n, i) => {
    const child = nodes[i + 1];
    if (n.kind === Kind.FIELD) path = n.name.value;
    else if (n.kind === Kind.DIRECTIVE) path = `@${n.name.value}`;
    else if (n.kind === Kind.VARIABLE_DEFINITION) path = `$${n.variable.name.value} default`;
    else if (n.kind === Kind.ARGUMENT) path += `(${n.name.value})`;
    else if (n.kind === Kind.OBJECT_FIELD) path += `.${n.name.value}`;
    else if (n.kind === Kind.LIST && child) path += `[${n.values.indexOf(child as never)}]`;
  });
  return path || 'a value';
}
