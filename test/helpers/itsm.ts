import type { Execute } from '../../seeds/itsm/demo-data.js';
import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import type { TestServer } from './test-server.js';

/** Publishes the demo packs (ITSM and CSM record types, user criteria, access rules) through the public import mutation. */
export async function importItsm(t: TestServer): Promise<void> {
  const files = await readPack(...DEMO_PACKS);
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "itsm") { applied } }`, { f: files });
}

/** Runs an operation over HTTP as the admin, or signed in as `as` with a development token; fails on any error. */
export function asUser(t: TestServer): Execute {
  const tokens = new Map<string, Promise<string>>();
  return async (query, variables, as) => {
    if (!as) return t.ok(query, variables);
    if (!tokens.has(as)) tokens.set(as, t.token({ subject: as }));
    const r = await t.gql(query, variables, await tokens.get(as)!);
    if (r.errors?.length) throw new Error(`GraphQL errors as ${as}: ${JSON.stringify(r.errors)}`);
    return r.data as Record<string, any>;
  };
}

export interface SmallData {
  people: string[];
  groups: string[];
  incidents: string[];
}

/**
 * A handful of records through the public mutations. Journal entries are written by the incident's caller,
 * signed in (the server sets author and time written).
 */
export async function createSmallData(t: TestServer, incidents = 6): Promise<SmallData> {
  const run = asUser(t);
  const people: string[] = [];
  for (const [i, name] of ['Ada', 'Grace', 'Linus'].entries()) {
    const d = await t.ok(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, { i: { userName: name.toLowerCase(), name, email: `p${i}@example.com` } });
    people.push(d.createPerson.person.id);
  }
  const groups: string[] = [];
  for (const name of ['Network', 'Service Desk']) {
    const d = await t.ok(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, { i: { name } });
    groups.push(d.createAssignmentGroup.assignmentGroup.id);
  }
  const ids: string[] = [];
  for (let i = 0; i < incidents; i++) {
    const d = await t.ok(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, {
      i: {
        shortDescription: `Problem ${i}`,
        priority: (i % 5) + 1,
        caller: people[i % 3],
        assignmentGroup: groups[i % 2],
        openedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        category: i % 3 ? 'NETWORK' : 'SOFTWARE',
      },
    });
    ids.push(d.createIncident.incident.id);
    // Incidents start NEW (their state model's initial state); every other one is then taken into work.
    if (i % 2)
      await t.ok(`mutation($i: TransitionIncidentInput!) { transitionIncident(input: $i) { incident { id } } }`, { i: { id: d.createIncident.incident.id, version: 1, to: 'IN_PROGRESS' } });
    const caller = ['ada', 'grace', 'linus'][i % 3];
    for (let j = 0; j < (i % 3) + 1; j++)
      await run(`mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { id } } }`, { i: { record: d.createIncident.incident.id, body: `note ${i}.${j}` } }, caller);
  }
  return { people, groups, incidents: ids };
}

/**
 * The pack files without the incident SLAs (and the incident case type's list of them), for tests that publish
 * an incident state field without the states those SLAs name (cancelled, on_hold): an SLA naming a state the
 * model lacks is refused at validation.
 */
export function withoutIncidentSlas<F extends { path: string; content: string }>(files: F[]): F[] {
  return files
    .filter((f) => !f.path.startsWith('slas/incident_'))
    .map((f) => (f.path === 'case-types/incident.yaml' ? { ...f, content: f.content.replace(/^slas:.*\n?/m, '') } : f));
}
