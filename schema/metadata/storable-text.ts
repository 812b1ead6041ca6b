// PostgreSQL text and jsonb cannot hold the NUL character, and jsonb refuses a lone UTF-16 surrogate (JSON.stringify
// writes it as an escape PostgreSQL will not read). Either would fail a draft save or a publish with a database error.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Where in `value` (a metadata document, or any JSON) a string or key holds text the database cannot store, as
 * `[path, message]`; null when all of it can be stored. Pure.
 */
export function unstorableText(value: unknown, path = ''): [string, string] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? [path, `${describe(path)} holds a character that cannot be stored (NUL or a lone UTF-16 surrogate)`] : null;
  if (Array.isArray(value)) {
    for (const [i, x] of value.entries()) {
      const found = unstorableText(x, join(path, String(i)));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, x] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) return [path, `${describe(path)} has a key holding a character that cannot be stored (NUL or a lone UTF-16 surrogate)`];
      const found = unstorableText(x, join(path, k));
      if (found) return found;
    }
  }
  return null;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(path: string): string {
  return path ? `"${path}"` : 'the text';
}
