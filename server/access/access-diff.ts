import { sql, type SQL } from 'drizzle-orm';
import { IDENTITY_TYPES, type Model } from '../../schema/index.js';
import type { Database } from '../db/index.js';
import { tableRef } from '../ddl/index.js';
import type { Actor } from './actor.js';
import { CompileContext, recordAccess } from '../records/compile/index.js';
import { buildGraphInfo, type GraphInfo } from '../records/record-info.js';
import { loadAccessProfile } from './access-profile.js';
import { AccessScope } from './access-scope.js';

/** How many records of one type one user may read before and after a metadata change. */
export interface AccessChange {
  userName: string;
  recordType: string;
  before: number;
  after: number;
}

export interface AccessDiff {
  changes: AccessChange[];
  usersChecked: number;
  /** Users whose rules did not change were not counted (their access cannot have changed). */
  usersUnaffected: number;
  /** More active users than `limit`: the rest were not checked. */
  truncated: boolean;
  /** Types left out: new in the change (no records yet) or ruled by conditions on fields not yet published. */
  skippedTypes: string[];
}

const LIMITS = { defaultPageSize: 1, maxPageSize: 1 };

/**
 * Who gains or loses read access, and to how many records of each type, if `after` replaced `before` (the
 * published metadata). Counts use the same compiled predicates as queries, one statement per affected user.
 */
export async function accessDiff(db: Database, before: Model, after: Model, limit = 500): Promise<AccessDiff> {
  const oldGraph = buildGraphInfo(before);
  const newGraph = buildGraphInfo(after);
  const types = [...oldGraph.byName.values()].filter((i) => !i.type.abstract && newGraph.byName.has(i.type.name)).map((i) => i.type.name);
  const skipped = new Set([...newGraph.byName.values()].filter((i) => !i.type.abstract && !oldGraph.byName.has(i.type.name)).map((i) => i.type.name));
  const users = await db.run<{ user_name: string }>(
    sql`SELECT "user_name" FROM ${tableRef(IDENTITY_TYPES.user)} WHERE "active" IS NOT FALSE ORDER BY "user_name" LIMIT ${limit + 1}`,
  );
  const changes: AccessChange[] = [];
  let unaffected = 0;
  for (const { user_name } of users.slice(0, limit)) {
    const profile = await loadAccessProfile(db, user_name);
    if (!profile) continue;
    const actor: Actor = { id: profile.userName, name: profile.name, admin: profile.admin, profile, principal: { subject: user_name, admin: false, via: 'dev', expiresAt: null }, key: `diff:${profile.userId}` };
    const oldScope = AccessScope.for(actor, before);
    const newScope = AccessScope.for(actor, after);
    const counted: [string, SQL][] = [];
    for (const name of types) {
      if (readSignature(before, oldScope, name) === readSignature(after, newScope, name)) continue;
      const pOld = predicate(oldGraph, oldScope, name);
      const pNew = predicate(newGraph, newScope, name);
      if (!pOld || !pNew) {
        skipped.add(name);
        continue;
      }
      counted.push([name, sql`(SELECT json_build_array(count(*) FILTER (WHERE ${pOld.where}), count(*) FILTER (WHERE ${pNew.where})) FROM ${tableRef(name)} ${pOld.alias})`]);
    }
    if (!counted.length) {
      unaffected += 1;
      continue;
    }
    const [row] = await db.run<Record<string, unknown>>(sql`SELECT ${sql.join(counted.map(([, c], i) => sql`${c} AS ${sql.identifier(`t${i}`)}`), sql`, `)}`);
    counted.forEach(([name], i) => {
      const v = row[`t${i}`];
      const [b, a] = (typeof v === 'string' ? JSON.parse(v) : v) as [number, number];
      if (b !== a) changes.push({ userName: user_name, recordType: name, before: Number(b), after: Number(a) });
    });
  }
  return { changes, usersChecked: Math.min(users.length, limit), usersUnaffected: unaffected, truncated: users.length > limit, skippedTypes: [...skipped].sort() };
}

/**
 * The read rules that decide a type for one user, with those of every type its `through` rules reach: a change to
 * an incident's rules changes who reads its journal entries, though the journal's own rules stay the same.
 */
function readSignature(model: Model, scope: AccessScope, typeName: string, seen = new Set<string>()): string {
  const type = model.types.get(typeName);
  if (!type || seen.has(typeName)) return '';
  seen.add(typeName);
  const kinds = type.abstract ? type.concreteTypes : [typeName];
  return JSON.stringify(
    kinds.map((kind) => {
      const rules = scope.recordRules(model.types.get(kind)!, 'read');
      const through = (rules ?? []).filter((r) => r.through).map((r) => {
        const ref = model.types.get(r.recordType)?.activeFields.find((f) => f.name === r.through)?.reference;
        return ref ? readSignature(model, scope, ref, seen) : '';
      });
      return [rules, through];
    }),
  );
}

/** Both predicates read the same alias of the same table; a condition on a field the database lacks yet cannot be counted. */
function predicate(graph: GraphInfo, scope: AccessScope, typeName: string): { alias: SQL; where: SQL } | null {
  const info = graph.byName.get(typeName)!;
  const alias = sql.raw('r');
  try {
    const cc = new CompileContext(graph, LIMITS, 'resolve', scope);
    return { alias, where: recordAccess(cc, info, alias) ?? sql`TRUE` };
  } catch {
    return null;
  }
}
