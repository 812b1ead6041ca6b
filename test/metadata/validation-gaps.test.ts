import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../server/metadata/index.js';
import { createSmallData, importItsm } from '../helpers/itsm.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

// Regressions of issue 7 (items 8 and 11): metadata that used to pass validation and then either failed the
// publish with INTERNAL_SERVER_ERROR or silently changed the graph.

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  await createSmallData(t);
});
afterAll(() => t?.stop());

const SAVE = `mutation($i: RecordTypeInput!) { saveRecordTypeDraft(input: $i) { name } }`;
const PUBLISH = `mutation { publishMetadata(message: "try") { version { id } } }`;

async function state() {
  const v = await t.ok(`{ metadataVersions(limit: 1) { id } }`);
  const tables = await t.atrium.db.run<{ n: number }>({ sql: `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'records'`, params: [] });
  const people = await t.ok(`{ people(orderBy: [NAME_ASC]) { nodes { name incidentsByCaller { totalCount } } } }`);
  return { version: v.metadataVersions[0].id, columns: tables[0].n, people: people.people.nodes };
}

/**
 * Saves the drafts, expects validateMetadata to report a problem at `path` matching `pattern`, the publish to be
 * refused with `code` and that same problem, and nothing to change.
 */
async function refused(drafts: Record<string, unknown>[], code: string, path: string, pattern: RegExp) {
  const before = await state();
  for (const d of drafts) await t.ok(SAVE, { i: d });
  const problems = (await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata;
  expect(problems).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(pattern) }));
  const r = await t.gql(PUBLISH);
  expect(r.errors?.[0].extensions?.code).toBe(code);
  expect(r.errors?.[0].extensions?.problems).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(pattern) }));
  await t.ok(`mutation { discardDrafts }`);
  expect(await state()).toEqual(before);
}

const ref = (name: string, reference: string, reverseName?: string) => ({ name, label: name, type: 'REFERENCE', reference, ...(reverseName ? { reverseName } : {}) });
const str = (name: string) => ({ name, label: name, type: 'STRING' });

describe('reverse connection names', () => {
  it('a reverse name equal to an existing one no longer re-points it (incidentsByCaller kept its 6 incidents)', async () => {
    const before = await state();
    expect(before.people.map((p: any) => p.incidentsByCaller.totalCount)).toEqual([2, 2, 2]);
    await refused(
      [{ name: 'alarm', label: 'Alarm', fields: [str('title'), ref('raised_by', 'person', 'incidents_by_caller')] }],
      'VALIDATION_FAILED',
      'alarm.fields.raised_by.reverseName',
      /"incidentsByCaller" on "person" would be made by both incident\.caller \(→ person\) and alarm\.raised_by \(→ person\); choose another reverseName/,
    );
  });

  it('must not clash with a field of the target, or with a system field', async () => {
    await refused([{ name: 'alarm', label: 'Alarm', fields: [ref('raised_by', 'person', 'name')] }], 'VALIDATION_FAILED', 'alarm.fields.raised_by.reverseName', /clashes with field "name" of "person"/);
    await refused([{ name: 'alarm', label: 'Alarm', fields: [ref('raised_by', 'person', 'updated_by')] }], 'VALIDATION_FAILED', 'alarm.fields.raised_by.reverseName', /clashes with the system field "updatedBy"/);
  });

  it('is unique across a target and its descendants, which inherit reverse connections', async () => {
    // One points at task (shown on incident too), one at incident, both named "watchers".
    await refused(
      [
        { name: 'alarm', label: 'Alarm', fields: [ref('about_task', 'task', 'watchers')] },
        { name: 'beacon', label: 'Beacon', fields: [ref('about_incident', 'incident', 'watchers')] },
      ],
      'VALIDATION_FAILED',
      'beacon.fields.about_incident.reverseName',
      /"watchers" on "incident" would be made by both alarm\.about_task \(→ task\) and beacon\.about_incident \(→ incident\)/,
    );
  });

  it('must not clash with a default reverse name, and a default name may not clash with a field', async () => {
    // alarm.caller's default name on person would be alarmsByCaller; another field's explicit name takes it.
    await refused(
      [{ name: 'alarm', label: 'Alarm', fields: [ref('caller', 'person'), ref('second', 'person', 'alarms_by_caller')] }],
      'VALIDATION_FAILED',
      'alarm.fields.second.reverseName',
      /"alarmsByCaller" on "person" would be made by both alarm\.caller \(→ person\) and alarm\.second/,
    );
    await refused(
      [{ name: 'person', label: 'Person', fields: [str('user_name'), str('name'), str('email'), str('alarms_by_caller')] }, { name: 'alarm', label: 'Alarm', fields: [ref('caller', 'person')] }],
      'VALIDATION_FAILED',
      'alarm.fields.caller.reverseName',
      /alarm\.caller \(→ person\) adds the reverse connection "alarmsByCaller" \(its default name\), which clashes with field "alarms_by_caller" of "person"; give the field a reverseName/,
    );
  });

  it('a distinct reverse name publishes and serves its own connection beside the old one', async () => {
    await t.ok(SAVE, { i: { name: 'alarm', label: 'Alarm', fields: [str('title'), ref('raised_by', 'person', 'alarms_raised')] } });
    await t.ok(PUBLISH);
    const r = await t.ok(`{ people(first: 1) { nodes { incidentsByCaller { totalCount } alarmsRaised { totalCount } } } }`);
    expect(r.people.nodes[0]).toEqual({ incidentsByCaller: { totalCount: 2 }, alarmsRaised: { totalCount: 0 } });
  });
});

