import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type AnyDoc, type KindName, type MetadataSnapshot } from '../../schema/index.js';
import { authorizeChange, draftsInside, unitsAdministered, type DraftRow, type MetadataAuthority } from '../../server/metadata/index.js';

const F = [{ name: 'x', label: 'X', type: 'string' as const }];
const ct = (name: string, businessUnit: string) => ({ name, businessUnit, submitters: [], fulfillers: [], routingRules: [], slas: [], approvalFlows: [] });
const published: MetadataSnapshot = {
  ...EMPTY_SNAPSHOT,
  recordTypes: {
    task: { name: 'task', label: 'Task', abstract: true, fields: F },
    leave: { name: 'leave', label: 'Leave', extends: 'task', fields: F },
    claim: { name: 'claim', label: 'Claim', extends: 'task', fields: F },
  },
  userCriteria: { hr_admins: { name: 'hr_admins', label: 'HR', match: 'any' }, fin_admins: { name: 'fin_admins', label: 'Finance', match: 'any' } },
  businessUnits: { hr: { name: 'hr', label: 'HR', admins: ['hr_admins'] }, finance: { name: 'finance', label: 'Finance', admins: ['fin_admins'] }, empty: { name: 'empty', label: 'No admins', admins: [] } },
  caseTypes: { leave: ct('leave', 'hr'), claim: ct('claim', 'finance') },
};
const HR: MetadataAuthority = { author: 'hana', units: new Set(['hr']) };
let version = 0;
const draft = (kind: KindName, key: string, document: AnyDoc | null): DraftRow => ({ kind, key, name: `${kind}:${key}`, document, version: ++version, baseVersion: 1, updatedAt: new Date(0), updatedBy: 'someone' });
const view = (drafts: DraftRow[] = []) => {
  const working = structuredClone(published);
  for (const d of drafts) (working as any)[{ recordType: 'recordTypes', caseType: 'caseTypes', acl: 'acls' }[d.kind as 'acl']][d.key] = d.document;
  return { published, working };
};
const refusal = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return `${(e as { code: string }).code}: ${(e as Error).message}`;
  }
};

describe('metadata authority', () => {
  it('finds the units whose admins criteria the user matches; a unit without admins has none', () => {
    expect([...unitsAdministered(published, (c) => c.includes('hr_admins'))]).toEqual(['hr']);
    expect([...unitsAdministered(published, () => true)].sort()).toEqual(['finance', 'hr']);
  });

  it('lets the platform admin change anything and a unit admin only inside its units', () => {
    expect(refusal(() => authorizeChange({ author: 'root', units: null }, view(), 'businessUnit', 'hr', null))).toBeNull();
    expect(refusal(() => authorizeChange(HR, view(), 'recordType', 'leave'))).toBeNull();
    expect(refusal(() => authorizeChange(HR, view(), 'acl', 'leave_read', { name: 'leave_read', recordType: 'leave', operation: 'read', criteria: [] }))).toBeNull();
    expect(refusal(() => authorizeChange(HR, view(), 'recordType', 'claim'))).toBe('FORBIDDEN: record type "claim" is outside your business units (hr): it belongs to business unit "finance"');
    // Moving its own case type to another unit gives it away: refused too.
    expect(refusal(() => authorizeChange(HR, view(), 'caseType', 'leave', ct('leave', 'finance')))).toMatch(/^FORBIDDEN: case type "leave" is outside .*record type "leave" belongs to business unit "hr"/);
    // Claiming another unit's type with a case type of one's own is refused by the type's owner, not the new unit.
    expect(refusal(() => authorizeChange(HR, view(), 'caseType', 'claim', ct('claim', 'hr')))).toMatch(/^FORBIDDEN: case type "claim" is outside/);
  });

  it('places a new record type by the case type that names it, drafts included', () => {
    expect(refusal(() => authorizeChange(HR, view(), 'recordType', 'move'))).toMatch(/save the case type "move" of your unit first/);
    expect(refusal(() => authorizeChange(HR, view([draft('caseType', 'move', ct('move', 'hr'))]), 'recordType', 'move'))).toBeNull();
    expect(refusal(() => authorizeChange(HR, view([draft('caseType', 'move', ct('move', 'finance'))]), 'recordType', 'move'))).toMatch(/belongs to business unit "finance"/);
  });

  it("publishes a unit admin's drafts inside its units only, whoever saved them", () => {
    const inside = [draft('caseType', 'move', ct('move', 'hr')), draft('recordType', 'move', { name: 'move', label: 'Move', extends: 'task', fields: F }), draft('recordType', 'leave', null)];
    const outside = [draft('recordType', 'claim', { ...published.recordTypes.claim, label: 'Expense' }), draft('recordType', 'orphan', { name: 'orphan', label: 'O', fields: F }), draft('caseType', 'leave', ct('leave', 'finance'))];
    const all = [...inside, ...outside];
    expect(draftsInside(HR, published, all).map((d) => d.name)).toEqual(inside.map((d) => d.name));
    expect(draftsInside({ author: 'root', units: null }, published, all)).toEqual(all);
  });
});
