import { sql, type SQL } from 'drizzle-orm';
import { AccessScope } from '../../access/access-scope.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../config.js';
import type { GraphInfo } from '../record-info.js';
import type { ConditionBudget } from './check-filter.js';

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
  /** Bounds on filter and list input; the defaults when absent (statements compiled for access checks). */
  input?: InputLimits;
}

/**
 * What the statement's JSON is for. `response`: exactly the GraphQL response of the field, sent without running
 * graphql-js over it. `resolve`: the same, plus the record type of polymorphic values (`__rt`) for graphql-js's
 * `resolveType`.
 */
export type CompileMode = 'response' | 'resolve';

/** State of compiling one root field: fresh table aliases and the graph being compiled against. */
export class CompileContext {
  private n = 0;

  constructor(
    readonly graph: GraphInfo,
    readonly limits: PageLimits,
    readonly mode: CompileMode = 'resolve',
    /** Whose access rules every level of the statement applies. */
    readonly scope: AccessScope = AccessScope.unrestrictedScope(),
  ) {}

  /** Leaf conditions of all filters of this root field: they share one `maxFilterConditions`. */
  readonly conditions: ConditionBudget = { used: 0 };

  /** Filters already checked, so one compiled twice (rows and totalCount) counts once. */
  readonly checkedFilters = new WeakSet<object>();

  get inputLimits(): InputLimits {
    return this.limits.input ?? DEFAULT_INPUT_LIMITS;
  }

  /** `through` rules being compiled (type.field): a cycle of them denies instead of recursing (compile-access). */
  readonly throughStack = new Set<string>();

  /** Reference columns whose target row is already in the statement, by the alias that reads them. */
  private readonly bound = new WeakMap<SQL, Map<string, SQL>>();

  /** A table alias no other part of the statement uses. */
  alias(): SQL {
    this.n += 1;
    return sql.raw(`t${this.n}`);
  }

  /**
   * Says that on rows of `alias`, reference `field` points at the row `target` (records read under a parent by
   * a reverse connection): conditions walking that reference read the parent row instead of looking it up again.
   */
  bindReference(alias: SQL, field: string, target: SQL): void {
    const fields = this.bound.get(alias) ?? new Map<string, SQL>();
    fields.set(field, target);
    this.bound.set(alias, fields);
  }

  boundReference(alias: SQL, field: string): SQL | undefined {
    return this.bound.get(alias)?.get(field);
  }
}

/**
 * A JSON object with keys in the given order. json_build_object takes at most 100 arguments; wider objects go
 * through row_to_json of a one-row subquery, which keeps column order (jsonb concatenation would not).
 */
export function jsonObject(pairs: [string, SQL][]): SQL {
  if (pairs.length === 0) return sql`'{}'::json`;
  if (pairs.length <= 50) return sql`json_build_object(${sql.join(pairs.map(([k, v]) => sql`${jsonKey(k)}, ${v}`), sql`, `)})`;
  const columns = pairs.map(([k, v]) => {
    jsonKey(k);
    return sql`${v} AS ${sql.identifier(k)}`;
  });
  return sql`(SELECT row_to_json(wide) FROM (SELECT ${sql.join(columns, sql`, `)}) wide)`;
}

/** A GraphQL name (type, enum value) as an SQL string literal; names are validated, never user text. */
export function gqlNameLiteral(name: string): SQL {
  return jsonKey(name);
}

/** base64url without padding, as `toGlobalId` and the cursors make it in JS. */
export function base64urlSql(text: SQL): SQL {
  return sql`replace(rtrim(translate(encode(convert_to(${text}, 'UTF8'), 'base64'), '+/', '-_'), '='), E'\n', '')`;
}

/** The Relay global id of a row, built in SQL: base64url of `TypeName:id`. */
export function globalIdSql(typeName: SQL, id: SQL): SQL {
  return base64urlSql(sql`${typeName} || ':' || ${id}::text`);
}

/**
 * Response keys are GraphQL names (validated by the parser: /[_A-Za-z][_0-9A-Za-z]*\/), so they are safe as
 * literals and keep the statement text stable across requests, which lets prepared statements be reused.
 */
function jsonKey(key: string): SQL {
  if (!/^[_A-Za-z][_0-9A-Za-z]*$/.test(key)) throw new Error(`not a GraphQL name: ${key}`);
  return sql.raw(`'${key}'`);
}