describe('defaults are checked against their field type', () => {
  const field = (type: string, def: unknown, extra: Record<string, unknown> = {}) => [{ name: 'gauge', label: 'Gauge', fields: [str('title'), { name: 'value', label: 'Value', type, default: def, ...extra }] }];
  const cases: [string, unknown, Record<string, unknown>, RegExp][] = [
    ['INTEGER', 'abc', {}, /default "abc" of integer field "value" is not a whole number/],
    ['INTEGER', 3_000_000_000, {}, /not a whole number between -2147483648 and 2147483647/],
    ['DATE', '2026-02-30', {}, /default "2026-02-30" of date field "value" is neither "now" nor a date written as YYYY-MM-DD/],
    ['DATETIME', 'tomorrow', {}, /neither "now" nor an RFC 3339 date-time/],
    ['DURATION', '4 hours', {}, /not an ISO 8601 duration/],
    ['STRING', 'abcdef', { maxLength: 3 }, /6 characters long, more than its maximum length 3/],
    ['DECIMAL', '123456789.5', { scale: 12 }, /9 digits before the point; with scale 12 at most 8 fit/],
    ['BOOLEAN', 'yes', {}, /neither true nor false/],
    ['EMAIL', 'nobody', {}, /not an e-mail address/],
    ['URL', 'not a url', {}, /not an absolute URL/],
    ['CHOICE', 'zz', { choices: [{ value: 'a', label: 'A' }] }, /default "zz" of "value" is not one of its choices \(a\)/],
    ['MULTI_CHOICE', ['a', 'zz'], { choices: [{ value: 'a', label: 'A' }] }, /has "zz", not among its choices \(a\)/],
    ['REFERENCE', 'UGVyc29uOjE=', { reference: 'person' }, /reference field "value" cannot have a default/],
  ];
  for (const [type, def, extra, pattern] of cases)
    it(`${type} ${JSON.stringify(def)}`, async () => {
      await refused(field(type, def, extra), 'VALIDATION_FAILED', 'gauge.fields.value.default', pattern);
    });

  it('a good default of every kind publishes and fills new records', async () => {
    await t.ok(SAVE, {
      i: {
        name: 'meter',
        label: 'Meter',
        fields: [
          { name: 'count', label: 'Count', type: 'INTEGER', default: 3 },
          { name: 'amount', label: 'Amount', type: 'DECIMAL', default: '12.50' },
          { name: 'day', label: 'Day', type: 'DATE', default: '2024-02-29' },
          { name: 'at', label: 'At', type: 'DATETIME', default: '2026-01-31T09:00:00+01:00' },
          { name: 'span', label: 'Span', type: 'DURATION', default: 'P1DT2H' },
          { name: 'tags', label: 'Tags', type: 'MULTI_CHOICE', choices: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], default: ['a', 'b'] },
          { name: 'extra', label: 'Extra', type: 'JSON', default: { k: [1, 'two'] } },
        ],
      },
    });
    await t.ok(PUBLISH);
    const r = await t.ok(`mutation { createMeter(input: {}) { meter { count amount day at span tags extra } } }`);
    expect(r.createMeter.meter).toEqual({ count: 3, amount: '12.50', day: '2024-02-29', at: '2026-01-31T08:00:00+00:00', span: 'P1DT2H', tags: ['A', 'B'], extra: { k: [1, 'two'] } });
  });
});

