import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, type MetadataSnapshot } from '../../../schema/index.js';
import { identityFiles } from '../../../server/metadata/identity-pack.js';
import { carryForward, importFiles } from '../../../server/metadata/index.js';
import { DEMO_PACKS, readPack } from '../../../seeds/load-pack.js';
import { draftProblems } from '../../../studio/src/metadata/draft-problems.js';

let snapshot: MetadataSnapshot;
beforeAll(async () => {
  snapshot = carryForward(EMPTY_SNAPSHOT, importFiles([...(await identityFiles()), ...(await readPack(...DEMO_PACKS))]));
});

describe("the studio's live problems of one document", () => {
  it('has none for a shipped document', () => {
    expect(draftProblems('form', snapshot.forms.incident, snapshot)).toEqual([]);
    expect(draftProblems('recordType', snapshot.recordTypes.incident, snapshot)).toEqual([]);
  });

  it("reports a document's own shape errors with paths into it", () => {
    const problems = draftProblems('stateModel', { ...snapshot.stateModels.incident, states: 'many' }, snapshot);
    expect(problems).toEqual([expect.objectContaining({ code: 'INVALID_DOCUMENT', path: 'stateModels.incident.states' })]);
  });

  it('reports what the whole metadata says of it (a field the type lacks), and only of it', () => {
    const form = structuredClone(snapshot.forms.incident);
    form.sections[0]!.columns[0]!.push('no_such_field');
    const problems = draftProblems('form', form, snapshot);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.path.startsWith('forms.incident.'))).toBe(true);
    expect(problems.map((p) => p.message).join(' ')).toContain('no_such_field');
  });

  it('checks a record type under its bare name, as the server writes its paths', () => {
    const type = structuredClone(snapshot.recordTypes.incident);
    type.fields.push({ ...type.fields.at(-1)!, id: undefined, name: 'Bad Name' } as never);
    const problems = draftProblems('recordType', type, snapshot);
    expect(problems.some((p) => p.path.startsWith('incident') || p.path.startsWith('recordTypes.incident'))).toBe(true);
  });
});
