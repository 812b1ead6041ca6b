/** A deterministic pseudo-random sequence, so every fresh start shows the same demo. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * Runs one GraphQL operation: as the development admin, or signed in as the user named `as` (journal entries
 * are written by their authors: the server sets the author, it takes none from a client).
 */
export type Execute = (query: string, variables: Record<string, unknown>, as?: string) => Promise<Record<string, any>>;

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
const CATEGORIES = ['SOFTWARE', 'HARDWARE', 'NETWORK', 'ACCESS', 'OTHER'];

/**
 * Demo records, written through the public GraphQL mutations: the personas, 40 more employees, departments,
 * locations, nested groups with the agent role granted to them, nested customer accounts and a partner,
 * 150 incidents with about 300 journal entries, and 40 customer cases with 60 more.
 */
export async function loadDemoData(execute: Execute): Promise<{ records: number }> {
  const random = rng(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  let records = 0;
  const create = async (type: string, input: Record<string, unknown>, as?: string): Promise<string> => {
    const field = type.charAt(0).toLowerCase() + type.slice(1);
    const r = await execute(`mutation($i: Create${type}Input!) { create${type}(input: $i) { ${field} { id } } }`, { i: input }, as);
    records++;
    return r[`create${type}`][field].id as string;
  };

  const departments = [];
  for (const name of DEPARTMENTS) departments.push(await create('Department', { name }));
  const locations = [];
  for (const [name, city, country] of LOCATIONS) locations.push(await create('Location', { name, city, country }));
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
  for (const p of PERSONAS) {
    const account = p.userName === 'carol.contact' ? 'Globex' : p.userName === 'dave.contact' ? 'Globex Europe' : p.userName === 'pat.partner' ? 'Initech Partners' : null;
    people[p.userName] = await create('Person', {
      userName: p.userName,
      name: p.name,
      email: `${p.userName}@example.com`,
      account: account ? accounts[account] : null,
      department: account ? null : pick(departments),
      location: pick(locations),
    });
    userNames[people[p.userName]] = p.userName;
  }
  const employees: string[] = [people['erin.employee']];
  for (let i = 0; i < 40; i++) {
    const id = await create('Person', {
      userName: `user${i + 1}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`,
      email: `user${i + 1}@example.com`,
      department: pick(departments),
      location: pick(locations),
    });
    employees.push(id);
    userNames[id] = `user${i + 1}`;
  }
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
  const join = async (group: string, person: string) => {
    await create('GroupMember', { assignmentGroup: groups[group], person });
    (agents[group] ??= []).push(person);
  };
  await join('Service Desk', people['alice.agent']);
  await join('Network Operations', people['bob.agent']);
  for (const [i, [group]] of GROUPS.entries()) {
    await join(group, employees[1 + i * 2]);
    await join(group, employees[2 + i * 2]);
  }
  const groupNames = GROUPS.map(([g]) => g);

  const start = Date.parse('2026-09-01T08:00:00Z');
  for (let i = 0; i < 150; i++) {
    const opened = new Date(start + i * 3.7 * 3600_000 + Math.floor(random() * 3600_000));
    const group = pick(groupNames);
    const incident = await create('Incident', {
      shortDescription: pick(PROBLEMS),
      description: 'Reported through the service portal.',
      state: pick(STATES),
      priority: 1 + Math.floor(random() * 5),
      category: pick(CATEGORIES),
      caller: i % 6 === 0 ? people['erin.employee'] : pick(employees),
      assignmentGroup: groups[group],
      assignedTo: random() < 0.7 && agents[group] ? pick(agents[group]) : null,
      openedAt: opened.toISOString(),
      timeWorked: `PT${1 + (i % 8)}H`,
    });
    const entries = i % 5 === 0 ? 4 : 2;
    for (let j = 0; j < entries; j++) {
      // Every group has members, and they may read their group's incidents, so they may write on them
      // (journal_create_*). The server sets the author (the signed-in agent) and the time written.
      const author = pick(agents[group]);
      await create('JournalEntry', { record: incident, body: j === 0 ? 'Logged the call and asked for details.' : `Update ${j}: investigating.`, kind: j % 2 === 1 ? 'WORK_NOTE' : 'COMMENT' }, userNames[author]);
    }
  }
  const customerAccounts = ['Globex', 'Globex Europe', 'Umbrella', 'Umbrella Labs'];
  for (let i = 0; i < 40; i++) {
    const account = customerAccounts[i % customerAccounts.length];
    const kase = await create('CustomerCase', {
      shortDescription: pick(CASES),
      state: pick(STATES),
      priority: 1 + Math.floor(random() * 5),
      account: accounts[account],
      contact: contacts[account].length ? pick(contacts[account]) : null,
      channel: pick(['WEB', 'EMAIL', 'PHONE']),
      assignmentGroup: groups[i % 3 === 0 ? 'Service Desk' : 'Applications'],
      openedAt: new Date(start + i * 9 * 3600_000).toISOString(),
    });
    // The same journal on another task type, with no wiring of its own: a comment, and on every other case a work note.
    const group = i % 3 === 0 ? 'Service Desk' : 'Applications';
    for (const kind of i % 2 === 0 ? ['COMMENT', 'WORK_NOTE'] : ['COMMENT'])
      await create('JournalEntry', { record: kase, body: kind === 'COMMENT' ? 'We are looking into it.' : 'Checked the logs.', kind }, userNames[agents[group][i % agents[group].length]]);
  }
  return { records };
}
