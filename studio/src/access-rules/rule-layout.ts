import type { AclDoc } from '../../../schema/access/index.js';
import type { MetadataSnapshot, Model } from '../../../schema/metadata/index.js';

export const RECORD_OPERATIONS = ['read', 'create', 'update', 'delete'] as const;
export type RecordOperation = (typeof RECORD_OPERATIONS)[number];
export const FIELD_OPERATIONS = ['read', 'write'] as const;
export type FieldOperation = (typeof FIELD_OPERATIONS)[number];

/** Rules of some target that another type's rules decide for this one (the nearest type with rules wins). */
export interface InheritedRules {
  operation: RecordOperation | FieldOperation;
  field: string | null;
  /** The ancestor whose rules decide. */
  from: string;
  rules: AclDoc[];
}

/** One type's own rules (inactive ones included), as the designer groups them. */
export interface TypeRules {
  records: Record<RecordOperation, AclDoc[]>;
  /** By field name, in the type's field order, then unknown fields (a rule on a removed field) last. */
  fields: { field: string; rules: Record<FieldOperation, AclDoc[]> }[];
}

const byName = (a: AclDoc, b: AclDoc) => a.name.localeCompare(b.name);

function allAcls(snapshot: MetadataSnapshot): AclDoc[] {
  return Object.values(snapshot.acls ?? {}) as AclDoc[];
}

/** The active rules on one target, as the server's access scope collects them (inactive rules do not count). */
export function activeRulesOn(snapshot: MetadataSnapshot, typeName: string, field: string | null, operation: string): AclDoc[] {
  return allAcls(snapshot)
    .filter((r) => r.active !== false && r.recordType === typeName && (r.field ?? null) === field && r.operation === operation)
    .sort(byName);
}

/**
 * The type whose rules decide `operation` on records (or on `field`) of `typeName`: the nearest in its ancestry
 * with an active rule on that target; null when none has (then only admins may, for records; for a field the
 * record's rules decide).
 */
export function decidingType(model: Model, typeName: string, field: string | null, operation: string): string | null {
  const type = model.types.get(typeName);
  if (!type) return null;
  for (const t of [type.name, ...type.ancestors]) if (activeRulesOn(model.snapshot, t, field, operation).length) return t;
  return null;
}

/** A type's own rules grouped by operation, then field rules by field. */
export function rulesOfType(model: Model, typeName: string): TypeRules {
  const own = allAcls(model.snapshot)
    .filter((r) => r.recordType === typeName)
    .sort(byName);
  const records = Object.fromEntries(RECORD_OPERATIONS.map((op) => [op, own.filter((r) => r.field === undefined && r.operation === op)])) as TypeRules['records'];
  // A record rule with a field operation ('write') is invalid, but it must still be shown to be fixed or removed.
  const misplaced = own.filter((r) => r.field === undefined && !(RECORD_OPERATIONS as readonly string[]).includes(r.operation));
  records.update = [...records.update, ...misplaced];
  const fieldOrder = (model.types.get(typeName)?.fields ?? []).map((f) => f.name);
  const fieldNames = [...new Set(own.filter((r) => r.field !== undefined).map((r) => r.field!))].sort((a, b) => rank(fieldOrder, a) - rank(fieldOrder, b) || a.localeCompare(b));
  const fields = fieldNames.map((field) => {
    const of = own.filter((r) => r.field === field);
    return {
      field,
      rules: {
        read: of.filter((r) => r.operation === 'read'),
        write: of.filter((r) => r.operation !== 'read'),
      },
    };
  });
  return { records, fields };
}

function rank(order: string[], name: string): number {
  const i = order.indexOf(name);
  return i < 0 ? order.length : i;
}

/**
 * What the ancestors decide for this type: each record operation, and each field operation, for which the type
 * has no active rule of its own but an ancestor has. These rules apply to its records as they are.
 */
export function inheritedRules(model: Model, typeName: string): InheritedRules[] {
  const type = model.types.get(typeName);
  if (!type) return [];
  const out: InheritedRules[] = [];
  for (const op of RECORD_OPERATIONS) {
    const from = decidingType(model, typeName, null, op);
    if (from && from !== typeName) out.push({ operation: op, field: null, from, rules: activeRulesOn(model.snapshot, from, null, op) });
  }
  const ancestors = new Set(type.ancestors);
  const inheritedFields = [...new Set(allAcls(model.snapshot).filter((r) => r.field !== undefined && r.active !== false && ancestors.has(r.recordType)).map((r) => r.field!))];
  for (const field of inheritedFields)
    for (const op of FIELD_OPERATIONS) {
      const from = decidingType(model, typeName, field, op);
      if (from && from !== typeName) out.push({ operation: op, field, from, rules: activeRulesOn(model.snapshot, from, field, op) });
    }
  return out;
}

/** Per type, for the list: own active rule counts per record operation, field rules, and who decides each operation. */
export interface TypeRuleSummary {
  type: string;
  own: Record<RecordOperation, number>;
  fieldRules: number;
  decidedBy: Record<RecordOperation, string | null>;
  /** No rule (own or inherited) allows any operation: only admins may touch its records. */
  adminsOnly: boolean;
}

export function summarizeTypeRules(model: Model, typeName: string): TypeRuleSummary {
  const own = Object.fromEntries(RECORD_OPERATIONS.map((op) => [op, activeRulesOn(model.snapshot, typeName, null, op).length])) as Record<RecordOperation, number>;
  const decidedBy = Object.fromEntries(RECORD_OPERATIONS.map((op) => [op, decidingType(model, typeName, null, op)])) as Record<RecordOperation, string | null>;
  const fieldRules = allAcls(model.snapshot).filter((r) => r.recordType === typeName && r.field !== undefined && r.active !== false).length;
  return { type: typeName, own, fieldRules, decidedBy, adminsOnly: RECORD_OPERATIONS.every((op) => decidedBy[op] === null) };
}

/**
 * A free rule name from the type, the field and the operation (`customer_case_read`, `incident_priority_write`),
 * numbered when taken. Kept within the 63 characters a name may have.
 */
export function suggestRuleName(taken: ReadonlySet<string>, typeName: string, operation: string, field?: string | null): string {
  const base = [typeName, field, operation].filter(Boolean).join('_').slice(0, 58).replace(/_+$/, '');
  if (!taken.has(base)) return base;
  for (let i = 2; ; i += 1) if (!taken.has(`${base}_${i}`)) return `${base}_${i}`;
}
