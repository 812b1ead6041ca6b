import type { FormattedExecutionResult } from 'graphql';

/**
 * JSON text produced by PostgreSQL, carried to the response as it is: parsing it into objects only for Apollo to
 * stringify them again costs a large share of a read's CPU time.
 */
export class RawJson {
  constructor(readonly text: string) {}

  /** For any consumer that stringifies the result itself (tests, logging). */
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

function hasRaw(value: unknown): boolean {
  return !!value && typeof value === 'object' && Object.values(value).some((v) => v instanceof RawJson);
}

/** Apollo's `stringifyResult`: raw JSON texts in `data` are spliced in; everything else as JSON.stringify does. */
export function stringifyResult(result: FormattedExecutionResult): string {
  if (!hasRaw(result.data)) return `${JSON.stringify(result)}\n`;
  const parts: string[] = [];
  for (const [key, value] of Object.entries(result)) {
    if (value === undefined) continue;
    if (key !== 'data') {
      parts.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
      continue;
    }
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}:${v instanceof RawJson ? v.text : JSON.stringify(v)}`,
    );
    parts.push(`"data":{${fields.join(',')}}`);
  }
  return `{${parts.join(',')}}\n`;
}
