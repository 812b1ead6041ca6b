import { DomainError, ErrorCode } from '../../domain-error.js';

interface Pending {
  value: unknown;
  depth: number;
  path: string;
}

/**
 * Refuses request variables nested deeper than `maxDepth` (an object or a list is one level) or holding a NUL
 * character in a string or a key, naming where (`$f.and[0].state.eq`). graphql-js coerces variables by
 * recursion, and PostgreSQL cannot store NUL in text: both must be stopped before either sees the value. The
 * walk uses an explicit stack, so the check itself cannot overflow.
 */
export function checkVariables(variables: Record<string, unknown> | null | undefined, maxDepth: number): void {
  const stack: Pending[] = Object.entries(variables ?? {}).map(([name, value]) => ({ value, depth: 0, path: `$${name}` }));
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { value, depth, path } = item;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) throw nulRefused(path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth + 1 > maxDepth)
      throw new DomainError(ErrorCode.BAD_USER_INPUT, `variables may nest at most ${maxDepth} levels of objects and lists; ${path} is deeper`, { limit: 'maxVariablesDepth', max: maxDepth, path });
    if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, depth: depth + 1, path: `${path}[${i}]` }));
    else
      for (const [key, v] of Object.entries(value)) {
        if (key.includes('\u0000')) throw nulRefused(`${path} (a key)`);
        stack.push({ value: v, depth: depth + 1, path: `${path}.${key}` });
      }
  }
}

/** Text with a NUL character cannot be stored or compared by PostgreSQL; it is refused wherever it is given. */
export function nulRefused(path: string): DomainError {
  return new DomainError(ErrorCode.BAD_USER_INPUT, `${path} contains a NUL character (\\u0000), which text values may not hold`, { path });
}
