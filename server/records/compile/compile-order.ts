import { sql, type SQL } from 'drizzle-orm';
import type { ModelField } from '../../../schema/index.js';
import { columnTypeText } from '../../ddl/index.js';

/** The internal value of one `…OrderBy` enum value. */
export interface OrderTerm {
  key: string;
  column: string;
  columnType: string;
  desc: boolean;
  /** A column that is never null allows a row-value comparison the planner can use with an index. */
  notNull: boolean;
}

export const ID_TERM: OrderTerm = { key: 'ID_ASC', column: 'id', columnType: 'bigint', desc: false, notNull: true };

export function orderTermFor(field: ModelField, desc: boolean): OrderTerm {
  return {
    key: `${field.name.toUpperCase()}_${desc ? 'DESC' : 'ASC'}`,
    column: field.name,
    columnType: columnTypeText(field),
    desc,
    notNull: field.required,
  };
}

/** The order actually used: the requested terms, then the id as the tiebreaker that makes keysets total. */
export function effectiveOrder(requested: OrderTerm[] | null | undefined): OrderTerm[] {
  const terms = (requested ?? []).filter((t, i, all) => all.findIndex((x) => x.column === t.column) === i);
  if (!terms.some((t) => t.column === 'id')) terms.push({ ...ID_TERM, desc: terms.length ? terms[terms.length - 1].desc : false });
  return terms.slice(0, terms.findIndex((t) => t.column === 'id') + 1);
}

export function orderSignature(terms: OrderTerm[]): string {
  return terms.map((t) => `${t.column}:${t.desc ? 'd' : 'a'}`).join(',');
}

function col(alias: SQL, t: OrderTerm): SQL {
  return sql`${alias}.${sql.identifier(t.column)}`;
}

/** ORDER BY list; `reverse` flips every direction (for `last`/`before`). Nulls sort as the largest value. */
export function orderByClause(alias: SQL, terms: OrderTerm[], reverse: boolean): SQL {
  return sql.join(
    terms.map((t) => {
      const desc = t.desc !== reverse;
      return sql`${col(alias, t)} ${sql.raw(desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST')}`;
    }),
    sql`, `,
  );
}

/** Rows strictly after `values` in the (possibly reversed) order. */
export function keysetPredicate(alias: SQL, terms: OrderTerm[], values: unknown[], reverse: boolean): SQL {
  const v = (i: number) => sql`${values[i]}::${sql.raw(terms[i].columnType)}`;
  const sameDir = terms.every((t) => t.desc === terms[0].desc);
  if (sameDir && terms.every((t, i) => t.notNull && values[i] !== null)) {
    const desc = terms[0].desc !== reverse;
    const lhs = sql.join(terms.map((t) => col(alias, t)), sql`, `);
    const rhs = sql.join(terms.map((_, i) => v(i)), sql`, `);
    return sql`(${lhs}) ${sql.raw(desc ? '<' : '>')} (${rhs})`;
  }
  const branches: SQL[] = [];
  for (let i = 0; i < terms.length; i++) {
    const eqs = terms.slice(0, i).map((t, j) => (values[j] === null ? sql`${col(alias, t)} IS NULL` : sql`${col(alias, t)} = ${v(j)}`));
    const t = terms[i];
    const desc = t.desc !== reverse;
    let after: SQL;
    if (values[i] === null) after = desc ? sql`${col(alias, t)} IS NOT NULL` : sql`FALSE`;
    else after = desc ? sql`${col(alias, t)} < ${v(i)}` : sql`(${col(alias, t)} > ${v(i)} OR ${col(alias, t)} IS NULL)`;
    // In descending order nulls come first, so after a non-null value no null can follow.
    branches.push(sql`(${sql.join([...eqs, after], sql` AND `)})`);
  }
  return sql`(${sql.join(branches, sql` OR `)})`;
}
