import { DomainError, ErrorCode } from '../../domain-error.js';

interface Pending {
  value: unknown;
  depth: number;
  path: string;
}

/** Half of a surrogate pair without its other half: JSON can escape one (`"\ud800"`), UTF-8 cannot encode it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses request variables nested deeper than `maxDepth` (an object or a list is one level) or holding, in a
 * string or a key, a NUL character or a lone surrogate, naming where (`$f.and[0].state.eq`). graphql-js coerces
 * variables by recursion; PostgreSQL cannot store NUL in text, and a lone surrogate would be stored as U+FFFD,
 * not as sent: all must be stopped before either sees the value. The walk uses an explicit stack, so the check
 * itself cannot overflow. (The GraphQL lexer already refuses lone surrogates in the document.)
 */
export function checkVariables(variables: Record<string, unknown> | null | undefined, maxDepth: number): void {
  const stack: Pending[] = Object.entries(variables ?? {}).map(([name, value]) => ({ value, depth: 0, path: `$${name.slice(0, 64)}` }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth, path } = item;
    if (typeof value === 'string') {
      checkText(value, path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > maxDepth)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `variables may nest at most ${maxDepth} levels of objects and lists; ${path} is deeper`, { limit: 'maxVariablesDepth', max: maxDepth, path });
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, depth: depth + 1, path: `${path}[${i}]` }));
    else
      for (const [key, v] of Object.entries(value)) {
        checkText(key, `${path} (a key)`);
        stack.push({ value: v, depth: depth + 1, path: `${path}.${key.length > 64 ? `${key.slice(0, 64)}…` : key}` });
      }
  }
}

function checkText(text: string, path: string): void {
  if (text.includes('\u0000')) throw nulRefused(path);
  if (LONE_SURROGATE.test(text))
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `${path} is not well-formed Unicode (it holds half of a surrogate pair), so it cannot be stored as sent`, { path });
}

/** Text with a NUL character cannot be stored or compared by PostgreSQL; it is refused wherever it is given. */
export function nulRefused(path: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${path} contains a NUL character (\\u0000), which text values may not hold`, { path });
}
