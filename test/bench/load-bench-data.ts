import postgres from 'postgres';
import { PERSONAS } from './personas.js';

export const DATA_SHAPE = { people: 5_000, groups: 50, incidents: 100_000, journalEntries: 300_000, departments: 10, accounts: 200, agents: 200 } as const;

/**
 * The deterministic data set of BENCHMARK.md, written straight into the record tables with
 * `INSERT … SELECT generate_series` (no GraphQL, no events). Pseudo-random choices come from `hashint4`, which
 * PostgreSQL keeps stable across versions (hash partitioning depends on it), so every run loads the same rows.
 *
 * - opened_at: 2024-01-01 + perm(n) × 10 min, where perm(n) = n·7919 mod 100000 is a permutation, so times are
 *   unique and not correlated with insertion order;
 * - journal entry k (1…7) of incident n: written_at = opened_at(n) + k min, unique because k < 10;
 * - every fifth incident has 7 entries, the rest 2: 20,000 × 7 + 80,000 × 2 = 300,000.
 *
 * Identity data for the two personas (see personas.ts): people are the platform's `person` type (user_name
 * `user<n>`, a department of 10), users 1–4800 contacts of 200 accounts in 20 trees, users 4801–5000 agents
 * in two leaf groups each; groups nest under every tenth group, which holds the `agent` role; incidents that are
 * not new are assigned to one of the 200 agents; an incident's `account` is its caller's (for the contact rule of
 * BENCH_CONTACT_RULE=account).
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
    const departmentId = (expr: string) => `(${b + 700_000n} + ${expr})`;
    const accountId = (expr: string) => `(${b + 710_000n} + ${expr})`;
    const roleId = b + 720_000n;
    const grantBase = b + 720_100n;
    const memberBase = b + 730_000n;
    const lastId = b + 800_000n;
    const h = (expr: string, salt: number) => `abs(hashint4((${expr}) * 16 + ${salt})::bigint)`;
    const openedAt = (n: string) => `(timestamptz '2024-01-01 00:00:00+00' + ((${n})::bigint * 7919 % 100000) * interval '10 minutes')`;
    const contacts = DATA_SHAPE.people - DATA_SHAPE.agents;
    const { agent, contact } = PERSONAS;
    // Leaf group k (1…45) is group k + (k-1)/9: 1–9, 11–19, … (every tenth group is a parent).
    const leafGroup = (k: string) => `((${k}) + ((${k}) - 1) / 9)`;

    await sql.begin(async (tx) => {
      await tx.unsafe(`
        insert into records.department (id, sys_created_by, sys_updated_by, name)
        select ${departmentId('n')}, 'bench', 'bench',
               (array['Finance','HR','IT','Sales','Legal','Facilities','Marketing','Support','R&D','Operations'])[n]
        from generate_series(1, ${DATA_SHAPE.departments}) n`);
      // 20 roots (1–20); 3 children each (21–80); one grandchild below each child (81–140); one below each of those (141–200).
      await tx.unsafe(`
        insert into records.account (id, sys_created_by, sys_updated_by, number, name, kind, parent)
        select ${accountId('a')}, 'bench', 'bench', 'ACC' || lpad(a::text, 7, '0'), 'Account ' || a, 'customer',
               case when a <= 20 then null when a <= 80 then ${accountId('(a - 21) / 3 + 1')} else ${accountId('a - 60')} end
        from generate_series(1, ${DATA_SHAPE.accounts}) a`);
      await tx.unsafe(`
        insert into records.person (id, sys_created_by, sys_updated_by, user_name, name, email, department, account, active)
        select ${personId('n')}, 'bench', 'bench', 'user' || n, 'User ' || n, 'user' || n || '@example.com',
               ${departmentId('n % 10 + 1')},
               case when n = ${contact.person} then ${accountId(String(contact.account))}
                    when n <= ${contacts} then ${accountId(`${h('n', 8)} % ${DATA_SHAPE.accounts} + 1`)} end,
               true
        from generate_series(1, ${DATA_SHAPE.people}) n`);
      await tx.unsafe(`
        insert into records.assignment_group (id, sys_created_by, sys_updated_by, name, parent)
        select ${groupId('n')}, 'bench', 'bench', 'Group ' || n, case when n % 10 <> 0 then ${groupId('(n / 10 + 1) * 10')} end
        from generate_series(1, ${DATA_SHAPE.groups}) n`);
      await tx.unsafe(`insert into records.role (id, sys_created_by, sys_updated_by, name, description) values (${roleId}, 'bench', 'bench', 'agent', 'Works on incidents')`);
      await tx.unsafe(`
        insert into records.role_grant (id, sys_created_by, sys_updated_by, role, assignment_group)
        select ${grantBase} + n, 'bench', 'bench', ${roleId}, ${groupId('n * 10')} from generate_series(1, ${DATA_SHAPE.groups / 10}) n`);
      await tx.unsafe(`
        insert into records.group_member (id, sys_created_by, sys_updated_by, assignment_group, person)
        select ${memberBase} + row_number() over (order by p, g), 'bench', 'bench', ${groupId('g')}, ${personId('p')}
        from (
          select ${agent.person} as p, unnest(array[${agent.directGroups.join(',')}]) as g
          union all
          select p, ${leafGroup(`(p * 7 + j) % 45 + 1`)}
          from generate_series(${agent.person + 1}, ${DATA_SHAPE.people}) p cross join generate_series(0, 1) j
        ) m`);
      await tx.unsafe(`
        insert into records.incident (id, sys_created_by, sys_updated_by, number, short_description, priority, state, caller, account, assignment_group, assigned_to, opened_at)
        select ${incidentId('n')}, 'bench', 'bench', 'INC' || lpad(n::text, 7, '0'),
               'Incident ' || n || ': ' || (array['e-mail not syncing','VPN drops every hour','printer offline','cannot log in','slow laptop','disk almost full'])[${h('n', 1)} % 6 + 1],
               ${h('n', 2)} % 5 + 1,
               (array['new','in_progress','on_hold','resolved','closed'])[${h('n', 3)} % 5 + 1],
               c.caller,
               (select p.account from records.person p where p.id = c.caller),
               ${groupId(`${h('n', 5)} % ${DATA_SHAPE.groups} + 1`)},
               case when ${h('n', 3)} % 5 <> 0 then ${personId(`${contacts + 1} + ${h('n', 9)} % ${DATA_SHAPE.agents}`)} end,
               ${openedAt('n')}
        from generate_series(1, ${DATA_SHAPE.incidents}) n
        cross join lateral (select ${personId(`${h('n', 4)} % ${DATA_SHAPE.people} + 1`)} as caller) c`);
      await tx.unsafe(`
        insert into records.journal_entry (id, sys_created_by, sys_updated_by, record, author, body, written_at)
        select ${journalBase} + row_number() over (order by n, k), 'bench', 'bench', ${incidentId('n')},
               ${personId(`${h('n * 8 + k', 6)} % ${DATA_SHAPE.people} + 1`)},
               'Note ' || k || ' on INC' || lpad(n::text, 7, '0') || ': ' ||
                 (array['checked the logs and restarted the service','asked the caller to confirm the fix','escalated to the network team','waiting for the vendor to answer'])[${h('n * 8 + k', 7)} % 4 + 1],
               ${openedAt('n')} + k * interval '1 minute'
        from generate_series(1, ${DATA_SHAPE.incidents}) n
        cross join lateral generate_series(1, case when n % 5 = 0 then 7 else 2 end) k`);
      await tx.unsafe(`select setval('atrium.record_id_seq', ${lastId})`);
      await tx.unsafe(`select setval('records_seq.incident', ${DATA_SHAPE.incidents})`);
      await tx.unsafe(`select setval('records_seq.account', ${DATA_SHAPE.accounts})`);
      // Atrium indexes reference columns itself; the columns the page filters and sorts on are the bench's job.
      await tx.unsafe(`create index bench_incident_opened_at on records.incident (opened_at)`);
      await tx.unsafe(`create index bench_incident_priority on records.incident (priority)`);
      await tx.unsafe(`create index bench_journal_entry_written_at on records.journal_entry (written_at)`);
    });
    const tables = ['person', 'assignment_group', 'incident', 'journal_entry', 'department', 'account', 'role', 'role_grant', 'group_member'];
    await sql.unsafe(`vacuum (analyze) ${tables.map((t) => `records.${t}`).join(', ')}`);
    const counts = await sql.unsafe<{ t: string; c: number }[]>(tables.map((t) => `select '${t}' as t, count(*)::int as c from records.${t}`).join(' union all '));
    const rows = Object.fromEntries(counts.map((r) => [r.t, r.c]));
    const expected = {
      person: DATA_SHAPE.people,
      assignment_group: DATA_SHAPE.groups,
      incident: DATA_SHAPE.incidents,
      journal_entry: DATA_SHAPE.journalEntries,
      department: DATA_SHAPE.departments,
      account: DATA_SHAPE.accounts,
      role: 1,
      role_grant: DATA_SHAPE.groups / 10,
      group_member: agent.directGroups.length + 2 * (DATA_SHAPE.agents - 1),
    };
    for (const [t, n] of Object.entries(expected)) if (rows[t] !== n) throw new Error(`expected ${n} rows in records.${t}, found ${rows[t]}`);
    const [dup] = await sql`select (select count(distinct opened_at) from records.incident)::int as o, (select count(distinct written_at) from records.journal_entry)::int as w`;
    if (dup.o !== DATA_SHAPE.incidents || dup.w !== DATA_SHAPE.journalEntries) throw new Error(`times are not unique: ${JSON.stringify(dup)}`);
    const [odd] = await sql`select count(*)::int as n from records.incident i join records.person p on p.id = i.caller where i.account is distinct from p.account`;
    if (odd.n) throw new Error(`${odd.n} incidents have an account other than their caller's`);
    return { ms: performance.now() - started, rows };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
