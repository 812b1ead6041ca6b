import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SNAPSHOT, buildModel, camelName, defaultProblem, reverseConnections, unstorableText, validateSnapshot, type MetadataSnapshot } from '../../schema/index.js';
import { recordTypeDocs } from './metadata-arbitrary.js';

const BASE: MetadataSnapshot = {
  ...EMPTY_SNAPSHOT,
  acls: {},
  recordTypes: {
    task: { name: 'task', label: 'Task', abstract: true, numberPrefix: 'TASK', fields: [{ name: 'title', label: 'Title', type: 'string' }] },
    incident: { name: 'incident', label: 'Incident', extends: 'task', fields: [{ name: 'caller', label: 'Caller', type: 'reference', reference: 'person' }] },
    person: { name: 'person', label: 'Person', fields: [{ name: 'name', label: 'Name', type: 'string' }] },
  },
};

const snapshots = recordTypeDocs.map((docs) => ({ ...BASE, recordTypes: { ...BASE.recordTypes, ...Object.fromEntries(docs.map((d) => [d.name, d])) } }));

describe('validateSnapshot on random documents', () => {
  it('never throws, and answers with problems that each have a path, a code and a message', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: snapshots }, { weight: 1, arbitrary: fc.anything() }), (input) => {
        const problems = validateSnapshot(input);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) {
          expect(typeof p.path).toBe('string');
          expect(typeof p.code).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('whatever it accepts has storable text, fitting defaults, a field on every concrete type and unclashing reverse names', () => {
    let accepted = 0;
    fc.assert(
      fc.property(snapshots, (snapshot) => {
        if (validateSnapshot(snapshot).length) return;
        accepted++;
        expect(unstorableText(snapshot)).toBeNull();
        const model = buildModel(snapshot as MetadataSnapshot);
        for (const [name, connections] of reverseConnections(model)) {
          const type = model.types.get(name)!;
          const taken = new Set([...type.activeFields.map((f) => f.gqlName), 'id', 'number', 'version', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'displayValue']);
          for (const c of connections) {
            expect(taken.has(c.name), `${name}.${c.name}`).toBe(false);
            taken.add(c.name);
          }
          if (!type.abstract && !type.archived) expect(type.activeFields.length).toBeGreaterThan(0);
          for (const f of type.activeFields) expect(defaultProblem(f), `${name}.${f.name}`).toBeNull();
          expect(new Set(type.activeFields.map((f) => camelName(f.name))).size).toBe(type.activeFields.length);
        }
      }),
      { numRuns: 400 },
    );
    // The generator must reach valid documents too, or the property says nothing.
    expect(accepted).toBeGreaterThan(10);
  });
});
