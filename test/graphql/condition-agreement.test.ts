import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCondition, type Condition, type DynamicContext } from '../../schema/condition/index.js';
import { tableRef } from '../../server/ddl/index.js';
import { CompileContext, compileCondition } from '../../server/records/compile/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { conditionBattery, me, now } from './condition-battery.js';
import { conditionFixture, type ConditionFixture } from './condition-fixture.js';

/**
 * The SQL predicate and the TS evaluator must accept exactly the same records: the same battery of conditions
 * runs through both on one database (PGlite or PostgreSQL) and the selected ids are compared.
 */

let t: TestServer;
let f: ConditionFixture;

beforeAll(async () => {
  t = await startTestServer();
  f = await conditionFixture(t);
});
afterAll(() => t?.stop());

function withIds(c: Condition): Condition {
  const id = (v: unknown) => (typeof v === 'string' && v.startsWith('$') ? f.ids[v.slice(1)] : v);
  if ('and' in c) return { and: c.and.map(withIds) };
  if ('or' in c) return { or: c.or.map(withIds) };
  if ('not' in c) return { not: withIds(c.not) };
  return { ...c, value: Array.isArray(c.value) ? c.value.map(id) : (id(c.value) as typeof c.value) } as Condition;
}

async function sqlIds(typeName: string, condition: Condition, dyn: DynamicContext): Promise<string[]> {
  const ctx = new CompileContext(f.graph, { defaultPageSize: 10, maxPageSize: 100 });
  const info = f.graph.byName.get(typeName)!;
  const a = ctx.alias();
  const found = await t.atrium.db.run<{ id: unknown }>(
    sql`SELECT ${a}."id" FROM ${tableRef(typeName)} ${a} WHERE ${compileCondition(ctx, info, a, condition, dyn)}`,
  );
  return found.map((r) => String(r.id)).sort();
}

function tsIds(typeName: string, condition: Condition, dyn: DynamicContext): string[] {
  const candidates = f.model.types.get(typeName)!.concreteTypes.flatMap((name) => [...f.rows.get(name)!.values()]);
  return candidates
    .filter((r) => evaluateCondition(f.model, typeName, condition, r, dyn, f.lookup))
    .map((r) => String(r.id))
    .sort();
}

/** Ids as the keys the data was loaded under (x1, i2 …), for readable failures. */
const keysOf = (found: string[]) => found.map((id) => Object.keys(f.ids).find((k) => f.ids[k] === id) ?? id).join(' ');

describe('condition agreement: SQL predicate and TS evaluator', () => {
  it('has a battery worth running', () => {
    expect(conditionBattery.length).toBeGreaterThanOrEqual(30);
    expect(f.rows.get('gadget')!.size).toBe(7);
  });

  for (const who of ['someone', 'nobody'] as const) {
    it(`select the same records for ${who === 'someone' ? 'a user with every dynamic value' : 'a user with none resolved'}`, async () => {
      const dyn = who === 'someone' ? f.someone : f.nobody;
      const mismatches: string[] = [];
      let split = 0;
      for (const [typeName, raw] of conditionBattery) {
        const condition = withIds(raw);
        const [fromSql, fromTs] = [await sqlIds(typeName, condition, dyn), tsIds(typeName, condition, dyn)];
        if (JSON.stringify(fromSql) !== JSON.stringify(fromTs))
          mismatches.push(`${typeName} ${JSON.stringify(raw)}: SQL ${keysOf(fromSql)} TS ${keysOf(fromTs)}`);
        const total = f.model.types.get(typeName)!.concreteTypes.reduce((n, name) => n + f.rows.get(name)!.size, 0);
        if (fromTs.length > 0 && fromTs.length < total) split += 1;
      }
      expect(mismatches).toEqual([]);
      // Most conditions must tell records apart, or agreement would prove little.
      expect(split).toBeGreaterThan(conditionBattery.length * (who === 'someone' ? 0.75 : 0.6));
    });
  }

  it('sees expected answers for a few conditions (the battery is not vacuous)', async () => {
    const get = async (typeName: string, c: Condition, dyn = f.someone) =>
      keysOf(await sqlIds(typeName, withIds(c), dyn))
        .split(' ')
        .filter(Boolean)
        .sort();
    expect(await get('gadget', { field: 'owner', op: 'eq', value: me })).toEqual(['x1', 'x5', 'x7']);
    expect(await get('gadget', { field: 'owner', op: 'ne', value: me }, f.nobody)).toEqual([]);
    expect(await get('gadget', { not: { field: 'owner', op: 'eq', value: me } }, f.nobody)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5', 'x6', 'x7']);
    expect(await get('gadget', { field: 'title', op: 'contains', value: '100%_' })).toEqual(['x4']);
    expect(await get('gadget', { field: 'spent', op: 'eq', value: 'P30D' })).toEqual(['x2', 'x6']);
    expect(await get('gadget', { field: 'price', op: 'eq', value: 12.5 })).toEqual(['x1', 'x6']);
    expect(await get('gadget', { field: 'data', op: 'is_empty' })).toEqual(['x2', 'x3']);
    expect(await get('gadget', { field: 'owner.account.parent', op: 'eq', value: '$a1' })).toEqual(['x1', 'x5', 'x7']);
    expect(await get('gadget', { field: 'due', op: 'gte', value: now })).toEqual(['x4']);
  });
});
