import { describe, expect, it } from 'vitest';
import { formatValue, groupChanges, parseChangeKind, propertyChanges } from '../../../studio/src/publish/change-groups.js';

describe('parseChangeKind', () => {
  it('reads record type and field kinds', () => {
    expect(parseChangeKind('type_added')).toEqual({ kind: 'recordType', field: false, action: 'added' });
    expect(parseChangeKind('field_renamed')).toEqual({ kind: 'recordType', field: true, action: 'renamed' });
  });
  it('reads diff names with underscores', () => {
    expect(parseChangeKind('ui_policy_changed')).toEqual({ kind: 'uiPolicy', field: false, action: 'changed' });
    expect(parseChangeKind('state_model_removed')).toEqual({ kind: 'stateModel', field: false, action: 'removed' });
    expect(parseChangeKind('case_type_added')).toEqual({ kind: 'caseType', field: false, action: 'added' });
    expect(parseChangeKind('criteria_changed').kind).toBe('userCriteria');
  });
  it('leaves what it does not know unknown', () => {
    expect(parseChangeKind('widget_exploded')).toEqual({ kind: null, field: false, action: null });
  });
});

describe('groupChanges', () => {
  it("groups a record type's own and field changes under the type, other kinds by document, in the server's order", () => {
    const groups = groupChanges([
      { kind: 'type_changed', path: 'incident', before: { label: 'Incident' }, after: { label: 'Issue' } },
      { kind: 'field_added', path: 'incident.impact', after: { name: 'impact' } },
      { kind: 'field_changed', path: 'problem.cause' },
      { kind: 'acl_changed', path: 'incident_read' },
      { kind: 'field_archived', path: 'incident.old' },
      { kind: 'form_changed', path: 'incident' },
    ]);
    expect(groups.map((g) => [g.kind, g.document, g.changes.length])).toEqual([
      ['recordType', 'incident', 3],
      ['recordType', 'problem', 1],
      ['acl', 'incident_read', 1],
      ['form', 'incident', 1],
    ]);
  });
});

describe('propertyChanges', () => {
  it('lists each changed property before and after, a property set or unset on one side included', () => {
    expect(propertyChanges({ kind: 'form_changed', path: 'f', before: { label: 'A', help: 'x' }, after: { label: 'B', description: 'd' } })).toEqual([
      { property: 'label', before: 'A', after: 'B' },
      { property: 'help', before: 'x', after: undefined },
      { property: 'description', before: undefined, after: 'd' },
    ]);
  });
  it('shows a rename as the name before and after', () => {
    expect(propertyChanges({ kind: 'field_renamed', path: 'incident.reporter', before: 'caller', after: 'reporter' })).toEqual([
      { property: 'name', before: 'caller', after: 'reporter' },
    ]);
  });
  it('lists nothing for whole documents added or removed', () => {
    expect(propertyChanges({ kind: 'acl_added', path: 'a', after: { name: 'a' } })).toEqual([]);
  });
});

describe('formatValue', () => {
  it('shows strings plainly, other values as JSON, unset as a dash, long values cut', () => {
    expect(formatValue('Caller')).toBe('Caller');
    expect(formatValue(['a', 'b'])).toBe('["a","b"]');
    expect(formatValue(false)).toBe('false');
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
