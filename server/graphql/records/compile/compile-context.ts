import { sql, type SQL } from 'drizzle-orm';
import type { GraphInfo } from '../record-info.js';

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

/** State of compiling one root field: fresh table aliases and the graph being compiled against. */
export class CompileContext {
  private n = 0;

  constructor(
    readonly graph: GraphInfo,
    readonly limits: PageLimits,
  ) {}

  /** A table alias no other part of the statement uses. */
  alias(): SQL {
    this.n += 1;
    return sql.raw(`t${this.n}`);
  }
}

/** json_build_object takes at most 100 arguments; wider objects are built in slices and concatenated. */
export function jsonObject(pairs: [string, SQL][]): SQL {
  if (pairs.length === 0) return sql`'{}'::json`;
  const chunks: SQL[] = [];
  for (let i = 0; i < pairs.length; i += 50) {
    const slice = pairs.slice(i, i + 50).map(([k, v]) => sql`${jsonKey(k)}, ${v}`);
    chunks.push(sql`json_build_object(${sql.join(slice, sql`, `)})`);
  }
  if (chunks.length === 1) return chunks[0];
  return sql`(${sql.join(chunks.map((c) => sql`${c}::jsonb`), sql` || `)})::json`;
}

/**
 * Response keys are GraphQL names (validated by the parser: /[_A-Za-z][_0-9A-Za-z]*\/), so they are safe as
 * literals and keep the statement text stable across requests, which lets prepared statements be reused.
 */
function jsonKey(key: string): SQL {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) throw new Error(`not a GraphQL name: ${key}`);
  return sql.raw(`'${key}'`);
}
