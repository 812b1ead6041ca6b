import { sql, type SQL } from 'drizzle-orm';
import { STATE_CATEGORIES, type ModelField, type ModelType, type StateCategory } from '../../../schema/index.js';
import { nameLiteral } from '../../ddl/index.js';
import type { GraphInfo, TypeInfo } from '../record-info.js';

/** Categories in which a record counts as resolved: MTTR ends when a record first reaches one of them. */
const RESOLVED: ReadonlySet<StateCategory> = new Set(['resolved', 'closed']);
/** Categories in which a record is no longer open work (backlog). */
const FINISHED: ReadonlySet<StateCategory> = new Set(['resolved', 'closed', 'cancelled']);

/** One concrete kind's state field and the state values in each group of categories that KPIs ask about. */
export interface KindStates {
  kind: TypeInfo;
  field: ModelField | undefined;
  resolved: string[];
  finished: string[];
}

/** The state field's name of a type: its state model's field, `state` without a model. */
export function stateFieldName(type: ModelType): string {
  return type.stateModel?.field ?? 'state';
}

/**
 * The states of each concrete kind of `info`, by category. A kind with a state model says what each state
 * means; one without is read by convention (a state named like a category — `resolved`, `closed`,
 * `cancelled` — is in it), since reports must not depend on a model every pack may not have.
 */
export function kindStates(graph: GraphInfo, info: TypeInfo): KindStates[] {
  return info.type.concreteTypes.map((name) => {
    const kind = graph.byName.get(name)!;
    const categoryOf = new Map<string, StateCategory>();
    const model = kind.type.stateModel;
    if (model) for (const s of model.states) categoryOf.set(s.name, s.category);
    else for (const c of STATE_CATEGORIES) categoryOf.set(c, c);
    if (!model) categoryOf.set('canceled', 'cancelled');
    const having = (set: ReadonlySet<StateCategory>) => [...categoryOf].filter(([, c]) => set.has(c)).map(([v]) => v);
    const field = kind.type.activeFields.find((f) => f.name === stateFieldName(kind.type));
    return { kind, field, resolved: having(RESOLVED), finished: having(FINISHED) };
  });
}

/**
 * Whether the state `value` (text) of a record of kind `kindName` (text; ignored for a single kind) is one of
 * the kind's `pick` states: a CASE over the kinds for an abstract type, a plain IN for a concrete one.
 */
export function inStates(kinds: readonly KindStates[], pick: 'resolved' | 'finished', kindName: SQL, value: SQL): SQL {
  const test = (values: string[]) => (values.length ? sql`(${value} IN (${sql.join(values.map((v) => sql`${v}::text`), sql`, `)}))` : sql`FALSE`);
  if (kinds.length === 1) return test(kinds[0][pick]);
  if (!kinds.length) return sql`FALSE`;
  const whens = kinds.map((k) => sql`WHEN ${nameLiteral(k.kind.type.name)} THEN ${test(k[pick])}`);
  return sql`coalesce(CASE ${kindName} ${sql.join(whens, sql` `)} ELSE FALSE END, FALSE)`;
}
