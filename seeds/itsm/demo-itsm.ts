import { PATHS, resolutionOf, type DemoBase } from './demo-data.js';
import { loadCmdbDemoData } from './demo-cmdb.js';
import { DemoWriter, rng, type Execute, type OnProgress } from './demo-writer.js';

const CATALOG: [string, string, number, string][] = [
  ['Standard laptop', 'HARDWARE', 1200, '14" laptop with docking station, set up for you.'],
  ['Developer laptop', 'HARDWARE', 2400, '16" laptop with 64 GB memory.'],
  ['Monitor 27"', 'HARDWARE', 320, 'A second screen.'],
  ['Headset', 'HARDWARE', 90, 'Noise-cancelling headset for calls.'],
  ['Mobile phone', 'HARDWARE', 650, 'Company phone with a data plan.'],
  ['Office suite licence', 'SOFTWARE', 150, 'One year.'],
  ['Design tool licence', 'SOFTWARE', 600, 'One year.'],
  ['Database client', 'SOFTWARE', 0, 'For analysts.'],
  ['VPN access', 'ACCESS', 0, 'Work from anywhere.'],
  ['Shared drive access', 'ACCESS', 0, 'Name the drive in the description.'],
  ['CRM access', 'ACCESS', 0, 'Read or write access to the CRM.'],
  ['Admin rights on my laptop', 'ACCESS', 0, 'Needs your manager’s approval.'],
  ['Meeting room AV setup', 'SERVICES', 200, 'For events of more than 20 people.'],
  ['Data restore', 'SERVICES', 0, 'From last night’s backup.'],
  ['New starter kit', 'SERVICES', 1800, 'Laptop, phone, accounts and a welcome pack.'],
  ['Fax machine', 'HARDWARE', 400, 'No longer offered.'],
];
const PROBLEMS = ['Memory leak after the weekly update', 'Certificate expiry not monitored', 'Disk fills with log files', 'Connection pool exhausted at peak', 'Firmware bug drops links', 'Replication lag at month end', 'Time drift on virtual machines', 'Slow queries after index loss'];
const INCIDENTS = ['Service unavailable', 'Very slow response', 'Errors on login', 'Timeouts on save', 'Nightly job failed', 'Alerts: high CPU', 'Users cannot connect'];
const CHANGES = ['Patch the operating system', 'Upgrade to the next version', 'Add memory', 'Rotate certificates', 'Move to the new cluster', 'Change firewall rules', 'Resize the database'];
const STATES = ['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED'];
/** The moves from NEW to each state of the pack's change model (state-models/change_request.yaml). */
const CHANGE_PATHS: Record<string, string[]> = {
  NEW: [],
  ASSESS: ['ASSESS'],
  AUTHORIZE: ['ASSESS', 'AUTHORIZE'],
  SCHEDULED: ['ASSESS', 'AUTHORIZE', 'SCHEDULED'],
  IMPLEMENT: ['ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT'],
  REVIEW: ['ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW'],
  CLOSED: ['ASSESS', 'AUTHORIZE', 'SCHEDULED', 'IMPLEMENT', 'REVIEW', 'CLOSED'],
  CANCELLED: ['ASSESS', 'CANCELLED'],
};
/** The same for requests (state-models/sc_request.yaml). */
const REQUEST_PATHS: Record<string, string[]> = {
  NEW: [],
  IN_PROGRESS: ['IN_PROGRESS'],
  ON_HOLD: ['IN_PROGRESS', 'ON_HOLD'],
  CLOSED: ['IN_PROGRESS', 'CLOSED'],
};

/**
 * The rest of the ITSM demo, on top of the base demo's people and groups: the CMDB, 16 catalog items, 50
 * problems (some known errors), 300 incidents on configuration items (most linked to a problem), 150 change
 * requests and 250 catalog requests — the same on every start.
 */
