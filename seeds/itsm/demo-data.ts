/** A deterministic pseudo-random sequence, so every fresh start shows the same demo. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export type Execute = (query: string, variables: Record<string, unknown>) => Promise<Record<string, any>>;

const FIRST = ['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances', 'Dennis', 'Hedy', 'John', 'Katherine', 'Edsger'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen', 'Ritchie', 'Lamarr'];
const DEPARTMENTS = ['Finance', 'HR', 'Sales', 'Engineering', 'Facilities', 'Support'];
const GROUPS = ['Service Desk', 'Network', 'Database', 'Identity & Access', 'Hardware', 'Applications'];
const PROBLEMS = [
  'Cannot connect to VPN',
  'Laptop does not boot',
  'Password reset needed',
  'Email not syncing on phone',
  'Printer on floor 3 jams',
  'CRM is slow',
  'Access to shared drive denied',
  'Wi-Fi drops in meeting room',
  'Payroll report fails to export',
  'New starter needs an account',
];
const STATES = ['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
const CATEGORIES = ['SOFTWARE', 'HARDWARE', 'NETWORK', 'ACCESS', 'OTHER'];

/**
 * Demo records for the ITSM pack, written through the public GraphQL mutations:
 * 40 users, 6 groups, 150 incidents, about 300 journal entries.
 */
export async function loadDemoData(execute: Execute): Promise<{ records: number }> {
  const random = rng(42);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  let records = 0;
  const people: string[] = [];
  for (let i = 0; i < 40; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const r = await execute(`mutation($i: CreatePersonInput!) { createPerson(input: $i) { person { id } } }`, {
      i: { name, email: `user${i + 1}@example.com`, department: pick(DEPARTMENTS) },
    });
    people.push(r.createPerson.person.id);
    records++;
  }
  const groups: string[] = [];
  for (const [i, name] of GROUPS.entries()) {
    const r = await execute(`mutation($i: CreateAssignmentGroupInput!) { createAssignmentGroup(input: $i) { assignmentGroup { id } } }`, {
      i: { name, manager: people[i], email: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}@example.com` },
    });
    groups.push(r.createAssignmentGroup.assignmentGroup.id);
    records++;
  }
  const start = Date.parse('2026-09-01T08:00:00Z');
  for (let i = 0; i < 150; i++) {
    const opened = new Date(start + i * 3.7 * 3600_000 + Math.floor(random() * 3600_000));
    const r = await execute(`mutation($i: CreateIncidentInput!) { createIncident(input: $i) { incident { id } } }`, {
      i: {
        shortDescription: pick(PROBLEMS),
        description: 'Reported through the service portal.',
        state: pick(STATES),
        priority: 1 + Math.floor(random() * 5),
        category: pick(CATEGORIES),
        caller: pick(people),
        assignmentGroup: pick(groups),
        assignedTo: random() < 0.7 ? pick(people) : null,
        openedAt: opened.toISOString(),
      },
    });
    records++;
    const entries = i % 5 === 0 ? 4 : 2;
    for (let j = 0; j < entries; j++) {
      await execute(`mutation($i: CreateJournalEntryInput!) { createJournalEntry(input: $i) { journalEntry { id } } }`, {
        i: {
          incident: r.createIncident.incident.id,
          author: pick(people),
          body: j === 0 ? 'Logged the call and asked for details.' : `Update ${j}: investigating.`,
          writtenAt: new Date(opened.getTime() + (j + 1) * 1800_000).toISOString(),
          internal: j % 2 === 1,
        },
      });
      records++;
    }
  }
  return { records };
}
