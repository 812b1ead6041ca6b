import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { buildModel, EMPTY_SNAPSHOT, type FieldDoc, type MetadataSnapshot } from '../../schema/index.js';
import { planDdl } from '../../server/ddl/index.js';
import { carryForward } from '../../server/metadata/index.js';

const dialect = new PgDialect();
const one = (fields: FieldDoc[]): MetadataSnapshot => ({ ...EMPTY_SNAPSHOT, recordTypes: { asset: { name: 'asset', label: 'Asset', fields } } });

function plan(before: FieldDoc[], after: FieldDoc[]) {
  const a = carryForward(EMPTY_SNAPSHOT, one(before));
  const b = carryForward(a, one(after));
  const p = planDdl(buildModel(a), buildModel(b));
  return { refused: p.refused.map((r) => r.message), sql: p.steps.map((s) => dialect.sqlToQuery(s.statement).sql) };
}

describe('planDdl', () => {
  it('creates a table with system columns, typed columns and quoted identifiers', () => {
    const p = planDdl(buildModel(EMPTY_SNAPSHOT), buildModel(carryForward(EMPTY_SNAPSHOT, one([{ name: 'name', label: 'N', type: 'string', maxLength: 80, required: true }]))));
    const sql = p.steps.map((s) => dialect.sqlToQuery(s.statement).sql).join('\n');
    expect(sql).toContain('CREATE TABLE "records"."asset"');
    expect(sql).toContain('"name" varchar(80) NOT NULL');
    expect(sql).toContain('CREATE SEQUENCE IF NOT EXISTS "records_seq"."asset"');
  });

  it('renames by stable id instead of dropping and adding', () => {
    const p = plan([{ id: 'f1', name: 'serial', label: 'S', type: 'string' }], [{ id: 'f1', name: 'serial_number', label: 'S', type: 'string' }]);
    expect(p.sql).toEqual(['ALTER TABLE "records"."asset" RENAME COLUMN "serial" TO "serial_number"']);
  });

  it('indexes a field marked indexed, on create and when the mark is added or taken away', () => {
    const created = planDdl(buildModel(EMPTY_SNAPSHOT), buildModel(carryForward(EMPTY_SNAPSHOT, one([{ id: 'f', name: 'run', label: 'R', type: 'integer', indexed: true }]))));
    expect(created.steps.map((s) => dialect.sqlToQuery(s.statement).sql)).toContainEqual(expect.stringMatching(/^CREATE INDEX "ixv_[0-9a-f]{16}" ON "records"."asset" \("run"\)$/));
    const added = plan([{ id: 'f', name: 'run', label: 'R', type: 'integer' }], [{ id: 'f', name: 'run', label: 'R', type: 'integer', indexed: true }]);
    expect(added.sql).toEqual([expect.stringMatching(/^CREATE INDEX IF NOT EXISTS "ixv_[0-9a-f]{16}" ON "records"."asset" \("run"\)$/)]);
    const removed = plan([{ id: 'f', name: 'run', label: 'R', type: 'integer', indexed: true }], [{ id: 'f', name: 'run', label: 'R', type: 'integer' }]);
    expect(removed.sql).toEqual([expect.stringMatching(/^DROP INDEX IF EXISTS "records"."ixv_[0-9a-f]{16}"$/)]);
    // A unique field has its index already.
    expect(plan([{ id: 'f', name: 'run', label: 'R', type: 'integer', unique: true }], [{ id: 'f', name: 'run', label: 'R', type: 'integer', unique: true, indexed: true }]).sql).toEqual([]);
  });

  it('archives a removed field: no DDL at all, the column and its data stay', () => {
    const p = plan([{ id: 'f1', name: 'cost', label: 'C', type: 'integer' }], []);
    expect(p).toEqual({ refused: [], sql: [] });
  });

  it('converts safe type changes with a data check first, and refuses unsafe ones', () => {
    const narrow = plan([{ id: 'f', name: 'x', label: 'X', type: 'text' }], [{ id: 'f', name: 'x', label: 'X', type: 'string', maxLength: 10 }]);
    expect(narrow.sql[0]).toMatch(/^SELECT count\(\*\)::int AS n FROM "records"."asset" WHERE "x" IS NOT NULL AND \(char_length/);
    expect(narrow.sql[1]).toBe('ALTER TABLE "records"."asset" ALTER COLUMN "x" TYPE varchar(10) USING "x"::varchar(10)');
    expect(plan([{ id: 'f', name: 'x', label: 'X', type: 'integer' }], [{ id: 'f', name: 'x', label: 'X', type: 'decimal' }]).sql).toEqual([
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" TYPE numeric(20,2) USING "x"::numeric(20,2)',
    ]);
    for (const [from, to] of [['boolean', 'date'], ['json', 'integer'], ['datetime', 'date'], ['multi_choice', 'choice']] as const) {
      const p = plan([{ id: 'f', name: 'x', label: 'X', type: from, ...(from === 'multi_choice' ? { choices: [{ value: 'a', label: 'A' }] } : {}) }], [{ id: 'f', name: 'x', label: 'X', type: to, ...(to === 'choice' ? { choices: [{ value: 'a', label: 'A' }] } : {}) }]);
      expect(p.refused, `${from} → ${to}`).toEqual([expect.stringMatching(new RegExp(`cannot convert asset\\.x from ${from} to ${to}: no safe conversion`))]);
    }
  });

  it('making a field required checks for empty values and fills a default first', () => {
    const p = plan([{ id: 'f', name: 'x', label: 'X', type: 'integer' }], [{ id: 'f', name: 'x', label: 'X', type: 'integer', required: true, default: 3 }]);
    expect(p.sql).toEqual([
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" SET DEFAULT 3::integer',
      'UPDATE "records"."asset" SET "x" = 3::integer WHERE "x" IS NULL',
      'SELECT count(*)::int AS n FROM "records"."asset" WHERE "x" IS NULL',
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" SET NOT NULL',
    ]);
  });

  it('keeps defaults in the columns: new records get them, a field added with one gives it to existing records, renames carry them', () => {
    const created = planDdl(
      buildModel(EMPTY_SNAPSHOT),
      buildModel(carryForward(EMPTY_SNAPSHOT, one([{ name: 'state', label: 'S', type: 'choice', choices: [{ value: 'new', label: 'New' }], default: 'new', required: true }, { name: 'note', label: 'N', type: 'string', default: "it's" }]))),
    );
    const sql = created.steps.map((s) => dialect.sqlToQuery(s.statement).sql).join('\n');
    expect(sql).toContain(`"state" varchar(64) DEFAULT 'new'::varchar(64) NOT NULL`);
    expect(sql).toContain(`"note" varchar(255) DEFAULT 'it''s'::varchar(255)`);
    // Added with a default: one ADD COLUMN … DEFAULT, which gives existing records the default too (no rewrite).
    expect(plan([], [{ id: 'f', name: 'x', label: 'X', type: 'boolean', default: false }]).sql).toEqual(['ALTER TABLE "records"."asset" ADD COLUMN "x" boolean DEFAULT false']);
    expect(plan([], [{ id: 'f', name: 'x', label: 'X', type: 'string' }]).sql).toEqual(['ALTER TABLE "records"."asset" ADD COLUMN "x" varchar(255)']);
    expect(plan([], [{ id: 'f', name: 'x', label: 'X', type: 'datetime', default: 'now' }]).sql).toEqual(['ALTER TABLE "records"."asset" ADD COLUMN "x" timestamptz DEFAULT now()']);
    expect(plan([{ id: 'f', name: 'x', label: 'X', type: 'date' }], [{ id: 'f', name: 'x', label: 'X', type: 'date', default: 'now' }]).sql).toEqual([
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" SET DEFAULT CURRENT_DATE',
    ]);
    expect(plan([{ id: 'f', name: 'x', label: 'X', type: 'integer', default: 1 }], [{ id: 'f', name: 'y', label: 'X', type: 'integer', default: 1 }]).sql).toEqual([
      'ALTER TABLE "records"."asset" RENAME COLUMN "x" TO "y"',
    ]);
    expect(plan([{ id: 'f', name: 'x', label: 'X', type: 'integer', default: 1 }], [{ id: 'f', name: 'x', label: 'X', type: 'integer' }]).sql).toEqual([
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" DROP DEFAULT',
    ]);
    // A conversion drops the old default first (it may not cast) and sets the new one after.
    expect(plan([{ id: 'f', name: 'x', label: 'X', type: 'integer', default: 1 }], [{ id: 'f', name: 'x', label: 'X', type: 'decimal', default: 1.5 }]).sql).toEqual([
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" DROP DEFAULT',
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" TYPE numeric(20,2) USING "x"::numeric(20,2)',
      'ALTER TABLE "records"."asset" ALTER COLUMN "x" SET DEFAULT 1.5::numeric(20,2)',
    ]);
  });
});
