import Mustache from 'mustache';

/** What `{{record.…}}` offers besides the record's fields. */
export const RECORD_PLACEHOLDERS = ['number', 'url', 'type'] as const;

/** A name a template reads (`{{x}}`, `{{{x}}}`, `{{& x}}`, `{{#x}}`, `{{^x}}`), or a partial it includes. */
export interface TemplatePlaceholder {
  name: string;
  partial: boolean;
}

/**
 * The names a mustache template reads, in order of appearance, or the parse error (an unclosed section, a bad
 * tag) as a sentence. Pure: the studio and the server's validator both use it.
 */
export function templatePlaceholders(template: string): { placeholders: TemplatePlaceholder[]; error: string | null } {
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(template) as unknown[];
  } catch (err) {
    return { placeholders: [], error: err instanceof Error ? err.message : String(err) };
  }
  const out: TemplatePlaceholder[] = [];
  const walk = (list: unknown[]): void => {
    for (const token of list as [string, string, number, number, unknown[]?][]) {
      const [type, value] = token;
      if (type === 'name' || type === '&' || type === '#' || type === '^') out.push({ name: value, partial: false });
      else if (type === '>') out.push({ name: value, partial: true });
      if ((type === '#' || type === '^') && Array.isArray(token[4])) walk(token[4]);
    }
  };
  walk(tokens);
  return { placeholders: out, error: null };
}
