import { DEMO_PACKS, readPack } from '../../seeds/load-pack.js';
import type { TestServer } from './test-server.js';

/** Publishes the demo packs (ITSM and CSM record types, user criteria, access rules) through the public import mutation. */
export async function importItsm(t: TestServer): Promise<void> {
  const files = await readPack(...DEMO_PACKS);
  await t.ok(`mutation($f: [MetadataFileInput!]!) { importMetadata(files: $f, dryRun: false, message: "itsm") { applied } }`, { f: files });
}

export interface SmallData {
  people: string[];
  groups: string[];
  incidents: string[];
}

/** A handful of records through the public mutations. */
export async function createSmallData(t: TestServer, incidents = 6): Promise<SmallData> {
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
        state: i % 2 ? 'IN_PROGRESS' : 'NEW',
        caller: people[i % 3],
        assignmentGroup: groups[i % 2],
        openedAt: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
        category: i % 3 ? 'NETWORK' : 'SOFTWARE',
      },
    });
    ids.push(d.createIncident.incident.id);
    for (let j = 0; j < (i % 3) + 1; j++)
      await t.ok(`mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { id } } }`, {
        i: { incident: d.createIncident.incident.id, author: people[j % 3], body: `note ${i}.${j}`, writtenAt: new Date(Date.UTC(2026, 0, 1, i, j)).toISOString() },
      });
  }
  return { people, groups, incidents: ids };
}
