import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallData, importItsm, type SmallData } from '../helpers/itsm.js';
import { startTestServer, type GqlResult, type TestServer } from '../helpers/test-server.js';

/**
 * Property tests of input handling over HTTP, on the demo packs and a little data, as an administrator and as a
 * person with no role: whatever filter, cursor or string a client sends, the answer is data or an error the
 * client caused (never a 5xx, never INTERNAL_SERVER_ERROR), reads change nothing and a refused write leaves
 * nothing behind. Run counts are kept small so the file stays fast; a failure prints its seed and shrunk input.
 */
let t: TestServer;
let data: SmallData;
const actors: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestServer();
  await importItsm(t);
  data = await createSmallData(t);
  actors.admin = t.adminToken;
  actors.employee = await t.token({ subject: 'ada' });
}, 180_000);
afterAll(() => t?.stop());

const actor = fc.constantFrom('admin', 'employee');

/** The answer is one the client caused: data, or errors with a code other than INTERNAL_SERVER_ERROR, below 500. */
function assertClientAnswer(r: GqlResult, input: unknown): void {
  const what = JSON.stringify(input)?.slice(0, 500);
  expect(r.status, what).toBeLessThan(500);
  for (const e of r.errors ?? []) {
    expect(e.extensions?.code, `${what}: ${e.message}`).toBeTypeOf('string');
    expect(e.extensions?.code, `${what}: ${e.message}`).not.toBe('INTERNAL_SERVER_ERROR');
  }
  if (!r.errors?.length) expect(r.data, what).toBeTruthy();
}

/** Every record's id, version and text fields: reads must leave it as it was. */
async function fingerprint(): Promise<string> {
  const [row] = await t.atrium.db.run<{ f: string }>(
    sql`SELECT md5(coalesce(string_agg(x, ',' ORDER BY x), '')) || ':' || count(*) AS f FROM (SELECT 'i' || i.id || ':' || i.sys_version || ':' || i.short_description || ':' || coalesce(i.description, '') AS x FROM records.incident i UNION ALL SELECT 'p' || p.id || ':' || p.sys_version || ':' || p.name FROM records.person p UNION ALL SELECT 'e' || e.id FROM atrium.record_event e) s`,
  );
  return row.f;
}

