import { evaluateCondition, type AclDoc, type DynamicContext, type Model, type ModelType } from '../../schema/index.js';
import type { Actor } from './actor.js';
import { matchCriteria } from '../../schema/index.js';

export type RecordOperation = 'read' | 'create' | 'update' | 'delete';
export type FieldOperation = 'read' | 'write';

const NO_ONE: DynamicContext = {
  me: null,
  myGroups: [],
  myAccount: null,
  myAccountTree: [],
  myPartnerCustomers: [],
  myDepartment: null,
  myLocation: null,
  now: new Date(0),
};

/**
 * The access rules that apply to one actor under one metadata version: which rules' user criteria the actor
 * matches, and the actor's dynamic values. It decides nothing about rows; the compiler turns the rules it
 * returns into SQL. `null` from a lookup means unrestricted, an empty list means denied.
 */
export class AccessScope {
  /** Rules whose criteria this actor matches, by `type|field|operation`. */
  private readonly matching = new Map<string, AclDoc[]>();
  /** Every active rule by target, for anyone: the nearest type with any decides. */
  private readonly all = new Map<string, AclDoc[]>();
  /** Which user criteria this actor matches, by name. */
  readonly criteriaMatched = new Map<string, boolean>();
  private matcher: (name: string) => boolean = () => false;

  private constructor(
    readonly unrestricted: boolean,
    /** Part of the key of every compiled statement: two actors with the same key get the same SQL. */
    readonly key: string,
    readonly dyn: DynamicContext,
  ) {}

  static unrestrictedScope(key = 'admin'): AccessScope {
    return new AccessScope(true, key, NO_ONE);
  }

  static for(actor: Actor, model: Model, key = actor.key): AccessScope {
    if (actor.admin) return AccessScope.unrestrictedScope(`admin:${key}`);
    const p = actor.profile;
    const dyn: DynamicContext = p
      ? {
          me: p.userId,
          myGroups: p.groupIds,
          myAccount: p.accountId,
          myAccountTree: p.accountTree,
          myPartnerCustomers: p.partnerCustomers,
          myDepartment: p.departmentId,
          myLocation: p.locationId,
          now: new Date(),
        }
      : NO_ONE;
    const scope = new AccessScope(false, key, dyn);
    const criteria = model.snapshot.userCriteria ?? {};
    const matched = scope.criteriaMatched;
    const matches = (name: string): boolean => {
      let m = matched.get(name);
      if (m === undefined) {
        const doc = criteria[name];
        m = !!doc && !!p && matchCriteria(doc, p.facts, (d) => evaluateCondition(model, 'person', d.condition!, p.user, dyn));
        matched.set(name, m);
      }
      return m;
    };
    scope.matcher = matches;
    for (const rule of Object.values(model.snapshot.acls ?? {})) {
      if (rule.active === false) continue;
      const target = targetKey(rule.recordType, rule.field ?? null, rule.operation);
      scope.all.set(target, [...(scope.all.get(target) ?? []), rule]);
      const applies = p !== null && (rule.criteria.length === 0 || rule.criteria.some(matches));
      if (!applies) continue;
      const list = scope.matching.get(target) ?? [];
      list.push(rule);
      scope.matching.set(target, list);
    }
    return scope;
  }

  /** Whether the actor matches the named user criteria (state-model transitions name them); admins match all. */
  matchesCriteria(name: string): boolean {
    return this.unrestricted || this.matcher(name);
  }

  /** Rules allowing `op` on records of a type: those of the nearest type in its ancestry that has any. */
  recordRules(type: ModelType, op: RecordOperation): readonly AclDoc[] | null {
    if (this.unrestricted) return null;
    for (const t of [type.name, ...type.ancestors]) {
      const key = targetKey(t, null, op);
      if (this.all.has(key)) return this.matching.get(key) ?? [];
    }
    return [];
  }

  /**
   * For explanations: the type whose rules decide (`null`: no type has rules, so only admins may) and every
   * active rule there, with whether its user criteria take in this actor.
   */
  explain(type: ModelType, field: string | null, op: RecordOperation | FieldOperation): { decidedBy: string | null; rules: { rule: AclDoc; applies: boolean }[] } {
    for (const t of [type.name, ...type.ancestors]) {
      const key = targetKey(t, field, op);
      const rules = this.all.get(key);
      if (rules) {
        const applying = new Set(this.matching.get(key) ?? []);
        return { decidedBy: t, rules: rules.map((rule) => ({ rule, applies: applying.has(rule) })) };
      }
    }
    return { decidedBy: null, rules: [] };
  }

  /** Rules narrowing `op` on one field; null when no type in the ancestry restricts the field. */
  fieldRules(type: ModelType, field: string, op: FieldOperation): readonly AclDoc[] | null {
    if (this.unrestricted) return null;
    for (const t of [type.name, ...type.ancestors]) {
      const key = targetKey(t, field, op);
      if (this.all.has(key)) return this.matching.get(key) ?? [];
    }
    return null;
  }

  /** Whether any rule of the metadata restricts this field (the schema makes such fields nullable). */
  static restrictsField(model: Model, type: ModelType, field: string): boolean {
    const family = new Set([type.name, ...type.ancestors, ...type.concreteTypes]);
    return Object.values(model.snapshot.acls ?? {}).some((r) => r.active !== false && r.field === field && r.operation === 'read' && family.has(r.recordType));
  }
}

function targetKey(type: string, field: string | null, op: string): string {
  return `${type}|${field ?? ''}|${op}`;
}

const scopes = new WeakMap<Model, Map<string, AccessScope>>();
const timed = new WeakMap<Model, boolean>();

/** Whether some rule or criteria compares with `now`: then scopes (and the statements made with them) last a minute. */
function usesNow(model: Model): boolean {
  let uses = timed.get(model);
  if (uses === undefined) {
    uses = /"dynamic":"now"/.test(JSON.stringify([model.snapshot.acls ?? {}, model.snapshot.userCriteria ?? {}]));
    timed.set(model, uses);
  }
  return uses;
}

/** The scope of an actor under a model, made once per actor key and model (and minute, when rules use `now`). */
export function accessScope(actor: Actor, model: Model): AccessScope {
  let byKey = scopes.get(model);
  if (!byKey) scopes.set(model, (byKey = new Map()));
  const key = usesNow(model) ? `${actor.key}@${Math.floor(Date.now() / 60_000)}` : actor.key;
  let scope = byKey.get(key);
  if (!scope) {
    scope = AccessScope.for(actor, model, key);
    if (byKey.size > 5000) byKey.clear();
    byKey.set(key, scope);
  }
  return scope;
}
