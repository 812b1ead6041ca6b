import { describe, expect, it } from 'vitest';
import type { MetadataProblem } from '../../../schema/metadata/index.js';
import { messageOf, problemsAt, problemsOfField } from '../../../studio/src/record-types/field-problems.js';
import { recordTypeRows } from '../../../studio/src/record-types/record-type-rows.js';
import { recordCountOf } from '../../../studio/src/record-types/use-conversion-refusals.js';

const p = (path: string, message = path): MetadataProblem => ({ path, code: 'INVALID_FIELD', message });

describe('problems on their field', () => {
  const problems = [p('incident.fields.Bad'), p('incident.fields.3.label'), p('incident.fields.impact.default'), p('incident.fields.impact_level'), p('problem.fields.impact'), p('incident.label')];
  const field = { name: 'impact', label: 'Impact', type: 'choice' as const };

  it('matches the validators’ paths by name and the schema’s by index, and nothing of another field or type', () => {
    expect(problemsOfField(problems, 'incident', field, 3).map((x) => x.path)).toEqual(['incident.fields.3.label', 'incident.fields.impact.default']);
    expect(problemsOfField(problems, 'incident', { ...field, name: 'Bad' }, 0).map((x) => x.path)).toEqual(['incident.fields.Bad']);
  });

  it('splits them by property', () => {
    expect(problemsAt(problems, 'incident', field, 3, 'default').map((x) => x.path)).toEqual(['incident.fields.impact.default']);
    expect(problemsAt(problems, 'incident', field, 3, 'label').map((x) => x.path)).toEqual(['incident.fields.3.label']);
    expect(problemsAt(problems, 'incident', { ...field, name: 'Bad' }, 0, '').map((x) => x.path)).toEqual(['incident.fields.Bad']);
    expect(messageOf([p('a', 'one'), p('b', 'two')])).toBe('one; two');
    expect(messageOf([])).toBeNull();
  });

  it('reads the record count out of a server refusal', () => {
    expect(recordCountOf('cannot convert incident.x from string(255) to integer: 3 record(s) are not whole numbers')).toBe(3);
    expect(recordCountOf('cannot make incident.x unique: 2 value(s) appear in more than one record')).toBe(2);
    expect(recordCountOf('no safe conversion')).toBeNull();
  });
});

describe('the record types list', () => {
  const docs = [
    { name: 'task', label: 'Task', abstract: true, fields: [{ name: 'a', label: 'A', type: 'string' as const }] },
    { name: 'old', label: 'Old thing', archived: true, fields: [{ name: 'a', label: 'A', type: 'string' as const }] },
    { name: 'incident', label: 'Incident', extends: 'task', fields: [{ name: 'b', label: 'B', type: 'string' as const }, { name: 'c', label: 'C', type: 'string' as const, archived: true }] },
  ];
  it('searches label and name, counts active fields, marks drafts and sorts archived last', () => {
    const rows = recordTypeRows(docs, null, new Set(['incident']), '');
    expect(rows.map((r) => [r.name, r.fieldCount, r.drafted, r.archived])).toEqual([
      ['incident', 1, true, false],
      ['task', 1, false, false],
      ['old', 1, false, true],
    ]);
    expect(recordTypeRows(docs, null, new Set(), 'INC').map((r) => r.name)).toEqual(['incident']);
    expect(recordTypeRows(docs, null, new Set(), 'thing').map((r) => r.name)).toEqual(['old']);
  });
});
