import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../schema/metadata/index.js';

const TYPES = {
  work: {
    name: 'work',
    label: 'Work',
    abstract: true,
    fields: [
      { name: 'title', label: 'Title', type: 'string' },
      { name: 'old', label: 'Old', type: 'string', archived: true },
    ],
  },
  ticket: { name: 'ticket', label: 'Ticket', extends: 'work', fields: [{ name: 'status', label: 'Status', type: 'choice', choices: [{ value: 'open', label: 'Open' }] }] },
  note: {
    name: 'note',
    label: 'Note',
    fields: [
      { name: 'ticket', label: 'Ticket', type: 'reference', reference: 'ticket' },
      { name: 'work', label: 'Work', type: 'reference', reference: 'work' },
      { name: 'person', label: 'Person', type: 'reference', reference: 'person' },
      { name: 'body', label: 'Body', type: 'text' },
    ],
  },
  person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
};

const problems = (docs: Record<string, unknown>) => validateSnapshot({ recordTypes: TYPES, ...docs }).map((p) => [p.path, p.code, p.message]);

describe('form validation', () => {
  it('accepts inherited fields and related lists by a reference to the type or an ancestor', () => {
    const form = { name: 'f', recordType: 'ticket', sections: [{ columns: [['title', 'status']] }], relatedLists: [{ recordType: 'note', field: 'ticket' }, { recordType: 'note', field: 'work' }] };
    expect(problems({ forms: { f: form } })).toEqual([]);
  });

  it('refuses unknown fields (archived ones pass: they are not shown), a field twice, and related lists that do not point at the type', () => {
    const form = {
      name: 'f',
      recordType: 'ticket',
      sections: [{ columns: [['title', 'nope']] }, { columns: [['old'], ['title']] }],
      relatedLists: [{ recordType: 'note', field: 'person' }, { recordType: 'note', field: 'body' }, { recordType: 'ghost', field: 'x' }, { recordType: 'note', field: 'gone' }],
    };
    expect(problems({ forms: { f: form } })).toEqual([
      ['forms.f.sections.0.columns.0.1', 'INVALID_FIELD', 'form "f" shows field "nope", which is not a field of "ticket"'],
      ['forms.f.sections.1.columns.1.0', 'DUPLICATE_NAME', 'form "f" shows field "title" twice (first at sections.0.columns.0.0); a field appears once per form'],
      ['forms.f.relatedLists.0.field', 'INVALID_FIELD', 'form "f" lists "note" records by "person", which points at "person"; a related list needs a reference of "note" to "ticket" or "work"'],
      ['forms.f.relatedLists.1.field', 'INVALID_FIELD', 'form "f" lists "note" records by "body", which is not a reference; a related list needs a reference of "note" to "ticket" or "work"'],
      ['forms.f.relatedLists.2.recordType', 'UNKNOWN_TYPE', 'form "f" lists records of "ghost", which does not exist'],
      ['forms.f.relatedLists.3.field', 'INVALID_FIELD', 'form "f" lists "note" records by "gone", which is not a field of "note"; a related list needs a reference of "note" to "ticket" or "work"'],
    ]);
  });

  it('a form of a record type that does not exist gets the basic problem only', () => {
    expect(problems({ forms: { f: { name: 'f', recordType: 'ghost', sections: [{ columns: [['x']] }] } } })).toEqual([
      ['forms.f.recordType', 'UNKNOWN_TYPE', 'form "f" is about record type "ghost", which does not exist'],
    ]);
  });
});

describe('UI policy validation', () => {
  const base = { name: 'p', recordType: 'ticket' };
  it('accepts actions on inherited fields and a condition on the record’s own fields', () => {
    expect(problems({ uiPolicies: { p: { ...base, condition: { field: 'status', op: 'eq', value: 'open' }, actions: [{ field: 'title', readOnly: true }] } } })).toEqual([]);
  });

  it('refuses unknown fields (not archived ones), empty actions, mandatory with read-only, bad conditions and paths through references', () => {
    const p = {
      ...base,
      condition: { and: [{ field: 'status', op: 'eq', value: 'shut' }, { field: 'title', op: 'eq', value: 'x' }] },
      actions: [{ field: 'nope', visible: false }, { field: 'title' }, { field: 'status', mandatory: true, readOnly: true }, { field: 'old', readOnly: true }],
    };
    const found = problems({ uiPolicies: { p } });
    expect(found).toContainEqual(['uiPolicies.p.actions.0.field', 'INVALID_FIELD', 'UI policy "p" acts on field "nope", which is not a field of "ticket"']);
    expect(found).toContainEqual(['uiPolicies.p.actions.1', 'INVALID_DOCUMENT', 'UI policy "p" has an action on "title" that sets nothing; set mandatory, visible or readOnly']);
    expect(found).toContainEqual(['uiPolicies.p.actions.2', 'INVALID_DOCUMENT', 'UI policy "p" makes "status" both mandatory and read-only; no one could give it a value: choose one']);
    expect(found.filter((x) => x[1] === 'INVALID_CONDITION').map((x) => x[0])).toEqual(['uiPolicies.p.condition.and.0.value']);
    expect(found).toHaveLength(4);
    const path = problems({ uiPolicies: { p: { name: 'p', recordType: 'note', condition: { field: 'ticket.status', op: 'eq', value: 'open' }, actions: [{ field: 'body', readOnly: true }] } } });
    expect(path).toEqual([
      ['uiPolicies.p.condition.field', 'INVALID_CONDITION', 'UI policy "p" tests "ticket.status", a path through a reference; a UI policy tests the record\'s own fields (a form evaluates it on the record being edited)'],
    ]);
  });
});

describe('followFieldRenames', () => {
  it('renames a field in the forms and policies that name it, inherited ones included, and leaves the rest', async () => {
    const { followFieldRenames } = await import('../../schema/form/index.js');
    const { MetadataSnapshot } = await import('../../schema/metadata/index.js');
    const withIds = (types: typeof TYPES) =>
      Object.fromEntries(Object.entries(types).map(([n, d]) => [n, { ...d, fields: d.fields.map((f) => ({ ...f, id: `${n}.${f.name}` })) }]));
    const before = MetadataSnapshot.parse({
      recordTypes: withIds(TYPES),
      forms: { f: { name: 'f', recordType: 'ticket', sections: [{ columns: [['title', 'status']] }], relatedLists: [{ recordType: 'note', field: 'ticket' }] } },
      uiPolicies: { p: { name: 'p', recordType: 'ticket', condition: { not: { field: 'title', op: 'is_empty' } }, actions: [{ field: 'title', readOnly: true }, { field: 'status', visible: false }] } },
    });
    const types = withIds(TYPES) as Record<string, { fields: { name: string }[] }>;
    const renamed = (t: string, from: string, to: string) => ({ ...types[t], fields: types[t].fields.map((f) => (f.name === from ? { ...f, name: to } : f)) });
    const next = { ...before, recordTypes: { ...before.recordTypes, work: renamed('work', 'title', 'headline'), note: renamed('note', 'ticket', 'about') } } as unknown as typeof before;
    const out = followFieldRenames(before, next);
    expect(out.forms.f.sections[0].columns[0]).toEqual(['headline', 'status']);
    expect(out.forms.f.relatedLists[0].field).toBe('about');
    expect(out.uiPolicies.p.condition).toEqual({ not: { field: 'headline', op: 'is_empty' } });
    expect(out.uiPolicies.p.actions.map((a) => a.field)).toEqual(['headline', 'status']);
    expect(validateSnapshot(out)).toEqual([]);
    expect(followFieldRenames(before, before)).toBe(before);
  });
});
