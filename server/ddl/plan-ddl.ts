import { sql, type SQL } from 'drizzle-orm';
import type { Model, ModelField, ModelType } from '../../schema/index.js';
import { columnDefault, defaultLiteral } from './column-default.js';
import { columnType } from './column-type.js';
import { conversion } from './conversions.js';
import { nameLiteral, objectName, sequenceRef, tableRef } from './sql-names.js';

/**
 * One step of a publish, run in order inside the publish transaction.
 * A `check` counts offending rows first; any count above zero refuses the whole publish with its message.
 */
export type DdlStep =
  | { kind: 'exec'; statement: SQL; describe: string }
  | { kind: 'check'; statement: SQL; path: string; message: (rows: number) => string };

/** A change the planner refuses whatever the data: the publish fails with this path and message. */
export interface RefusedChange {
  path: string;
  message: string;
}

export interface DdlPlan {
  steps: DdlStep[];
  refused: RefusedChange[];
}

const SYSTEM_COLUMNS = sql.raw(`
  "id" bigint PRIMARY KEY DEFAULT nextval('atrium.record_id_seq'),
  "sys_version" integer NOT NULL DEFAULT 1,
  "sys_created_at" timestamptz NOT NULL DEFAULT now(),
  "sys_updated_at" timestamptz NOT NULL DEFAULT now(),
  "sys_created_by" text NOT NULL DEFAULT '',
  "sys_updated_by" text NOT NULL DEFAULT ''`);

/**
 * Turn the difference between two resolved models into DDL. Views over abstract types are dropped first and
 * rebuilt last, so column changes underneath them never trip over view dependencies.
 */
