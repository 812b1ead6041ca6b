import { DemoWriter, rng, type Execute, type OnProgress } from './demo-writer.js';

export { type Execute, type OnProgress } from './demo-writer.js';

/** The people a newcomer can sign in as with the development sign-in, one per kind of access. */
export const PERSONAS = [
  { userName: 'admin', name: 'Ada Admin', description: 'Administrator: every record, every rule.' },
  { userName: 'alice.agent', name: 'Alice Agent', description: 'Agent in Service Desk: incidents and cases assigned to it.' },
  { userName: 'bob.agent', name: 'Bob Agent', description: 'Agent in Network Operations (below Network): their queues.' },
  { userName: 'erin.employee', name: 'Erin Employee', description: 'Employee: her own incidents, comments but no work notes.' },
  { userName: 'carol.contact', name: 'Carol Contact', description: 'Contact of Globex: cases of Globex and Globex Europe.' },
  { userName: 'dave.contact', name: 'Dave Contact', description: 'Contact of Globex Europe (below Globex): its cases only.' },
  { userName: 'pat.partner', name: 'Pat Partner', description: 'Contact of Initech Partners, which serves Umbrella.' },
] as const;

const FIRST = ['Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Ken', 'Radia', 'Tim', 'Frances', 'Dennis', 'Hedy', 'John', 'Katherine', 'Edsger'];
const LAST = ['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Thompson', 'Perlman', 'Berners-Lee', 'Allen', 'Ritchie', 'Lamarr'];
const DEPARTMENTS = ['Finance', 'HR', 'Sales', 'Engineering', 'Facilities', 'Support'];
const LOCATIONS = [
  ['London', 'London', 'United Kingdom'],
  ['Berlin', 'Berlin', 'Germany'],
  ['Austin', 'Austin', 'United States'],
];
/** Groups and their parents: members of Network Operations belong to Network too. */
const GROUPS: [string, string | null][] = [
  ['Service Desk', null],
  ['Network', null],
  ['Network Operations', 'Network'],
  ['Database', null],
  ['Hardware', null],
  ['Applications', null],
];
/** Accounts and their parents; Initech Partners is a partner serving Umbrella. */
const ACCOUNTS: [string, string | null, 'CUSTOMER' | 'PARTNER'][] = [
  ['Globex', null, 'CUSTOMER'],
  ['Globex Europe', 'Globex', 'CUSTOMER'],
  ['Umbrella', null, 'CUSTOMER'],
  ['Umbrella Labs', 'Umbrella', 'CUSTOMER'],
  ['Initech Partners', null, 'PARTNER'],
];
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
const CASES = ['Invoice shows the wrong amount', 'Cannot log in to the portal', 'Order arrived damaged', 'Feature request: export to CSV', 'API returns 500 on upload'];
const STATES = ['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
/** The transitions from NEW that lead to each state, in the incident and case state models of the packs. */
export const PATHS: Record<string, string[]> = {
  NEW: [],
  IN_PROGRESS: ['IN_PROGRESS'],
  ON_HOLD: ['IN_PROGRESS', 'ON_HOLD'],
  RESOLVED: ['IN_PROGRESS', 'RESOLVED'],
  CLOSED: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
};
const CATEGORIES = ['SOFTWARE', 'HARDWARE', 'NETWORK', 'ACCESS', 'OTHER'];

/** What resolving an incident requires in the pack's model (resolution notes and a close code). */
export function resolutionOf(to: string): Record<string, unknown> | null {
  return to === 'RESOLVED' ? { resolutionNotes: 'Fixed and confirmed with the caller.', closeCode: 'SOLVED' } : null;
}

/** What the ITSM demo (CMDB, problems, changes, requests) builds on: ids by name, as the base demo made them. */
export interface DemoBase {
  people: Record<string, string>;
  employees: string[];
  groups: Record<string, string>;
  /** Members of each group, by group name. */
  agents: Record<string, string[]>;
  locations: string[];
  incidents: string[];
}

/**
 * Demo records, written through the public GraphQL mutations: the personas, 40 more employees, departments,
 * locations, nested groups with the agent role granted to them, nested customer accounts and a partner,
 * 150 incidents with about 300 journal entries, and 40 customer cases with 60 more.
 */
export async function loadDemoData(execute: Execute, onProgress?: OnProgress): Promise<DemoBase & { records: number }> {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const w = new DemoWriter(execute, onProgress);
  const create = (type: string, input: Record<string, unknown>, as?: string) => w.create(type, input, as);

  w.progress('people, groups and accounts');
  const departments = await w.createMany('Department', DEPARTMENTS.map((name) => ({ name })));
  const locations = await w.createMany('Location', LOCATIONS.map(([name, city, country]) => ({ name, city, country })));
  const roles: Record<string, string> = {};
  for (const [name, description] of [
    ['admin', 'Passes every access rule.'],
    ['agent', 'Works on incidents and cases (granted to every assignment group).'],
  ])
    roles[name] = await create('Role', { name, description });
  const accounts: Record<string, string> = {};
  for (const [name, parent, kind] of ACCOUNTS)
    accounts[name] = await create('Account', { name, kind, parent: parent ? accounts[parent] : null, website: `https://${name.toLowerCase().replace(/[^a-z]+/g, '-')}.example.com` });
  await create('PartnerRelationship', { partner: accounts['Initech Partners'], customer: accounts.Umbrella });

  const people: Record<string, string> = {};
  /** User names by person id: journal entries are written signed in as their author. */
  const userNames: Record<string, string> = {};
  const personaIds = await w.createMany(
    'Person',
    PERSONAS.map((p) => {
      const account = p.userName === 'carol.contact' ? 'Globex' : p.userName === 'dave.contact' ? 'Globex Europe' : p.userName === 'pat.partner' ? 'Initech Partners' : null;
      return { userName: p.userName, name: p.name, email: `${p.userName}@example.com`, account: account ? accounts[account] : null, department: account ? null : pick(departments), location: pick(locations) };
    }),
  );
  PERSONAS.forEach((p, i) => {
    people[p.userName] = personaIds[i];
    userNames[personaIds[i]] = p.userName;
  });
  // Four line managers first (user1–user4), then everyone else reporting to one of them: approval flows ask a
  // requester's manager.
  const person = (i: number, manager: string | null) => ({
    userName: `user${i + 1}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
    email: `user${i + 1}@example.com`,
    department: pick(departments),
    location: pick(locations),
    manager,
  });
  const managers = await w.createMany('Person', Array.from({ length: 4 }, (_, i) => person(i, null)));
  const more = [...managers, ...(await w.createMany('Person', Array.from({ length: 36 }, (_, i) => person(i + 4, managers[i % 4]))))];
  await w.update('Person', people['erin.employee'], 1, { manager: managers[0] });
  more.forEach((id, i) => (userNames[id] = `user${i + 1}`));
  const employees: string[] = [people['erin.employee'], ...more];
  const contacts: Record<string, string[]> = { Globex: [people['carol.contact']], 'Globex Europe': [people['dave.contact']], Umbrella: [], 'Umbrella Labs': [] };
  for (const [i, account] of ['Umbrella', 'Umbrella Labs', 'Globex', 'Umbrella'].entries())
    contacts[account].push(await create('Person', { userName: `contact${i + 1}`, name: `${pick(FIRST)} ${pick(LAST)}`, email: `contact${i + 1}@example.com`, account: accounts[account] }));

  await create('RoleGrant', { role: roles.admin, person: people.admin });
  const groups: Record<string, string> = {};
  for (const [name, parent] of GROUPS) {
    groups[name] = await create('AssignmentGroup', { name, parent: parent ? groups[parent] : null, email: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}@example.com` });
    if (!parent) await create('RoleGrant', { role: roles.agent, assignmentGroup: groups[name] });
  }
  const agents: Record<string, string[]> = {};
  const members: [string, string][] = [
    ['Service Desk', people['alice.agent']],
    ['Network Operations', people['bob.agent']],
    ...GROUPS.flatMap(([group], i) => [[group, employees[1 + i * 2]], [group, employees[2 + i * 2]]] as [string, string][]),
  ];
  await w.createMany('GroupMember', members.map(([group, person]) => ({ assignmentGroup: groups[group], person })));
  for (const [group, person] of members) (agents[group] ??= []).push(person);
  const groupNames = GROUPS.map(([g]) => g);
  // The change pack's CAB approval asks this board (not an assignment target: no incidents go to it).
  groups['Change Advisory Board'] = await create('AssignmentGroup', { name: 'Change Advisory Board', email: 'cab@example.com' });
  await w.createMany('GroupMember', [people['alice.agent'], people['bob.agent'], managers[1], managers[2]].map((p) => ({ assignmentGroup: groups['Change Advisory Board'], person: p })));

  w.progress('incidents and their journals');
  const start = Date.parse('2026-09-01T08:00:00Z');
  const incidentInputs: Record<string, unknown>[] = [];
  const incidentGroups: string[] = [];
  const incidentStates: string[] = [];
  for (let i = 0; i < 150; i++) {
    const opened = new Date(start + i * 3.7 * 3600_000 + Math.floor(random() * 3600_000));
    const group = pick(groupNames);
    incidentGroups.push(group);
    incidentStates.push(pick(STATES));
    incidentInputs.push({
      shortDescription: pick(PROBLEMS),
      description: 'Reported through the service portal.',
      priority: 1 + Math.floor(random() * 5),
      category: pick(CATEGORIES),
      caller: i % 6 === 0 ? people['erin.employee'] : pick(employees),
      assignmentGroup: groups[group],
      assignedTo: random() < 0.7 && agents[group] ? pick(agents[group]) : null,
      openedAt: opened.toISOString(),
      timeWorked: `PT${1 + (i % 8)}H`,
    });
  }
  const incidents = await w.createMany('Incident', incidentInputs);
  // Records start in their model's initial state and reach another only by its transitions, as a person would.
  await w.walk('Incident', incidents, incidentStates.map((st) => PATHS[st]), resolutionOf);
  // Every group has members, and they may write on their group's incidents (journal_create_*). The server
  // sets the author (the signed-in agent) and the time written, so entries are batched per author.
  const byAuthor = new Map<string, Record<string, unknown>[]>();
  incidents.forEach((incident, i) => {
    for (let j = 0; j < (i % 5 === 0 ? 4 : 2); j++) {
      const author = userNames[pick(agents[incidentGroups[i]])];
      if (!byAuthor.has(author)) byAuthor.set(author, []);
      byAuthor.get(author)!.push({ record: incident, body: j === 0 ? 'Logged the call and asked for details.' : `Update ${j}: investigating.`, kind: j % 2 === 1 ? 'WORK_NOTE' : 'COMMENT' });
    }
  });
  for (const [author, entries] of byAuthor) await w.createMany('JournalEntry', entries, author);

  w.progress('customer cases');
  const customerAccounts = ['Globex', 'Globex Europe', 'Umbrella', 'Umbrella Labs'];
  const caseStates: string[] = [];
  const cases = await w.createMany(
    'CustomerCase',
    Array.from({ length: 40 }, (_, i) => {
      const account = customerAccounts[i % customerAccounts.length];
      caseStates.push(pick(STATES));
      return {
        shortDescription: pick(CASES),
        priority: 1 + Math.floor(random() * 5),
        account: accounts[account],
        contact: contacts[account].length ? pick(contacts[account]) : null,
        channel: pick(['WEB', 'EMAIL', 'PHONE']),
        assignmentGroup: groups[i % 3 === 0 ? 'Service Desk' : 'Applications'],
        openedAt: new Date(start + i * 9 * 3600_000).toISOString(),
      };
    }),
  );
  await w.walk('CustomerCase', cases, caseStates.map((st) => PATHS[st]));
  // The same journal on another task type, with no wiring of its own: a comment, and on every other case a work note.
  const caseEntries = new Map<string, Record<string, unknown>[]>();
  cases.forEach((kase, i) => {
    const group = i % 3 === 0 ? 'Service Desk' : 'Applications';
    const author = userNames[agents[group][i % agents[group].length]];
    for (const kind of i % 2 === 0 ? ['COMMENT', 'WORK_NOTE'] : ['COMMENT']) {
      if (!caseEntries.has(author)) caseEntries.set(author, []);
      caseEntries.get(author)!.push({ record: kase, body: kind === 'COMMENT' ? 'We are looking into it.' : 'Checked the logs.', kind });
    }
  });
  for (const [author, entries] of caseEntries) await w.createMany('JournalEntry', entries, author);
  return { records: w.records, people, employees, groups, agents, locations, incidents };
}