export async function loadItsmDemoData(execute: Execute, base: DemoBase, onProgress?: OnProgress): Promise<{ records: number }> {
  const w = new DemoWriter(execute, onProgress);
  const random = rng(99);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const cmdb = await loadCmdbDemoData(w, base);
  const g = base.groups;
  const groupOf = (ci: string) => (cmdb.databases.includes(ci) ? 'Database' : cmdb.applications.includes(ci) ? 'Applications' : cmdb.servers.includes(ci) ? 'Hardware' : 'Network Operations');
  const assignee = (group: string) => (random() < 0.6 && base.agents[group]?.length ? pick(base.agents[group]) : null);
  const start = Date.parse('2026-09-01T08:00:00Z');
  const hours = (h: number) => new Date(start + h * 3600_000).toISOString();

  w.progress('problems, incidents on configuration items, changes');
  const affected = [...cmdb.applications, ...cmdb.databases, ...cmdb.servers.slice(0, 80)];
  const problemItems = Array.from({ length: 50 }, () => pick(affected));
  const problemStates: string[] = [];
  const problems = await w.createMany(
    'Problem',
    problemItems.map((ci, i) => {
      const known = i % 3 === 0;
      const group = groupOf(ci);
      problemStates.push(known ? pick(['IN_PROGRESS', 'RESOLVED', 'CLOSED']) : pick(['NEW', 'IN_PROGRESS', 'ON_HOLD']));
      return {
        shortDescription: pick(PROBLEMS),
        priority: 1 + Math.floor(random() * 4),
        assignmentGroup: g[group],
        assignedTo: assignee(group),
        openedAt: hours(i * 20),
        configurationItem: ci,
        knownError: known,
        rootCause: known ? 'Found in the logs; reproduced on staging.' : null,
        workaround: known ? 'Restart the service; it recovers for about a day.' : null,
      };
    }),
  );
  // Known errors have their root cause, which resolving a problem requires.
  await w.walk('Problem', problems, problemStates.map((st) => PATHS[st]));
  const incidentStates: string[] = [];
  const incidents = await w.createMany(
    'Incident',
    Array.from({ length: 300 }, (_, i) => {
      // Most incidents are symptoms of a known problem and sit on its item; the rest on any item.
      const p = random() < 0.6 ? Math.floor(random() * problems.length) : -1;
      const ci = p >= 0 ? problemItems[p] : pick(affected);
      const group = i % 4 === 0 ? 'Service Desk' : groupOf(ci);
      incidentStates.push(pick(STATES));
      return {
        shortDescription: pick(INCIDENTS),
        priority: 1 + Math.floor(random() * 5),
        category: pick(['SOFTWARE', 'HARDWARE', 'NETWORK']),
        caller: i % 10 === 0 ? base.people['erin.employee'] : pick(base.employees),
        assignmentGroup: g[group],
        assignedTo: assignee(group),
        openedAt: hours(i * 3 + random() * 3),
        configurationItem: ci,
        problem: p >= 0 ? problems[p] : null,
      };
    }),
  );
  // Incidents follow their state model: created new, then moved by transitions.
  await w.walk('Incident', incidents, incidentStates.map((st) => PATHS[st]), resolutionOf);
  const changeStates: string[] = [];
  const changes = await w.createMany(
    'ChangeRequest',
    Array.from({ length: 150 }, (_, i) => {
      const ci = pick(affected);
      const group = groupOf(ci);
      const begin = i * 14 + Math.floor(random() * 10);
      changeStates.push(pick(Object.keys(CHANGE_PATHS)));
      return {
        shortDescription: pick(CHANGES),
        priority: 2 + Math.floor(random() * 3),
        assignmentGroup: g[group],
        assignedTo: assignee(group),
        openedAt: hours(begin - 72),
        changeType: pick(['STANDARD', 'STANDARD', 'NORMAL', 'NORMAL', 'NORMAL', 'EMERGENCY']),
        risk: pick(['LOW', 'MODERATE', 'HIGH']),
        impact: pick(['LOW', 'MEDIUM', 'HIGH']),
        plannedStart: hours(begin),
        plannedEnd: hours(begin + 1 + Math.floor(random() * 4)),
        implementationPlan: 'Follow the runbook; announce in the service channel.',
        backoutPlan: 'Restore the snapshot taken before the change.',
        configurationItem: ci,
      };
    }),
  );

  await w.walk('ChangeRequest', changes, changeStates.map((st) => CHANGE_PATHS[st]));

  w.progress('service catalog and requests');
  const items = await w.createMany(
    'CatalogItem',
    CATALOG.map(([name, category, price, description], i) => ({ name, category, price: price.toFixed(2), description, active: i < CATALOG.length - 1 })),
  );
  const requestStates: string[] = [];
  const requests = await w.createMany(
    'ScRequest',
    Array.from({ length: 250 }, (_, i) => {
      const item = Math.floor(random() * (items.length - 1));
      const group = CATALOG[item][1] === 'HARDWARE' ? 'Hardware' : 'Service Desk';
      requestStates.push(pick(Object.keys(REQUEST_PATHS)));
      return {
        shortDescription: `Order: ${CATALOG[item][0]}`,
        priority: 4,
        requestedFor: i % 8 === 0 ? base.people['erin.employee'] : pick(base.employees),
        catalogItem: items[item],
        quantity: random() < 0.9 ? 1 : 2 + Math.floor(random() * 4),
        assignmentGroup: g[group],
        assignedTo: assignee(group),
        openedAt: hours(i * 7),
      };
    }),
  );
  await w.walk('ScRequest', requests, requestStates.map((st) => REQUEST_PATHS[st]));
  return { records: w.records };
}