/** Values for one kind of input; `wellTyped` ones pass GraphQL coercion, `hostile` ones often do not. */
interface Values {
  text: fc.Arbitrary<string>;
  int: fc.Arbitrary<number>;
  when: fc.Arbitrary<string>;
  duration: fc.Arbitrary<string>;
  email: fc.Arbitrary<string>;
  bool: fc.Arbitrary<unknown>;
  /** Ids of people, and of incidents. */
  globalId: fc.Arbitrary<string>;
  incidentId: fc.Arbitrary<string>;
  state: fc.Arbitrary<string>;
  /** An unknown operator now and then. */
  bogus: boolean;
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');
// Any text, also long, multi-byte, LIKE wildcards and backslashes, SQL-looking; but no NUL and no lone surrogate.
const cleanText = fc.oneof(
  { weight: 8, arbitrary: fc.string({ maxLength: 20 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', '%', '_', '\\', "'; DROP TABLE x; --", '🙂', 'é', 'Problem 1', 'x'.repeat(161), 'y'.repeat(5000)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.string({ unit: 'grapheme', maxLength: 3 }), fc.integer({ min: 1, max: 400 })).map(([s, n]) => s.repeat(n)),
  },
);
// Strings that have hurt before: NUL, lone surrogates, control characters.
const text = fc.oneof(
  { weight: 4, arbitrary: cleanText },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udc00y'),
  },
);

const wellTyped: Values = {
  text: cleanText,
  int: fc.oneof(fc.integer({ min: -5, max: 10 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })),
  when: fc
    .date({
      min: new Date('1900-01-01'),
      max: new Date('2100-01-01'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  duration: fc.constantFrom('PT1H', 'P1D', 'PT-1S', 'P1Y2M3DT4H5M6S'),
  email: fc.emailAddress(),
  bool: fc.boolean(),
  globalId: fc.constantFrom('Person:1', 'Person:2', 'Person:3', 'Person:999999').map(b64),
  incidentId: fc.constantFrom('Incident:1', 'Incident:2', 'Incident:999999').map(b64),
  state: fc.constantFrom('NEW', 'IN_PROGRESS', 'CLOSED'),
  bogus: false,
};
const hostile: Values = {
  text,
  int: fc.oneof(fc.integer(), fc.constantFrom(2 ** 31, -(2 ** 53), 1.5)),
  when: fc.oneof(
    fc.date({ min: new Date(-8e15), max: new Date(8e15), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-02-30T00:00:00Z', 'yesterday', '0000-01-01T00:00:00Z'),
    text,
  ),
  duration: fc.oneof(fc.constantFrom('P99999999Y', 'PT99999999999H', '1 day', ''), text),
  email: fc.oneof(fc.emailAddress(), text),
  bool: fc.oneof(fc.boolean(), text),
  globalId: fc.oneof(fc.constantFrom('Person:abc', 'Nope:1', 'Person:', 'Person:-1', 'Person:99999999999999999999', 'Incident:1', 'AssignmentGroup:1').map(b64), text),
  incidentId: fc.oneof(fc.constantFrom('Person:1', 'Incident:abc').map(b64), text),
  state: fc.constantFrom('NEW', 'new', 'NOT_A_STATE'),
  bogus: true,
};

// Now and then a list around maxListLength (one value repeated: generating a thousand is slow).
const list = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 20, arbitrary: fc.array(a, { maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.tuple(a, fc.integer({ min: 995, max: 1005 })).map(([x, n]) => Array<T>(n).fill(x)),
    },
  );

/** Filters on people (the manager reference makes chains of any length) and on incidents, through references. */
function filtersOf(v: Values) {
  /** One or two operators of one field's filter. */
  const ops = (value: fc.Arbitrary<unknown>, extra: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<Record<string, unknown>> => {
    const all: Record<string, fc.Arbitrary<unknown>> = {
      eq: fc.option(value),
      ne: fc.option(value),
      in: list(value),
      notIn: list(value),
      isNull: fc.boolean(),
      ...extra,
    };
    const some = fc.subarray(Object.keys(all), { minLength: 1, maxLength: 2 }).chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, all[k]]))));
    return v.bogus
      ? fc.oneof(
          some,
          fc.tuple(some, fc.anything({ maxDepth: 2 })).map(([o, bogus]) => ({ ...o, bogus })),
        )
      : some;
  };
  const ordered = (value: fc.Arbitrary<unknown>) => ops(value, { lt: value, lte: value, gt: value, gte: value });
  const textOps = fc.oneof(ordered(v.text), fc.record({ contains: v.text, startsWith: v.text, endsWith: v.text }, { requiredKeys: [] }));
  const idOps = (id: fc.Arbitrary<string>) => fc.record({ eq: fc.option(id), ne: id, in: list(id), isNull: fc.boolean() }, { requiredKeys: [] });
  const fields = <T extends Record<string, fc.Arbitrary<unknown>>>(all: T) =>
    fc.subarray(Object.keys(all), { minLength: 1, maxLength: Math.min(3, Object.keys(all).length) }).chain((keys) => fc.record(Object.fromEntries(keys.map((k) => [k, all[k]]))));
  const depth = {
    maxDepth: 4,
    depthIdentifier: 'filter',
    withCrossShrink: true,
  };
  return fc.letrec((tie) => ({
    person: fc.oneof(
      depth,
      fields({
        name: textOps,
        email: fc.oneof(ordered(v.email), fc.record({ contains: v.text })),
        active: fc.record({ eq: v.bool }),
        managerId: idOps(v.globalId),
      }),
      fields({ manager: tie('person'), not: tie('person') }),
      fields({
        and: fc.array(tie('person'), { maxLength: 3 }),
        or: fc.array(tie('person'), { maxLength: 3 }),
      }),
    ),
    incident: fc.oneof(
      depth,
      fields({
        shortDescription: textOps,
        description: textOps,
        number: textOps,
        priority: ordered(v.int),
        version: ordered(v.int),
        state: ops(v.state),
        openedAt: ordered(v.when),
        createdAt: ordered(v.when),
        timeWorked: ordered(v.duration),
        id: idOps(v.incidentId),
        callerId: idOps(v.globalId),
      }),
      fields({
        caller: tie('person'),
        assignedTo: tie('person'),
        assignmentGroup: fc.record({ name: textOps }),
        not: tie('incident'),
      }),
      fields({
        and: fc.array(tie('incident'), { maxLength: 4 }),
        or: fc.array(tie('incident'), { maxLength: 4 }),
      }),
    ),
  }));
}
const typedFilters = filtersOf(wellTyped);
const hostileFilters = filtersOf(hostile);

/** A chain of and/or/not (and manager, below a caller), from shallow to far deeper than any limit. */
const deepChain = fc
  .tuple(fc.array(fc.constantFrom('not', 'and', 'or'), { maxLength: 40 }), fc.array(fc.constantFrom('not', 'and', 'or', 'manager'), { maxLength: 40 }))
  .map(([above, below]) => {
    const wrap = (f: Record<string, unknown>, k: string) => (k === 'not' || k === 'manager' ? { [k]: f } : { [k]: [f] });
    const person = below.reduceRight(wrap, { name: { eq: 'Ada' } } as Record<string, unknown>);
    return above.reduceRight(wrap, { caller: person } as Record<string, unknown>);
  });

/** H2_RUNS raises the run count for a longer hunt; the default keeps each property to a few seconds. */
const RUNS = { numRuns: Number(process.env.H2_RUNS ?? 80) };

/** Counts answers by their first error code ('data' when none), to show a property did not pass vacuously. */
function tally(outcomes: Map<string, number>, r: GqlResult): void {
  const key = String(r.errors?.[0]?.extensions?.code ?? 'data');
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

describe('random input over HTTP', () => {
  it('filters (deep, wide, random operators and values, through references): a client error or data, and nothing changes', async () => {
    const before = await fingerprint();
    const query = `query($f: IncidentFilter, $g: PersonFilter) { incidents(filter: $f, first: 5) { totalCount nodes { id caller { name } } } people(filter: $g, first: 3) { nodes { id } } }`;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof({ weight: 4, arbitrary: typedFilters.incident }, { weight: 1, arbitrary: hostileFilters.incident }, { weight: 1, arbitrary: deepChain }),
        fc.option(fc.oneof({ weight: 4, arbitrary: typedFilters.person }, { weight: 1, arbitrary: hostileFilters.person })),
        async (who, f, g) => {
          // Bodies past maxBodyBytes get a 413 and a closed connection; that limit is tested elsewhere.
          fc.pre(JSON.stringify({ f, g }).length < 500_000);
          const r = await t.gql(query, { f, g }, actors[who]);
          assertClientAnswer(r, { who, f, g });
          tally(outcomes, r);
        },
      ),
      RUNS,
    );
    expect(await fingerprint()).toBe(before);
    // The property must not pass vacuously: most random filters are valid and answered with data.
    expect(outcomes.get('data') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(RUNS.numRuns / 3);
  });

  it('cursors (base64url of random JSON, well-formed keys with random values, garbage): data or INVALID_CURSOR', async () => {
    const before = await fingerprint();
    const order = fc.constantFrom('PRIORITY_ASC', 'SHORT_DESCRIPTION_DESC', 'OPENED_AT_ASC', 'STATE_DESC', 'CREATED_AT_DESC', 'ID_ASC', 'TIME_WORKED_ASC');
    const signature: Record<string, string> = {
      PRIORITY_ASC: 'priority:a,id:a',
      SHORT_DESCRIPTION_DESC: 'short_description:d,id:d',
      OPENED_AT_ASC: 'opened_at:a,id:a',
      STATE_DESC: 'state:d,id:d',
      CREATED_AT_DESC: 'sys_created_at:d,id:d',
      ID_ASC: 'id:a',
      TIME_WORKED_ASC: 'time_worked:a,id:a',
    };
    const scalar = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, hostile.int, hostile.when, hostile.duration, wellTyped.when, wellTyped.duration);
    const b64json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url');
    // Cursors the API issued for each order, so continuing pages are part of the mix.
    const issued: Record<string, string[]> = {};
    for (const o of Object.keys(signature))
      issued[o] = (await t.ok(`query($o: [IncidentOrderBy!]) { incidents(orderBy: $o) { edges { cursor } } }`, { o: [o] })).incidents.edges.map((e: { cursor: string }) => e.cursor);
    const cursor = (o: string) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...issued[o]) },
        fc.jsonValue({ maxDepth: 3 }).map(b64json),
        fc.tuple(scalar, scalar).map(([a, b]) => b64json(o === 'ID_ASC' ? [signature[o], a] : [signature[o], a, b])),
        fc.tuple(scalar, fc.integer({ min: 1, max: 2000 })).map(([a, id]) => b64json([signature[o], a, id])),
        fc.string({ maxLength: 60 }),
        fc.base64String({ maxLength: 60 }),
      );
    const outcomes = new Map<string, number>();
    const query = `query($o: [IncidentOrderBy!], $a: String, $b: String) { incidents(orderBy: $o, first: 3, after: $a) { nodes { id } pageInfo { endCursor } } back: incidents(orderBy: $o, last: 2, before: $b) { totalCount edges { cursor } } }`;
    await fc.assert(
      fc.asyncProperty(
        actor,
        order.chain((o) => fc.tuple(fc.constant(o), fc.option(cursor(o)), fc.option(cursor(o)))),
        async (who, [o, a, b]) => {
          const r = await t.gql(query, { o: [o], a, b }, actors[who]);
          assertClientAnswer(r, { who, o, a, b });
          for (const e of r.errors ?? []) expect(['INVALID_CURSOR', 'BAD_USER_INPUT', 'BAD_REQUEST', 'FORBIDDEN'], e.message).toContain(e.extensions?.code);
          tally(outcomes, r);
        },
      ),
      RUNS,
    );
    expect(await fingerprint()).toBe(before);
    expect(outcomes.get('data') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(RUNS.numRuns / 10);
    expect(outcomes.get('INVALID_CURSOR') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it('strings in create and update input: stored exactly as sent, or refused with nothing stored', async () => {
    const count = async () => (await t.atrium.db.run<{ n: number }>(sql`SELECT count(*)::int AS n FROM records.incident`))[0].n;
    const create = `mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id version shortDescription description } } }`;
    const update = `mutation($id: ID!, $v: Int!, $p: IncidentPatch!) { updateIncident(input: { id: $id, version: $v, patch: $p }) { incident { shortDescription description } } }`;
    const fields = fc.record({ shortDescription: text, description: fc.option(text) }, { requiredKeys: ['shortDescription'] });
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(actor, fields, fc.option(fields), async (who, input, patch) => {
        const n = await count();
        const r = await t.gql(create, { i: { ...input, caller: data.people[0] } }, actors[who]);
        assertClientAnswer(r, { who, input });
        tally(outcomes, r);
        if (r.errors?.length) {
          expect(await count()).toBe(n);
          return;
        }
        const made = r.data.createIncident.incident;
        // An employee may create but not read back an incident where someone else is the caller.
        if (made)
          expect({ s: made.shortDescription, d: made.description }).toEqual({
            s: input.shortDescription,
            d: input.description ?? null,
          });
        if (!patch || !made) return;
        const before = await fingerprint();
        const u = await t.gql(update, { id: made.id, v: made.version, p: patch }, actors.admin);
        assertClientAnswer(u, { patch });
        if (u.errors?.length) expect(await fingerprint()).toBe(before);
        else
          expect(u.data.updateIncident.incident).toEqual({
            shortDescription: patch.shortDescription,
            description: patch.description === undefined ? made.description : patch.description,
          });
      }),
      { numRuns: Math.ceil(RUNS.numRuns / 2) },
    );
    expect(outcomes.get('data') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(RUNS.numRuns / 10);
    expect(outcomes.get('BAD_USER_INPUT') ?? 0, JSON.stringify([...outcomes])).toBeGreaterThan(0);
  });
});