export function planDdl(before: Model, after: Model): DdlPlan {
  const steps: DdlStep[] = [];
  const refused: RefusedChange[] = [];
  const late: DdlStep[] = [];

  for (const t of before.types.values()) {
    if (t.abstract) steps.push(exec(sql`DROP VIEW IF EXISTS ${tableRef(t.name)}`, `drop view ${t.name}`));
  }

  for (const t of [...after.types.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const old = before.types.get(t.name);
    if (old) {
      if (old.abstract !== t.abstract)
        refused.push({ path: `${t.name}.abstract`, message: `"${t.name}" cannot change between abstract and concrete once published` });
      if (old.parent !== t.parent)
        refused.push({ path: `${t.name}.extends`, message: `"${t.name}" cannot change the type it extends once published (was ${old.parent ?? 'none'}, now ${t.parent ?? 'none'})` });
    }
    if (t.abstract || (old && old.abstract !== t.abstract)) continue;
    if (!old) createTable(after, t, steps, late);
    else alterTable(after, old, t, steps, late, refused);
  }

  for (const t of [...after.types.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (t.abstract && !t.archived) late.push(createView(t, after));
  }
  return { steps: [...steps, ...late], refused };
}

function exec(statement: SQL, describe: string): DdlStep {
  return { kind: 'exec', statement, describe };
}

function col(f: ModelField): SQL {
  return sql`${sql.identifier(f.name)}`;
}

function createTable(model: Model, t: ModelType, steps: DdlStep[], late: DdlStep[]): void {
  const columns = t.fields.map((f) => {
    const dflt = columnDefault(f);
    return sql`${col(f)} ${columnType(f)}${dflt ? sql` DEFAULT ${dflt}` : sql``}${f.required && !f.archived ? sql` NOT NULL` : sql``}`;
  });
  const numberColumn = sql`, "number" varchar(20) UNIQUE`;
  steps.push(exec(sql`CREATE SEQUENCE IF NOT EXISTS ${sequenceRef(t.name)} START WITH 1001`, `create number sequence of ${t.name}`));
  steps.push(
    exec(
      sql`CREATE TABLE ${tableRef(t.name)} (${SYSTEM_COLUMNS}${numberColumn}${columns.length ? sql`, ` : sql``}${sql.join(columns, sql`, `)})`,
      `create table ${t.name}`,
    ),
  );
  steps.push(exec(sql`CREATE INDEX ${sql.identifier(objectName('ix', t.name, 'sys_created_at'))} ON ${tableRef(t.name)} ("sys_created_at")`, `index ${t.name}.created_at`));
  for (const f of t.fields) addIndexes(model, t, f, steps, late);
}

function addIndexes(model: Model, t: ModelType, f: ModelField, steps: DdlStep[], late: DdlStep[]): void {
  if (f.type === 'reference') {
    steps.push(exec(sql`CREATE INDEX ${sql.identifier(objectName('ix', t.name, f.id))} ON ${tableRef(t.name)} (${col(f)})`, `index ${t.name}.${f.name}`));
    late.push(...fkFor(model, t, f));
  }
  if (plainIndexed(f)) steps.push(exec(sql`CREATE INDEX ${sql.identifier(objectName('ixv', t.name, f.id))} ON ${tableRef(t.name)} (${col(f)})`, `index ${t.name}.${f.name}`));
  if (f.unique)
    steps.push(exec(sql`CREATE UNIQUE INDEX ${sql.identifier(objectName('ux', t.name, f.id))} ON ${tableRef(t.name)} (${col(f)})`, `unique ${t.name}.${f.name}`));
}

/** Foreign keys only to concrete targets: an abstract target is a view, which a constraint cannot reference. */
function fkFor(model: Model, t: ModelType, f: ModelField): DdlStep[] {
  const target = f.reference ? model.types.get(f.reference) : undefined;
  if (!target || target.abstract) return [];
  const onDelete = f.required ? sql.raw('RESTRICT') : sql.raw('SET NULL');
  return [
    exec(
      sql`ALTER TABLE ${tableRef(t.name)} ADD CONSTRAINT ${sql.identifier(objectName('fk', t.name, f.id))} FOREIGN KEY (${col(f)}) REFERENCES ${tableRef(target.name)} ("id") ON DELETE ${onDelete}`,
      `foreign key ${t.name}.${f.name} → ${target.name}`,
    ),
  ];
}

function alterTable(model: Model, old: ModelType, t: ModelType, steps: DdlStep[], late: DdlStep[], refused: RefusedChange[]): void {
  const table = tableRef(t.name);
  const oldById = new Map(old.fields.map((f) => [f.id, f]));
  for (const f of t.fields) {
    const prev = oldById.get(f.id);
    const path = `${t.name}.fields.${f.name}`;
    if (!prev) {
      // A field added with a default has it on the records that exist too, as an admin expects. The default is a
      // constant, so PostgreSQL (11 and later) records it in the catalogue and does not rewrite the table.
      const dflt = columnDefault(f);
      steps.push(exec(sql`ALTER TABLE ${table} ADD COLUMN ${col(f)} ${columnType(f)}${dflt ? sql` DEFAULT ${dflt}` : sql``}`, `add ${t.name}.${f.name}`));
      if (f.required && !f.archived) requireValues(t, f, path, steps);
      addIndexes(model, t, f, steps, late);
      continue;
    }
    if (prev.name !== f.name)
      steps.push(exec(sql`ALTER TABLE ${table} RENAME COLUMN ${col(prev)} TO ${col(f)}`, `rename ${t.name}.${prev.name} → ${f.name}`));
    const c = col(f);
    const changedType = typeChanged(prev, f);
    const defaultChanged = changedType || defaultLiteral(prev) !== defaultLiteral(f);
    // The old default may not cast to the new type: it goes before the conversion and the new one comes after.
    if (defaultChanged && defaultLiteral(prev) !== null) steps.push(exec(sql`ALTER TABLE ${table} ALTER COLUMN ${c} DROP DEFAULT`, `drop default ${t.name}.${f.name}`));
    if (changedType) {
      const conv = conversion(prev, f, c);
      if (!conv) {
        refused.push({ path, message: `cannot convert ${t.name}.${f.name} from ${describeType(prev)} to ${describeType(f)}: no safe conversion; add a new field and move the data instead` });
        continue;
      }
      if (conv.invalid)
        steps.push({
          kind: 'check',
          statement: sql`SELECT count(*)::int AS n FROM ${table} WHERE ${c} IS NOT NULL AND (${conv.invalid})`,
          path,
          message: (n) => `cannot convert ${t.name}.${f.name} from ${describeType(prev)} to ${describeType(f)}: ${n} record(s) ${conv.why ?? 'would not convert'}`,
        });
      if (prev.type === 'reference') steps.push(...dropFk(t, prev));
      steps.push(exec(sql`ALTER TABLE ${table} ALTER COLUMN ${c} TYPE ${columnType(f)} USING ${conv.using}`, `convert ${t.name}.${f.name}`));
    }
    if (prev.type === 'reference' && f.type === 'reference' && prev.reference !== f.reference) {
      steps.push({
        kind: 'check',
        statement: sql`SELECT count(*)::int AS n FROM ${table} WHERE ${c} IS NOT NULL`,
        path,
        message: (n) => `cannot point ${t.name}.${f.name} from ${prev.reference} to ${f.reference}: ${n} record(s) still reference ${prev.reference}`,
      });
      steps.push(...dropFk(t, prev));
      late.push(...fkFor(model, t, f));
    } else if (prev.type !== 'reference' && f.type === 'reference') late.push(...fkFor(model, t, f));
    const dflt = columnDefault(f);
    if (defaultChanged && dflt) steps.push(exec(sql`ALTER TABLE ${table} ALTER COLUMN ${c} SET DEFAULT ${dflt}`, `default ${t.name}.${f.name}`));
    const wasRequired = prev.required && !prev.archived;
    const isRequired = f.required && !f.archived;
    if (!wasRequired && isRequired) requireValues(t, f, path, steps);
    if (wasRequired && !isRequired) steps.push(exec(sql`ALTER TABLE ${table} ALTER COLUMN ${c} DROP NOT NULL`, `optional ${t.name}.${f.name}`));
    if (!prev.unique && f.unique) {
      steps.push({
        kind: 'check',
        statement: sql`SELECT count(*)::int AS n FROM (SELECT ${c} FROM ${table} WHERE ${c} IS NOT NULL GROUP BY ${c} HAVING count(*) > 1) d`,
        path,
        message: (n) => `cannot make ${t.name}.${f.name} unique: ${n} value(s) appear in more than one record`,
      });
      steps.push(exec(sql`CREATE UNIQUE INDEX ${sql.identifier(objectName('ux', t.name, f.id))} ON ${table} (${c})`, `unique ${t.name}.${f.name}`));
    }
    if (prev.unique && !f.unique) steps.push(exec(sql`DROP INDEX IF EXISTS "records".${sql.identifier(objectName('ux', t.name, f.id))}`, `not unique ${t.name}.${f.name}`));
    if (!plainIndexed(prev) && plainIndexed(f)) steps.push(exec(sql`CREATE INDEX IF NOT EXISTS ${sql.identifier(objectName('ixv', t.name, f.id))} ON ${table} (${c})`, `index ${t.name}.${f.name}`));
    if (plainIndexed(prev) && !plainIndexed(f)) steps.push(exec(sql`DROP INDEX IF EXISTS "records".${sql.identifier(objectName('ixv', t.name, f.id))}`, `no index ${t.name}.${f.name}`));
  }
}

/** A field asked to be indexed that no other index covers (references and unique fields have theirs). */
function plainIndexed(f: ModelField): boolean {
  return !!f.indexed && f.type !== 'reference' && !f.unique;
}

function requireValues(t: ModelType, f: ModelField, path: string, steps: DdlStep[]): void {
  const table = tableRef(t.name);
  // The column's own default literal, typed as the column: a JSON string or a multi-choice array as a bare
  // parameter would reach PostgreSQL untyped and differ between drivers.
  const dflt = columnDefault(f);
  if (dflt) steps.push(exec(sql`UPDATE ${table} SET ${col(f)} = ${dflt} WHERE ${col(f)} IS NULL`, `fill ${t.name}.${f.name} with its default`));
  steps.push({
    kind: 'check',
    statement: sql`SELECT count(*)::int AS n FROM ${table} WHERE ${col(f)} IS NULL`,
    path,
    message: (n) => `cannot make ${t.name}.${f.name} required: ${n} record(s) have no value; give the field a default or fill it first`,
  });
  steps.push(exec(sql`ALTER TABLE ${table} ALTER COLUMN ${col(f)} SET NOT NULL`, `require ${t.name}.${f.name}`));
}

function dropFk(t: ModelType, f: ModelField): DdlStep[] {
  return [exec(sql`ALTER TABLE ${tableRef(t.name)} DROP CONSTRAINT IF EXISTS ${sql.identifier(objectName('fk', t.name, f.id))}`, `drop foreign key ${t.name}.${f.name}`)];
}

function typeChanged(a: ModelField, b: ModelField): boolean {
  if (a.type !== b.type) return true;
  if (a.type === 'string' && (a.maxLength ?? 255) !== (b.maxLength ?? 255)) return true;
  if (a.type === 'decimal' && (a.scale ?? 2) !== (b.scale ?? 2)) return true;
  if ((a.type === 'choice' || a.type === 'multi_choice') && JSON.stringify(a.choices) !== JSON.stringify(b.choices)) return true;
  return false;
}

function describeType(f: ModelField): string {
  if (f.type === 'string') return `string(${f.maxLength ?? 255})`;
  if (f.type === 'decimal') return `decimal(scale ${f.scale ?? 2})`;
  return f.type;
}

/** A view over every concrete descendant, with the abstract type's columns and a `typename` discriminator. */
function createView(t: ModelType, model: Model): DdlStep {
  const cols = t.fields.filter((f) => !f.archived);
  const names = [sql.raw('"id"'), sql.raw('"number"'), sql.raw('"sys_version"'), sql.raw('"sys_created_at"'), sql.raw('"sys_updated_at"'), sql.raw('"sys_created_by"'), sql.raw('"sys_updated_by"'), ...cols.map(col)];
  const parts = t.concreteTypes.map((name) => {
    const child = model.types.get(name)!;
    const childCols = cols.map((f) => sql.identifier(child.fields.find((x) => x.id === f.id)!.name));
    const list = [...names.slice(0, 7), ...childCols];
    return sql`SELECT ${nameLiteral(name)}::text AS "typename", ${sql.join(list, sql`, `)} FROM ${tableRef(name)}`;
  });
  const empty = sql`SELECT NULL::text AS "typename", NULL::bigint AS "id", NULL::varchar(20) AS "number", NULL::integer AS "sys_version", NULL::timestamptz AS "sys_created_at", NULL::timestamptz AS "sys_updated_at", NULL::text AS "sys_created_by", NULL::text AS "sys_updated_by"${sql.join(
    cols.map((f) => sql`, NULL::${columnType(f)} AS ${col(f)}`),
    sql``,
  )} WHERE false`;
  const body = parts.length ? sql.join(parts, sql` UNION ALL `) : empty;
  return exec(sql`CREATE VIEW ${tableRef(t.name)} AS ${body}`, `create view ${t.name}`);
}

