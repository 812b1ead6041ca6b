import postgres from 'postgres';

export const DATA_SHAPE = { people: 5_000, groups: 50, incidents: 100_000, journalEntries: 300_000 } as const;

/**
 * The deterministic data set of BENCHMARK.md, written straight into the record tables with
 * `INSERT … SELECT generate_series` (no GraphQL, no events). Pseudo-random choices come from `hashint4`, which
 * PostgreSQL keeps stable across versions (hash partitioning depends on it), so every run loads the same rows.
 *
 * - opened_at: 2024-01-01 + perm(n) × 10 min, where perm(n) = n·7919 mod 100000 is a permutation, so times are
 *   unique and not correlated with insertion order;
 * - journal entry k (1…7) of incident n: written_at = opened_at(n) + k min, unique because k < 10;
 * - every fifth incident has 7 entries, the rest 2: 20,000 × 7 + 80,000 × 2 = 300,000.
 */
export async function loadBenchData(databaseUrl: string): Promise<{ ms: number; rows: Record<string, number> }> {
  const started = performance.now();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ base }] = await sql<{ base: string }[]>`select nextval('atrium.record_id_seq')::text as base`;
    const b = BigInt(base);
    const personId = (expr: string) => `(${b} + ${expr})`;
    const groupId = (expr: string) => `(${b + 10_000n} + ${expr})`;
    const incidentId = (expr: string) => `(${b + 100_000n} + ${expr})`;
    const journalBase = b + 300_000n;
    const h = (expr: string, salt: number) => `abs(hashint4((${expr}) * 16 + ${salt})::bigint)`;
    const openedAt = (n: string) => `(timestamptz '2024-01-01 00:00:00+00' + ((${n})::bigint * 7919 % 100000) * interval '10 minutes')`;

    await sql.begin(async (tx) => {
      await tx.unsafe(`
        insert into records.person (id, sys_created_by, sys_updated_by, name, email, department)
        select ${personId('n')}, 'bench', 'bench', 'User ' || n, 'user' || n || '@example.com',
               (array['Finance','HR','IT','Sales','Legal','Facilities','Marketing','Support','R&D','Operations'])[n % 10 + 1]
        from generate_series(1, ${DATA_SHAPE.people}) n`);
      await tx.unsafe(`
        insert into records.assignment_group (id, sys_created_by, sys_updated_by, name)
        select ${groupId('n')}, 'bench', 'bench', 'Group ' || n from generate_series(1, ${DATA_SHAPE.groups}) n`);
      await tx.unsafe(`
        insert into records.incident (id, sys_created_by, sys_updated_by, number, short_description, priority, state, caller, assignment_group, opened_at)
        select ${incidentId('n')}, 'bench', 'bench', 'INC' || lpad(n::text, 7, '0'),
               'Incident ' || n || ': ' || (array['e-mail not syncing','VPN drops every hour','printer offline','cannot log in','slow laptop','disk almost full'])[${h('n', 1)} % 6 + 1],
               ${h('n', 2)} % 5 + 1,
               (array['new','in_progress','on_hold','resolved','closed'])[${h('n', 3)} % 5 + 1],
               ${personId(`${h('n', 4)} % ${DATA_SHAPE.people} + 1`)},
               ${groupId(`${h('n', 5)} % ${DATA_SHAPE.groups} + 1`)},
               ${openedAt('n')}
        from generate_series(1, ${DATA_SHAPE.incidents}) n`);
      await tx.unsafe(`
        insert into records.journal_entry (id, sys_created_by, sys_updated_by, incident, author, body, written_at)
        select ${journalBase} + row_number() over (order by n, k), 'bench', 'bench', ${incidentId('n')},
               ${personId(`${h('n * 8 + k', 6)} % ${DATA_SHAPE.people} + 1`)},
               'Note ' || k || ' on INC' || lpad(n::text, 7, '0') || ': ' ||
                 (array['checked the logs and restarted the service','asked the caller to confirm the fix','escalated to the network team','waiting for the vendor to answer'])[${h('n * 8 + k', 7)} % 4 + 1],
               ${openedAt('n')} + k * interval '1 minute'
        from generate_series(1, ${DATA_SHAPE.incidents}) n
        cross join lateral generate_series(1, case when n % 5 = 0 then 7 else 2 end) k`);
      await tx.unsafe(`select setval('atrium.record_id_seq', ${journalBase + BigInt(DATA_SHAPE.journalEntries) + 1n})`);
      await tx.unsafe(`select setval('records_seq.incident', ${DATA_SHAPE.incidents})`);
      // Atrium indexes reference columns itself; the columns the page filters and sorts on are the bench's job.
      await tx.unsafe(`create index bench_incident_opened_at on records.incident (opened_at)`);
      await tx.unsafe(`create index bench_incident_priority on records.incident (priority)`);
      await tx.unsafe(`create index bench_journal_entry_written_at on records.journal_entry (written_at)`);
    });
    await sql.unsafe(`vacuum (analyze) records.person, records.assignment_group, records.incident, records.journal_entry`);
    const counts = await sql<{ t: string; c: number }[]>`
      select 'person' as t, count(*)::int as c from records.person union all
      select 'assignment_group', count(*)::int from records.assignment_group union all
      select 'incident', count(*)::int from records.incident union all
      select 'journal_entry', count(*)::int from records.journal_entry`;
    const rows = Object.fromEntries(counts.map((r) => [r.t, r.c]));
    const expected = { person: DATA_SHAPE.people, assignment_group: DATA_SHAPE.groups, incident: DATA_SHAPE.incidents, journal_entry: DATA_SHAPE.journalEntries };
    for (const [t, n] of Object.entries(expected)) if (rows[t] !== n) throw new Error(`expected ${n} rows in records.${t}, found ${rows[t]}`);
    const [dup] = await sql`select (select count(distinct opened_at) from records.incident)::int as o, (select count(distinct written_at) from records.journal_entry)::int as w`;
    if (dup.o !== DATA_SHAPE.incidents || dup.w !== DATA_SHAPE.journalEntries) throw new Error(`times are not unique: ${JSON.stringify(dup)}`);
    return { ms: performance.now() - started, rows };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