describe('other paths that used to end in INTERNAL_SERVER_ERROR', () => {
  it('a concrete record type without fields is refused; an abstract one may be empty', async () => {
    await refused([{ name: 'hollow', label: 'Hollow', fields: [] }], 'VALIDATION_FAILED', 'hollow.fields', /"hollow" has no fields: a record type needs at least one field \(or make it abstract\)/);
    // Removing every field of a published type leaves it empty too.
    await t.ok(`mutation { removeField(type: "alarm", name: "title") { name } }`);
    await t.ok(`mutation { removeField(type: "alarm", name: "raised_by") { name } }`);
    const problems = (await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata;
    expect(problems).toEqual([{ path: 'alarm.fields', code: 'INVALID_FIELD', message: expect.stringMatching(/every field of "alarm" is removed/) }]);
    expect((await t.gql(PUBLISH)).errors?.[0].extensions?.code).toBe('VALIDATION_FAILED');
    await t.ok(`mutation { discardDrafts }`);
    await t.ok(SAVE, { i: { name: 'grouping', label: 'Grouping', abstract: true, fields: [] } });
    await t.ok(PUBLISH);
  });

  it('text the database cannot store is refused when saved, not failed on', async () => {
    // Over HTTP a NUL never reaches the metadata service: every request's variables are checked at the door.
    const r = await t.gql(SAVE, { i: { name: 'alarm', label: 'Al\u0000arm', fields: [str('title')] } });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: '$i.label' });
    const f = await t.gql(`mutation($f: RecordFieldInput!) { addField(type: "alarm", field: $f) { name } }`, { f: { name: 'note', label: 'Note', type: 'JSON', default: { a: 'x\u0000' } } });
    expect(f.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: '$f.default.a' });
    // Other callers of the service (imports, the seed loader) meet the validator's own check.
    await expect(t.atrium.metadata.saveDraft({ name: 'alarm', label: 'Al\u0000arm', fields: [{ name: 'title', label: 'Title', type: 'string' }] }, 'admin')).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/"label" holds a character that cannot be stored/),
    });
    const m = await t.gql(`mutation { publishMetadata(message: "a\\u0000b") { version { id } } }`);
    expect(m.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fills a JSON text default into existing records when the field becomes required (typed as the column)', async () => {
    await t.ok(`mutation($f: RecordFieldInput!) { addField(type: "meter", field: $f) { name } }`, { f: { name: 'blob', label: 'Blob', type: 'JSON' } });
    await t.ok(PUBLISH);
    await t.ok(`mutation { createMeter(input: {}) { meter { id } } }`);
    await t.ok(`mutation($f: RecordFieldInput!) { updateField(type: "meter", name: "blob", field: $f) { name } }`, { f: { name: 'blob', label: 'Blob', type: 'JSON', required: true, default: 'plain text' } });
    expect((await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata).toEqual([]);
    await t.ok(PUBLISH);
    const blobs = (await t.ok(`{ meters { nodes { blob } } }`)).meters.nodes.map((n: { blob: unknown }) => n.blob);
    expect(blobs.length).toBeGreaterThan(0);
    expect(blobs.every((b: unknown) => b === 'plain text')).toBe(true);
  });

  it('DDL the database refuses inside the publish is an UNSAFE_CHANGE naming the step, reported by validateMetadata too, and changes nothing', async () => {
    // A damaged installation: a table in the way of a new type's.
    await t.atrium.db.run({ sql: 'CREATE TABLE records.gizmo (id bigint)', params: [] });
    const before = await state();
    await t.ok(`mutation { saveRecordTypeDraft(input: { name: "gizmo", label: "Gizmo", fields: [{ name: "title", label: "Title", type: STRING }] }) { name } }`);
    const problems = (await t.ok(`{ validateMetadata { path code message } }`)).validateMetadata;
    const r = await t.gql(PUBLISH);
    expect(r.errors?.[0].extensions?.code).toBe('UNSAFE_CHANGE');
    expect(r.errors?.[0].message).toMatch(/gizmo.*the database refused it \(relation "gizmo" already exists/);
    expect(problems).toEqual([{ path: expect.stringMatching(/gizmo/), code: 'UNSAFE_CHANGE', message: r.errors![0].message }]);
    await t.ok(`mutation { discardDrafts }`);
    expect(await state()).toEqual(before);
    await t.atrium.db.run({ sql: 'DROP TABLE records.gizmo', params: [] });
  });

  it('a schema graphql-js refuses while it is built is a VALIDATION_FAILED saying why, and changes nothing', async () => {
    const before = await state();
    const head = await t.atrium.metadata.published();
    const snapshot = { ...head.snapshot, recordTypes: { ...head.snapshot.recordTypes, extra: { name: 'extra', label: 'Extra', fields: [{ name: 'title', label: 'Title', type: 'string' as const }] } } };
    const failing = publish(t.atrium.db, {
      author: 'admin',
      snapshot,
      prepare: () => {
        throw new Error('Interface field Task.title expects type String but Extra.title is type Int.');
      },
    });
    await expect(failing).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^the GraphQL schema for this metadata cannot be built: Interface field Task\.title/) });
    expect(await state()).toEqual(before);
  });
});
