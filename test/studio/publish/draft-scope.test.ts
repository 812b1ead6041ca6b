import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/metadata/index.js';
import { splitDraftsByUnits } from '../../../studio/src/publish/draft-scope.js';

// HR owns hr_case (its case type); IT owns incident; task is the platform's.
const published = {
  ...EMPTY_SNAPSHOT,
  recordTypes: { hr_case: { name: 'hr_case', fields: [] }, incident: { name: 'incident', fields: [] }, task: { name: 'task', fields: [] } },
  caseTypes: { hr_case: { name: 'hr_case', businessUnit: 'hr' }, incident: { name: 'incident', businessUnit: 'it' } },
  forms: { hr_case: { name: 'hr_case', recordType: 'hr_case' }, incident: { name: 'incident', recordType: 'incident' } },
  acls: { hr_read: { name: 'hr_read', recordType: 'hr_case' } },
} as unknown as MetadataSnapshot;
const working = {
  ...published,
  forms: { ...published.forms, moved: { name: 'moved', recordType: 'incident' } },
  acls: {},
} as unknown as MetadataSnapshot;
// "moved" was an HR form as published; the draft points it at IT's type, so it is no longer only HR's.
const publishedWithMoved = { ...published, forms: { ...published.forms, moved: { name: 'moved', recordType: 'hr_case' } } } as unknown as MetadataSnapshot;

const draft = (kind: string, key: string, removal = false) => ({ name: `${kind}:${key}`, kind, key, removal, version: 1 });
const drafts = [
  draft('form', 'hr_case'),
  draft('form', 'incident'),
  draft('acl', 'hr_read', true),
  draft('recordType', 'task'),
  draft('userCriteria', 'agents'),
  draft('form', 'moved'),
];

describe('splitDraftsByUnits', () => {
  it('gives the platform admin every draft', () => {
    expect(splitDraftsByUnits(drafts, { published: publishedWithMoved, working }, null)).toEqual({ mine: drafts, others: [] });
  });

  it('gives a unit administrator only drafts inside its units, as published and as drafted (removals by the published document)', () => {
    const { mine, others } = splitDraftsByUnits(drafts, { published: publishedWithMoved, working }, ['hr']);
    expect(mine.map((d) => d.name)).toEqual(['form:hr_case', 'acl:hr_read']);
    expect(others.map((d) => d.name)).toEqual(['form:incident', 'recordType:task', 'userCriteria:agents', 'form:moved']);
  });

  it('leaves out a draft whose document is in neither snapshot', () => {
    expect(splitDraftsByUnits([draft('form', 'ghost')], { published, working }, ['hr', 'it']).mine).toEqual([]);
  });
});
